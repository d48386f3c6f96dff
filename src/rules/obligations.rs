//! Obligation rules: duties an agreement imposes, and whether they are done in time.

use chrono::NaiveDate;

use super::{Context, rule};
use crate::finding::Finding;
use crate::model::duty::{self, Owner};
use crate::msg;

rule!(
    OBLIGATION_OVERDUE,
    "obligation-overdue",
    "obligations",
    Warn
);

pub static RULES: &[&super::Rule] = &[&OBLIGATION_OVERDUE];

/// Parties named in full in a finding; more are counted.
const PARTIES_SHOWN: usize = 6;

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for a in ctx.reg.agreements.values() {
        let end = ctx.reg.agreement_end(&a.id);
        for o in &a.value.obligation {
            let ob = o.get_ref();
            // Every completion recorded counts, whatever today is; yearly due days up to
            // today are judged.
            let tracks = duty::tracks(ctx.reg, &a.id, &a.value, ob, NaiveDate::MAX, ctx.today);
            for day in duty::due_days(&tracks) {
                if day.not_done.is_empty() || ctx.today <= day.adjusted {
                    continue;
                }
                if end.is_some_and(|end| day.day > end) {
                    continue; // the agreement no longer binds anyone then
                }
                let at = match (&ob.due, &ob.every_months, &ob.due_each_year) {
                    (Some(d), _, _) => a.at(d),
                    (_, Some(e), _) => a.at(e),
                    (_, _, Some(y)) => a.at(y),
                    _ => a.at(&ob.id),
                };
                let shown = if day.adjusted == day.day {
                    msg!("due-date", date = day.written.to_string())
                } else {
                    msg!(
                        "due-date-adjusted",
                        date = day.written.to_string(),
                        adjusted = day.adjusted.to_string()
                    )
                };
                let message = match ob.owner_kind() {
                    Owner::EachParty => {
                        let parties: Vec<&str> = day.not_done.iter().flatten().copied().collect();
                        msg!(
                            "obligation-overdue-parties",
                            id = ob.id.get_ref(),
                            due = shown,
                            count = parties.len(),
                            total = day.not_done.len() + day.done.len(),
                            parties = quoted(&parties)
                        )
                    }
                    Owner::Parties | Owner::Id(_) => msg!(
                        "obligation-overdue",
                        id = ob.id.get_ref(),
                        owner = ob.owner.get_ref(),
                        due = shown
                    ),
                };
                out.push(OBLIGATION_OVERDUE.finding(at, message));
            }
        }
    }
}

/// `"umea", "vindeln"`; past [`PARTIES_SHOWN`], the first ones and how many more.
fn quoted(parties: &[&str]) -> crate::finding::Message {
    let shown: Vec<String> = parties
        .iter()
        .take(PARTIES_SHOWN)
        .map(|p| format!("\"{p}\""))
        .collect();
    let shown = shown.join(", ");
    match parties.len().checked_sub(PARTIES_SHOWN) {
        Some(more) if more > 0 => msg!("party-list-more", shown = shown, more = more),
        _ => msg!("party-list", shown = shown),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date};

    fn files(obligation: &str) -> Vec<(&'static str, String)> {
        vec![
            ("registry.toml", "name = \"T\"\n".into()),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n".into()),
            (
                "parties/k.toml",
                "name = \"K\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "agreements/a.toml",
                format!(
                    "title = \"A\"\nparties = [\"r\", \"k\"]\neffective = 2024-01-01\n[[obligation]]\nid = \"x\"\ntitle = \"X\"\nowner = \"r\"\n{obligation}"
                ),
            ),
        ]
    }

    fn check(obligation: &str, today: chrono::NaiveDate) -> Vec<(String, String, usize)> {
        let files = files(obligation);
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        codes(&files, today)
    }

    #[test]
    fn a_one_off_duty_is_overdue_the_day_after_its_adjusted_due_date() {
        // 2026-06-06 is nationaldagen (a Saturday): the last day moves to Monday 2026-06-08.
        let due = "due = 2026-06-06\n";
        assert_eq!(check(due, date(2026, 6, 8)), vec![]);
        assert_eq!(
            check(due, date(2026, 6, 9)),
            vec![("obligation-overdue".into(), "agreements/a.toml".into(), 8)]
        );
        assert_eq!(
            check("due = 2026-06-06\ndone = [2026-06-01]\n", date(2026, 7, 1)),
            vec![]
        );
    }

    #[test]
    fn a_recurring_duty_counts_from_when_it_was_last_done_or_the_agreement_took_effect() {
        // Effective 2024-01-01 + 24 months = 2026-01-01 (nyårsdagen) → 2026-01-02.
        assert_eq!(check("every_months = 24\n", date(2026, 1, 2)), vec![]);
        assert_eq!(
            check("every_months = 24\n", date(2026, 1, 3)),
            vec![("obligation-overdue".into(), "agreements/a.toml".into(), 8)]
        );
        assert_eq!(
            check(
                "every_months = 24\ndone = [2025-05-10]\n",
                date(2027, 5, 10)
            ),
            vec![]
        );
    }

    /// Format 2: an agreement of three parties, one of which gave notice, with one duty.
    fn each_party(duty: &str) -> Vec<(&'static str, String)> {
        vec![
            ("registry.toml", "name = \"T\"\n".into()),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n".into()),
            (
                "parties/k.toml",
                "name = \"K\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "parties/v.toml",
                "name = \"V\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "parties/x.toml",
                "name = \"X\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "agreements/a.toml",
                format!(
                    "title = \"A\"\nparties = [\"r\", \"k\", \"v\"]\neffective = 2020-01-01\n\
                     [termination]\nnotice_months = 6\n\
                     [[notice]]\nparty = \"v\"\nreceived = 2021-01-15\n\
                     [[obligation]]\nid = \"x\"\ntitle = \"X\"\n{duty}"
                ),
            ),
        ]
    }

    /// (code, line, English message) of every finding.
    fn findings(
        files: &[(&'static str, String)],
        today: chrono::NaiveDate,
    ) -> Vec<(String, usize, String)> {
        let (reg, mut found) = crate::load::load_texts(files.iter().map(|(p, t)| (*p, t.as_str())));
        found.extend(crate::rules::check(&reg, today));
        found
            .into_iter()
            .map(|f| {
                let loc = f.location.expect("a place");
                let line = reg.sources.get(loc.file).line_col(loc.span.start).0;
                (f.code.to_owned(), line, f.message.english())
            })
            .collect()
    }

    #[test]
    fn a_duty_of_each_party_is_one_finding_per_due_day_naming_the_parties_not_done() {
        let duty = "owner = \"each-party\"\ndue = \"2020-04\"\ndone_by = { r = [2020-04-21] }\n";
        assert_eq!(findings(&each_party(duty), date(2020, 4, 30)), vec![]);
        assert_eq!(
            findings(&each_party(duty), date(2020, 5, 1)),
            vec![(
                "obligation-overdue".into(),
                13,
                "\"x\" (each party) was due by 2020-04 and is not recorded as done by 2 of its 3 parties: \"k\", \"v\"; add their dates to `done_by`".into()
            )]
        );
        // Done late is done.
        let all = "owner = \"each-party\"\ndue = 2020-04-30\ndone_by = { r = [2020-04-21], k = [\"2020-05\"], v = [2020-06-01] }\n";
        assert_eq!(findings(&each_party(all), date(2026, 1, 1)), vec![]);
    }

    #[test]
    fn a_yearly_duty_misses_each_due_day_not_met_and_a_party_that_left_owes_nothing_after() {
        // v's notice (received 2021-01-15, 6 months) takes effect 2021-07-15: it owes 2021's
        // 31 March, not 2022's. 2022-03-31 is a Thursday, 2021-03-31 a Wednesday.
        let duty = "owner = \"each-party\"\ndue_each_year = \"03-31\"\ndone_by = { r = [2020-03-01, 2021-03-30, 2022-03-01], k = [2020-03-20, 2022-04-20] }\n";
        let found = findings(&each_party(duty), date(2022, 12, 31));
        let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "\"x\" (each party) was due by 2020-03-31 and is not recorded as done by 1 of its 3 parties: \"v\"; add their dates to `done_by`",
                "\"x\" (each party) was due by 2021-03-31 and is not recorded as done by 2 of its 3 parties: \"k\", \"v\"; add their dates to `done_by`",
                // k's late completion of 2022-04-20 meets 2023's due day, not 2022's.
                "\"x\" (each party) was due by 2022-03-31 and is not recorded as done by 1 of its 2 parties: \"k\"; add their dates to `done_by`",
            ]
        );
        // A yearly duty of one owner: each missed day too.
        let one = "owner = \"r\"\ndue_each_year = \"03-31\"\ndone = [2021-03-01]\n";
        let found = findings(&each_party(one), date(2022, 4, 1));
        let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("2020-03-31") && messages[1].contains("2022-03-31"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_long_list_of_parties_is_counted() {
        let names: Vec<&str> = vec!["a", "b", "c", "d", "e", "f", "g", "h"];
        assert_eq!(
            super::quoted(&names).english(),
            "\"a\", \"b\", \"c\", \"d\", \"e\", \"f\" and 2 more"
        );
        assert_eq!(super::quoted(&names[..2]).english(), "\"a\", \"b\"");
    }

    #[test]
    fn done_by_belongs_to_duties_of_each_party_and_names_their_parties() {
        let codes_of = |duty: &str| -> Vec<(String, usize)> {
            findings(&each_party(duty), date(2020, 1, 2))
                .into_iter()
                .map(|(code, line, _)| (code, line))
                .collect()
        };
        assert_eq!(
            codes_of("owner = \"r\"\ndue = 2030-01-01\ndone_by = { r = [2020-01-01] }\n"),
            vec![("schema".into(), 14)]
        );
        assert_eq!(
            codes_of("owner = \"each-party\"\ndue = 2030-01-01\ndone = [2020-01-01]\n"),
            vec![("schema".into(), 14)]
        );
        assert_eq!(
            codes_of(
                "owner = \"each-party\"\ndue = 2030-01-01\ndone_by = { nobody = [2020-01-01], x = [2020-01-01] }\n"
            ),
            vec![
                ("dangling-reference".into(), 14),
                ("dangling-reference".into(), 14)
            ]
        );
        assert_eq!(codes_of("owner = \"parties\"\ndue = 2030-01-01\n"), vec![]);
        assert_eq!(
            codes_of("owner = \"r\"\ndue = 2030-01-01\ndue_each_year = \"03-31\"\n"),
            vec![("schema".into(), 10)]
        );
        for bad in ["02-29", "02-30", "3-31"] {
            assert_eq!(
                codes_of(&format!("owner = \"r\"\ndue_each_year = \"{bad}\"\n")),
                vec![("schema".into(), 13)],
                "{bad}"
            );
        }
    }
}
