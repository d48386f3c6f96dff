//! `deadlines [--within DAYS]`: every deadline seen from `--today`, with days left.
//!
//! Kinds (see `docs/views.md`):
//! - `notice` / `notice-handled`: for the parties of an open-ended agreement in force that
//!   have not given notice, one entry: the latest notice L to be out by E
//!   ([`terms::latest_notice`]), where E is the earliest 31 December whose day to act by is
//!   on or after today;
//! - `notice-effective`: a notice already given takes effect (the party's last day);
//! - `obligation`: the next due date of each obligation not done, overdue ones included;
//! - `reply`: a recommendation's `reply_by` while parties that must reply are undecided;
//! - `fixed-term-end`: a fixed-term agreement's last day;
//! - `nomination`: a seat ends with no successor recorded, while the body goes on;
//! - `chair-term`: next year's chair term starts and no chair is recorded for it.
//!
//! `adjusted` is the day to act by. A set deadline (a reply or an obligation's last day)
//! on a closed day moves later, by Lag (1930:173); a derived one (the latest notice) moves
//! earlier, since acting later would give a later end. End dates, seat ends and term
//! starts are not moved. `days_left` counts from today to the adjusted date.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{agreement_parties, chair_rule, party_names, rotation, year_span};
use crate::model::agreement::Agreement;
use crate::model::agreement::Obligation;
use crate::model::body::ChairKind;
use crate::model::case::Actor;
use crate::model::chair_term::{self, ChairTerm};
use crate::model::date::DayOrMonth;
use crate::model::duty::{self, Owner};
use crate::model::roster::Member;
use crate::model::terms::LatestNotice;
use crate::model::{Registry, terms};
use crate::rules::cases;

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
    NoticeRenewal,
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
            DeadlineKind::NoticeRenewal => "notice-renewal",
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
    /// The day to act by (see the module's documentation).
    pub adjusted: NaiveDate,
    pub kind: DeadlineKind,
    /// What the deadline is about; renderers word it (JSON: in English, as `subject`).
    #[serde(skip)]
    pub subject: Subject,
    pub days_left: i64,
    pub agreement: Option<String>,
    /// The one party the entry is about (null for an entry of several parties).
    pub party: Option<String>,
    pub body: Option<String>,
    pub case: Option<String>,
    /// The parties the entry is about: those still to give notice, or still to decide on
    /// a reply; empty when the entry is not a party's.
    pub parties: Vec<String>,
    /// `notice`, `notice-handled`: the day the party would be out by.
    pub out_by: Option<NaiveDate>,
    /// `notice-handled`: the meeting the notice must reach the body in time for.
    pub meeting: Option<NaiveDate>,
}

/// The facts a deadline's subject is worded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    FixedTermEnd {
        title: String,
    },
    NoticeEffective {
        party_name: String,
        title: String,
        received: NaiveDate,
        /// The agreement ends with this notice.
        agreement_ends: bool,
    },
    Notice {
        party_names: Vec<String>,
        title: String,
        out_by: NaiveDate,
        months: u32,
    },
    NoticeHandled {
        party_names: Vec<String>,
        title: String,
        body_name: String,
        out_by: NaiveDate,
        months: u32,
        latest_handling: NaiveDate,
        /// The meeting the notice must reach the body in time for; None when the recorded
        /// calendar does not reach the latest handling day.
        meeting: Option<NaiveDate>,
    },
    /// A renewing fixed term: notice by then stops it at the term's end.
    NoticeRenewal {
        party_names: Vec<String>,
        title: String,
        term_end: NaiveDate,
        renewal_months: u32,
    },
    Obligation {
        title: String,
        owner_name: String,
    },
    /// A duty of each party: those not done by the day (of `parties_bound` it binds).
    PartyDuty {
        title: String,
        party_names: Vec<String>,
        parties_bound: usize,
    },
    Reply {
        case_title: String,
        action: &'static str,
        body_name: String,
        /// The event's day, or its month where the registry gives only the month.
        date: DayOrMonth,
        undecided_names: Vec<String>,
    },
    Nomination {
        party_name: String,
        member: String,
        role: &'static str,
        body_name: String,
        last_day: NaiveDate,
    },
    ChairTerm {
        body_name: String,
        /// The term that starts (a calendar year unless `[chair] term` says otherwise).
        term: ChairTerm,
        /// Under `alternate-sides`, the side whose turn it is.
        planned_side: Option<&'static str>,
    },
}

/// The notice deadline seen from `today`: the latest notice to be out by E, and E, the
/// earliest 31 December whose day to act by is on or after today.
pub fn notice_deadline(
    reg: &Registry,
    today: NaiveDate,
    months: u32,
    handled_by: Option<&str>,
) -> Option<(LatestNotice, NaiveDate)> {
    // L grows with E by about a year a step; a meeting calendar can hold L back by up to the
    // gap between two meetings, so a year more than the notice period is enough.
    let years = i32::try_from(months / 12)
        .unwrap_or(i32::MAX)
        .saturating_add(3);
    let first = today.year();
    (first..=first.saturating_add(years))
        // Past the calendar's last year there is no answer.
        .map_while(|year| year_span(year).map(|(_, end)| end))
        .map(|end| (terms::latest_notice(reg, months, handled_by, end), end))
        .find(|(latest, _)| latest.act_by >= today)
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
        adjusted: NaiveDate,
        subject: Subject,
    ) -> &mut Deadline {
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

    /// A set deadline: a last day written in the registry, moved later past closed days.
    fn set_deadline(&self, date: NaiveDate) -> NaiveDate {
        self.reg.calendar().adjust(date)
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
        (x.adjusted, x.date, x.kind, &x.id).cmp(&(y.adjusted, y.date, y.kind, &y.id))
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

    // An annex's term ends at the latest with its main agreement.
    if a.renewal.is_none()
        && let Some(ends) = terms::fixed_term_end(a).map(|own| end.map_or(own, |e| e.min(own)))
        && ends >= today
    {
        b.push(
            DeadlineKind::FixedTermEnd,
            format!("fixed-term-end/{id}"),
            ends,
            ends,
            Subject::FixedTermEnd {
                title: title.clone(),
            },
        )
        .agreement = Some(id.to_owned());
    }

    if let Some(renewal) = &a.renewal
        && in_force
    {
        renewal_deadline(b, id, a, *renewal.get_ref().months.get_ref());
    }
    // Notices given, and the deadline of the parties that have not given one.
    if a.termination.is_some() || a.renewal.is_some() {
        notices_given(b, id, a);
    }
    if let Some((months, handled_by)) = terms::notice_terms(a).filter(|_| a.renewal.is_none()) {
        // A party that gave notice on an annex's main agreement is leaving the annex too.
        let exits = terms::party_exits(reg, a);
        let parties: Vec<&str> = agreement_parties(reg, a)
            .into_iter()
            .filter(|p| !a.notice.iter().any(|n| n.get_ref().party.get_ref() == p))
            .filter(|p| !exits.contains_key(*p))
            .collect();
        if a.ends.is_none()
            && in_force
            && !parties.is_empty()
            && let Some((latest, out_by)) = notice_deadline(reg, today, months, handled_by)
        {
            let party_names = parties
                .iter()
                .map(|p| reg.party_name(p).to_owned())
                .collect();
            let (kind, subject) = match handled_by {
                None => (
                    DeadlineKind::Notice,
                    Subject::Notice {
                        party_names,
                        title: title.clone(),
                        out_by,
                        months,
                    },
                ),
                Some(body) => (
                    DeadlineKind::NoticeHandled,
                    Subject::NoticeHandled {
                        party_names,
                        title: title.clone(),
                        body_name: b.body_name(body),
                        out_by,
                        months,
                        latest_handling: latest.latest_handling.unwrap_or(latest.latest_notice),
                        meeting: latest.meeting,
                    },
                ),
            };
            let d = b.push(
                kind,
                format!("{}/{id}/{out_by}", kind.as_str()),
                latest.latest_notice,
                latest.act_by,
                subject,
            );
            d.agreement = Some(id.to_owned());
            if let [one] = parties.as_slice() {
                d.party = Some((*one).to_owned());
            }
            d.parties = parties.iter().map(|p| (*p).to_owned()).collect();
            d.body = handled_by.map(str::to_owned);
            d.out_by = Some(out_by);
            d.meeting = latest.meeting;
        }
    }

    if !in_force {
        return;
    }
    for o in a.obligation.iter().map(|o| o.get_ref()) {
        obligation_deadlines(b, id, a, o);
    }
}

/// A duty's due days not met: those passed (they stay listed) and the next one. An
/// `each-party` duty's due day is one entry listing the parties not done.
fn obligation_deadlines(b: &mut Builder, id: &str, a: &Agreement, o: &Obligation) {
    let reg = b.reg;
    let tracks = duty::tracks(reg, id, a, o, NaiveDate::MAX, b.today);
    let open = duty::due_days(&tracks)
        .into_iter()
        .filter(|d| !d.not_done.is_empty());
    let mut upcoming_seen = false;
    for day in open {
        if day.adjusted >= b.today {
            if upcoming_seen {
                break;
            }
            upcoming_seen = true;
        }
        let owner = o.owner.get_ref();
        let oid = o.id.get_ref();
        let due = day.day;
        let parties: Vec<&str> = day.not_done.iter().flatten().copied().collect();
        let subject = match o.owner_kind() {
            Owner::EachParty => Subject::PartyDuty {
                title: o.title.get_ref().clone(),
                party_names: parties
                    .iter()
                    .map(|p| reg.party_name(p).to_owned())
                    .collect(),
                parties_bound: day.not_done.len() + day.done.len(),
            },
            // All parties together: named, the first few and how many more.
            Owner::Parties => Subject::Obligation {
                title: o.title.get_ref().clone(),
                owner_name: party_names(
                    reg,
                    reg.agreement_parties(a)
                        .iter()
                        .map(|p| p.get_ref().as_str()),
                ),
            },
            Owner::Id(_) => Subject::Obligation {
                title: o.title.get_ref().clone(),
                owner_name: b.owner_name(owner),
            },
        };
        let d = b.push(
            DeadlineKind::Obligation,
            format!("obligation/{id}/{oid}/{due}"),
            due,
            day.adjusted,
            subject,
        );
        d.agreement = Some(id.to_owned());
        match o.owner_kind() {
            Owner::EachParty => {
                if let [one] = parties.as_slice() {
                    d.party = Some((*one).to_owned());
                }
                d.parties = parties.iter().map(|p| (*p).to_owned()).collect();
            }
            Owner::Parties => {
                d.parties = reg
                    .agreement_parties(a)
                    .iter()
                    .map(|p| p.get_ref().clone())
                    .collect();
            }
            Owner::Id(owner) if reg.bodies.contains_key(owner) => d.body = Some(owner.to_owned()),
            Owner::Id(owner) => {
                d.party = Some(owner.to_owned());
                d.parties = vec![owner.to_owned()];
            }
        }
    }
}

/// The notices given that have yet to take effect: each party's last day in force (under
/// `[renewal]`, the end of the term the notice stops).
fn notices_given(b: &mut Builder, id: &str, a: &Agreement) {
    let reg = b.reg;
    // The agreement's own end comes from notices unless it is a fixed term that ends.
    let ended_by_notices = a.ends.is_none() || a.renewal.is_some();
    let end = reg.agreement_end(id);
    for n in a.notice.iter().map(|n| n.get_ref()) {
        let party = n.party.get_ref();
        if !reg.is_agreement_party(a, party) {
            continue;
        }
        let Some(last) = terms::notice_end(reg, a, n).filter(|last| *last >= b.today) else {
            continue;
        };
        let received = n.received.get_ref().0;
        let d = b.push(
            DeadlineKind::NoticeEffective,
            format!("notice-effective/{id}/{party}/{received}"),
            last,
            last,
            Subject::NoticeEffective {
                party_name: reg.party_name(party).to_owned(),
                title: a.title.get_ref().clone(),
                received,
                agreement_ends: ended_by_notices && end == Some(last),
            },
        );
        d.agreement = Some(id.to_owned());
        d.party = Some(party.clone());
        d.parties = vec![party.clone()];
    }
}

/// A renewing fixed term: for the parties that have not given notice, the latest notice day
/// of the first term whose day to act by is still ahead.
fn renewal_deadline(b: &mut Builder, id: &str, a: &Agreement, renewal_months: u32) {
    let reg = b.reg;
    let today = b.today;
    let title = a.title.get_ref();
    let parties: Vec<&str> = agreement_parties(reg, a)
        .into_iter()
        .filter(|p| !a.notice.iter().any(|n| n.get_ref().party.get_ref() == p))
        .collect();
    if parties.is_empty() {
        return;
    }
    let Some((term_end, latest, act_by)) = std::iter::successors(
        terms::term_end_on_or_after(a, today),
        // The next term's end: the first after this one.
        |end| {
            end.succ_opt()
                .and_then(|next| terms::term_end_on_or_after(a, next))
        },
    )
    .take(3)
    .filter_map(|end| {
        let latest = terms::term_latest_notice(a, end)?;
        Some((end, latest, reg.calendar().act_by(latest)))
    })
    .find(|(_, _, act_by)| *act_by >= today) else {
        return;
    };
    let d = b.push(
        DeadlineKind::NoticeRenewal,
        format!("notice-renewal/{id}/{term_end}"),
        latest,
        act_by,
        Subject::NoticeRenewal {
            party_names: parties
                .iter()
                .map(|p| reg.party_name(p).to_owned())
                .collect(),
            title: title.clone(),
            term_end,
            renewal_months,
        },
    );
    d.agreement = Some(id.to_owned());
    if let [one] = parties.as_slice() {
        d.party = Some((*one).to_owned());
    }
    d.parties = parties.iter().map(|p| (*p).to_owned()).collect();
    d.out_by = Some(term_end);
}

fn reply_deadlines(b: &mut Builder, id: &str, case: &crate::model::Case) {
    let reg = b.reg;
    for e in case.event.iter().map(|e| e.get_ref()) {
        let Some(reply_by) = &e.reply_by else {
            continue;
        };
        let reply_by = reply_by.get_ref().0;
        let body = e.body_id();
        let agreement = cases::case_agreement(reg, case, body);
        let must_reply = cases::must_reply(reg, case, agreement);
        let undecided: Vec<String> = cases::undecided(case, &must_reply)
            .into_iter()
            .map(str::to_owned)
            .collect();
        if undecided.is_empty() {
            continue;
        }
        let date = *e.date.get_ref();
        let adjusted = b.set_deadline(reply_by);
        let subject = Subject::Reply {
            case_title: case.title.get_ref().clone(),
            action: e.action.get_ref().as_str(),
            // A party's own action: its name where a body's would stand.
            body_name: match e.actor() {
                Some(Actor::Party(party)) => reg.party_name(party).to_owned(),
                Some(Actor::Body(body)) => b.body_name(body),
                None => String::new(),
            },
            date,
            undecided_names: undecided
                .iter()
                .map(|p| reg.party_name(p).to_owned())
                .collect(),
        };
        let d = b.push(
            DeadlineKind::Reply,
            format!("reply/{id}/{date}/{reply_by}"),
            reply_by,
            adjusted,
            subject,
        );
        d.case = Some(id.to_owned());
        d.body = body.map(str::to_owned);
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
            let Some((role, party)) = m.seat() else {
                continue;
            };
            let body_goes_on = active_end.is_none_or(|e| next <= e);
            let party_stays = exits.get(party).is_none_or(|exit| next <= *exit);
            if to < today || !body_goes_on || !party_stays {
                continue;
            }
            let count = |day: NaiveDate| {
                members
                    .iter()
                    .filter(|o| o.seat() == Some((role, party)) && o.serves_on(day))
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
                to,
                Subject::Nomination {
                    party_name: reg.party_name(party).to_owned(),
                    member: name.clone(),
                    role: role.as_str(),
                    body_name: body_name.clone(),
                    last_day: to,
                },
            );
            d.body = Some(id.to_owned());
            d.party = Some(party.to_owned());
            d.parties = vec![party.to_owned()];
        }
    }

    // The next chair term, unrecorded.
    let rule = chair_rule(reg, id);
    if body.chairs_of.is_some() && body.chair.is_none() {
        return; // an arbetsutskott follows its body's records
    }
    let Some(year) = chair_term::body_term(body, today.year())
        .last
        .checked_add(1)
    else {
        return;
    };
    let term = chair_term::body_term(body, year);
    let Some((jan1, _)) = year_span(year) else {
        return;
    };
    let recorded = reg.chair_year(id, year).is_some();
    if recorded || !reg.body_active_on(body, jan1) {
        return;
    }
    let planned_side = match rule {
        Some(ChairKind::AlternateSides) => {
            rotation::planned_side(&rotation::recorded_sides(reg, id), year).map(|s| s.as_str())
        }
        Some(ChairKind::Elected) => None,
        Some(ChairKind::FixedSide) => rotation::fixed_side(reg, id).map(|s| s.as_str()),
        Some(ChairKind::Host) | None => return,
    };
    let d = b.push(
        DeadlineKind::ChairTerm,
        format!("chair-term/{id}/{year}"),
        jan1,
        jan1,
        Subject::ChairTerm {
            body_name,
            term,
            planned_side,
        },
    );
    d.body = Some(id.to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

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

    /// (L, day to act by, E) of an agreement counted from receipt.
    fn from_receipt(today: &str, months: u32) -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
        let reg = fixture(HEAD, &[]);
        notice_deadline(&reg, day(today), months, None).map(|(l, e)| (l.latest_notice, l.act_by, e))
    }

    #[test]
    fn notice_deadline_picks_the_earliest_year_end_still_reachable() {
        // 12 months: out by 2026-12-31 needed notice by 2025-12-31 (past); so 2027-12-31,
        // with L on nyårsafton: act by Wednesday 2026-12-30.
        assert_eq!(
            from_receipt("2026-11-24", 12),
            Some((day("2026-12-31"), day("2026-12-30"), day("2027-12-31")))
        );
        // On nyårsafton itself that day to act by has passed: the next year end.
        assert_eq!(
            from_receipt("2026-12-31", 12),
            Some((day("2027-12-31"), day("2027-12-30"), day("2028-12-31")))
        );
        // 6 months: 2026-06-30 is past; 2027-06-30 to be out by 2027-12-31.
        assert_eq!(
            from_receipt("2026-11-24", 6),
            Some((day("2027-06-30"), day("2027-06-30"), day("2027-12-31")))
        );
        // On the deadline itself it still counts.
        assert_eq!(
            from_receipt("2026-06-30", 6),
            Some((day("2026-06-30"), day("2026-06-30"), day("2026-12-31")))
        );
        // 3 months from 2026-10-01: L = 2026-09-30 is past; 2027-09-30.
        assert_eq!(
            from_receipt("2026-10-01", 3),
            Some((day("2027-09-30"), day("2027-09-30"), day("2027-12-31")))
        );
        // Long notice: 30 months from 2026-01-01 → out by 2028-12-31 needs 2026-06-30.
        assert_eq!(
            from_receipt("2026-01-01", 30),
            Some((day("2026-06-30"), day("2026-06-30"), day("2028-12-31")))
        );
        assert_eq!(
            from_receipt("2026-11-24", 0),
            Some((day("2026-12-31"), day("2026-12-30"), day("2026-12-31")))
        );
        assert!(from_receipt("2026-11-24", u32::MAX).is_none());
    }

    const HANDLED: &str = "[termination]\nnotice_months = 12\ncounted_from = \"handled\"\nhandled_by = \"samrad\"\n\
                 [[notice]]\nparty = \"vindeln\"\nreceived = 2026-03-03\n";
    const MEETINGS_2026: &str = "[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n[[meeting]]\nbody = \"samrad\"\ndate = 2026-12-11\n";

    #[test]
    fn handled_notice_deadlines_group_the_parties_and_follow_the_calendar() {
        let reg = fixture(
            &format!("{HEAD}{HANDLED}"),
            &[("meetings/2026.toml", MEETINGS_2026)],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let notice: Vec<_> = kinds(&d)
            .into_iter()
            .filter(|k| k.0 != DeadlineKind::ChairTerm)
            .collect();
        assert_eq!(
            notice,
            vec![
                // No meeting is recorded after the latest handling day, nyårsafton 2026: L is
                // that day, and the day to act by is the Wednesday before, 36 days away.
                (
                    DeadlineKind::NoticeHandled,
                    None,
                    day("2026-12-31"),
                    day("2026-12-30"),
                    36
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
        let handled = &d.deadlines[0];
        assert_eq!(handled.parties, vec!["region", "umea"]);
        assert_eq!(handled.meeting, None);
        assert_eq!(handled.out_by, Some(day("2027-12-31")));

        // Once a meeting after it is recorded, the calendar covers the handling day: the
        // notice must reach the body in time for its meeting of 2026-12-11.
        let reg = fixture(
            &format!("{HEAD}{HANDLED}"),
            &[
                ("meetings/2026.toml", MEETINGS_2026),
                (
                    "meetings/2027.toml",
                    "[[meeting]]\nbody = \"samrad\"\ndate = 2027-02-05\n",
                ),
            ],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let handled = &d.deadlines[0];
        assert_eq!(
            (
                handled.date,
                handled.adjusted,
                handled.meeting,
                handled.days_left
            ),
            (
                day("2026-12-11"),
                day("2026-12-11"),
                Some(day("2026-12-11")),
                17
            )
        );
        // The day after that meeting it has passed: the next year end, not yet covered.
        let d = build(&reg, day("2026-12-12"), None);
        let handled = d
            .deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::NoticeHandled)
            .unwrap();
        assert_eq!(
            (
                handled.date,
                handled.adjusted,
                handled.out_by,
                handled.meeting
            ),
            (
                day("2027-12-31"),
                day("2027-12-30"),
                Some(day("2028-12-31")),
                None
            )
        );
    }

    #[test]
    fn notice_deadlines_from_receipt_and_within() {
        let reg = fixture(&format!("{HEAD}[termination]\nnotice_months = 6\n"), &[]);
        let d = build(&reg, day("2026-11-24"), None);
        let notice: Vec<_> = d
            .deadlines
            .iter()
            .filter(|d| d.kind == DeadlineKind::Notice)
            .collect();
        // One entry for the three parties.
        assert_eq!(notice.len(), 1);
        assert_eq!(notice[0].parties, vec!["region", "umea", "vindeln"]);
        assert_eq!(notice[0].party, None);
        assert_eq!(notice[0].date, day("2027-06-30"));
        assert_eq!(notice[0].days_left, 218);
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
    fn a_duty_of_each_party_is_one_entry_per_due_day_listing_the_parties_not_done() {
        let reg = fixture(
            &format!(
                "{HEAD}[[obligation]]\nid = \"names\"\ntitle = \"Names\"\nowner = \"each-party\"\ndue = \"2026-12\"\n\
                 done_by = {{ umea = [2026-11-02] }}\n\
                 [[obligation]]\nid = \"plan\"\ntitle = \"Plan\"\nowner = \"each-party\"\ndue_each_year = \"03-31\"\n\
                 done_by = {{ region = [2021-03-01, 2022-03-01, 2023-03-01, 2024-03-01, 2025-03-01, 2026-03-01], \
                 umea = [2021-03-01, 2022-03-01, 2023-03-01, 2024-03-01, 2025-03-01, 2026-03-01], \
                 vindeln = [2021-03-01, 2022-03-01, 2023-03-01, 2025-03-01, 2026-03-01] }}\n"
            ),
            &[],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let o: Vec<_> = d
            .deadlines
            .iter()
            .filter(|d| d.kind == DeadlineKind::Obligation)
            .map(|d| {
                (
                    d.id.as_str(),
                    d.adjusted,
                    d.parties.clone(),
                    d.party.as_deref(),
                )
            })
            .collect();
        let parties = |p: &[&str]| p.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            o,
            vec![
                // vindeln recorded nothing in 2024: that day stays listed, overdue
                // (2024-03-31 påskdagen moves to 2024-04-02).
                (
                    "obligation/a/plan/2024-03-31",
                    day("2024-04-02"),
                    parties(&["vindeln"]),
                    Some("vindeln")
                ),
                // The month's last day, 2026-12-31 nyårsafton, moves to 2027-01-04.
                (
                    "obligation/a/names/2026-12-31",
                    day("2027-01-04"),
                    parties(&["region", "vindeln"]),
                    None
                ),
                (
                    "obligation/a/plan/2027-03-31",
                    day("2027-03-31"),
                    parties(&["region", "umea", "vindeln"]),
                    None
                ),
            ]
        );
        let names = d.deadlines.iter().find(|d| d.id.contains("names")).unwrap();
        assert_eq!(
            crate::render::deadline_words::subject(crate::i18n::Lang::En, &names.subject),
            "Names (not done: Region Västerbotten, Vindelns kommun)"
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
        assert!(matches!(
            d.deadlines[1].subject,
            Subject::ChairTerm {
                planned_side: Some("municipality"),
                ..
            }
        ));
    }

    #[test]
    fn the_next_chair_term_follows_the_bodys_term() {
        let mut files = PARTIES.to_vec();
        files.extend([
            ("agreements/a.toml", HEAD),
            (
                "bodies/samrad.toml",
                "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n\
                 [seats]\ndefault = { ordinary = 1, substitutes = 1 }\n[chair]\nrule = \"alternate-sides\"\nterm = \"mandate-period\"\n",
            ),
            (
                "members/samrad.toml",
                "[[member]]\nname = \"R\"\nparty = \"region\"\nrole = \"ordinary\"\nfrom = 2020-01-01\n\
                 [[member]]\nname = \"U\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2020-01-01\n\
                 [[chair]]\nyear = 2023\nchair = \"R\"\nvice_chair = \"U\"\n",
            ),
        ]);
        let reg = registry(&files);
        // Seen from inside 2023–2026, the next term is 2027–2030, not next calendar year.
        let d = build(&reg, day("2024-05-02"), None);
        let terms: Vec<_> = d
            .deadlines
            .iter()
            .filter(|d| d.kind == DeadlineKind::ChairTerm)
            .collect();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].date, day("2027-01-01"));
        assert!(matches!(
            terms[0].subject,
            Subject::ChairTerm {
                term: ChairTerm {
                    first: 2027,
                    last: 2030
                },
                planned_side: Some("municipality"),
                ..
            }
        ));
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

    #[test]
    fn an_annex_ends_with_its_main_agreement_and_spares_parties_leaving_it() {
        let main = format!(
            "{HEAD}[termination]\nnotice_months = 12\n[[notice]]\nparty = \"vindeln\"\nreceived = 2026-02-01\n"
        );
        let annex = "title = \"Bilaga\"\npart_of = \"a\"\neffective = 2021-01-01\nends = 2028-12-31\n\
                     [termination]\nnotice_months = 6\n";
        let reg = fixture(&main, &[("agreements/bilaga.toml", annex)]);
        // The main agreement is open-ended: the annex's own term end stands.
        let d = build(&reg, day("2026-11-24"), None);
        let annex_deadlines: Vec<&Deadline> = d
            .deadlines
            .iter()
            .filter(|d| d.agreement.as_deref() == Some("bilaga"))
            .collect();
        assert!(
            annex_deadlines
                .iter()
                .any(|d| d.kind == DeadlineKind::FixedTermEnd && d.date == day("2028-12-31"))
        );
        // Open-ended, the annex has a notice deadline; Vindeln, leaving through its notice
        // on the main agreement, is not named in it.
        let open: &'static str =
            Box::leak(annex.replace("ends = 2028-12-31\n", "").into_boxed_str());
        let reg = fixture(&main, &[("agreements/bilaga.toml", open)]);
        let d = build(&reg, day("2026-11-24"), None);
        let notice = d
            .deadlines
            .iter()
            .find(|d| d.agreement.as_deref() == Some("bilaga") && d.kind == DeadlineKind::Notice)
            .expect("a notice deadline in the annex");
        assert_eq!(notice.parties, vec!["region", "umea"]);

        // A main agreement with an earlier end ends the annex's term then.
        let reg = fixture(
            &format!("{HEAD}ends = 2027-06-30\n"),
            &[("agreements/bilaga.toml", annex)],
        );
        let d = build(&reg, day("2026-11-24"), None);
        assert!(
            d.deadlines
                .iter()
                .any(|d| d.agreement.as_deref() == Some("bilaga")
                    && d.kind == DeadlineKind::FixedTermEnd
                    && d.date == day("2027-06-30"))
        );
    }

    #[test]
    fn a_renewing_term_has_one_notice_deadline_for_its_parties() {
        let reg = fixture(
            &format!(
                "{HEAD}ends = 2020-12-31\n[renewal]\nmonths = 24\nnotice_months = 12\n\
                 [[notice]]\nparty = \"vindeln\"\nreceived = 2026-03-03\n"
            ),
            &[],
        );
        let d = build(&reg, day("2026-11-24"), None);
        let renewal: Vec<_> = d
            .deadlines
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    DeadlineKind::NoticeRenewal | DeadlineKind::NoticeEffective
                )
            })
            .map(|d| (d.kind, d.date, d.adjusted, d.out_by, d.parties.clone()))
            .collect();
        // The term ending 2026-12-31 had its latest notice day on 2025-12-31: passed. The
        // next term ends 2028-12-31; notice by 2027-12-31, a nyårsafton: act by 12-30.
        // Vindeln's notice of 2026-03-03 stops it for Vindeln at the end of 2028 too.
        assert_eq!(
            renewal,
            vec![
                (
                    DeadlineKind::NoticeRenewal,
                    day("2027-12-31"),
                    day("2027-12-30"),
                    Some(day("2028-12-31")),
                    vec!["region".to_owned(), "umea".to_owned()]
                ),
                (
                    DeadlineKind::NoticeEffective,
                    day("2028-12-31"),
                    day("2028-12-31"),
                    None,
                    vec!["vindeln".to_owned()]
                ),
            ]
        );
        // A renewing agreement is no fixed term that ends.
        assert!(
            d.deadlines
                .iter()
                .all(|d| d.kind != DeadlineKind::FixedTermEnd)
        );
    }
}
