//! Obligation rules: duties an agreement imposes, and whether they are done in time.

use chrono::NaiveDate;

use super::{Context, rule};
use crate::calendar::add_months;
use crate::finding::Finding;
use crate::model::Agreement;
use crate::model::agreement::Obligation;
use crate::msg;

rule!(
    OBLIGATION_OVERDUE,
    "obligation-overdue",
    "obligations",
    Warn
);

pub static RULES: &[&super::Rule] = &[&OBLIGATION_OVERDUE];

/// When an obligation is next due (raw, before holiday adjustment): a one-off duty not yet
/// done on `due`; a recurring one `every_months` after it was last done (or after the
/// agreement took effect). None: a one-off duty that is done.
pub fn next_due(agreement: &Agreement, obligation: &Obligation) -> Option<NaiveDate> {
    next_due_as_of(agreement, obligation, NaiveDate::MAX)
}

/// [`next_due`] as the registry stood on `day`: completions after it do not count yet.
pub fn next_due_as_of(
    agreement: &Agreement,
    obligation: &Obligation,
    day: NaiveDate,
) -> Option<NaiveDate> {
    let last_done = obligation
        .done
        .iter()
        .map(|d| d.get_ref().0)
        .filter(|d| *d <= day)
        .max();
    match (&obligation.due, &obligation.every_months) {
        (Some(due), None) => last_done.is_none().then_some(due.get_ref().0),
        (None, Some(every)) => {
            let from = last_done.unwrap_or(agreement.effective.get_ref().0);
            Some(add_months(from, *every.get_ref()))
        }
        _ => None, // `schema` reports the obligation
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let calendar = ctx.reg.calendar();
    for a in ctx.reg.agreements.values() {
        let end = ctx.reg.agreement_end(&a.id);
        for o in &a.value.obligation {
            let ob = o.get_ref();
            let Some(due) = next_due(&a.value, ob) else {
                continue;
            };
            if end.is_some_and(|end| due > end) {
                continue; // the agreement no longer binds anyone then
            }
            let adjusted = calendar.adjust(due);
            if ctx.today > adjusted {
                let at = ob.due.as_ref().map_or_else(
                    || {
                        ob.every_months
                            .as_ref()
                            .map_or_else(|| a.at(&ob.id), |e| a.at(e))
                    },
                    |d| a.at(d),
                );
                let shown = if adjusted == due {
                    msg!("due-date", date = due.to_string())
                } else {
                    msg!(
                        "due-date-adjusted",
                        date = due.to_string(),
                        adjusted = adjusted.to_string()
                    )
                };
                out.push(OBLIGATION_OVERDUE.finding(
                    at,
                    msg!(
                        "obligation-overdue",
                        id = ob.id.get_ref(),
                        owner = ob.owner.get_ref(),
                        due = shown
                    ),
                ));
            }
        }
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
