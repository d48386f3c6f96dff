//! Agreement rules: terms, notices and what an agreement's end means for its bodies.

use super::{Context, rule};
use crate::finding::{Finding, Message};
use crate::model::Registry;
use crate::model::agreement::{Agreement, Cost, Split};
use crate::msg;

rule!(FIXED_TERM_EXPIRED, "fixed-term-expired", "agreements", Warn);
rule!(
    BODY_OUTLIVES_AGREEMENT,
    "body-outlives-agreement",
    "agreements",
    Error
);
rule!(
    NOTICE_FROM_NON_PARTY,
    "notice-from-non-party",
    "agreements",
    Error
);
rule!(
    HANDLED_BY_FOREIGN_BODY,
    "handled-by-foreign-body",
    "agreements",
    Error
);
rule!(
    RENEWAL_WITHOUT_TERM,
    "renewal-without-term",
    "agreements",
    Error
);
rule!(COST_SPLIT, "cost-split", "agreements", Error);

pub static RULES: &[&super::Rule] = &[
    &FIXED_TERM_EXPIRED,
    &BODY_OUTLIVES_AGREEMENT,
    &NOTICE_FROM_NON_PARTY,
    &HANDLED_BY_FOREIGN_BODY,
    &RENEWAL_WITHOUT_TERM,
    &COST_SPLIT,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    for a in reg.agreements.values() {
        let v = &a.value;
        // A term that renews or is extended needs a term: without `ends` there is none.
        if v.ends.is_none() {
            if let Some(renewal) = &v.renewal {
                out.push(
                    RENEWAL_WITHOUT_TERM
                        .finding(a.at(renewal), msg!("renewal-without-term-renewal")),
                );
            } else if let Some(extension) = v.extension.first() {
                out.push(
                    RENEWAL_WITHOUT_TERM
                        .finding(a.at(extension), msg!("renewal-without-term-extension")),
                );
            }
        }
        for cost in &v.cost {
            if let Some(message) = cost_split_problem(reg, v, cost.get_ref()) {
                out.push(COST_SPLIT.finding(a.at(&cost.get_ref().split), message));
            }
        }
        // A successor or an archive date says the registry keeps it for the record.
        let kept = v.superseded_by.is_some() || v.archived.is_some();
        if let Some(ends) = &v.ends
            && let Some(end) = reg.agreement_end(&a.id)
            && end < ctx.today
            && !kept
        {
            out.push(FIXED_TERM_EXPIRED.finding(
                a.at(ends),
                msg!("fixed-term-expired", ends = end.to_string()),
            ));
        }
        for n in &v.notice {
            let party = &n.get_ref().party;
            if reg.parties.contains_key(party.get_ref()) && !v.has_party(party.get_ref()) {
                out.push(NOTICE_FROM_NON_PARTY.finding(
                    a.at(party),
                    msg!("notice-from-non-party", party = party.get_ref()),
                ));
            }
        }
        if let Some(t) = &v.termination
            && let Some(handled_by) = &t.get_ref().handled_by
            && let Some(body) = reg.bodies.get(handled_by.get_ref())
            && body.value.agreement.get_ref() != &a.id
        {
            out.push(HANDLED_BY_FOREIGN_BODY.finding(
                a.at(handled_by),
                msg!(
                    "handled-by-foreign-body",
                    body = handled_by.get_ref(),
                    agreement = body.value.agreement.get_ref()
                ),
            ));
        }
    }
    outliving_members_and_meetings(ctx, out);
}

fn outliving_members_and_meetings(ctx: &Context, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    for (body_id, body) in &reg.bodies {
        let Some(end) = reg.agreement_end(body.value.agreement.get_ref()) else {
            continue;
        };
        let Some(roster) = reg.rosters.get(body_id) else {
            continue;
        };
        for m in &roster.value.member {
            let member = m.get_ref();
            if member.to().is_none_or(|to| to > end) {
                let (at, served) = match &member.to {
                    Some(to) => (
                        roster.at(to),
                        msg!("outlives-until", to = to.get_ref().to_string()),
                    ),
                    None => (roster.at(m), msg!("outlives-no-end")),
                };
                out.push(BODY_OUTLIVES_AGREEMENT.finding(
                    at,
                    msg!(
                        "outlives-member",
                        name = member.name.get_ref(),
                        body = body_id,
                        served = served,
                        agreement = body.value.agreement.get_ref(),
                        end = end.to_string()
                    ),
                ));
            }
        }
    }
    for m in &reg.meetings {
        let meeting = m.get();
        let Some(body) = reg.bodies.get(meeting.body.get_ref()) else {
            continue;
        };
        let Some(end) = reg.agreement_end(body.value.agreement.get_ref()) else {
            continue;
        };
        if meeting.day() > end {
            out.push(BODY_OUTLIVES_AGREEMENT.finding(
                m.at(&meeting.date),
                msg!(
                    "outlives-meeting",
                    body = meeting.body.get_ref(),
                    date = meeting.date.get_ref().to_string(),
                    agreement = body.value.agreement.get_ref(),
                    end = end.to_string()
                ),
            ));
        }
    }
}
/// What is wrong with a cost's split, if anything: shares that do not sum to 100, a name
/// that is neither a side nor a party of the agreement, a side with no party in it, or
/// sides and parties mixed.
fn cost_split_problem(reg: &Registry, agreement: &Agreement, cost: &Cost) -> Option<Message> {
    let Split::Shares(shares) = cost.split.get_ref() else {
        return None; // by population
    };
    let title = cost.title.get_ref();
    let sides = ["region", "municipality"];
    let mut by_side = false;
    let mut by_party = false;
    for name in shares.keys() {
        if sides.contains(&name.as_str()) {
            by_side = true;
            let present = agreement.parties.iter().any(|p| {
                reg.party_side(p.get_ref())
                    .is_some_and(|s| s.as_str() == name)
            });
            if !present {
                return Some(msg!("cost-split-absent-side", title = title, side = name));
            }
        } else if agreement.has_party(name) {
            by_party = true;
        } else {
            return Some(msg!("cost-split-unknown", title = title, name = name));
        }
    }
    if by_side && by_party {
        return Some(msg!("cost-split-mixed", title = title));
    }
    let sum: u64 = shares.values().map(|p| u64::from(*p)).sum();
    (sum != 100).then(|| msg!("cost-split-sum", title = title, sum = sum))
}
