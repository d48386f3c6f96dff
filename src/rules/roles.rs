//! Role rules: the people an agreement names for its parties (partner owners, coordinators).

use std::collections::BTreeMap;

use super::{Context, rule};
use crate::finding::Finding;
use crate::model::agreement::{Role, RoleKind};
use crate::msg;

rule!(
    OWNER_CHANGE_UNNOTIFIED,
    "owner-change-unnotified",
    "roles",
    Error
);

pub static RULES: &[&super::Rule] = &[&OWNER_CHANGE_UNNOTIFIED];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for a in ctx.reg.agreements.values() {
        let mut owners: BTreeMap<&str, Vec<&Role>> = BTreeMap::new();
        for r in &a.value.role {
            let r = r.get_ref();
            if *r.role.get_ref() == RoleKind::PartnerOwner {
                owners.entry(r.party.get_ref()).or_default().push(r);
            }
        }
        for (party, mut roles) in owners {
            roles.sort_by_key(|r| r.from.get_ref().0);
            for pair in roles.windows(2) {
                let [before, after] = pair else { continue };
                if after.notified.is_none() {
                    out.push(OWNER_CHANGE_UNNOTIFIED.finding(
                        a.at(&after.name),
                        msg!(
                            "owner-change-unnotified",
                            name = after.name.get_ref(),
                            before = before.name.get_ref(),
                            party = party,
                            from = after.from.get_ref().to_string()
                        ),
                    ));
                }
            }
        }
    }
}
