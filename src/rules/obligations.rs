//! Obligation rules: duties an agreement imposes, and whether they are done in time.

use chrono::NaiveDate;

use super::{Context, rule};
use crate::calendar::add_months;
use crate::finding::Finding;
use crate::model::Agreement;
use crate::model::agreement::Obligation;

rule!(
    OBLIGATION_OVERDUE,
    "obligation-overdue",
    "obligations",
    Warn,
    "an obligation is due before --today and not done"
);

pub static RULES: &[&super::Rule] = &[&OBLIGATION_OVERDUE];

/// When an obligation is next due (raw, before holiday adjustment): a one-off duty not yet
/// done on `due`; a recurring one `every_months` after it was last done (or after the
/// agreement took effect). None: a one-off duty that is done.
pub fn next_due(agreement: &Agreement, obligation: &Obligation) -> Option<NaiveDate> {
    let last_done = obligation.done.iter().map(|d| d.get_ref().0).max();
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
                    due.to_string()
                } else {
                    format!("{due} (adjusted to {adjusted})")
                };
                out.push(OBLIGATION_OVERDUE.finding(
                    at,
                    format!(
                        "\"{}\" ({}) was due by {shown} and is not recorded as done; add the date to `done`",
                        ob.id.get_ref(),
                        ob.owner.get_ref()
                    ),
                ));
            }
        }
    }
}
