//! `notice AGREEMENT --party P --given DATE | --leave-by DATE`: notice arithmetic what-ifs.
//!
//! `--given`: the notice counts from receipt, or under `counted_from = "handled"` from the
//! first meeting of `handled_by` on or after receipt; the party's last day in force is that
//! day + `notice_months` (never moved for holidays).
//!
//! `--leave-by`: the latest day L with L + `notice_months` ≤ the date. Counted from
//! handling, L is the latest handling day, and the notice must reach the body by its last
//! recorded meeting on or before L; when no meeting is recorded then, the answer is L
//! itself and depends on the meeting calendar.

use chrono::NaiveDate;
use serde::Serialize;

use super::{agreement_parties, find_agreement};
use crate::calendar::{add_months, latest_start_for_end};
use crate::error::Error;
use crate::model::agreement::{Agreement, CountedFrom};
use crate::model::{Registry, terms};

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Notice {
    Given(Given),
    LeaveBy(LeaveBy),
}

/// What both questions share: the agreement's terms.
#[derive(Debug, Serialize)]
pub struct Terms {
    pub agreement: String,
    pub agreement_title: String,
    pub party: String,
    pub party_name: String,
    pub notice_months: u32,
    /// `received` or `handled`.
    pub counted_from: &'static str,
    pub handled_by: Option<String>,
    pub handled_by_name: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Given {
    #[serde(flatten)]
    pub terms: Terms,
    pub given: NaiveDate,
    /// The handling day (null unless counted from handling, or while no meeting is recorded).
    pub handled: Option<NaiveDate>,
    /// The party's last day in force (null while the handling day is unknown).
    pub ends: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LeaveBy {
    #[serde(flatten)]
    pub terms: Terms,
    pub leave_by: NaiveDate,
    pub latest_notice: NaiveDate,
    pub latest_notice_adjusted: NaiveDate,
    /// Counted from handling: the latest day the body can handle the notice.
    pub latest_handling: Option<NaiveDate>,
    /// Counted from handling: the body's last recorded meeting on or before that day.
    pub meeting: Option<NaiveDate>,
    pub note: Option<String>,
}

/// The question asked: a notice given on a day, or the latest notice to be out by a day.
#[derive(Debug, Clone, Copy)]
pub enum Question {
    Given(NaiveDate),
    LeaveBy(NaiveDate),
}

pub fn build(
    reg: &Registry,
    agreement_id: &str,
    party: &str,
    question: Question,
) -> Result<Notice, Error> {
    let agreement = find_agreement(reg, agreement_id)?;
    let parties = agreement_parties(agreement);
    if !parties.contains(&party) {
        return Err(Error::Usage(format!(
            "{party:?} is not a party of {agreement_id}; its parties are: {}",
            parties.join(", ")
        )));
    }
    let Some(termination) = agreement.termination.as_ref().map(|t| t.get_ref()) else {
        return Err(Error::Usage(match &agreement.ends {
            Some(ends) => format!(
                "{agreement_id} is a fixed-term agreement in force to {}; it has no [termination] to give notice under",
                ends.get_ref()
            ),
            None => format!(
                "{agreement_id} has no [termination] table, so the registry does not say how a party gives notice"
            ),
        }));
    };
    let months = *termination.notice_months.get_ref();
    let handled_by = match termination.counted_from {
        CountedFrom::Received => None,
        CountedFrom::Handled => termination
            .handled_by
            .as_ref()
            .map(|h| h.get_ref().as_str()),
    };
    let terms = Terms {
        agreement: agreement_id.to_owned(),
        agreement_title: agreement.title.get_ref().clone(),
        party: party.to_owned(),
        party_name: reg.party_name(party).to_owned(),
        notice_months: months,
        counted_from: match termination.counted_from {
            CountedFrom::Received => "received",
            CountedFrom::Handled => "handled",
        },
        handled_by: handled_by.map(str::to_owned),
        handled_by_name: handled_by.map(|b| body_name(reg, b)),
    };
    let mut notes = Vec::new();
    if let Some(earlier) = earlier_notice(reg, agreement, party) {
        notes.push(earlier);
    }
    Ok(match question {
        Question::Given(given) => {
            let handled = handled_by.and_then(|b| terms::first_meeting_on_or_after(reg, b, given));
            let start = if handled_by.is_some() {
                handled
            } else {
                Some(given)
            };
            let ends = start.map(|s| add_months(s, months));
            if let (Some(body), None) = (handled_by, handled) {
                notes.push(format!(
                    "no meeting of {body} is recorded on or after {given}: the notice counts from the meeting that handles it and ends {months} months after that meeting"
                ));
            }
            if let (Some(end), Some(fixed)) = (ends, agreement.ends.as_ref())
                && fixed.get_ref().0 < end
            {
                notes.push(format!(
                    "the agreement itself ends on {} (fixed term)",
                    fixed.get_ref()
                ));
            }
            Notice::Given(Given {
                terms,
                given,
                handled,
                ends,
                note: join(notes),
            })
        }
        Question::LeaveBy(leave_by) => {
            let latest = latest_start_for_end(leave_by, months);
            let (latest_notice, latest_handling, meeting) = match handled_by {
                None => (latest, None, None),
                Some(body) => {
                    let meeting = terms::last_meeting_on_or_before(reg, body, latest);
                    match meeting {
                        Some(day) => {
                            notes.push(format!(
                                "{body} must handle the notice by {latest}; its last meeting recorded on or before then is on {day}, so the notice must reach it by then"
                            ));
                            if reg.meeting_days(body).last() == Some(&day) && day < latest {
                                notes.push(format!(
                                    "no meeting of {body} is recorded after {day}: a meeting added before {latest} would give more time"
                                ));
                            }
                        }
                        None => notes.push(format!(
                            "depends on the meeting calendar: no meeting of {body} is recorded on or before {latest}, the latest day it can handle the notice; the notice must reach it in time for a meeting on or before that day"
                        )),
                    }
                    (meeting.unwrap_or(latest), Some(latest), meeting)
                }
            };
            let effective = agreement.effective.get_ref().0;
            if latest_notice < effective {
                notes.push(format!(
                    "that is before the agreement took effect on {effective}"
                ));
            }
            Notice::LeaveBy(LeaveBy {
                terms,
                leave_by,
                latest_notice,
                latest_notice_adjusted: reg.calendar().adjust(latest_notice),
                latest_handling,
                meeting,
                note: join(notes),
            })
        }
    })
}

fn body_name(reg: &Registry, id: &str) -> String {
    reg.bodies
        .get(id)
        .map_or_else(|| id.to_owned(), |b| b.value.name.get_ref().clone())
}

/// A notice the party has already given, if any, as a note.
fn earlier_notice(reg: &Registry, agreement: &Agreement, party: &str) -> Option<String> {
    let notice = agreement
        .notice
        .iter()
        .map(|n| n.get_ref())
        .find(|n| n.party.get_ref() == party)?;
    let received = notice.received.get_ref();
    Some(match terms::notice_end(reg, agreement, notice) {
        Some(end) => format!(
            "{party} already gave notice (received {received}); it takes effect after {end}"
        ),
        None => {
            format!("{party} already gave notice (received {received}); it waits to be handled")
        }
    })
}

fn join(notes: Vec<String>) -> Option<String> {
    (!notes.is_empty()).then(|| notes.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

    fn fixture() -> Registry {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/struktur.toml",
                "title = \"Struktur\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-09-01\n\
                 [termination]\nnotice_months = 12\ncounted_from = \"handled\"\nhandled_by = \"samrad\"\n",
            ),
            (
                "agreements/partnerskap.toml",
                "title = \"Partnerskap\"\nparties = [\"region\", \"umea\"]\neffective = 2019-10-01\n\
                 [termination]\nnotice_months = 6\n",
            ),
            (
                "agreements/strategi.toml",
                "title = \"Strategi\"\nparties = [\"region\", \"umea\"]\neffective = 2018-01-01\nends = 2020-12-31\n",
            ),
            (
                "bodies/samrad.toml",
                "name = \"Samråd\"\nagreement = \"struktur\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-09-01\n\
                 [seats]\ndefault = { ordinary = 1, substitutes = 0 }\n",
            ),
            (
                "meetings/2026.toml",
                "[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n[[meeting]]\nbody = \"samrad\"\ndate = 2026-12-11T09:30:00\n",
            ),
        ]);
        registry(&files)
    }

    fn given(reg: &Registry, a: &str, p: &str, d: &str) -> Given {
        match build(reg, a, p, Question::Given(day(d))).unwrap() {
            Notice::Given(g) => g,
            Notice::LeaveBy(_) => unreachable!(),
        }
    }

    fn leave_by(reg: &Registry, a: &str, p: &str, d: &str) -> LeaveBy {
        match build(reg, a, p, Question::LeaveBy(day(d))).unwrap() {
            Notice::LeaveBy(l) => l,
            Notice::Given(_) => unreachable!(),
        }
    }

    #[test]
    fn given_counted_from_receipt_clamps_to_month_end() {
        let reg = fixture();
        let g = given(&reg, "partnerskap", "umea", "2025-08-31");
        assert_eq!(g.handled, None);
        assert_eq!(g.ends, Some(day("2026-02-28")));
    }

    #[test]
    fn given_counted_from_the_next_meeting() {
        let reg = fixture();
        // Received 2026-03-03; samrad meets next on 2026-03-20; + 12 months.
        let g = given(&reg, "struktur", "vindeln", "2026-03-03");
        assert_eq!(g.handled, Some(day("2026-03-20")));
        assert_eq!(g.ends, Some(day("2027-03-20")));
        // Received on a meeting day: handled that day.
        let g = given(&reg, "struktur", "vindeln", "2026-12-11");
        assert_eq!(g.handled, Some(day("2026-12-11")));
        // No meeting recorded after receipt: pending.
        let g = given(&reg, "struktur", "vindeln", "2026-12-12");
        assert_eq!((g.handled, g.ends), (None, None));
        assert!(g.note.unwrap().contains("no meeting of samrad"));
    }

    #[test]
    fn leave_by_counted_from_receipt() {
        let reg = fixture();
        // 2027-08-31 is a month's last day: L = 2027-02-28, a Sunday → Monday 2027-03-01.
        let l = leave_by(&reg, "partnerskap", "umea", "2027-08-31");
        assert_eq!(l.latest_notice, day("2027-02-28"));
        assert_eq!(l.latest_notice_adjusted, day("2027-03-01"));
        assert_eq!(l.note, None);
        // 2027-12-31 → 2027-06-30 (a Wednesday: no adjustment).
        let l = leave_by(&reg, "partnerskap", "region", "2027-12-31");
        assert_eq!(l.latest_notice, day("2027-06-30"));
        assert_eq!(l.latest_notice_adjusted, day("2027-06-30"));
    }

    #[test]
    fn leave_by_counted_from_handling() {
        let reg = fixture();
        // Latest handling day 2026-12-31; the last meeting on or before it is 2026-12-11.
        let l = leave_by(&reg, "struktur", "umea", "2027-12-31");
        assert_eq!(l.latest_handling, Some(day("2026-12-31")));
        assert_eq!(l.meeting, Some(day("2026-12-11")));
        assert_eq!(l.latest_notice, day("2026-12-11"));
        // Latest handling day 2026-06-30: the meeting of 2026-03-20.
        let l = leave_by(&reg, "struktur", "umea", "2027-06-30");
        assert_eq!(l.latest_notice, day("2026-03-20"));
        // No meeting on or before 2025-12-31: the handling day itself, a nyårsafton that
        // moves to Friday 2026-01-02, and a note about the meeting calendar.
        let l = leave_by(&reg, "struktur", "umea", "2026-12-31");
        assert_eq!(l.meeting, None);
        assert_eq!(l.latest_notice, day("2025-12-31"));
        assert_eq!(l.latest_notice_adjusted, day("2026-01-02"));
        assert!(
            l.note
                .unwrap()
                .starts_with("depends on the meeting calendar")
        );
    }

    #[test]
    fn questions_that_cannot_be_answered_are_usage_errors() {
        let reg = fixture();
        let q = Question::Given(day("2026-01-01"));
        assert!(matches!(
            build(&reg, "nope", "umea", q),
            Err(Error::Usage(_))
        ));
        assert!(matches!(
            build(&reg, "partnerskap", "vindeln", q),
            Err(Error::Usage(_))
        ));
        assert!(matches!(
            build(&reg, "strategi", "umea", q),
            Err(Error::Usage(_))
        ));
    }
}
