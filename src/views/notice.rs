//! `notice AGREEMENT --party P --given DATE | --leave-by DATE`: notice arithmetic what-ifs.
//!
//! `--given`: the notice counts from receipt, or under `counted_from = "handled"` from the
//! first meeting of `handled_by` on or after receipt; the party's last day in force is that
//! day + `notice_months` (never moved for holidays).
//!
//! `--leave-by`: the latest notice L to be out by the date ([`terms::latest_notice`]), a
//! derived deadline: the day to act by is the last day on or before L that is not closed.
//! When that day is before today the deadline has passed, and the view gives the earliest
//! end a notice given today reaches.

use chrono::NaiveDate;
use serde::Serialize;

use super::{agreement_parties, find_agreement, find_party};
use crate::error::Error;
use crate::model::agreement::Agreement;
use crate::model::{Registry, terms};

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Notice {
    Given(Given),
    LeaveBy(LeaveBy),
}

impl Notice {
    pub fn terms(&self) -> &Terms {
        match self {
            Notice::Given(g) => &g.terms,
            Notice::LeaveBy(l) => &l.terms,
        }
    }

    pub fn notes(&self) -> &[Note] {
        match self {
            Notice::Given(g) => &g.notes,
            Notice::LeaveBy(l) => &l.notes,
        }
    }
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
    /// A renewing fixed term: the months each new term lasts (`notice_months` are then
    /// counted back from a term's last day).
    pub renewal_months: Option<u32>,
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
    /// Worded by the renderers; JSON gives them as one English `note`.
    #[serde(skip)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Serialize)]
pub struct LeaveBy {
    #[serde(flatten)]
    pub terms: Terms,
    pub leave_by: NaiveDate,
    pub latest_notice: NaiveDate,
    /// The day to act by: the last day on or before `latest_notice` that is not closed.
    pub latest_notice_adjusted: NaiveDate,
    /// Counted from handling: the latest day the body can handle the notice.
    pub latest_handling: Option<NaiveDate>,
    /// Counted from handling: the body's last recorded meeting on or before that day, when
    /// the recorded calendar reaches past it.
    pub meeting: Option<NaiveDate>,
    /// The day to act by is before today.
    pub passed: bool,
    /// When passed: the end a notice given today reaches (null while it is unknown).
    pub earliest_end: Option<NaiveDate>,
    #[serde(skip)]
    pub notes: Vec<Note>,
}

/// Something to add to the answer; renderers word it in the output language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The party has already given notice. (Bodies in notes are named by their names.)
    AlreadyGiven {
        party: String,
        received: NaiveDate,
        ends: Option<NaiveDate>,
    },
    /// `--given`, counted from handling: no meeting is recorded to handle it.
    Pending {
        body: String,
        given: NaiveDate,
        months: u32,
    },
    /// `--given`: a fixed-term agreement ends before the notice would.
    AgreementEndsFirst { ends: NaiveDate },
    /// `--leave-by`, counted from handling, the calendar covers the latest handling day.
    ReachMeeting {
        body: String,
        latest_handling: NaiveDate,
        meeting: NaiveDate,
    },
    /// `--leave-by`, counted from handling, the calendar does not reach the latest
    /// handling day.
    DependsOnCalendar {
        body: String,
        latest_handling: NaiveDate,
    },
    /// `--leave-by`, counted from handling: meetings are recorded after the latest handling
    /// day but none on or before it, so no notice is handled in time unless one is added.
    NoMeetingInTime {
        body: String,
        latest_handling: NaiveDate,
    },
    /// `--leave-by`: passed, and no meeting after today is recorded to handle a new notice.
    NoMeetingAfterToday { body: String, today: NaiveDate },
    /// The latest notice is before the agreement took effect.
    BeforeEffective { effective: NaiveDate },
    /// `--leave-by` on a renewing agreement before its first term ends: the answer is for
    /// that term's end.
    FirstTermEndsLater { term_end: NaiveDate },
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
    today: NaiveDate,
) -> Result<Notice, Error> {
    let (agreement_id, agreement) = find_agreement(reg, agreement_id)?;
    let party = find_party(reg, party)?;
    let parties = agreement_parties(reg, agreement);
    if !parties.contains(&party) {
        return Err(Error::Usage(format!(
            "{party:?} is not a party of {agreement_id}; its parties are: {}",
            parties.join(", ")
        )));
    }
    if let Some(renewal) = &agreement.renewal {
        let renewal = renewal.get_ref();
        let terms = Terms {
            agreement: agreement_id.to_owned(),
            agreement_title: agreement.title.get_ref().clone(),
            party: party.to_owned(),
            party_name: reg.party_name(party).to_owned(),
            notice_months: *renewal.notice_months.get_ref(),
            counted_from: "received",
            handled_by: None,
            handled_by_name: None,
            renewal_months: Some(*renewal.months.get_ref()),
        };
        return Ok(renewing(reg, agreement, terms, question, today));
    }
    let Some((months, handled_by)) = terms::notice_terms(agreement) else {
        // A party's notice on the main agreement ends its part in the annex too.
        if let Some((main, _)) = reg.main_agreements(agreement).next() {
            return Err(Error::Usage(format!(
                "{agreement_id} is an annex of {main} and records no notice terms of its own: a party leaves it by giving notice on {main} (samverkan notice {main} --party {party} …)"
            )));
        }
        return Err(Error::Usage(match &agreement.ends {
            Some(ends) => format!(
                "{agreement_id} is a fixed-term agreement in force to {}; it records no notice terms ([termination] or [renewal]) to give notice under",
                ends.get_ref()
            ),
            None => format!(
                "{agreement_id} records no notice terms: it has no [termination] table, so the registry does not say how a party gives notice"
            ),
        }));
    };
    let terms = Terms {
        agreement: agreement_id.to_owned(),
        agreement_title: agreement.title.get_ref().clone(),
        party: party.to_owned(),
        party_name: reg.party_name(party).to_owned(),
        notice_months: months,
        counted_from: if handled_by.is_some() {
            "handled"
        } else {
            "received"
        },
        handled_by: handled_by.map(str::to_owned),
        handled_by_name: handled_by.map(|b| body_name(reg, b)),
        renewal_months: None,
    };
    let mut notes: Vec<Note> = earlier_notice(reg, agreement, party).into_iter().collect();
    Ok(match question {
        Question::Given(given) => {
            let handled = handled_by.and_then(|b| terms::first_meeting_on_or_after(reg, b, given));
            let ends = terms::end_of_notice_given(reg, months, handled_by, given);
            if let (Some(body), None) = (handled_by, handled) {
                notes.push(Note::Pending {
                    body: body_name(reg, body),
                    given,
                    months,
                });
            }
            if let (Some(end), Some(fixed)) = (ends, agreement.ends.as_ref())
                && fixed.get_ref().0 < end
            {
                notes.push(Note::AgreementEndsFirst {
                    ends: fixed.get_ref().0,
                });
            }
            Notice::Given(Given {
                terms,
                given,
                handled,
                ends,
                notes,
            })
        }
        Question::LeaveBy(leave_by) => {
            let latest = terms::latest_notice(reg, months, handled_by, leave_by);
            if let (Some(body), Some(h)) = (handled_by, latest.latest_handling) {
                notes.push(match latest.meeting {
                    Some(meeting) => Note::ReachMeeting {
                        body: body_name(reg, body),
                        latest_handling: h,
                        meeting,
                    },
                    None if latest.calendar_covers => Note::NoMeetingInTime {
                        body: body_name(reg, body),
                        latest_handling: h,
                    },
                    None => Note::DependsOnCalendar {
                        body: body_name(reg, body),
                        latest_handling: h,
                    },
                });
            }
            let effective = agreement.effective.get_ref().0;
            if latest.latest_notice < effective {
                notes.push(Note::BeforeEffective { effective });
            }
            let passed = latest.act_by < today;
            let earliest_end = if passed {
                let end = terms::earliest_end(reg, months, handled_by, today);
                if let (None, Some(body)) = (end, handled_by) {
                    notes.push(Note::NoMeetingAfterToday {
                        body: body_name(reg, body),
                        today,
                    });
                }
                end
            } else {
                None
            };
            Notice::LeaveBy(LeaveBy {
                terms,
                leave_by,
                latest_notice: latest.latest_notice,
                latest_notice_adjusted: latest.act_by,
                latest_handling: latest.latest_handling,
                meeting: latest.meeting,
                passed,
                earliest_end,
                notes,
            })
        }
    })
}

/// The answers for a fixed term that renews unless a party gives notice: a notice stops the
/// agreement for the party at the end of the first term whose latest notice day it meets.
fn renewing(
    reg: &Registry,
    agreement: &Agreement,
    terms: Terms,
    question: Question,
    today: NaiveDate,
) -> Notice {
    let mut notes: Vec<Note> = earlier_notice(reg, agreement, &terms.party)
        .into_iter()
        .collect();
    match question {
        Question::Given(given) => Notice::Given(Given {
            terms,
            given,
            handled: None,
            ends: terms::renewal_exit(agreement, given),
            notes,
        }),
        Question::LeaveBy(leave_by) => {
            // The last term to end by the wanted day; before the first term ends, only the
            // first term's end can be reached.
            let term_end = terms::term_end_on_or_before(agreement, leave_by).or_else(|| {
                let first = terms::term_end_on_or_after(agreement, leave_by)?;
                notes.push(Note::FirstTermEndsLater { term_end: first });
                Some(first)
            });
            let latest = term_end
                .and_then(|end| terms::term_latest_notice(agreement, end))
                .unwrap_or(NaiveDate::MIN);
            let act_by = reg.calendar().act_by(latest);
            let passed = act_by < today;
            Notice::LeaveBy(LeaveBy {
                terms,
                leave_by,
                latest_notice: latest,
                latest_notice_adjusted: act_by,
                latest_handling: None,
                meeting: None,
                passed,
                earliest_end: passed
                    .then(|| terms::renewal_exit(agreement, today))
                    .flatten(),
                notes,
            })
        }
    }
}

fn body_name(reg: &Registry, id: &str) -> String {
    reg.bodies
        .get(id)
        .map_or_else(|| id.to_owned(), |b| b.value.name.get_ref().clone())
}

/// A notice the party has already given, if any: on this agreement or, for an annex, on
/// its main agreement (which ends the party's part in the annex too).
fn earlier_notice(reg: &Registry, agreement: &Agreement, party: &str) -> Option<Note> {
    let (bound, notice) = std::iter::once(agreement)
        .chain(reg.main_agreements(agreement).map(|(_, a)| a))
        .find_map(|a| {
            a.notice
                .iter()
                .map(|n| n.get_ref())
                .find(|n| n.party.get_ref() == party)
                .map(|n| (a, n))
        })?;
    Some(Note::AlreadyGiven {
        party: party.to_owned(),
        received: notice.received.get_ref().0,
        ends: terms::notice_end(reg, bound, notice),
    })
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

    const TODAY: &str = "2026-11-25";

    fn given(reg: &Registry, a: &str, p: &str, d: &str) -> Given {
        match build(reg, a, p, Question::Given(day(d)), day(TODAY)).unwrap() {
            Notice::Given(g) => g,
            Notice::LeaveBy(_) => unreachable!(),
        }
    }

    fn leave_by_on(reg: &Registry, a: &str, p: &str, d: &str, today: &str) -> LeaveBy {
        match build(reg, a, p, Question::LeaveBy(day(d)), day(today)).unwrap() {
            Notice::LeaveBy(l) => l,
            Notice::Given(_) => unreachable!(),
        }
    }

    fn leave_by(reg: &Registry, a: &str, p: &str, d: &str) -> LeaveBy {
        leave_by_on(reg, a, p, d, TODAY)
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
        assert!(matches!(g.notes.as_slice(), [Note::Pending { body, .. }] if body == "Samråd"));
    }

    #[test]
    fn leave_by_counted_from_receipt_acts_on_the_open_day_before() {
        let reg = fixture();
        // 2027-08-31 is a month's last day: L = 2027-02-28, a Sunday: act by Friday 02-26,
        // never the Monday after (which would end in September).
        let l = leave_by(&reg, "partnerskap", "umea", "2027-08-31");
        assert_eq!(l.latest_notice, day("2027-02-28"));
        assert_eq!(l.latest_notice_adjusted, day("2027-02-26"));
        assert!(l.notes.is_empty());
        assert!(!l.passed);
        assert_eq!(l.earliest_end, None);
        // 2027-12-31 → 2027-06-30 (a Wednesday: no adjustment).
        let l = leave_by(&reg, "partnerskap", "region", "2027-12-31");
        assert_eq!(l.latest_notice, day("2027-06-30"));
        assert_eq!(l.latest_notice_adjusted, day("2027-06-30"));
    }

    #[test]
    fn a_passed_deadline_says_so_and_gives_the_earliest_end() {
        let reg = fixture();
        // Out by 2027-03-31 needed notice by 2026-09-30: passed on 2026-11-25; a notice
        // given today ends six months later.
        let l = leave_by(&reg, "partnerskap", "umea", "2027-03-31");
        assert!(l.passed);
        assert_eq!(l.earliest_end, Some(day("2027-05-25")));
        // On the day to act by itself it has not passed.
        let l = leave_by_on(&reg, "partnerskap", "umea", "2027-03-31", "2026-09-30");
        assert!(!l.passed);
        assert_eq!(l.earliest_end, None);
    }

    #[test]
    fn leave_by_counted_from_handling() {
        let reg = fixture();
        // Latest handling day 2026-12-31, and no meeting is recorded after it: L is that
        // day (nyårsafton: act by 2026-12-30) and depends on the meeting calendar.
        let l = leave_by(&reg, "struktur", "umea", "2027-12-31");
        assert_eq!(l.latest_handling, Some(day("2026-12-31")));
        assert_eq!(l.meeting, None);
        assert_eq!(l.latest_notice, day("2026-12-31"));
        assert_eq!(l.latest_notice_adjusted, day("2026-12-30"));
        assert!(matches!(
            l.notes.as_slice(),
            [Note::DependsOnCalendar { .. }]
        ));
        // Latest handling day 2026-06-30, covered by the calendar: the meeting of
        // 2026-03-20, passed on 2026-11-25; a notice given today is handled on 2026-12-11.
        let l = leave_by(&reg, "struktur", "umea", "2027-06-30");
        assert_eq!(l.meeting, Some(day("2026-03-20")));
        assert_eq!(l.latest_notice, day("2026-03-20"));
        assert!(l.passed);
        assert_eq!(l.earliest_end, Some(day("2027-12-11")));
        assert!(matches!(l.notes.as_slice(), [Note::ReachMeeting { .. }]));
        // Passed with no meeting after today: no earliest end, and a note saying why.
        let l = leave_by_on(&reg, "struktur", "umea", "2027-06-30", "2026-12-12");
        assert!(l.passed);
        assert_eq!(l.earliest_end, None);
        assert!(matches!(
            l.notes.last(),
            Some(Note::NoMeetingAfterToday { .. })
        ));
        // No meeting on or before 2025-12-31: the handling day itself.
        let l = leave_by(&reg, "struktur", "umea", "2026-12-31");
        assert_eq!(l.meeting, None);
        assert_eq!(l.latest_notice, day("2025-12-31"));
        assert_eq!(l.latest_notice_adjusted, day("2025-12-30"));
    }

    #[test]
    fn questions_that_cannot_be_answered_are_usage_errors() {
        let reg = fixture();
        let q = Question::Given(day("2026-01-01"));
        let today = day(TODAY);
        assert!(matches!(
            build(&reg, "nope", "umea", q, today),
            Err(Error::Usage(_))
        ));
        assert!(matches!(
            build(&reg, "partnerskap", "vindeln", q, today),
            Err(Error::Usage(_))
        ));
        assert!(matches!(
            build(&reg, "strategi", "umea", q, today),
            Err(Error::Usage(_))
        ));
    }

    #[test]
    fn a_renewing_fixed_term_takes_notice_before_a_terms_end() {
        let mut files = PARTIES.to_vec();
        files.push((
            "agreements/avtal.toml",
            "title = \"Avtal\"\nparties = [\"region\", \"umea\"]\neffective = 2018-01-01\nends = 2020-12-31\n\
             [renewal]\nmonths = 24\nnotice_months = 12\n",
        ));
        let reg = registry(&files);
        // Terms end 2020, 2022, 2024, 2026, 2028 (31 December).
        let g = given(&reg, "avtal", "umea", "2025-12-31");
        assert_eq!(g.ends, Some(day("2026-12-31")));
        let g = given(&reg, "avtal", "umea", "2026-01-02");
        assert_eq!(g.ends, Some(day("2028-12-31")));
        // Out by 2027-06-30: the last term to end by then ends 2026-12-31; its latest
        // notice day, 2025-12-31, is a nyårsafton (act by 2025-12-30) and has passed; a
        // notice given today stops the agreement at the end of 2028.
        let l = leave_by(&reg, "avtal", "umea", "2027-06-30");
        assert_eq!(
            (
                l.latest_notice,
                l.latest_notice_adjusted,
                l.passed,
                l.earliest_end
            ),
            (
                day("2025-12-31"),
                day("2025-12-30"),
                true,
                Some(day("2028-12-31"))
            )
        );
        assert_eq!(l.terms.renewal_months, Some(24));
        // Before the first term ends, the answer is for its end, with a note.
        let l = leave_by_on(&reg, "avtal", "umea", "2019-06-30", "2019-01-10");
        assert_eq!(l.latest_notice, day("2019-12-31"));
        assert!(matches!(
            l.notes.as_slice(),
            [Note::FirstTermEndsLater { .. }]
        ));
    }

    #[test]
    fn an_annex_takes_notice_through_its_main_agreement() {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/partnerskap.toml",
                "title = \"Partnerskap\"\nparties = [\"region\", \"umea\"]\neffective = 2019-10-01\n\
                 [termination]\nnotice_months = 6\n[[notice]]\nparty = \"umea\"\nreceived = 2026-02-10\n",
            ),
            (
                "agreements/bilaga.toml",
                "title = \"Bilaga\"\npart_of = \"partnerskap\"\neffective = 2020-01-01\n",
            ),
            (
                "agreements/bilaga-med-villkor.toml",
                "title = \"Bilaga 2\"\npart_of = \"partnerskap\"\neffective = 2020-01-01\n\
                 [termination]\nnotice_months = 3\n",
            ),
        ]);
        let reg = registry(&files);
        let err = build(
            &reg,
            "bilaga",
            "umea",
            Question::Given(day("2026-03-01")),
            day(TODAY),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("annex of partnerskap"), "{err}");
        assert!(err.contains("notice partnerskap --party umea"), "{err}");
        // An annex with terms of its own: the notice already given on the main agreement
        // shows, with the day it ends the party's part.
        let g = given(&reg, "bilaga-med-villkor", "umea", "2026-03-01");
        assert_eq!(g.ends, Some(day("2026-06-01")));
        assert_eq!(
            g.notes[0],
            Note::AlreadyGiven {
                party: "umea".into(),
                received: day("2026-02-10"),
                ends: Some(day("2026-08-10")),
            }
        );
    }
}
