//! `deadlines [--within DAYS]`: every deadline seen from `--today`, with days left.
//!
//! Kinds (see `docs/views.md`):
//! - `notice` / `notice-handled`: for each party of each open-ended agreement in force that
//!   has not given notice, the latest day L to give notice (counted from handling: the
//!   latest day `handled_by` can handle it) and be out by E, where E is the earliest
//!   31 December whose L is on or after today;
//! - `notice-effective`: a notice already given takes effect (the party's last day);
//! - `obligation`: the next due date of each obligation not done, overdue ones included;
//! - `reply`: a recommendation's `reply_by` while parties that must reply are undecided;
//! - `fixed-term-end`: a fixed-term agreement's last day;
//! - `nomination`: a seat ends with no successor recorded, while the body goes on;
//! - `chair-term`: next year's chair term starts and no chair is recorded for it.
//!
//! Last days for an action (giving notice, replying, fulfilling an obligation) are moved
//! off holidays by Lag (1930:173) (`adjusted`); end dates, seat ends and term starts are not.
//! `days_left` counts from today to the adjusted date.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{agreement_parties, chair_rule, rotation, year_span};
use crate::calendar::latest_start_for_end;
use crate::model::agreement::{Agreement, CountedFrom};
use crate::model::body::ChairKind;
use crate::model::roster::Member;
use crate::model::{Registry, terms};
use crate::rules::{cases, obligations};

#[derive(Debug, Serialize)]
pub struct Deadlines {
    pub today: NaiveDate,
    pub within: Option<u32>,
    pub deadlines: Vec<Deadline>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    Notice,
    NoticeHandled,
    NoticeEffective,
    Obligation,
    Reply,
    FixedTermEnd,
    Nomination,
    ChairTerm,
}

impl DeadlineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Notice => "notice",
            DeadlineKind::NoticeHandled => "notice-handled",
            DeadlineKind::NoticeEffective => "notice-effective",
            DeadlineKind::Obligation => "obligation",
            DeadlineKind::Reply => "reply",
            DeadlineKind::FixedTermEnd => "fixed-term-end",
            DeadlineKind::Nomination => "nomination",
            DeadlineKind::ChairTerm => "chair-term",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Deadline {
    /// A stable identifier (the same data gives the same id): calendar UIDs are made from it.
    pub id: String,
    pub date: NaiveDate,
    pub adjusted: NaiveDate,
    pub kind: DeadlineKind,
    pub subject: String,
    pub days_left: i64,
    pub agreement: Option<String>,
    pub party: Option<String>,
    pub body: Option<String>,
    pub case: Option<String>,
    /// `reply`: the parties still to decide.
    pub parties: Vec<String>,
    /// `notice`, `notice-handled`: the day the party would be out by.
    pub out_by: Option<NaiveDate>,
    /// `notice-handled`: the last recorded meeting of the handling body from today to L.
    pub meeting: Option<NaiveDate>,
}

/// The notice deadline seen from `today`: (L, E) with E the earliest 31 December such that
/// L, the latest day with L + `months` ≤ E, is on or after today.
pub fn notice_deadline(today: NaiveDate, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    // L grows with E by a year a step; within months/12 + 2 years one is on or after today.
    let years = i32::try_from(months / 12)
        .unwrap_or(i32::MAX)
        .saturating_add(2);
    let first = today.year();
    (first..=first.saturating_add(years))
        // Past the calendar's last year there is no answer.
        .map_while(|year| year_span(year).map(|(_, end)| end))
        .map(|end| (latest_start_for_end(end, months), end))
        .find(|(latest, _)| *latest >= today)
}

struct Builder<'a> {
    reg: &'a Registry,
    today: NaiveDate,
    out: Vec<Deadline>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: DeadlineKind,
        id: String,
        date: NaiveDate,
        adjust: bool,
        subject: String,
    ) -> &mut Deadline {
        let adjusted = if adjust {
            self.reg.calendar().adjust(date)
        } else {
            date
        };
        self.out.push(Deadline {
            id,
            date,
            adjusted,
            kind,
            subject,
            days_left: (adjusted - self.today).num_days(),
            agreement: None,
            party: None,
            body: None,
            case: None,
            parties: Vec::new(),
            out_by: None,
            meeting: None,
        });
        self.out.last_mut().expect("just pushed")
    }

    fn body_name(&self, id: &str) -> String {
        self.reg
            .bodies
            .get(id)
            .map_or_else(|| id.to_owned(), |b| b.value.name.get_ref().clone())
    }

    /// Owners of obligations are bodies or parties.
    fn owner_name(&self, id: &str) -> String {
        match self.reg.bodies.get(id) {
            Some(b) => b.value.name.get_ref().clone(),
            None => self.reg.party_name(id).to_owned(),
        }
    }
}

pub fn build(reg: &Registry, today: NaiveDate, within: Option<u32>) -> Deadlines {
    let mut b = Builder {
        reg,
        today,
        out: Vec::new(),
    };
    for (id, a) in &reg.agreements {
        agreement_deadlines(&mut b, id, &a.value);
    }
    for (id, case) in &reg.cases {
        reply_deadlines(&mut b, id, &case.value);
    }
    for id in reg.bodies.keys() {
        body_deadlines(&mut b, id);
    }
    let mut deadlines = b.out;
    if let Some(days) = within {
        deadlines.retain(|d| d.days_left <= i64::from(days));
    }
    deadlines.sort_by(|x, y| {
        (x.adjusted, x.date, x.kind, &x.subject, &x.id)
            .cmp(&(y.adjusted, y.date, y.kind, &y.subject, &y.id))
    });
    Deadlines {
        today,
        within,
        deadlines,
    }
}

fn agreement_deadlines(b: &mut Builder, id: &str, a: &Agreement) {
    let reg = b.reg;
    let today = b.today;
    let title = a.title.get_ref();
    let end = reg.agreement_end(id);
    let in_force = end.is_none_or(|e| e >= today);

    if let Some(ends) = &a.ends {
        let ends = ends.get_ref().0;
        if ends >= today {
            b.push(
                DeadlineKind::FixedTermEnd,
                format!("fixed-term-end/{id}"),
                ends,
                false,
                format!("{title}: last day in force (fixed term)"),
            )
            .agreement = Some(id.to_owned());
        }
    }

    // Notices given, and the deadlines of the parties that have not given one.
    if let Some(termination) = a.termination.as_ref().map(|t| t.get_ref()) {
        for n in a.notice.iter().map(|n| n.get_ref()) {
            let party = n.party.get_ref();
            if !a.has_party(party) {
                continue;
            }
            let Some(last) = terms::notice_end(reg, a, n) else {
                continue;
            };
            if last < today {
                continue;
            }
            let received = n.received.get_ref();
            let mut subject = format!(
                "{}: notice of {title} (received {received}) takes effect; last day in force",
                reg.party_name(party)
            );
            if a.ends.is_none() && end == Some(last) {
                subject.push_str("; the agreement ends with it");
            }
            let d = b.push(
                DeadlineKind::NoticeEffective,
                format!("notice-effective/{id}/{party}/{received}"),
                last,
                false,
                subject,
            );
            d.agreement = Some(id.to_owned());
            d.party = Some(party.clone());
        }
        let open_ended = a.ends.is_none();
        let handled_by = match termination.counted_from {
            CountedFrom::Received => None,
            CountedFrom::Handled => termination
                .handled_by
                .as_ref()
                .map(|h| h.get_ref().as_str()),
        };
        let months = *termination.notice_months.get_ref();
        if open_ended
            && in_force
            && let Some((latest, out_by)) = notice_deadline(today, months)
        {
            for party in agreement_parties(a) {
                if a.notice
                    .iter()
                    .any(|n| n.get_ref().party.get_ref() == party)
                {
                    continue;
                }
                let name = reg.party_name(party);
                let (kind, meeting, subject) = match handled_by {
                    None => (
                        DeadlineKind::Notice,
                        None,
                        format!(
                            "{name}: last day to give notice of {title} and be out by {out_by} ({months} months from receipt)"
                        ),
                    ),
                    Some(body) => {
                        let body_name = b.body_name(body);
                        let meeting = terms::last_meeting_on_or_before(reg, body, latest)
                            .filter(|m| *m >= today);
                        let when = match meeting {
                            Some(m) => format!("last recorded: {m}"),
                            None => format!("none is recorded from {today} to {latest}"),
                        };
                        (
                            DeadlineKind::NoticeHandled,
                            meeting,
                            format!(
                                "{name}: last day for {body_name} to handle a notice of {title}, to be out by {out_by} ({months} months from handling); the notice must reach it before its last meeting on or before {latest} ({when})"
                            ),
                        )
                    }
                };
                let d = b.push(
                    kind,
                    format!("{}/{id}/{party}/{out_by}", kind.as_str()),
                    latest,
                    true,
                    subject,
                );
                d.agreement = Some(id.to_owned());
                d.party = Some(party.to_owned());
                d.body = handled_by.map(str::to_owned);
                d.out_by = Some(out_by);
                d.meeting = meeting;
            }
        }
    }

    if !in_force {
        return;
    }
    for o in a.obligation.iter().map(|o| o.get_ref()) {
        let Some(due) = obligations::next_due(a, o) else {
            continue;
        };
        let owner = o.owner.get_ref();
        let oid = o.id.get_ref();
        let d = b.push(
            DeadlineKind::Obligation,
            format!("obligation/{id}/{oid}/{due}"),
            due,
            true,
            format!("{} (owner: {})", o.title.get_ref(), b.owner_name(owner)),
        );
        d.agreement = Some(id.to_owned());
        if reg.bodies.contains_key(owner) {
            d.body = Some(owner.clone());
        } else {
            d.party = Some(owner.clone());
        }
    }
}

fn reply_deadlines(b: &mut Builder, id: &str, case: &crate::model::Case) {
    let reg = b.reg;
    for e in case.event.iter().map(|e| e.get_ref()) {
        let Some(reply_by) = &e.reply_by else {
            continue;
        };
        let reply_by = reply_by.get_ref().0;
        let body = e.body.get_ref();
        let agreement = cases::case_agreement(reg, case, body);
        let must_reply = cases::must_reply(reg, case, agreement);
        let undecided: Vec<String> = cases::undecided(case, &must_reply)
            .into_iter()
            .map(str::to_owned)
            .collect();
        if undecided.is_empty() {
            continue;
        }
        let names: Vec<&str> = undecided.iter().map(|p| reg.party_name(p)).collect();
        let verb = e.action.get_ref().as_str();
        let date = e.date.get_ref();
        let subject = format!(
            "Reply on “{}” ({verb} by {} on {date}); undecided: {}",
            case.title.get_ref(),
            b.body_name(body),
            names.join(", ")
        );
        let d = b.push(
            DeadlineKind::Reply,
            format!("reply/{id}/{date}/{reply_by}"),
            reply_by,
            true,
            subject,
        );
        d.case = Some(id.to_owned());
        d.body = Some(body.clone());
        d.agreement = agreement.map(str::to_owned);
        d.parties = undecided;
    }
}

fn body_deadlines(b: &mut Builder, id: &str) {
    let reg = b.reg;
    let today = b.today;
    let Some(body) = reg.bodies.get(id).map(|b| &b.value) else {
        return;
    };
    let (_, active_end) = reg.body_active(body);
    let body_name = body.name.get_ref().clone();

    // Seats ending with no successor while the body and the party go on.
    if let Some(roster) = reg.rosters.get(id) {
        let members: Vec<&Member> = roster.value.member.iter().map(|m| m.get_ref()).collect();
        let exits = reg
            .body_agreement(body)
            .map(|a| terms::party_exits(reg, &a.value))
            .unwrap_or_default();
        for m in &members {
            let Some(to) = m.to() else { continue };
            let Some(next) = to.succ_opt() else { continue };
            let party = m.party.get_ref();
            let role = *m.role.get_ref();
            let body_goes_on = active_end.is_none_or(|e| next <= e);
            let party_stays = exits.get(party).is_none_or(|exit| next <= *exit);
            if to < today || !body_goes_on || !party_stays {
                continue;
            }
            let count = |day: NaiveDate| {
                members
                    .iter()
                    .filter(|o| {
                        o.party.get_ref() == party && *o.role.get_ref() == role && o.serves_on(day)
                    })
                    .count()
            };
            if count(next) >= count(to) {
                continue;
            }
            let name = m.name.get_ref();
            let d = b.push(
                DeadlineKind::Nomination,
                format!("nomination/{id}/{party}/{name}/{to}"),
                to,
                false,
                format!(
                    "{}: nominate a successor to {name} ({} seat in {body_name}, last day {to})",
                    reg.party_name(party),
                    role.as_str()
                ),
            );
            d.body = Some(id.to_owned());
            d.party = Some(party.clone());
        }
    }

    // Next year's chair term, unrecorded.
    let rule = chair_rule(reg, id);
    if body.chairs_of.is_some() && body.chair.is_none() {
        return; // an arbetsutskott follows its body's records
    }
    let year = today.year().saturating_add(1);
    let Some((jan1, _)) = year_span(year) else {
        return;
    };
    let recorded = reg.chair_year(id, year).is_some();
    if recorded || !reg.body_active_on(body, jan1) {
        return;
    }
    let plan = match rule {
        Some(ChairKind::AlternateSides) => {
            match rotation::planned_side(&rotation::recorded_sides(reg, id), year) {
                Some(side) => format!(" (planned: chair from the {} side)", side.as_str()),
                None => String::new(),
            }
        }
        Some(ChairKind::Elected) => String::new(),
        Some(ChairKind::Host) | None => return,
    };
    let d = b.push(
        DeadlineKind::ChairTerm,
        format!("chair-term/{id}/{year}"),
        jan1,
        false,
        format!("{body_name}: the {year} chair term starts and no chair is recorded{plan}"),
    );
    d.body = Some(id.to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

    #[test]
    fn notice_deadline_picks_the_earliest_reachable_year_end() {
        // 12 months: out by 2026-12-31 needed notice by 2025-12-31 (past); so 2027-12-31.
        assert_eq!(
            notice_deadline(day("2026-11-24"), 12),
            Some((day("2026-12-31"), day("2027-12-31")))
        );
        // 6 months: 2026-06-30 is past; 2027-06-30 to be out by 2027-12-31.
        assert_eq!(
            notice_deadline(day("2026-11-24"), 6),
            Some((day("2027-06-30"), day("2027-12-31")))
        );
        // On the deadline itself it still counts.
        assert_eq!(
            notice_deadline(day("2026-06-30"), 6),
            Some((day("2026-06-30"), day("2026-12-31")))
        );
        // 3 months from 2026-10-01: L = 2026-09-30 is past; 2027-09-30.
        assert_eq!(
            notice_deadline(day("2026-10-01"), 3),
            Some((day("2027-09-30"), day("2027-12-31")))
        );
        // Long notice: 30 months from 2026-01-01 → out by 2028-12-31 needs 2026-06-30.
        assert_eq!(
            notice_deadline(day("2026-01-01"), 30),
            Some((day("2026-06-30"), day("2028-12-31")))
        );
        assert_eq!(
            notice_deadline(day("2026-11-24"), 0),
            Some((day("2026-12-31"), day("2026-12-31")))
        );
        assert!(notice_deadline(day("2026-11-24"), u32::MAX).is_none());
    }

    fn fixture(agreement: &str, extra: &[(&'static str, &'static str)]) -> Registry {
        let agreement: &'static str = Box::leak(agreement.to_owned().into_boxed_str());
        let mut files = PARTIES.to_vec();
        files.push(("agreements/a.toml", agreement));
        files.push((
            "bodies/samrad.toml",
            "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n\
             [seats]\ndefault = { ordinary = 1, substitutes = 1 }\n[chair]\nrule = \"alternate-sides\"\n",
        ));
        files.extend_from_slice(extra);
        registry(&files)
    }

    const HEAD: &str =
        "title = \"A\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-09-01\n";

    fn kinds(d: &Deadlines) -> Vec<(DeadlineKind, Option<&str>, NaiveDate, NaiveDate, i64)> {
        d.deadlines
            .iter()
            .map(|d| (d.kind, d.party.as_deref(), d.date, d.adjusted, d.days_left))
            .collect()
    }

    #[test]
    fn handled_notice_deadlines_name_the_last_meeting() {
        let reg = fixture(
            &format!(
                "{HEAD}[termination]\nnotice_months = 12\ncounted_from = \"handled\"\nhandled_by = \"samrad\"\n\
                 [[notice]]\nparty = \"vindeln\"\nreceived = 2026-03-03\n"
            ),
            &[(
                "meetings/2026.toml",
                "[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n[[meeting]]\nbody = \"samrad\"\ndate = 2026-12-11\n",
            )],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let notice: Vec<_> = kinds(&d)
            .into_iter()
            .filter(|k| k.0 != DeadlineKind::ChairTerm)
            .collect();
        assert_eq!(
            notice,
            vec![
                // 2026-12-31 is nyårsafton: adjusted to Monday 2027-01-04, 41 days away.
                (
                    DeadlineKind::NoticeHandled,
                    Some("region"),
                    day("2026-12-31"),
                    day("2027-01-04"),
                    41
                ),
                (
                    DeadlineKind::NoticeHandled,
                    Some("umea"),
                    day("2026-12-31"),
                    day("2027-01-04"),
                    41
                ),
                // Vindeln's notice counts from the meeting of 2026-03-20.
                (
                    DeadlineKind::NoticeEffective,
                    Some("vindeln"),
                    day("2027-03-20"),
                    day("2027-03-20"),
                    116
                ),
            ]
        );
        let first_handled = |d: &Deadlines| {
            let found = d
                .deadlines
                .iter()
                .find(|d| d.kind == DeadlineKind::NoticeHandled);
            found
                .map(|d| (d.meeting, d.out_by, d.subject.clone()))
                .unwrap()
        };
        let (meeting, out_by, subject) = first_handled(&d);
        assert_eq!(meeting, Some(day("2026-12-11")));
        assert_eq!(out_by, Some(day("2027-12-31")));
        assert!(subject.contains("before its last meeting on or before 2026-12-31"));
        // After the last recorded meeting: no meeting to name.
        let (meeting, _, subject) = first_handled(&build(&reg, day("2026-12-12"), None));
        assert_eq!(meeting, None);
        assert!(subject.contains("none is recorded from 2026-12-12 to 2026-12-31"));
    }

    #[test]
    fn notice_deadlines_from_receipt_and_within() {
        let reg = fixture(&format!("{HEAD}[termination]\nnotice_months = 6\n"), &[]);
        let d = build(&reg, day("2026-11-24"), None);
        let notice: Vec<_> = kinds(&d)
            .into_iter()
            .filter(|k| k.0 == DeadlineKind::Notice)
            .collect();
        assert_eq!(notice.len(), 3);
        assert_eq!(notice[0].2, day("2027-06-30"));
        assert_eq!(notice[0].4, 218);
        assert!(
            build(&reg, day("2026-11-24"), Some(217))
                .deadlines
                .iter()
                .all(|d| d.kind != DeadlineKind::Notice)
        );
        assert!(
            build(&reg, day("2026-11-24"), Some(218))
                .deadlines
                .iter()
                .any(|d| d.kind == DeadlineKind::Notice)
        );
    }

    #[test]
    fn obligations_one_off_and_recurring() {
        let reg = fixture(
            &format!(
                "{HEAD}[[obligation]]\nid = \"once\"\ntitle = \"Once\"\nowner = \"samrad\"\ndue = 2027-01-02\n\
                 [[obligation]]\nid = \"done\"\ntitle = \"Done\"\nowner = \"samrad\"\ndue = 2023-09-01\ndone = [2023-05-10]\n\
                 [[obligation]]\nid = \"every\"\ntitle = \"Every\"\nowner = \"umea\"\nevery_months = 24\ndone = [2021-01-01, 2022-05-10]\n\
                 [[obligation]]\nid = \"never\"\ntitle = \"Never done\"\nowner = \"samrad\"\nevery_months = 12\n"
            ),
            &[],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let o: Vec<_> = d
            .deadlines
            .iter()
            .filter(|d| d.kind == DeadlineKind::Obligation)
            .map(|d| (d.id.as_str(), d.date, d.adjusted, d.days_left))
            .collect();
        assert_eq!(
            o,
            vec![
                // effective 2020-09-01 + 12 months, never done: overdue, still listed.
                (
                    "obligation/a/never/2021-09-01",
                    day("2021-09-01"),
                    day("2021-09-01"),
                    -1910
                ),
                // last done 2022-05-10 + 24 months.
                (
                    "obligation/a/every/2024-05-10",
                    day("2024-05-10"),
                    day("2024-05-10"),
                    -928
                ),
                // Saturday 2 January → Monday 4 January.
                (
                    "obligation/a/once/2027-01-02",
                    day("2027-01-02"),
                    day("2027-01-04"),
                    41
                ),
            ]
        );
        // Overdue ones stay with --within.
        assert_eq!(
            build(&reg, day("2026-11-24"), Some(0))
                .deadlines
                .iter()
                .filter(|d| d.kind == DeadlineKind::Obligation)
                .count(),
            2
        );
    }

    #[test]
    fn replies_list_the_undecided() {
        let reg = fixture(
            HEAD,
            &[(
                "cases/2026/c.toml",
                "title = \"C\"\nraised = 2026-02-03\nraised_by = \"umea\"\nconcerns = \"all\"\nagreement = \"a\"\n\
                 [[event]]\ndate = 2026-03-20\nbody = \"samrad\"\naction = \"recommended\"\nreply_by = 2026-12-24\n\
                 [[decision]]\nparty = \"umea\"\ndate = 2026-05-12\noutcome = \"adopted\"\n\
                 [[decision]]\nparty = \"region\"\ndate = 2026-05-20\noutcome = \"pending\"\n",
            )],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let r = d
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Reply)
            .unwrap();
        assert_eq!(r.parties, vec!["region", "vindeln"]);
        // Julafton, juldagen, annandag jul (Saturday), Sunday → Monday 2026-12-28.
        assert_eq!(r.adjusted, day("2026-12-28"));
    }

    #[test]
    fn nominations_and_chair_terms() {
        let reg = fixture(
            HEAD,
            &[(
                "members/samrad.toml",
                "[[member]]\nname = \"R\"\nparty = \"region\"\nrole = \"ordinary\"\nfrom = 2020-01-01\nto = 2026-12-31\n\
                 [[member]]\nname = \"U\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2020-01-01\nto = 2026-12-31\n\
                 [[member]]\nname = \"U2\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2027-01-01\n\
                 [[chair]]\nyear = 2026\nchair = \"R\"\nvice_chair = \"U\"\n",
            )],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let k: Vec<_> = d
            .deadlines
            .iter()
            .map(|d| (d.kind, d.party.as_deref(), d.date))
            .collect();
        assert_eq!(
            k,
            vec![
                // Umeå has a successor from 2027-01-01; the region does not.
                (DeadlineKind::Nomination, Some("region"), day("2026-12-31")),
                (DeadlineKind::ChairTerm, None, day("2027-01-01")),
            ]
        );
        assert!(d.deadlines[1].subject.contains("municipality side"));
    }

    #[test]
    fn fixed_term_ends_are_not_adjusted() {
        let reg = fixture(&format!("{HEAD}ends = 2026-12-31\n"), &[]);
        let d = build(&reg, day("2026-11-24"), None);
        let f = d
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::FixedTermEnd)
            .unwrap();
        assert_eq!(
            (f.date, f.adjusted, f.days_left),
            (day("2026-12-31"), day("2026-12-31"), 37)
        );
    }
}
