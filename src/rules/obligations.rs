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
}
