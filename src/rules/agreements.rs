//! Agreement rules: terms, notices and what an agreement's end means for its bodies.

use super::{Context, rule};
use crate::finding::{Finding, Message};
use crate::model::agreement::{Agreement, Cost, Split};
use crate::model::{Entity, Registry, terms};
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
rule!(
    ANNEX_OUTLIVES_AGREEMENT,
    "annex-outlives-agreement",
    "agreements",
    Error
);
rule!(
    ANNEX_FOREIGN_PARTY,
    "annex-foreign-party",
    "agreements",
    Error
);

pub static RULES: &[&super::Rule] = &[
    &FIXED_TERM_EXPIRED,
    &BODY_OUTLIVES_AGREEMENT,
    &NOTICE_FROM_NON_PARTY,
    &HANDLED_BY_FOREIGN_BODY,
    &RENEWAL_WITHOUT_TERM,
    &COST_SPLIT,
    &ANNEX_OUTLIVES_AGREEMENT,
    &ANNEX_FOREIGN_PARTY,
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
            if reg.parties.contains_key(party.get_ref())
                && !reg.is_agreement_party(v, party.get_ref())
            {
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
        annex(reg, a, out);
    }
    outliving_members_and_meetings(ctx, out);
}

/// An annex against its main agreement: the parties it lists and the end of its own term.
fn annex(reg: &Registry, a: &Entity<Agreement>, out: &mut Vec<Finding>) {
    let v = &a.value;
    let Some((main_id, main)) = reg.main_agreements(v).next() else {
        return; // not an annex, or dangling-reference says it
    };
    for p in v.parties.iter().flatten() {
        let party = p.get_ref();
        if reg.parties.contains_key(party) && !reg.is_agreement_party(main, party) {
            out.push(ANNEX_FOREIGN_PARTY.finding(
                a.at(p),
                msg!("annex-foreign-party", party = party, main = main_id),
            ));
        }
    }
    // A renewing annex has no last day of its own to compare while it keeps renewing.
    if v.renewal.is_none()
        && let Some(ends) = &v.ends
        && let Some(own) = terms::fixed_term_end(v)
        && let Some(main_end) = reg.agreement_end(main_id)
        && own > main_end
    {
        out.push(ANNEX_OUTLIVES_AGREEMENT.finding(
            a.at(ends),
            msg!(
                "annex-outlives-ends",
                ends = own.to_string(),
                main = main_id,
                end = main_end.to_string()
            ),
        ));
    }
}

/// What the end of a body's agreement means for its members and meetings. An annex's body
/// is held to two ends: past the annex's own end (its `ends`, or notices) it is
/// `body-outlives-agreement`; within it but past the main agreement's end, it is
/// `annex-outlives-agreement` — one fault, one finding.
struct Ends<'a> {
    agreement: &'a str,
    /// The end by the agreement's own terms.
    own: Option<chrono::NaiveDate>,
    /// An annex's end in force, earlier than its own: its main agreement's (and its id).
    main: Option<(&'a str, chrono::NaiveDate)>,
}

impl<'a> Ends<'a> {
    fn of(reg: &'a Registry, agreement: &'a str) -> Ends<'a> {
        let own = reg.agreement_own_end(agreement);
        let end = reg.agreement_end(agreement);
        let main = match (end, reg.agreements.get(agreement)) {
            (Some(end), Some(a)) if own.is_none_or(|own| end < own) => reg
                .main_agreements(&a.value)
                .next()
                .map(|(main, _)| (main, end)),
            _ => None,
        };
        Ends {
            agreement,
            own,
            main,
        }
    }

    /// The rule, and the agreement and end it is reported against, for something that
    /// lasts to `last` (None: with no end).
    fn outlived(
        &self,
        last: Option<chrono::NaiveDate>,
    ) -> Option<(&'static super::Rule, &'a str, chrono::NaiveDate)> {
        let after = |end: chrono::NaiveDate| last.is_none_or(|l| l > end);
        if let Some(own) = self.own
            && after(own)
        {
            return Some((&BODY_OUTLIVES_AGREEMENT, self.agreement, own));
        }
        let (main, end) = self.main?;
        after(end).then_some((&ANNEX_OUTLIVES_AGREEMENT, main, end))
    }
}

fn outliving_members_and_meetings(ctx: &Context, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    for (body_id, body) in &reg.bodies {
        let ends = Ends::of(reg, body.value.agreement.get_ref());
        if let Some(body_ends) = &body.value.ends
            && let Some((_, main, end)) = ends
                .outlived(Some(body_ends.get_ref().0))
                .filter(|(rule, _, _)| rule.code == ANNEX_OUTLIVES_AGREEMENT.code)
        {
            out.push(ANNEX_OUTLIVES_AGREEMENT.finding(
                body.at(body_ends),
                msg!(
                    "annex-outlives-body",
                    body = body_id,
                    ends = body_ends.get_ref().to_string(),
                    annex = ends.agreement,
                    main = main,
                    end = end.to_string()
                ),
            ));
        }
        let Some(roster) = reg.rosters.get(body_id) else {
            continue;
        };
        for m in &roster.value.member {
            let member = m.get_ref();
            if let Some((rule, agreement, end)) = ends.outlived(member.to()) {
                let (at, served) = match &member.to {
                    Some(to) => (
                        roster.at(to),
                        msg!("outlives-until", to = to.get_ref().to_string()),
                    ),
                    None => (roster.at(m), msg!("outlives-no-end")),
                };
                out.push(rule.finding(
                    at,
                    msg!(
                        "outlives-member",
                        name = member.name.get_ref(),
                        body = body_id,
                        served = served,
                        agreement = agreement,
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
        let ends = Ends::of(reg, body.value.agreement.get_ref());
        if let Some((rule, agreement, end)) = ends.outlived(Some(meeting.day())) {
            out.push(rule.finding(
                m.at(&meeting.date),
                msg!(
                    "outlives-meeting",
                    body = meeting.body.get_ref(),
                    date = meeting.date.get_ref().to_string(),
                    agreement = agreement,
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
            let present = reg.agreement_parties(agreement).iter().any(|p| {
                reg.party_side(p.get_ref())
                    .is_some_and(|s| s.as_str() == name)
            });
            if !present {
                return Some(msg!("cost-split-absent-side", title = title, side = name));
            }
        } else if reg.is_agreement_party(agreement, name) {
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date, with};

    const BASE: &[(&str, &str)] = &[
        ("registry.toml", "name = \"T\"\n"),
        ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
        ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
        ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n"),
        ("parties/x.toml", "name = \"X\"\nkind = \"municipality\"\n"),
        (
            "agreements/main.toml",
            "title = \"Main\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\nends = 2026-12-31\n",
        ),
        (
            "agreements/annex.toml",
            "title = \"Annex\"\npart_of = \"main\"\neffective = 2021-01-01\n",
        ),
        (
            "bodies/g.toml",
            "name = \"G\"\nagreement = \"annex\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2021-01-01\n[seats]\nevery_party = true\ndefault = { ordinary = 1, substitutes = 0 }\n",
        ),
    ];

    fn member(name: &str, party: &str, to: &str) -> String {
        format!(
            "[[member]]\nname = \"{name}\"\nparty = \"{party}\"\nrole = \"ordinary\"\nfrom = 2021-01-01\n{to}\n"
        )
    }

    fn found(files: &[(&str, &str)]) -> Vec<(String, String, usize)> {
        codes(&with(BASE, files), date(2026, 6, 1))
    }

    #[test]
    fn an_annex_has_its_main_agreements_parties() {
        let roster = [
            member("A", "r", "to = 2026-12-31"),
            member("B", "k", "to = 2026-12-31"),
            member("C", "l", "to = 2026-12-31"),
        ]
        .concat();
        // Every party of the main agreement may and must sit in the annex's body.
        assert_eq!(found(&[("members/g.toml", &roster)]), vec![]);
    }

    #[test]
    fn a_seat_past_the_main_agreements_end_is_the_annexs_fault_only() {
        let roster = [
            member("A", "r", "to = 2026-12-31"),
            member("B", "k", "to = 2026-12-31"),
            member("C", "l", ""),
        ]
        .concat();
        assert_eq!(
            found(&[("members/g.toml", &roster)]),
            vec![(
                "annex-outlives-agreement".to_owned(),
                "members/g.toml".to_owned(),
                13
            )]
        );
    }

    #[test]
    fn past_the_annexs_own_end_it_is_body_outlives_agreement() {
        let annex =
            "title = \"Annex\"\npart_of = \"main\"\neffective = 2021-01-01\nends = 2025-12-31\n";
        let roster = [
            member("A", "r", "to = 2025-12-31"),
            member("B", "k", "to = 2025-12-31"),
            member("C", "l", "to = 2026-06-30"),
        ]
        .concat();
        assert_eq!(
            found(&[
                ("agreements/annex.toml", annex),
                ("members/g.toml", &roster)
            ]),
            vec![
                (
                    "fixed-term-expired".to_owned(),
                    "agreements/annex.toml".to_owned(),
                    4
                ),
                (
                    "body-outlives-agreement".to_owned(),
                    "members/g.toml".to_owned(),
                    18
                )
            ]
        );
    }

    #[test]
    fn an_annex_outside_its_main_agreement() {
        let annex = "title = \"Annex\"\npart_of = \"main\"\nparties = [\"r\", \"x\"]\neffective = 2021-01-01\nends = 2027-12-31\n";
        let got = found(&[("agreements/annex.toml", annex)]);
        assert!(got.contains(&(
            "annex-foreign-party".to_owned(),
            "agreements/annex.toml".to_owned(),
            3
        )));
        assert!(got.contains(&(
            "annex-outlives-agreement".to_owned(),
            "agreements/annex.toml".to_owned(),
            5
        )));
    }

    #[test]
    fn a_dangling_or_circular_part_of_is_a_loading_finding() {
        let dangling = "title = \"Annex\"\npart_of = \"mian\"\neffective = 2021-01-01\n";
        assert!(found(&[("agreements/annex.toml", dangling)]).contains(&(
            "dangling-reference".to_owned(),
            "agreements/annex.toml".to_owned(),
            2
        )));
        let a = "title = \"A\"\npart_of = \"b\"\neffective = 2021-01-01\n";
        let b = "title = \"B\"\npart_of = \"a\"\neffective = 2021-01-01\n";
        let got = found(&[("agreements/a.toml", a), ("agreements/b.toml", b)]);
        for file in ["agreements/a.toml", "agreements/b.toml"] {
            assert!(
                got.contains(&("dangling-reference".to_owned(), file.to_owned(), 2)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn an_agreement_without_parties_or_part_of_is_a_schema_finding() {
        let text = "title = \"A\"\neffective = 2021-01-01\n";
        assert_eq!(
            found(&[("agreements/annex.toml", text)]),
            vec![("schema".to_owned(), "agreements/annex.toml".to_owned(), 1)]
        );
    }
}
