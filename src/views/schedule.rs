//! `schedule [--year Y | --from D --to D] [--body B]`: meetings and dated events of a period.
//!
//! Meetings come with host and the chair of the day (the recorded chair; under `host` the
//! partner owner of the hosting party). Dated events: chair terms starting on 1 January
//! (recorded, or the planned side under `alternate-sides`), obligations falling due, notices
//! taking effect, agreements ending (fixed-term, or by notices) and bodies ending. With
//! `--body`, the body's meetings and chair terms, the obligations it owns and the events of
//! its agreement.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{
    chair_kind_str, chair_on, chair_rule, find_body, partner_owner, party_names, rotation,
    year_span,
};
use crate::error::Error;
use crate::model::body::{ChairKind, ChairRole};
use crate::model::chair_term::{self, ChairTerm};
use crate::model::date::DayOrMonth;
use crate::model::duty::{self, Owner};
use crate::model::meeting::Meeting;
use crate::model::party::Side;
use crate::model::{Agreement, Registry, terms};

#[derive(Debug, Serialize)]
pub struct Schedule {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub body: Option<String>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    ChairTerm,
    Meeting,
    Obligation,
    NoticeEffective,
    AgreementEnd,
    BodyEnd,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ChairTerm => "chair-term",
            EventKind::Meeting => "meeting",
            EventKind::Obligation => "obligation",
            EventKind::NoticeEffective => "notice-effective",
            EventKind::AgreementEnd => "agreement-end",
            EventKind::BodyEnd => "body-end",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Event {
    /// A stable identifier (the same data gives the same id): calendar UIDs are made from it.
    pub id: String,
    pub date: NaiveDate,
    /// A meeting's start when the registry gives a time (Europe/Stockholm).
    pub start: Option<NaiveDateTime>,
    /// A timed meeting's end: its `end`, else its body's `duration_minutes` (default 120)
    /// after the start.
    pub end: Option<NaiveDateTime>,
    /// For a last day to act (an obligation), the holiday-adjusted day.
    pub adjusted: Option<NaiveDate>,
    pub kind: EventKind,
    /// The event in English words, for JSON and scripts; [`Event::what`] holds the same
    /// facts for renderers that word them in the output language.
    pub subject: String,
    #[serde(skip)]
    pub what: What,
    pub body: Option<String>,
    pub body_name: Option<String>,
    /// `ordinary`, `extra`, `ledningsdialog`, `seminar` or `bilateral`.
    pub meeting_kind: Option<&'static str>,
    pub host: Option<String>,
    pub host_name: Option<String>,
    pub place: Option<String>,
    /// Who chairs the meeting, or who takes the chair at a term's start.
    pub chair: Option<String>,
    pub chair_party: Option<String>,
    pub vice_chair: Option<String>,
    /// Chair terms: the chair's side, recorded or planned.
    pub chair_side: Option<&'static str>,
    /// Chair terms: whether the chair is recorded (false: planned).
    pub recorded: Option<bool>,
    pub agreement: Option<String>,
    pub party: Option<String>,
    /// Obligations: the day (or month) it was due (the event's date is the day it was done,
    /// if it was; a month stands on its last day).
    pub due: Option<DayOrMonth>,
    /// Obligations: the day (or month) it was done, if it was.
    pub done: Option<DayOrMonth>,
    /// A duty of each party: the parties that did it that day (or month), or on its due
    /// day those not done; empty for other events.
    pub parties: Vec<String>,
}

/// Whom a duty's event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyOwner {
    /// A body or party by name, or the parties named (the first few and how many more).
    Named(String),
    /// Every party the duty binds (their number): all did it on one day (or month), or on
    /// the due day none has.
    EachParty(usize),
    /// All parties together (`owner = "parties"`).
    Together,
}

impl DutyOwner {
    fn english(&self) -> String {
        match self {
            DutyOwner::Named(name) => name.clone(),
            DutyOwner::EachParty(count) => format!("each party ({count})"),
            DutyOwner::Together => "the parties together".to_owned(),
        }
    }
}

/// What an event is about, as facts: names from the registry, dates and keywords. Renderers
/// word it in the output language; [`What::english`] words it for the `subject` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A meeting of a body; `kind` is the meeting kind unless it is an ordinary meeting.
    Meeting {
        body: String,
        kind: Option<&'static str>,
    },
    /// A body's chair term starting on 1 January of its first year.
    ChairTerm {
        body: String,
        term: ChairTerm,
        chair: TermChair,
    },
    /// An obligation due on `due`: open, or done on `done`.
    Obligation {
        title: String,
        owner: DutyOwner,
        due: DayOrMonth,
        done: Option<DayOrMonth>,
    },
    /// A party's notice taking effect: its last day bound by the agreement.
    NoticeEffective {
        party: String,
        agreement: String,
        received: NaiveDate,
    },
    /// An agreement's last day in force, at the end of its fixed term or by notices.
    AgreementEnd { agreement: String, fixed_term: bool },
    /// A body's last day.
    BodyEnd { body: String },
}

/// A day as `2020-04-30`, a month as `May 2020`: as `--lang en` prints them.
fn english_when(when: DayOrMonth) -> String {
    match when {
        DayOrMonth::Day(d) => d.format("%Y-%m-%d").to_string(),
        DayOrMonth::Month(first) => first.format("%B %Y").to_string(),
    }
}

/// Who takes the chair when a term starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermChair {
    Recorded {
        chair: String,
        vice_chair: Option<String>,
    },
    /// Nobody recorded; the side the rule gives (`alternate-sides`).
    Planned { side: Side, rule: &'static str },
    /// Nobody recorded, and no side follows from the rule.
    Unknown,
}

impl What {
    /// The English sentence of the JSON `subject`: scripts rely on it, so it never changes
    /// with the output language.
    pub fn english(&self) -> String {
        match self {
            What::Meeting { body, kind: None } => body.clone(),
            What::Meeting {
                body,
                kind: Some(kind),
            } => format!("{body} ({kind})"),
            What::ChairTerm { body, term, chair } => match chair {
                TermChair::Recorded {
                    chair,
                    vice_chair: Some(v),
                } => format!(
                    "{body}: {} chair term starts; chair {chair}, vice chair {v}",
                    term.label()
                ),
                TermChair::Recorded {
                    chair,
                    vice_chair: None,
                } => format!("{body}: {} chair term starts; chair {chair}", term.label()),
                TermChair::Planned { side, rule } => format!(
                    "{body}: {} chair term starts; planned: chair from the {} side ({rule} rule), none recorded yet",
                    term.label(),
                    side.as_str()
                ),
                TermChair::Unknown => {
                    format!(
                        "{body}: {} chair term starts; no chair recorded yet",
                        term.label()
                    )
                }
            },
            What::Obligation {
                title,
                owner,
                due,
                done: Some(done @ DayOrMonth::Month(_)),
            } => format!(
                "Done in {}: {title} (owner: {}; due {})",
                english_when(*done),
                owner.english(),
                english_when(*due)
            ),
            What::Obligation {
                title,
                owner,
                due,
                done: Some(_),
            } => format!(
                "Done: {title} (owner: {}; due {})",
                owner.english(),
                english_when(*due)
            ),
            What::Obligation {
                title,
                owner,
                due: due @ DayOrMonth::Month(_),
                done: None,
            } => format!(
                "Due {}: {title} (owner: {}; not done)",
                english_when(*due),
                owner.english()
            ),
            What::Obligation {
                title,
                owner,
                done: None,
                ..
            } => format!("Due: {title} (owner: {}; not done)", owner.english()),
            What::NoticeEffective {
                party,
                agreement,
                received,
            } => format!(
                "{party}: notice of {agreement} (received {received}) takes effect; last day in force"
            ),
            What::AgreementEnd {
                agreement,
                fixed_term,
            } => {
                let how = if *fixed_term {
                    "fixed term"
                } else {
                    "by notice"
                };
                format!("{agreement}: last day in force ({how})")
            }
            What::BodyEnd { body } => format!("{body}: last day of the body"),
        }
    }
}

impl Event {
    fn new(kind: EventKind, id: String, date: NaiveDate, what: What) -> Event {
        Event {
            id,
            date,
            start: None,
            end: None,
            adjusted: None,
            kind,
            subject: what.english(),
            what,
            body: None,
            body_name: None,
            meeting_kind: None,
            host: None,
            host_name: None,
            place: None,
            chair: None,
            chair_party: None,
            vice_chair: None,
            chair_side: None,
            recorded: None,
            agreement: None,
            party: None,
            due: None,
            done: None,
            parties: Vec::new(),
        }
    }

    /// The month an obligation's event stands for (it is placed on the month's last day),
    /// so that renderers print the month, never an invented day.
    pub fn month(&self) -> Option<DayOrMonth> {
        self.done
            .or(self.due)
            .filter(|d| matches!(d, DayOrMonth::Month(_)))
    }

    fn at_body(mut self, reg: &Registry, body: &str) -> Event {
        self.body_name = Some(body_name(reg, body));
        self.body = Some(body.to_owned());
        self
    }
}

/// The period asked for: a year (default: today's) or `from..=to`.
pub fn period(
    today: NaiveDate,
    year: Option<i32>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate), Error> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => {
            Err(Error::Usage(format!("--from {from} is after --to {to}")))
        }
        (Some(from), Some(to)) => Ok((from, to)),
        _ => {
            let year = year.unwrap_or(today.year());
            year_span(year)
                .ok_or_else(|| Error::Usage(format!("--year {year} is outside the calendar")))
        }
    }
}

fn body_name(reg: &Registry, id: &str) -> String {
    reg.bodies
        .get(id)
        .map_or_else(|| id.to_owned(), |b| b.value.name.get_ref().clone())
}

pub fn build(
    reg: &Registry,
    from: NaiveDate,
    to: NaiveDate,
    body: Option<&str>,
) -> Result<Schedule, Error> {
    let only = match body {
        Some(name) => {
            let (id, body) = find_body(reg, name)?;
            Some((id, body.agreement.get_ref().as_str()))
        }
        None => None,
    };
    let in_period = |d: NaiveDate| from <= d && d <= to;
    let body_wanted = |b: &str| only.is_none_or(|(id, _)| id == b);
    let agreement_wanted = |a: &str| only.is_none_or(|(_, agr)| agr == a);
    let mut events = Vec::new();

    meetings(reg, &mut events, &in_period, &body_wanted);
    for id in reg.bodies.keys().filter(|id| body_wanted(id)) {
        chair_terms(reg, &mut events, id, from, to);
        let b = &reg.bodies[id].value;
        if let Some(ends) = &b.ends
            && in_period(ends.get_ref().0)
        {
            events.push(
                Event::new(
                    EventKind::BodyEnd,
                    format!("body-end/{id}"),
                    ends.get_ref().0,
                    What::BodyEnd {
                        body: b.name.get_ref().clone(),
                    },
                )
                .at_body(reg, id),
            );
        }
    }
    for (id, a) in &reg.agreements {
        obligations(
            reg,
            &mut events,
            (id, &a.value),
            to,
            &in_period,
            &body_wanted,
        );
        if agreement_wanted(id) {
            agreement_events(reg, &mut events, id, &a.value, &in_period);
        }
    }
    events.sort_by(|x, y| {
        (x.date, x.start, x.kind, &x.subject, &x.id)
            .cmp(&(y.date, y.start, y.kind, &y.subject, &y.id))
    });
    Ok(Schedule {
        from,
        to,
        body: only.map(|(id, _)| id.to_owned()),
        events,
    })
}

fn meetings(
    reg: &Registry,
    events: &mut Vec<Event>,
    in_period: &dyn Fn(NaiveDate) -> bool,
    body_wanted: &dyn Fn(&str) -> bool,
) {
    // A meeting's id is its place among its body's meetings in its year's file, not its
    // date: moved within the year, it stays the same event in a calendar.
    let mut places: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for entry in &reg.meetings {
        places
            .entry((entry.get().body.get_ref(), entry.file_year))
            .or_default()
            .push(entry.meeting.span().start);
    }
    for starts in places.values_mut() {
        starts.sort_unstable();
    }
    for entry in &reg.meetings {
        let m = entry.get();
        let body = m.body.get_ref();
        if !in_period(m.day()) || !body_wanted(body) {
            continue;
        }
        let kind = m.kind();
        let what = What::Meeting {
            body: body_name(reg, body),
            kind: (kind != crate::model::meeting::MeetingKind::Ordinary).then(|| kind.as_str()),
        };
        let place = places
            .get(&(body.as_str(), entry.file_year))
            .map_or(0, |starts| {
                starts.partition_point(|s| *s < entry.meeting.span().start)
            });
        let id = format!("meeting/{body}/{}/{}", entry.file_year, place + 1);
        let mut e = Event::new(EventKind::Meeting, id, m.day(), what).at_body(reg, body);
        e.start = m.date.get_ref().date_time();
        e.end = e.start.map(|start| meeting_end(reg, m, start));
        e.meeting_kind = Some(kind.as_str());
        e.place = m.place.as_ref().map(|p| p.get_ref().clone());
        let host = m.host.as_ref().map(|h| h.get_ref().as_str());
        e.host = host.map(str::to_owned);
        e.host_name = host.map(|h| reg.party_name(h).to_owned());
        let chair = match chair_rule(reg, body) {
            Some(ChairKind::Host) => {
                let agreement = reg.bodies.get(body).map(|b| b.value.agreement.get_ref());
                host.zip(agreement)
                    .and_then(|(h, a)| partner_owner(reg, a, h, m.day()))
            }
            Some(_) => chair_on(reg, body, ChairRole::Chair, m.day()),
            None => None,
        };
        if let Some(chair) = chair {
            e.chair = Some(chair.name);
            e.chair_party = chair.party;
        }
        events.push(e);
    }
}

/// The end of a meeting that starts at `start`: its `end` when that has a time, else its
/// body's `duration_minutes` (default 120) later.
fn meeting_end(reg: &Registry, m: &Meeting, start: NaiveDateTime) -> NaiveDateTime {
    if let Some(end) = m.end.as_ref().and_then(|e| e.get_ref().date_time()) {
        return end.max(start);
    }
    let minutes = reg
        .bodies
        .get(m.body.get_ref())
        .and_then(|b| b.value.meetings.as_ref())
        .and_then(|rule| rule.get_ref().duration_minutes.as_ref())
        .map_or(DEFAULT_DURATION_MINUTES, |d| *d.get_ref());
    start
        .checked_add_signed(chrono::Duration::minutes(i64::from(minutes)))
        .unwrap_or(start)
}

/// How long a timed meeting lasts when neither it nor its body says.
const DEFAULT_DURATION_MINUTES: u32 = 120;

/// 1 January of the first year of each chair term that starts in the period while the body
/// is active (a term is a calendar year unless `[chair] term` says otherwise).
fn chair_terms(reg: &Registry, events: &mut Vec<Event>, id: &str, from: NaiveDate, to: NaiveDate) {
    let rule = match reg.bodies.get(id).and_then(|b| b.value.chair.as_ref()) {
        Some(c) => *c.get_ref().rule.get_ref(),
        None => return, // no rule, or an arbetsutskott following its body
    };
    if rule == ChairKind::Host {
        return;
    }
    let body = &reg.bodies[id].value;
    let recorded = rotation::recorded_sides(reg, id);
    let name = body.name.get_ref();
    for term in chair_term::body_terms(body, from.year(), to.year()) {
        let year = term.first;
        let Some((jan1, _)) = year_span(year) else {
            continue;
        };
        if jan1 < from || jan1 > to || !reg.body_active_on(body, jan1) {
            continue;
        }
        let chair = chair_on(reg, id, ChairRole::Chair, jan1);
        let vice = chair
            .as_ref()
            .and_then(|_| chair_on(reg, id, ChairRole::ViceChair, jan1))
            .map(|v| v.name);
        let planned = match rule {
            _ if chair.is_some() => None,
            ChairKind::AlternateSides => rotation::planned_side(&recorded, year),
            ChairKind::FixedSide => rotation::fixed_side(reg, id),
            ChairKind::Host | ChairKind::Elected => None,
        };
        let term_chair = match (&chair, planned) {
            (Some(chair), _) => TermChair::Recorded {
                chair: chair.name.clone(),
                vice_chair: vice.clone(),
            },
            (None, Some(side)) => TermChair::Planned {
                side,
                rule: chair_kind_str(rule),
            },
            (None, None) => TermChair::Unknown,
        };
        let mut e = Event::new(
            EventKind::ChairTerm,
            format!("chair-term/{id}/{year}"),
            jan1,
            What::ChairTerm {
                body: name.clone(),
                term,
                chair: term_chair,
            },
        )
        .at_body(reg, id);
        e.recorded = Some(chair.is_some());
        match chair {
            Some(chair) => {
                e.chair_side = chair
                    .party
                    .as_deref()
                    .and_then(|p| reg.party_side(p))
                    .map(Side::as_str);
                e.chair = Some(chair.name);
                e.chair_party = chair.party;
                e.vice_chair = vice;
            }
            None => e.chair_side = planned.map(Side::as_str),
        }
        events.push(e);
    }
}

/// A duty's occurrences in the period, each once: one fulfilled on the day it was done
/// (an early completion replaces its due day: the next one counts from it), the open one on
/// its due day. A duty of each party: each party's completion on its day, and the due day
/// once, naming the parties not done. A month (`"2020-11"`) stands on its last day.
fn obligations(
    reg: &Registry,
    events: &mut Vec<Event>,
    (id, a): (&str, &Agreement),
    to: NaiveDate,
    in_period: &dyn Fn(NaiveDate) -> bool,
    body_wanted: &dyn Fn(&str) -> bool,
) {
    for o in a.obligation.iter().map(|o| o.get_ref()) {
        let owner = o.owner.get_ref();
        if !body_wanted(owner) {
            continue;
        }
        let oid = o.id.get_ref();
        let tracks = duty::tracks(reg, id, a, o, NaiveDate::MAX, to);
        let owner_name = match (o.owner_kind(), reg.bodies.get(owner)) {
            (Owner::Id(_), Some(b)) => DutyOwner::Named(b.value.name.get_ref().clone()),
            (Owner::Parties, _) => DutyOwner::Together,
            _ => DutyOwner::Named(reg.party_name(owner).to_owned()),
        };
        // A duty of each party has one track per party it binds.
        let bound = tracks.len();
        for day in duty::due_days(&tracks) {
            let due = day.written;
            // Parties that did it on the same day (or in the same month) share one event;
            // the due day, if some party has not done it, names those.
            let mut by_done: HashMap<DayOrMonth, Vec<&str>> = HashMap::new();
            let mut occurrences: Vec<(Vec<&str>, Option<DayOrMonth>)> = Vec::new();
            for (party, done) in &day.done {
                match party {
                    Some(party) => by_done.entry(*done).or_default().push(party),
                    None => occurrences.push((Vec::new(), Some(*done))),
                }
            }
            let mut grouped: Vec<(Vec<&str>, Option<DayOrMonth>)> = by_done
                .into_iter()
                .map(|(done, parties)| (parties, Some(done)))
                .collect();
            grouped.sort_unstable_by_key(|(_, done)| done.map(|d| (d.first(), d.last())));
            occurrences.extend(grouped);
            if !day.not_done.is_empty() {
                occurrences.push((day.not_done.iter().flatten().copied().collect(), None));
            }
            for (parties, done) in occurrences {
                let on = done.unwrap_or(due).last();
                if !in_period(on) {
                    continue;
                }
                let owner = match parties.len() {
                    0 => owner_name.clone(),
                    n if n == bound && n > 1 => DutyOwner::EachParty(n),
                    _ => DutyOwner::Named(party_names(reg, parties.iter().copied())),
                };
                let event_id = match (parties.as_slice(), done) {
                    ([one], Some(_)) => format!("obligation/{id}/{oid}/{}/{one}", day.day),
                    ([_, _, ..], Some(done)) => {
                        format!("obligation/{id}/{oid}/{}/done-{done}", day.day)
                    }
                    _ => format!("obligation/{id}/{oid}/{}", day.day),
                };
                let party = match parties.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                };
                let mut e = Event::new(
                    EventKind::Obligation,
                    event_id,
                    on,
                    What::Obligation {
                        title: o.title.get_ref().clone(),
                        owner,
                        due,
                        done,
                    },
                );
                e.due = Some(due);
                e.adjusted = Some(day.adjusted);
                e.agreement = Some(id.to_owned());
                e.done = done;
                e.parties = parties.iter().map(|p| (*p).to_owned()).collect();
                match o.owner_kind() {
                    Owner::Id(owner) if reg.bodies.contains_key(owner) => e = e.at_body(reg, owner),
                    Owner::Id(owner) => e.party = Some(owner.to_owned()),
                    Owner::EachParty | Owner::Parties => e.party = party.map(str::to_owned),
                }
                events.push(e);
            }
        }
    }
}

fn agreement_events(
    reg: &Registry,
    events: &mut Vec<Event>,
    id: &str,
    a: &Agreement,
    in_period: &dyn Fn(NaiveDate) -> bool,
) {
    let title = a.title.get_ref();
    for n in a.notice.iter().map(|n| n.get_ref()) {
        let party = n.party.get_ref();
        let Some(last) = terms::notice_end(reg, a, n) else {
            continue;
        };
        if !reg.is_agreement_party(a, party) || !in_period(last) {
            continue;
        }
        let received = n.received.get_ref();
        let mut e = Event::new(
            EventKind::NoticeEffective,
            format!("notice-effective/{id}/{party}/{received}"),
            last,
            What::NoticeEffective {
                party: reg.party_name(party).to_owned(),
                agreement: title.clone(),
                received: received.0,
            },
        );
        e.agreement = Some(id.to_owned());
        e.party = Some(party.clone());
        events.push(e);
    }
    if let Some(end) = reg.agreement_end(id)
        && in_period(end)
    {
        let mut e = Event::new(
            EventKind::AgreementEnd,
            format!("agreement-end/{id}"),
            end,
            What::AgreementEnd {
                agreement: title.clone(),
                // A renewing agreement ends only by notice.
                fixed_term: a.ends.is_some() && a.renewal.is_none(),
            },
        );
        e.agreement = Some(id.to_owned());
        events.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

    fn fixture() -> Registry {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/p.toml",
                "title = \"P\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n\
                 [[obligation]]\nid = \"rev\"\ntitle = \"Revision\"\nowner = \"styr\"\nevery_months = 24\ndone = [2021-06-01, 2023-05-10]\n\
                 [[role]]\nrole = \"partner-owner\"\nparty = \"umea\"\nname = \"UO\"\nfrom = 2020-01-01\n\
                 [[role]]\nrole = \"partner-owner\"\nparty = \"region\"\nname = \"RO\"\nfrom = 2020-01-01\n",
            ),
            (
                "bodies/styr.toml",
                "name = \"Styrgrupp\"\nagreement = \"p\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"decisive\"\nestablished = 2020-01-01\n\
                 [seats]\ndefault = { ordinary = 1, substitutes = 0 }\n[chair]\nrule = \"host\"\n",
            ),
            (
                "meetings/2025.toml",
                "[[meeting]]\nbody = \"styr\"\ndate = 2025-04-01T10:00:00\nhost = \"umea\"\n\
                 [[meeting]]\nbody = \"styr\"\ndate = 2025-04-01T10:00:00\nhost = \"region\"\n",
            ),
        ]);
        registry(&files)
    }

    #[test]
    fn a_duty_of_each_party_shows_each_completion_and_the_due_day_naming_who_is_not_done() {
        let mut files = PARTIES.to_vec();
        files.push((
            "agreements/p.toml",
            "title = \"P\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n\
             [[obligation]]\nid = \"names\"\ntitle = \"Names\"\nowner = \"each-party\"\ndue = \"2020-04\"\n\
             done_by = { umea = [\"2020-03\"] }\n\
             [[obligation]]\nid = \"plan\"\ntitle = \"Plan\"\nowner = \"each-party\"\ndue_each_year = \"03-31\"\n\
             done_by = { umea = [2021-03-10], region = [2021-03-12] }\n",
        ));
        let reg = registry(&files);
        let s = build(&reg, day("2020-01-01"), day("2021-12-31"), None).unwrap();
        // id, date, due, done, party
        let o: Vec<String> = s
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Obligation)
            .map(|e| {
                let when = |d: Option<DayOrMonth>| d.map_or("-".to_owned(), |d| d.to_string());
                let party = e.party.as_deref().unwrap_or("-");
                format!(
                    "{} {} {} {} {party}",
                    e.id,
                    e.date,
                    when(e.due),
                    when(e.done)
                )
            })
            .collect();
        assert_eq!(
            o,
            vec![
                // Done "in March 2020": it stands on the month's last day.
                "obligation/p/names/2020-04-30/umea 2020-03-31 2020-04 2020-03 umea",
                "obligation/p/plan/2020-03-31 2020-03-31 2020-03-31 - -",
                "obligation/p/names/2020-04-30 2020-04-30 2020-04 - region",
                "obligation/p/plan/2021-03-31/umea 2021-03-10 2021-03-31 2021-03-10 umea",
                "obligation/p/plan/2021-03-31/region 2021-03-12 2021-03-31 2021-03-12 region",
            ]
        );
        let parties: Vec<&[String]> = s
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Obligation)
            .map(|e| e.parties.as_slice())
            .collect();
        assert_eq!(parties[1], &["region".to_owned(), "umea".to_owned()]);
        assert_eq!(parties[2], &["region".to_owned()]);
        let open = s
            .events
            .iter()
            .find(|e| e.id == "obligation/p/names/2020-04-30")
            .unwrap();
        assert_eq!(
            open.subject,
            "Due April 2020: Names (owner: Region Västerbotten; not done)"
        );
        assert_eq!(
            crate::render::words::event(crate::i18n::Lang::Sv, &open.what),
            "Ska vara klart april 2020: Names (ansvarig: Region Västerbotten; inte utfört)"
        );
        // Nobody done: every party the duty binds, counted, not listed.
        let none = s
            .events
            .iter()
            .find(|e| e.id == "obligation/p/plan/2020-03-31")
            .unwrap();
        assert!(matches!(
            none.what,
            What::Obligation {
                owner: DutyOwner::EachParty(2),
                ..
            }
        ));
        assert_eq!(none.subject, "Due: Plan (owner: each party (2); not done)");
        assert_eq!(
            crate::render::words::event(crate::i18n::Lang::Sv, &none.what),
            "Ska vara klart: Plan (ansvarig: varje part (2); inte utfört)"
        );
    }

    #[test]
    fn a_duty_of_the_parties_together_is_theirs_not_a_list_of_names() {
        let mut files = PARTIES.to_vec();
        files.push((
            "agreements/p.toml",
            "title = \"P\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n\
             [[obligation]]\nid = \"plan\"\ntitle = \"Gemensam plan\"\nowner = \"parties\"\ndue = 2021-06-30\n",
        ));
        let reg = registry(&files);
        let s = build(&reg, day("2021-01-01"), day("2021-12-31"), None).unwrap();
        let due = s
            .events
            .iter()
            .find(|e| e.kind == EventKind::Obligation)
            .unwrap();
        assert_eq!(
            due.subject,
            "Due: Gemensam plan (owner: the parties together; not done)"
        );
        assert_eq!(
            crate::render::words::event(crate::i18n::Lang::Sv, &due.what),
            "Ska vara klart: Gemensam plan (ansvarig: parterna gemensamt; inte utfört)"
        );
    }

    #[test]
    fn host_meetings_are_chaired_by_the_hosts_partner_owner() {
        let reg = fixture();
        let s = build(&reg, day("2025-01-01"), day("2025-12-31"), None).unwrap();
        let m: Vec<(&str, Option<&str>)> = s
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Meeting)
            .map(|e| (e.id.as_str(), e.chair.as_deref()))
            .collect();
        // Two meetings at the same time get distinct ids.
        assert_eq!(
            m,
            vec![
                ("meeting/styr/2025/1", Some("UO")),
                ("meeting/styr/2025/2", Some("RO")),
            ]
        );
        // Hosted bodies have no yearly chair terms.
        assert!(s.events.iter().all(|e| e.kind != EventKind::ChairTerm));
    }

    /// Meetings of one body in one year's file, as (date, extra keys) entries.
    fn meetings(duration: &str, entries: &[(&str, &str)]) -> Registry {
        let body: &'static str = Box::leak(
            format!(
                "name = \"S\"\nagreement = \"p\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n\
                 [seats]\ndefault = {{ ordinary = 1, substitutes = 0 }}\n[meetings]\n{duration}"
            )
            .into_boxed_str(),
        );
        let file: String = entries
            .iter()
            .map(|(date, extra)| format!("[[meeting]]\nbody = \"s\"\ndate = {date}\n{extra}"))
            .collect();
        let file: &'static str = Box::leak(file.into_boxed_str());
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/p.toml",
                "title = \"P\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n",
            ),
            ("bodies/s.toml", body),
            ("meetings/2026.toml", file),
        ]);
        registry(&files)
    }

    fn meeting_events(
        reg: &Registry,
    ) -> Vec<(String, Option<NaiveDateTime>, Option<NaiveDateTime>)> {
        build(reg, day("2026-01-01"), day("2026-12-31"), None)
            .unwrap()
            .events
            .into_iter()
            .filter(|e| e.kind == EventKind::Meeting)
            .map(|e| (e.id, e.start, e.end))
            .collect()
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn a_meeting_moved_within_its_year_keeps_its_id() {
        let before = meeting_events(&meetings(
            "",
            &[("2026-03-20", ""), ("2026-06-12T09:30:00", "")],
        ));
        // The March meeting moves past the June one: still the first in the file.
        let after = meeting_events(&meetings(
            "",
            &[("2026-09-18", ""), ("2026-06-12T09:30:00", "")],
        ));
        let ids = |events: &[(String, _, _)]| {
            let mut ids: Vec<String> = events.iter().map(|e| e.0.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&before), ["meeting/s/2026/1", "meeting/s/2026/2"]);
        assert_eq!(ids(&before), ids(&after));
        assert_eq!(after[1].0, "meeting/s/2026/1");
    }

    #[test]
    fn timed_meetings_end_at_their_end_or_after_their_duration() {
        let events = meeting_events(&meetings(
            "",
            &[
                ("2026-03-20", ""),
                ("2026-04-17T09:30:00", ""),
                ("2026-05-15T13:00:00", "end = 2026-05-15T16:15:00\n"),
            ],
        ));
        assert_eq!(
            events[0].2, None,
            "a day without a time is an all-day event"
        );
        assert_eq!(
            events[1].2,
            Some(at("2026-04-17T11:30")),
            "120 minutes by default"
        );
        assert_eq!(events[2].2, Some(at("2026-05-15T16:15")));
        let events = meeting_events(&meetings(
            "duration_minutes = 90\n",
            &[("2026-04-17T09:30:00", "")],
        ));
        assert_eq!(events[0].2, Some(at("2026-04-17T11:00")));
    }

    #[test]
    fn recurring_obligations_show_each_occurrence_once() {
        let reg = fixture();
        let s = build(&reg, day("2020-01-01"), day("2026-12-31"), None).unwrap();
        let o: Vec<(NaiveDate, Option<NaiveDate>, Option<NaiveDate>)> = s
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Obligation)
            .map(|e| (e.date, e.due.map(|d| d.first()), e.done.map(|d| d.first())))
            .collect();
        // Every 24 months from 2020-01-01: due 2022-01-01, done early on 2021-06-01 (shown
        // then); due again 24 months later, 2023-06-01, done 2023-05-10; then open.
        assert_eq!(
            o,
            vec![
                (
                    day("2021-06-01"),
                    Some(day("2022-01-01")),
                    Some(day("2021-06-01"))
                ),
                (
                    day("2023-05-10"),
                    Some(day("2023-06-01")),
                    Some(day("2023-05-10"))
                ),
                (day("2025-05-10"), Some(day("2025-05-10")), None),
            ]
        );
        // One event per occurrence in any year, not the due day and the completion both.
        for year in 2020..=2026 {
            let (from, to) = crate::views::year_span(year).unwrap();
            let s = build(&reg, from, to, None).unwrap();
            let ids: Vec<_> = s
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Obligation)
                .collect();
            assert!(ids.len() <= 1, "{year}: {ids:?}");
        }
        // --body keeps the obligations the body owns.
        let s = build(&reg, day("2025-01-01"), day("2025-12-31"), Some("styr")).unwrap();
        assert_eq!(s.events.len(), 3);
        assert!(build(&reg, day("2025-01-01"), day("2025-12-31"), Some("x")).is_err());
    }

    #[test]
    fn periods() {
        let today = day("2026-11-24");
        assert_eq!(
            period(today, None, None, None).unwrap(),
            (day("2026-01-01"), day("2026-12-31"))
        );
        assert!(
            period(
                today,
                None,
                Some(day("2026-02-01")),
                Some(day("2026-01-01"))
            )
            .is_err()
        );
        assert!(period(today, Some(i32::MAX), None, None).is_err());
    }
}
