//! `report --year Y`: the year in one document — per agreement its notices and duties, per
//! body its meetings, chairs and seats at the year's end, the cases that moved, and what
//! `check` finds — all as the registry stood on 31 December of the year (or on `--today`,
//! if that is earlier). Completions, decisions and handlings after that day do not count,
//! and the report names no day after the year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Person, chair_on, year_span};
use crate::error::Error;
use crate::finding::{Finding, Severity};
use crate::model::agreement::{Agreement, Obligation};
use crate::model::agreement::{Split, SplitBasis};
use crate::model::attendance::{self, RosterIndex};
use crate::model::body::ChairRole;
use crate::model::case::{Action, Outcome};
use crate::model::date::DayOrMonth;
use crate::model::duty::{self, Owner};
use crate::model::roster::SeatRole;
use crate::model::{Body, Registry, terms};
use crate::rules::cases::{case_agreement, must_reply, undecided_as_of};

#[derive(Debug, Serialize)]
pub struct Report {
    pub year: i32,
    /// The day the report describes: 31 December of the year, or today if earlier.
    pub as_of: NaiveDate,
    pub registry: Option<String>,
    pub agreements: Vec<AgreementYear>,
    pub findings: FindingCounts,
}

#[derive(Debug, Serialize)]
pub struct AgreementYear {
    pub id: String,
    pub title: String,
    pub reference: Option<String>,
    /// An annex's main agreement (format 2): the report lists it right after that one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    pub parties: usize,
    /// In force on some day of the year.
    pub in_force: bool,
    /// The agreement's last day, if it falls in the year.
    pub ends: Option<NaiveDate>,
    pub notices: Vec<NoticeYear>,
    pub obligations: Vec<ObligationYear>,
    /// How the agreement's shared costs are split.
    pub costs: Vec<CostYear>,
    pub bodies: Vec<BodyYear>,
    pub cases: Vec<CaseYear>,
}

#[derive(Debug, Serialize)]
pub struct NoticeYear {
    pub party: String,
    pub received: NaiveDate,
    /// The day the notice started to count, if it had by the report's day.
    pub counted_from: Option<NaiveDate>,
    /// The party's last day, if it falls in the year (null: later, or not counting yet).
    pub ends: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
pub struct ObligationYear {
    pub id: String,
    pub title: String,
    pub owner: String,
    /// Fulfilled on these days (or months) of the year; a duty of each party: empty, see
    /// `parties`.
    pub done: Vec<DayOrMonth>,
    /// The first due day of the year not met as the year ends (for a duty of each party,
    /// by some party), if any.
    pub next_due: Option<NaiveDate>,
    /// A duty of each party (`owner = "each-party"`): who did it, and who is still to.
    pub parties: Vec<PartyDutyYear>,
}

#[derive(Debug, Serialize)]
pub struct PartyDutyYear {
    pub party: String,
    /// Fulfilled on these days (or months) of the year.
    pub done: Vec<DayOrMonth>,
    /// The party's first due day of the year not met as the year ends, if any.
    pub next_due: Option<NaiveDate>,
}

/// A duty as the year stood on `as_of`: completions of the year, and what is still due in it.
fn obligation_year(
    reg: &Registry,
    id: &str,
    a: &Agreement,
    o: &Obligation,
    as_of: NaiveDate,
    happened: &dyn Fn(NaiveDate) -> bool,
    in_year: &dyn Fn(NaiveDate) -> bool,
) -> ObligationYear {
    let tracks = duty::tracks(reg, id, a, o, as_of, as_of);
    let next_due = |dues: &[duty::Due]| {
        dues.iter()
            .find(|d| d.done.is_none())
            .map(|d| d.day)
            .filter(|d| in_year(*d))
    };
    let of_year = |done: &[crate::model::Spanned<DayOrMonth>]| -> Vec<DayOrMonth> {
        done.iter()
            .map(|d| *d.get_ref())
            .filter(|d| happened(d.first()))
            .collect()
    };
    let mut year = ObligationYear {
        id: o.id.get_ref().clone(),
        title: o.title.get_ref().clone(),
        owner: o.owner.get_ref().clone(),
        done: Vec::new(),
        next_due: tracks.iter().filter_map(|t| next_due(&t.dues)).min(),
        parties: Vec::new(),
    };
    match o.owner_kind() {
        Owner::EachParty => {
            let done_by = o.done_by.as_ref().map(|d| d.get_ref());
            year.parties = tracks
                .iter()
                .filter_map(|t| t.party.map(|p| (p, t)))
                .map(|(party, t)| PartyDutyYear {
                    party: party.to_owned(),
                    done: done_by
                        .and_then(|d| d.get(party))
                        .map(|v| of_year(v))
                        .unwrap_or_default(),
                    next_due: next_due(&t.dues),
                })
                .collect();
        }
        Owner::Parties | Owner::Id(_) => year.done = of_year(&o.done),
    }
    year
}

#[derive(Debug, Serialize)]
pub struct CostYear {
    pub title: String,
    /// Percent per side or party, or the string `"population"`.
    pub split: CostSplit,
    pub amount_sek: Option<u64>,
    /// `year` or `once`.
    pub per: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum CostSplit {
    Shares(BTreeMap<String, u32>),
    Basis(&'static str),
}

#[derive(Debug, Serialize)]
pub struct BodyYear {
    pub id: String,
    pub name: String,
    pub meetings: Vec<NaiveDate>,
    pub per_year_min: Option<u32>,
    pub chair: Option<Person>,
    pub vice_chair: Option<Person>,
    /// The chair's side kept the chair by an extension.
    pub extended: bool,
    /// Seats held on the year's last active day.
    pub ordinary_seats: usize,
    pub substitute_seats: usize,
    /// Attendance at the year's meetings that record it (format 2); null when none does.
    pub attendance: Option<AttendanceYear>,
}

/// Attendance at a body's meetings of the year, where `absent` or `substitutes` is recorded.
#[derive(Debug, Serialize)]
pub struct AttendanceYear {
    /// Meetings that record attendance.
    pub meetings: usize,
    /// Absences recorded, all meetings together.
    pub absences: usize,
    /// Substitutes who sat in, all meetings together.
    pub substitutes: usize,
    /// Meetings at which a party was unrepresented (`party-unrepresented`).
    pub unrepresented: usize,
    pub records: Vec<AttendanceRecord>,
}

#[derive(Debug, Serialize)]
pub struct AttendanceRecord {
    pub date: NaiveDate,
    pub absent: Vec<String>,
    pub substitutes: Vec<String>,
    /// Parties whose ordinary members were all away with no substitute of theirs present.
    pub unrepresented: Vec<String>,
    pub minutes: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CaseYear {
    pub id: String,
    pub title: String,
    /// A day, or a month where the registry gives only the month.
    pub raised: DayOrMonth,
    /// Events of the year, in order: `date action body`.
    pub events: Vec<CaseEvent>,
    pub adopted: Vec<String>,
    pub rejected: Vec<String>,
    /// Parties that must reply and have not decided (as the registry stands).
    pub undecided: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CaseEvent {
    /// A day, or a month where the registry gives only the month.
    pub date: DayOrMonth,
    pub action: &'static str,
    /// The body it happened at, or (`party`) the party in whose own organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

impl CaseEvent {
    /// The id of where it happened: the body, else the party.
    pub fn place(&self) -> &str {
        self.body
            .as_deref()
            .or(self.party.as_deref())
            .unwrap_or_default()
    }
}

#[derive(Debug, Serialize)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
    pub by_code: BTreeMap<&'static str, usize>,
}

/// The attendance recorded at a body's meetings on the days `happened` accepts.
fn attendance_year(
    reg: &Registry,
    body_id: &str,
    body: &Body,
    happened: impl Fn(NaiveDate) -> bool,
) -> Option<AttendanceYear> {
    let mut meetings = reg
        .meetings_of(body_id)
        .map(|m| m.get())
        .filter(|m| m.records_attendance() && happened(m.day()))
        .peekable();
    meetings.peek()?;
    let index = RosterIndex::new(reg, body_id);
    let names = |entries: &[attendance::Entry]| -> Vec<String> {
        entries.iter().map(|e| e.name.get_ref().clone()).collect()
    };
    let records: Vec<AttendanceRecord> = meetings
        .filter_map(|m| {
            let seen = attendance::attendance(reg, body, &index, m)?;
            Some(AttendanceRecord {
                date: m.day(),
                absent: names(&seen.absent),
                substitutes: names(&seen.substitutes),
                unrepresented: seen
                    .unrepresented
                    .iter()
                    .map(|(party, _)| (*party).to_owned())
                    .collect(),
                minutes: m.minutes.as_ref().map(|r| r.get_ref().clone()),
            })
        })
        .collect();
    Some(AttendanceYear {
        meetings: records.len(),
        absences: records.iter().map(|r| r.absent.len()).sum(),
        substitutes: records.iter().map(|r| r.substitutes.len()).sum(),
        unrepresented: records
            .iter()
            .filter(|r| !r.unrepresented.is_empty())
            .count(),
        records,
    })
}

/// The day a report of `year` describes: its 31 December, or `today` if that is earlier.
/// Err: the year has not begun on `today`, or the calendar does not know it.
pub fn as_of(year: i32, today: NaiveDate) -> Result<NaiveDate, Error> {
    let (first, last) = year_span(year)
        .ok_or_else(|| Error::Usage(format!("{year} is not a year the calendar knows")))?;
    if today < first {
        return Err(Error::Usage(format!(
            "{year} has not begun on {today}; a report describes a year up to its end or today"
        )));
    }
    Ok(last.min(today))
}

/// The report of `year` as the registry stood on `as_of` (see [`as_of`]), with the findings
/// of a check on that day.
pub fn build(
    reg: &Registry,
    year: i32,
    as_of: NaiveDate,
    findings: &[Finding],
) -> Result<Report, Error> {
    let (first, last) = year_span(year)
        .ok_or_else(|| Error::Usage(format!("{year} is not a year the calendar knows")))?;
    // What had happened by the report's day, and the days of the year it may name.
    let happened = |d: NaiveDate| first <= d && d <= as_of;
    let in_year = |d: NaiveDate| first <= d && d <= last;
    let mut agreements = Vec::new();
    for (id, a) in &reg.agreements {
        let v = &a.value;
        let ends = reg.agreement_end(id);
        let in_force = v.effective.get_ref().0 <= last && ends.is_none_or(|e| e >= first);
        let notices = v
            .notice
            .iter()
            .map(|n| n.get_ref())
            .filter(|n| happened(n.received.get_ref().0))
            .map(|n| {
                let counted_from = terms::notice_start(reg, v, n).filter(|start| *start <= as_of);
                NoticeYear {
                    party: n.party.get_ref().clone(),
                    received: n.received.get_ref().0,
                    counted_from,
                    ends: counted_from
                        .and(terms::notice_end(reg, v, n))
                        .filter(|e| in_year(*e)),
                }
            })
            .collect();
        let obligations = v
            .obligation
            .iter()
            .map(|o| obligation_year(reg, id, v, o.get_ref(), as_of, &happened, &in_year))
            .filter(|o| {
                !o.done.is_empty()
                    || o.next_due.is_some()
                    || o.parties.iter().any(|p| !p.done.is_empty())
            })
            .collect();
        let bodies = reg
            .bodies
            .iter()
            .filter(|(_, b)| b.value.agreement.get_ref() == id)
            .filter_map(|(body_id, b)| {
                let (start, end) = reg.body_active(&b.value);
                let last_active = end.map_or(as_of, |e| e.min(as_of));
                if start > last || last_active < first {
                    return None;
                }
                let seats = |role: SeatRole| {
                    reg.rosters.get(body_id).map_or(0, |r| {
                        r.value
                            .member
                            .iter()
                            .map(|m| m.get_ref())
                            .filter(|m| *m.role.get_ref() == role && m.serves_on(last_active))
                            .count()
                    })
                };
                let chair_day = first.max(start);
                Some(BodyYear {
                    id: body_id.clone(),
                    name: b.value.name.get_ref().clone(),
                    meetings: reg
                        .meeting_days(body_id)
                        .iter()
                        .copied()
                        .filter(|d| in_year(*d))
                        .collect(),
                    per_year_min: b
                        .value
                        .meetings
                        .as_ref()
                        .and_then(|m| m.get_ref().per_year_min.as_ref())
                        .map(|n| *n.get_ref()),
                    chair: chair_on(reg, body_id, ChairRole::Chair, chair_day),
                    vice_chair: chair_on(reg, body_id, ChairRole::ViceChair, chair_day),
                    extended: reg
                        .chair_year(body_id, year)
                        .is_some_and(|c| c.extension.is_some()),
                    ordinary_seats: seats(SeatRole::Ordinary),
                    substitute_seats: seats(SeatRole::Substitute),
                    attendance: attendance_year(reg, body_id, &b.value, happened),
                })
            })
            .collect();
        let cases = reg
            .cases
            .iter()
            .filter(|(_, c)| {
                let c = &c.value;
                // The first body the case met, when it names no agreement.
                let body = c.event.iter().find_map(|e| e.get_ref().body_id());
                case_agreement(reg, c, body) == Some(id.as_str())
            })
            .filter_map(|(case_id, c)| {
                let c = &c.value;
                let events: Vec<CaseEvent> = c
                    .event
                    .iter()
                    .map(|e| e.get_ref())
                    // Dated by month: it may have happened once the month has begun.
                    .filter(|e| happened(e.date.get_ref().first()))
                    .map(|e| CaseEvent {
                        date: *e.date.get_ref(),
                        action: e.action.get_ref().as_str(),
                        body: e.body_id().map(str::to_owned),
                        party: e.party.as_ref().map(|p| p.get_ref().clone()),
                    })
                    .collect();
                let decided = |outcome: Outcome| {
                    c.decision
                        .iter()
                        .map(|d| d.get_ref())
                        .filter(|d| {
                            *d.outcome.get_ref() == outcome && happened(d.date.get_ref().first())
                        })
                        .map(|d| d.party.get_ref().clone())
                        .collect::<Vec<_>>()
                };
                let (adopted, rejected) = (decided(Outcome::Adopted), decided(Outcome::Rejected));
                if events.is_empty()
                    && adopted.is_empty()
                    && rejected.is_empty()
                    && !happened(c.raised.get_ref().first())
                {
                    return None;
                }
                let recommended = c.event.iter().any(|e| {
                    let e = e.get_ref();
                    *e.action.get_ref() == Action::Recommended && e.date.get_ref().first() <= as_of
                });
                let undecided = if recommended {
                    undecided_as_of(c, &must_reply(reg, c, Some(id)), as_of)
                        .into_iter()
                        .map(str::to_owned)
                        .collect()
                } else {
                    Vec::new()
                };
                Some(CaseYear {
                    id: case_id.clone(),
                    title: c.title.get_ref().clone(),
                    raised: *c.raised.get_ref(),
                    events,
                    adopted,
                    rejected,
                    undecided,
                })
            })
            .collect();
        if !in_force {
            continue;
        }
        agreements.push(AgreementYear {
            id: id.clone(),
            title: v.title.get_ref().clone(),
            reference: v.reference.as_ref().map(|r| r.get_ref().clone()),
            part_of: v.part_of.as_ref().map(|m| m.get_ref().clone()),
            parties: super::agreement_parties(reg, v).len(),
            in_force,
            ends: ends.filter(|e| in_year(*e)),
            notices,
            obligations,
            costs: v
                .cost
                .iter()
                .map(|c| {
                    let c = c.get_ref();
                    CostYear {
                        title: c.title.get_ref().clone(),
                        split: match c.split.get_ref() {
                            Split::Shares(shares) => CostSplit::Shares(shares.clone()),
                            Split::Basis(SplitBasis::Population) => CostSplit::Basis("population"),
                        },
                        amount_sek: c.amount_sek.as_ref().map(|a| *a.get_ref()),
                        per: c.per.as_ref().map_or("year", |p| p.get_ref().as_str()),
                    }
                })
                .collect(),
            bodies,
            cases,
        });
    }
    let agreements = annexes_under_their_agreements(agreements);
    let mut by_code = BTreeMap::new();
    for f in findings {
        *by_code.entry(f.code).or_default() += 1;
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    Ok(Report {
        year,
        as_of,
        registry: reg.name().map(str::to_owned),
        agreements,
        findings: FindingCounts {
            errors,
            warnings: findings.len() - errors,
            by_code,
        },
    })
}
/// Agreements in id order, each annex right after its main agreement (and an annex of an
/// annex after that one). An annex whose main agreement is not listed stands on its own.
fn annexes_under_their_agreements(agreements: Vec<AgreementYear>) -> Vec<AgreementYear> {
    let listed: std::collections::HashSet<String> =
        agreements.iter().map(|a| a.id.clone()).collect();
    let mut annexes: BTreeMap<String, Vec<AgreementYear>> = BTreeMap::new();
    let mut tops = Vec::new();
    for a in agreements {
        match a
            .part_of
            .clone()
            .filter(|m| listed.contains(m) && *m != a.id)
        {
            Some(main) => annexes.entry(main).or_default().push(a),
            None => tops.push(a),
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<AgreementYear> = tops.into_iter().rev().collect();
    while let Some(a) = stack.pop() {
        if let Some(children) = annexes.remove(&a.id) {
            stack.extend(children.into_iter().rev());
        }
        out.push(a);
    }
    // Annexes in a part_of cycle reach no listed top: they follow in id order.
    out.extend(annexes.into_values().flatten());
    out
}
