//! Attendance at a meeting (format 2): whom `absent` and `substitutes` name on the body's
//! roster that day, which substitutes sat in with nobody away for them to stand in for, and
//! which parties were left unrepresented.
//!
//! The rules (`substitute-without-absence`, `party-unrepresented`, and `dangling-reference`
//! for a name that is no one's seat that day) and the yearly report read the same answers
//! from here. Each body's roster is indexed by name once; a meeting then costs its names
//! and its body's roster, never the whole registry.

// FxHash: keyed by the registry's own names, looked up for every name a meeting lists.
use rustc_hash::FxHashMap as HashMap;

use crate::model::Spanned;
use chrono::NaiveDate;

use super::body::{Body, ChairRole, SubstitutePolicy};
use super::party::Side;
use super::roster::{Member, SeatRole};
use super::{Meeting, Registry};

/// A body's roster by name, for the meetings of that body.
pub struct RosterIndex<'a> {
    members: &'a [Spanned<Member>],
    by_name: HashMap<&'a str, Vec<&'a Member>>,
}

impl<'a> RosterIndex<'a> {
    pub fn new(reg: &'a Registry, body_id: &str) -> RosterIndex<'a> {
        let members = reg
            .rosters
            .get(body_id)
            .map_or(&[][..], |r| r.value.member.as_slice());
        let mut by_name: HashMap<&str, Vec<&Member>> = HashMap::default();
        for m in members {
            by_name
                .entry(m.get_ref().name.get_ref())
                .or_default()
                .push(m.get_ref());
        }
        RosterIndex { members, by_name }
    }

    /// The seat of `role` that `name` holds on `day`, with its party.
    fn seat(&self, name: &str, role: SeatRole, day: NaiveDate) -> Option<(&'a Member, &'a str)> {
        self.by_name.get(name)?.iter().find_map(|m| match m.seat() {
            Some((r, party)) if r == role && m.serves_on(day) => Some((*m, party)),
            _ => None,
        })
    }
}

/// One name of a meeting's attendance and the seat it names that day.
#[derive(Debug)]
pub struct Entry<'a> {
    pub name: &'a Spanned<String>,
    /// The party of the seat; None when the name holds no such seat that day (for `absent`
    /// an ordinary seat, an ex officio place or an arbetsutskott's place; for `substitutes` a
    /// substitute seat).
    pub party: Option<&'a str>,
    /// A substitute's `substitute_for`.
    pub paired: Option<&'a str>,
}

/// What a meeting's attendance says, resolved against the body's roster of its day.
#[derive(Debug)]
pub struct Attendance<'a> {
    pub absent: Vec<Entry<'a>>,
    pub substitutes: Vec<Entry<'a>>,
    /// Substitutes recorded while no ordinary member they could stand in for is absent: the
    /// one in `substitute_for`, else one of their party, or with pooled substitutes one of
    /// their side.
    pub without_absence: Vec<&'a Spanned<String>>,
    /// With `every_party`: parties of the constituency with ordinary members that day, all
    /// absent, and no substitute of theirs present; each with its first absent entry.
    pub unrepresented: Vec<(&'a str, &'a Spanned<String>)>,
}

/// The attendance of `meeting` of `body`, or None when it records none.
pub fn attendance<'a>(
    reg: &'a Registry,
    body: &'a Body,
    index: &RosterIndex<'a>,
    meeting: &'a Meeting,
) -> Option<Attendance<'a>> {
    if !meeting.records_attendance() {
        return None;
    }
    let day = meeting.day();
    let absent: Vec<Entry> = meeting
        .absent()
        .iter()
        .map(|name| Entry {
            name,
            party: index
                .seat(name.get_ref(), SeatRole::Ordinary, day)
                .map(|(_, party)| party)
                .or_else(|| derived_party(reg, body, name.get_ref(), day)),
            paired: None,
        })
        .collect();
    let substitutes: Vec<Entry> = meeting
        .substitutes()
        .iter()
        .map(|name| {
            let seat = index.seat(name.get_ref(), SeatRole::Substitute, day);
            Entry {
                name,
                party: seat.map(|(_, party)| party),
                paired: seat
                    .and_then(|(m, _)| m.substitute_for.as_deref().map(|s| s.get_ref().as_str())),
            }
        })
        .collect();

    let pooled = body
        .seats
        .as_ref()
        .is_some_and(|s| s.get_ref().substitutes == SubstitutePolicy::Pooled);
    let away = |name: &str| absent.iter().any(|a| a.name.get_ref() == name);
    let side = |party: &str| -> Option<Side> { reg.party_side(party) };
    let without_absence = substitutes
        .iter()
        .filter_map(|s| {
            let party = s.party?;
            let covered = if pooled {
                let own = side(party);
                absent
                    .iter()
                    .any(|a| a.party.is_some_and(|p| own.is_some() && side(p) == own))
            } else if let Some(paired) = s.paired {
                away(paired)
            } else {
                absent.iter().any(|a| a.party == Some(party))
            };
            (!covered).then_some(s.name)
        })
        .collect();

    let mut unrepresented = Vec::new();
    if body.seats.as_ref().is_some_and(|s| s.get_ref().every_party) && !absent.is_empty() {
        for party in reg.constituency(body) {
            let mut ordinary = index
                .members
                .iter()
                .map(|m| m.get_ref())
                .filter(|m| m.serves_on(day) && m.seat() == Some((SeatRole::Ordinary, party)))
                .peekable();
            if ordinary.peek().is_none() {
                continue;
            }
            let all_away = ordinary.all(|m| away(m.name.get_ref()));
            let stood_in = substitutes.iter().any(|s| s.party == Some(party));
            if all_away
                && !stood_in
                && let Some(first) = absent.iter().find(|a| a.party == Some(party))
            {
                unrepresented.push((party, first.name));
            }
        }
    }
    Some(Attendance {
        absent,
        substitutes,
        without_absence,
        unrepresented,
    })
}

/// The party of `name` when that person holds one of the body's derived places that day,
/// which no roster of the body lists: an ex officio place (whoever chairs the named body),
/// or for an arbetsutskott (`chairs_of`) the chair or vice chair of its source body.
fn derived_party<'a>(
    reg: &'a Registry,
    body: &'a Body,
    name: &str,
    day: NaiveDate,
) -> Option<&'a str> {
    let ex_officio = body
        .seats
        .as_ref()
        .into_iter()
        .flat_map(|s| s.get_ref().ex_officio.iter())
        .map(|place| {
            (
                place.get_ref().of.get_ref().as_str(),
                *place.get_ref().role.get_ref(),
            )
        });
    let au = body.chairs_of.as_ref().into_iter().flat_map(|of| {
        [ChairRole::Chair, ChairRole::ViceChair].map(|role| (of.get_ref().as_str(), role))
    });
    ex_officio.chain(au).find_map(|(of, role)| {
        if reg.chair_holder(of, role, day) != Some(name) {
            return None;
        }
        reg.rosters
            .get(of)?
            .value
            .member
            .iter()
            .map(|m| m.get_ref())
            .filter(|m| m.name.get_ref() == name && m.serves_on(day))
            .find_map(|m| m.seat().map(|(_, party)| party))
    })
}
