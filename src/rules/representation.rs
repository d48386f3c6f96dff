//! Representation rules: who may sit in a body, and how many seats each party holds on
//! every day the registry covers.
//!
//! Seat counts change only where a seat starts or ends, so each roster is swept once over
//! its sorted change points; a party's count is checked when it rises, and a vacancy is
//! reported where it begins.

use std::collections::BTreeMap;

// FxHash: the seat sweep hashes a party or holder for every roster change.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Days, NaiveDate};

use super::{Context, rule};
use crate::finding::Finding;
use crate::model::body::{SeatLimit, Seats, SubstitutePolicy};
use crate::model::party::{PartyKind, Side};
use crate::model::roster::{Member, SeatRole};
use crate::model::{Agreement, Body, Entity, Registry, Roster, terms};
use crate::msg;
use crate::source::Location;

rule!(SEAT_LIMIT, "seat-limit", "representation", Error);
rule!(
    MEMBER_NOT_PARTY,
    "member-not-party",
    "representation",
    Error
);
rule!(
    CONSTITUENCY_FOREIGN_PARTY,
    "constituency-foreign-party",
    "representation",
    Error
);
rule!(
    ASSOCIATION_NOT_LISTED,
    "association-not-listed",
    "representation",
    Error
);
rule!(SIDE_SEAT_LIMIT, "side-seat-limit", "representation", Error);
rule!(
    GROUP_SEAT_LIMIT,
    "group-seat-limit",
    "representation",
    Error
);
rule!(VACANT_SEAT, "vacant-seat", "representation", Warn);
rule!(DOUBLE_SEAT, "double-seat", "representation", Error);
rule!(
    SUBSTITUTE_PAIRING,
    "substitute-pairing",
    "representation",
    Error
);

pub static RULES: &[&super::Rule] = &[
    &SEAT_LIMIT,
    &MEMBER_NOT_PARTY,
    &VACANT_SEAT,
    &DOUBLE_SEAT,
    &SUBSTITUTE_PAIRING,
    &CONSTITUENCY_FOREIGN_PARTY,
    &ASSOCIATION_NOT_LISTED,
    &SIDE_SEAT_LIMIT,
    &GROUP_SEAT_LIMIT,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    for (body_id, roster) in &reg.rosters {
        let Some(body) = reg.bodies.get(body_id) else {
            continue;
        };
        let Some(agreement) = reg.body_agreement(&body.value) else {
            continue;
        };
        let exits = terms::party_exits(reg, &agreement.value);
        let constituency = reg.constituency(&body.value);
        let in_constituency: HashSet<&str> = constituency.iter().copied().collect();
        members_are_parties(
            reg,
            body_id,
            (&agreement.id, &agreement.value),
            &in_constituency,
            &exits,
            roster,
            out,
        );
        double_seats(body_id, roster, out);
        let pooled = body
            .value
            .seats
            .as_ref()
            .is_some_and(|s| s.get_ref().substitutes == SubstitutePolicy::Pooled);
        substitute_pairing(reg, pooled, roster, out);
        if let Some(seats) = &body.value.seats {
            let constituency = (constituency.as_slice(), &in_constituency);
            seat_counts(reg, body, seats.get_ref(), constituency, roster, out);
        }
    }
    // A body's constituency is some of its agreement's parties.
    for (body_id, body) in &reg.bodies {
        let (Some(parties), Some(agreement)) =
            (&body.value.parties, reg.body_agreement(&body.value))
        else {
            continue;
        };
        for p in parties {
            let party = p.get_ref();
            if reg.parties.contains_key(party) && !reg.is_agreement_party(&agreement.value, party) {
                out.push(CONSTITUENCY_FOREIGN_PARTY.finding(
                    body.at(p),
                    msg!(
                        "constituency-foreign-party",
                        body = body_id,
                        party = party,
                        agreement = body.value.agreement.get_ref()
                    ),
                ));
            }
        }
    }
    // A body with `every_party` and no roster file at all has every seat vacant.
    for (body_id, body) in &reg.bodies {
        if reg.rosters.contains_key(body_id) {
            continue;
        }
        if let Some(seats) = &body.value.seats
            && seats.get_ref().every_party
            && reg.body_agreement(&body.value).is_some()
        {
            let (start, _) = reg.body_active(&body.value);
            out.push(VACANT_SEAT.finding(
                body.at(seats),
                msg!(
                    "vacant-no-roster",
                    body = body_id,
                    count = reg.constituency(&body.value).len(),
                    start = start.to_string()
                ),
            ));
        }
    }
}

fn day_after(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

fn members_are_parties(
    reg: &Registry,
    body_id: &str,
    (body_agreement_id, agreement): (&str, &Agreement),
    constituency: &HashSet<&str>,
    exits: &BTreeMap<String, NaiveDate>,
    roster: &Entity<Roster>,
    out: &mut Vec<Finding>,
) {
    for m in &roster.value.member {
        let m = m.get_ref();
        // People without a seat need no party; one that is given is checked all the same.
        let Some(party_at) = &m.party else {
            continue;
        };
        let party = party_at.get_ref();
        let Some(known) = reg.parties.get(party) else {
            continue; // dangling-reference says it
        };
        if agreement.has_association(party) {
            continue; // it acts for its members here and counts on its side
        }
        let is_association = *known.value.kind.get_ref() == PartyKind::Association;
        if is_association && !reg.is_agreement_party(agreement, party) {
            out.push(ASSOCIATION_NOT_LISTED.finding(
                roster.at(party_at),
                msg!(
                    "association-not-listed",
                    name = m.name.get_ref(),
                    body = body_id,
                    party = party,
                    agreement = body_agreement_id
                ),
            ));
        } else if !reg.is_agreement_party(agreement, party) {
            out.push(MEMBER_NOT_PARTY.finding(
                roster.at(party_at),
                msg!(
                    "member-not-party",
                    name = m.name.get_ref(),
                    body = body_id,
                    party = party
                ),
            ));
        } else if !constituency.contains(party.as_str()) {
            out.push(MEMBER_NOT_PARTY.finding(
                roster.at(party_at),
                msg!(
                    "member-not-in-constituency",
                    name = m.name.get_ref(),
                    body = body_id,
                    party = party
                ),
            ));
        } else if let Some(&exit) = exits.get(party)
            && m.to().is_none_or(|to| to > exit)
        {
            out.push(MEMBER_NOT_PARTY.finding(
                roster.at(party_at),
                msg!(
                    "member-after-exit",
                    name = m.name.get_ref(),
                    body = body_id,
                    party = party,
                    exit = exit.to_string()
                ),
            ));
        }
    }
}

fn double_seats(body_id: &str, roster: &Entity<Roster>, out: &mut Vec<Finding>) {
    let mut by_name: HashMap<&str, Vec<&Member>> = HashMap::default();
    // An adjunct, observer or secretary holds no seat: a member who also keeps the
    // minutes still holds one.
    for m in seat_holders(roster) {
        by_name
            .entry(m.get_ref().name.get_ref())
            .or_default()
            .push(m.get_ref());
    }
    for (name, mut seats) in by_name {
        seats.sort_by_key(|m| m.from());
        // The seat reaching furthest so far; a later seat starting before it ends overlaps.
        let mut furthest: Option<&Member> = None;
        for m in seats {
            if let Some(prev) = furthest
                && prev.to().is_none_or(|to| m.from() <= to)
            {
                out.push(DOUBLE_SEAT.finding(
                    roster.at(&m.name),
                    msg!(
                        "double-seat",
                        name = name,
                        body = body_id,
                        day = m.from.get_ref().to_string(),
                        first_role = prev.role.get_ref().as_str(),
                        first_party = prev.party().unwrap_or_default(),
                        first_from = prev.from.get_ref().to_string(),
                        second_role = m.role.get_ref().as_str(),
                        second_party = m.party().unwrap_or_default(),
                        second_from = m.from.get_ref().to_string()
                    ),
                ));
            }
            if furthest.is_none_or(|prev| prev.to().is_some_and(|p| m.to().is_none_or(|t| t > p))) {
                furthest = Some(m);
            }
        }
    }
}

/// Where a member's party is written (the entry itself when it names none).
fn party_at(roster: &Entity<Roster>, member: &crate::model::Spanned<Member>) -> Location {
    member
        .get_ref()
        .party
        .as_ref()
        .map_or_else(|| roster.at(member), |p| roster.at(p))
}

/// The roster's entries that are seats (ordinary or substitute).
fn seat_holders(roster: &Entity<Roster>) -> impl Iterator<Item = &crate::model::Spanned<Member>> {
    roster
        .value
        .member
        .iter()
        .filter(|m| m.get_ref().seat().is_some())
}

/// A substitute stands in for a member of its own party; a pooled one for any member of
/// its side.
fn substitute_pairing(
    reg: &Registry,
    pooled: bool,
    roster: &Entity<Roster>,
    out: &mut Vec<Finding>,
) {
    // Most rosters pair no one: then there is nothing to index.
    if !roster
        .value
        .member
        .iter()
        .any(|m| m.get_ref().substitute_for.is_some())
    {
        return;
    }
    let mut by_name: HashMap<&str, Vec<&Member>> = HashMap::default();
    for m in seat_holders(roster) {
        by_name
            .entry(m.get_ref().name.get_ref())
            .or_default()
            .push(m.get_ref());
    }
    for m in seat_holders(roster) {
        let m = m.get_ref();
        let Some(paired) = m.substitute_for.as_deref() else {
            continue;
        };
        let seats = by_name
            .get(paired.get_ref().as_str())
            .map_or(&[][..], |v| v.as_slice());
        let overlaps = |o: &&&Member| {
            o.from() <= m.to().unwrap_or(NaiveDate::MAX)
                && m.from() <= o.to().unwrap_or(NaiveDate::MAX)
        };
        let same_party: Vec<&Member> = seats
            .iter()
            .filter(overlaps)
            .filter(|o| {
                let (Some(theirs), Some(ours)) = (o.party(), m.party()) else {
                    return false;
                };
                theirs == ours
                    || pooled
                        && reg
                            .party_side(ours)
                            .is_some_and(|side| reg.party_side(theirs) == Some(side))
            })
            .copied()
            .collect();
        let (name, paired_name) = (m.name.get_ref(), paired.get_ref());
        let message = if same_party.is_empty() {
            Some(match seats.iter().find(overlaps) {
                Some(other) => msg!(
                    "substitute-other-party",
                    name = name,
                    paired = paired_name,
                    paired_party = other.party().unwrap_or_default(),
                    party = m.party().unwrap_or_default()
                ),
                None => msg!(
                    "substitute-not-on-roster",
                    name = name,
                    paired = paired_name,
                    from = m.from.get_ref().to_string()
                ),
            })
        } else {
            let last = m.to().unwrap_or(NaiveDate::MAX);
            first_day_uncovered(&same_party, m.from(), last).map(|day| {
                msg!(
                    "substitute-uncovered",
                    name = name,
                    paired = paired_name,
                    day = day.to_string()
                )
            })
        };
        if let Some(message) = message {
            out.push(SUBSTITUTE_PAIRING.finding(roster.at(paired), message));
        }
    }
}

/// The first day of `first..=last` that none of `seats` covers, if any.
pub(crate) fn first_day_uncovered(
    seats: &[&Member],
    first: NaiveDate,
    last: NaiveDate,
) -> Option<NaiveDate> {
    let mut sorted = seats.to_vec();
    sorted.sort_by_key(|m| m.from());
    // Every day before `next` is covered.
    let mut next = first;
    for m in sorted {
        if m.from() > next {
            break;
        }
        match m.to() {
            None => return None,
            Some(to) if to >= last => return None,
            Some(to) if to >= next => next = day_after(to),
            Some(_) => {}
        }
    }
    Some(next)
}

/// Where a seat count changes: a seat starts (+1) on its `from` or ends (-1) the day after `to`.
struct Change<'a> {
    day: NaiveDate,
    delta: i32,
    member: &'a crate::model::Spanned<Member>,
}

fn seat_counts(
    reg: &Registry,
    body: &Entity<Body>,
    seats: &Seats,
    (constituency, in_constituency): (&[&str], &HashSet<&str>),
    roster: &Entity<Roster>,
    out: &mut Vec<Finding>,
) {
    let (active_from, active_to) = reg.body_active(&body.value);
    let Some(agreement) = reg.body_agreement(&body.value) else {
        return;
    };
    let mut changes: Vec<Change> = Vec::with_capacity(roster.value.member.len() * 2);
    // Only seats count: an adjunct, observer or secretary counts towards no limit.
    for m in seat_holders(roster) {
        let v = m.get_ref();
        changes.push(Change {
            day: v.from(),
            delta: 1,
            member: m,
        });
        if let Some(to) = v.to() {
            changes.push(Change {
                day: day_after(to),
                delta: -1,
                member: m,
            });
        }
    }
    // Ends before starts on the same day: a seat handed over from one day to the next is
    // never counted twice.
    changes.sort_by_key(|c| (c.day, c.delta));

    let caps = Caps::new(reg, seats, constituency);
    // Each holder a member's seat counts for gets an index, so that the sweep counts in
    // arrays (two slots per holder: ordinary and substitute) rather than in maps keyed by
    // names. A party's holders are worked out once, when its first seat is seen.
    let mut holders: Vec<Holder> = Vec::new();
    let mut holder_index: HashMap<Holder, usize> = HashMap::default();
    // Per party: None when its seats count for nothing here (dangling-reference,
    // member-not-party or association-not-listed says why), else its holders' indices.
    let mut party_holders: HashMap<&str, Option<Vec<usize>>> = HashMap::default();
    let slot =
        |holder: usize, role: SeatRole| holder * 2 + usize::from(role == SeatRole::Substitute);
    // Each slot's cap, worked out when its holder is first seen: the sweep asks at every
    // change, and each answer is a few map lookups.
    let mut slot_caps: Vec<Option<(u32, &'static str)>> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    // Slots over their cap at the end of the last day swept, so that one excess is reported
    // once, even when a seat over it is handed over from one member to the next.
    let mut over: Vec<bool> = Vec::new();
    // Slots touched on the day being swept, with the seat that first went over the cap
    // then and the count at that moment (ends come before starts within a day).
    let mut first_over: Vec<FirstOver> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    let mut is_touched: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        let day = changes[i].day;
        while i < changes.len() && changes[i].day == day {
            let c = &changes[i];
            i += 1;
            let m = c.member.get_ref();
            // People without a seat count towards no cap.
            let Some((role, party)) = m.seat() else {
                continue;
            };
            let own = party_holders.entry(party).or_insert_with(|| {
                let counted = reg.parties.contains_key(party)
                    && (in_constituency.contains(party) || agreement.value.has_association(party));
                counted.then(|| {
                    caps.holders(reg, party)
                        .map(|h| {
                            *holder_index.entry(h).or_insert_with(|| {
                                holders.push(h);
                                holders.len() - 1
                            })
                        })
                        .collect()
                })
            });
            let Some(own) = own else { continue };
            let needed = holders.len() * 2;
            if counts.len() < needed {
                for &h in &holders[counts.len() / 2..] {
                    slot_caps.push(caps.cap(reg, h, SeatRole::Ordinary));
                    slot_caps.push(caps.cap(reg, h, SeatRole::Substitute));
                }
                counts.resize(needed, 0);
                over.resize(needed, false);
                first_over.resize(needed, None);
                is_touched.resize(needed, false);
            }
            for &h in own.iter() {
                let k = slot(h, role);
                counts[k] = counts[k].saturating_add_signed(c.delta);
                if !is_touched[k] {
                    is_touched[k] = true;
                    touched.push(k);
                }
                if c.delta > 0
                    && first_over[k].is_none()
                    && slot_caps[k].is_some_and(|(limit, _)| counts[k] > limit)
                {
                    first_over[k] = m.party.as_ref().map(|p| (p, counts[k]));
                }
            }
        }
        for k in touched.drain(..) {
            is_touched[k] = false;
            let first = first_over[k].take();
            let (holder, role) = (
                holders[k / 2],
                if k % 2 == 1 {
                    SeatRole::Substitute
                } else {
                    SeatRole::Ordinary
                },
            );
            let Some((limit, source)) = slot_caps[k] else {
                continue;
            };
            if counts[k] <= limit {
                over[k] = false;
                continue;
            }
            let Some((at, count)) = first else {
                continue;
            };
            if std::mem::replace(&mut over[k], true) {
                continue;
            }
            let day = day.max(active_from);
            if active_to.is_some_and(|end| day > end) {
                continue; // body-outlives-agreement or the body's own end covers it
            }
            let (rule, message) = match holder {
                Holder::Party(party) => (
                    &SEAT_LIMIT,
                    msg!(
                        "seat-limit",
                        party = party,
                        count = count,
                        role = role.as_str(),
                        day = day.to_string(),
                        limit = limit.to_string(),
                        source = source
                    ),
                ),
                Holder::Side(side) => (
                    &SIDE_SEAT_LIMIT,
                    msg!(
                        "side-seat-limit",
                        side = side.as_str(),
                        count = count,
                        role = role.as_str(),
                        day = day.to_string(),
                        limit = limit.to_string(),
                        source = source
                    ),
                ),
                Holder::Group(group) => (
                    &GROUP_SEAT_LIMIT,
                    msg!(
                        "group-seat-limit",
                        group = group,
                        count = count,
                        role = role.as_str(),
                        day = day.to_string(),
                        limit = limit.to_string()
                    ),
                ),
            };
            out.push(rule.finding(roster.at(at), message));
        }
    }
    if seats.every_party {
        vacancies(reg, body, agreement, roster, &changes, out);
    }
}

/// Where a holder first went over its cap on a day (the member's `party`), and its count.
type FirstOver<'a> = Option<(&'a crate::model::Spanned<String>, u32)>;

/// Whose seats a cap counts: one party's, a whole side's, or an association's members'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Holder<'a> {
    Party(&'a str),
    Side(Side),
    Group(&'a str),
}

/// The caps of one body's `[seats]`, with what can be worked out once per body.
struct Caps<'a> {
    seats: &'a Seats,
    /// Under pooled substitutes without a `by_side` entry: the sum of the substitute limits
    /// of the side's parties in the constituency.
    pooled: HashMap<Side, u32>,
}

impl<'a> Caps<'a> {
    fn new(reg: &Registry, seats: &'a Seats, constituency: &[&str]) -> Self {
        let mut pooled: HashMap<Side, u32> = HashMap::default();
        if seats.substitutes == SubstitutePolicy::Pooled {
            for &party in constituency {
                let (Some(side), Some(p)) = (reg.party_side(party), reg.parties.get(party)) else {
                    continue;
                };
                let own = seats
                    .limit(party, *p.value.kind.get_ref())
                    .map_or(0, |(l, _)| l.substitutes);
                *pooled.entry(side).or_default() += own;
            }
        }
        Caps { seats, pooled }
    }

    /// Every holder a member of `party` counts for: the party, its side where the side has
    /// a cap (`by_side`, or pooled substitutes), and each `by_group` association that is the
    /// party or gathers it.
    fn holders(&self, reg: &'a Registry, party: &'a str) -> impl Iterator<Item = Holder<'a>> {
        let side_capped =
            !self.seats.by_side.is_empty() || self.seats.substitutes == SubstitutePolicy::Pooled;
        let by_group = &self.seats.by_group;
        std::iter::once(Holder::Party(party))
            .chain(
                reg.party_side(party)
                    .filter(|_| side_capped)
                    .map(Holder::Side),
            )
            .chain(
                std::iter::once(party)
                    .chain(reg.groups_of(party))
                    .filter(move |g| by_group.contains_key(*g))
                    .map(Holder::Group),
            )
    }

    /// A holder's limit for one kind of seat with where it comes from (`by_party`,
    /// `by_kind`, `default`, `by_side`, `by_group`, `pooled`, or `no-rule-covers`: words the
    /// catalogue gives), or None when nothing caps it.
    fn cap(&self, reg: &Registry, holder: Holder, role: SeatRole) -> Option<(u32, &'static str)> {
        // Only seats reach here: an adjunct, observer or secretary has no cap.
        let pick = |l: &SeatLimit| {
            if role == SeatRole::Substitute {
                l.substitutes
            } else {
                l.ordinary
            }
        };
        let pooled =
            role == SeatRole::Substitute && self.seats.substitutes == SubstitutePolicy::Pooled;
        match holder {
            Holder::Party(party) => {
                // A pooled substitute counts against the side only.
                if pooled {
                    return None;
                }
                let kind = *reg.parties.get(party)?.value.kind.get_ref();
                match self.seats.limit(party, kind) {
                    Some((limit, source)) => Some((pick(&limit), source.as_str())),
                    // With no limit of its own, a party may hold up to its side's total.
                    None if reg
                        .party_side(party)
                        .is_some_and(|side| self.seats.by_side.get(side).is_some()) =>
                    {
                        None
                    }
                    None => Some((0, "no-rule-covers")),
                }
            }
            Holder::Side(side) => match self.seats.by_side.get(side) {
                Some(limit) => Some((pick(limit.get_ref()), "by_side")),
                None if pooled => Some((self.pooled.get(&side).copied().unwrap_or(0), "pooled")),
                None => None,
            },
            Holder::Group(group) => self
                .seats
                .by_group
                .get(group)
                .map(|limit| (pick(limit.get_ref()), "by_group")),
        }
    }
}

fn vacancies(
    reg: &Registry,
    body: &Entity<Body>,
    agreement: &Entity<Agreement>,
    roster: &Entity<Roster>,
    changes: &[Change],
    out: &mut Vec<Finding>,
) {
    let (active_from, active_to) = reg.body_active(&body.value);
    let exits = terms::party_exits(reg, &agreement.value);
    let seats_at = body
        .value
        .seats
        .as_ref()
        .map_or(roster.whole_file(), |s| body.at(s));
    // Per party: ordinary seats held, and since when it has been vacant (None: filled).
    let mut held: HashMap<&str, u32> = HashMap::default();
    let constituency = reg.constituency(&body.value);
    let mut vacant_since: HashMap<&str, (NaiveDate, Location)> = constituency
        .iter()
        .map(|p| (*p, (active_from, seats_at.clone())))
        .collect();
    let report = |party: &str,
                  from: NaiveDate,
                  until: Option<NaiveDate>,
                  at: Location,
                  out: &mut Vec<Finding>| {
        // Only days the body is active and the party is still a party count.
        let last = [active_to, exits.get(party).copied()]
            .into_iter()
            .flatten()
            .min();
        let until = match (until, last) {
            (Some(u), Some(l)) => Some(u.min(l)),
            (u, l) => u.or(l),
        };
        if until.is_some_and(|u| u < from) || last.is_some_and(|l| l < from) {
            return;
        }
        let period = match until {
            Some(u) if u == from => msg!("period-on", day = from.to_string()),
            Some(u) => msg!(
                "period-from-to",
                from = from.to_string(),
                to = u.to_string()
            ),
            None => msg!("period-from-on", from = from.to_string()),
        };
        out.push(VACANT_SEAT.finding(
            at,
            msg!(
                "vacant-seat",
                party = party,
                name = reg.party_name(party),
                body = &body.id,
                period = period
            ),
        ));
    };
    let mut i = 0;
    while i < changes.len() {
        let day = changes[i].day;
        let mut touched: Vec<(&str, Location)> = Vec::new();
        while i < changes.len() && changes[i].day == day {
            let c = &changes[i];
            let m = c.member.get_ref();
            if let Some((SeatRole::Ordinary, party)) = m.seat() {
                let n = held.entry(party).or_default();
                *n = n.saturating_add_signed(c.delta);
                let at =
                    m.to.as_ref()
                        .map_or_else(|| party_at(roster, c.member), |t| roster.at(t));
                touched.push((party, at));
            }
            i += 1;
        }
        for (party, at) in touched {
            if !constituency.contains(&party) {
                continue;
            }
            let filled = held.get(party).copied().unwrap_or(0) > 0;
            match (filled, vacant_since.contains_key(party)) {
                (true, true) => {
                    let (from, at) = vacant_since.remove(party).expect("checked");
                    let until = day.pred_opt().unwrap_or(day);
                    if day > active_from {
                        report(party, from.max(active_from), Some(until), at, out);
                    }
                }
                (false, false) => {
                    vacant_since.insert(party, (day.max(active_from), at));
                }
                _ => {}
            }
        }
    }
    let mut still: Vec<_> = vacant_since.into_iter().collect();
    still.sort_by_key(|(p, _)| *p);
    for (party, (from, at)) in still {
        report(party, from, None, at, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date, with};

    const BASE: &[(&str, &str)] = &[
        ("registry.toml", "name = \"T\"\n"),
        ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
        ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
        (
            "agreements/a.toml",
            "title = \"A\"\nparties = [\"r\", \"k\"]\neffective = 2024-01-01\n",
        ),
        (
            "bodies/s.toml",
            "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n[seats]\nevery_party = true\ndefault = { ordinary = 1, substitutes = 1 }\n",
        ),
    ];

    fn member(name: &str, party: &str, role: &str, from: &str, to: Option<&str>) -> String {
        let to = to.map(|t| format!("to = {t}\n")).unwrap_or_default();
        format!(
            "[[member]]\nname = \"{name}\"\nparty = \"{party}\"\nrole = \"{role}\"\nfrom = {from}\n{to}"
        )
    }

    /// The one finding expected.
    fn one(code: &str, file: &str, line: usize) -> Vec<(String, String, usize)> {
        vec![(code.to_owned(), file.to_owned(), line)]
    }

    fn check(roster: &str) -> Vec<(String, String, usize)> {
        codes(
            &with(BASE, &[("members/s.toml", roster)]),
            date(2026, 11, 25),
        )
    }

    #[test]
    fn a_seat_handed_over_from_one_day_to_the_next_is_never_counted_twice() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", Some("2025-06-30")),
            member("C", "k", "ordinary", "2025-07-01", None),
        ]
        .concat();
        assert_eq!(check(&roster), vec![]);
    }

    #[test]
    fn a_one_day_overlap_exceeds_the_limit_once() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", Some("2025-07-01")),
            member("C", "k", "ordinary", "2025-07-01", None),
        ]
        .concat();
        assert_eq!(check(&roster), one("seat-limit", "members/s.toml", 14));
    }

    #[test]
    fn substitutes_have_their_own_limit() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            member("C", "k", "substitute", "2024-01-01", None),
            member("D", "k", "substitute", "2025-01-01", Some("2025-03-31")),
        ]
        .concat();
        assert_eq!(check(&roster), one("seat-limit", "members/s.toml", 18));
    }

    #[test]
    fn a_gap_between_two_members_is_one_vacancy_at_the_leaving_members_end() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", Some("2025-06-30")),
            member("C", "k", "ordinary", "2025-09-01", None),
        ]
        .concat();
        assert_eq!(check(&roster), one("vacant-seat", "members/s.toml", 11));
    }

    #[test]
    fn a_party_that_never_had_a_member_is_vacant_from_the_start() {
        let roster = member("A", "r", "ordinary", "2024-01-01", None);
        assert_eq!(check(&roster), one("vacant-seat", "bodies/s.toml", 7));
    }

    #[test]
    fn the_same_person_twice_on_one_day_is_a_double_seat() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            member("A", "r", "substitute", "2026-01-01", None),
        ]
        .concat();
        assert_eq!(check(&roster), one("double-seat", "members/s.toml", 12));
    }

    #[test]
    fn a_substitute_pairs_with_a_member_of_its_own_party_who_serves_then() {
        let paired = |partner: &str| {
            [
                member("A", "r", "ordinary", "2024-01-01", None),
                member("B", "k", "ordinary", "2024-01-01", Some("2024-12-31")),
                member("C", "k", "ordinary", "2025-01-01", None),
                member("D", "k", "substitute", "2025-01-01", None),
                format!("substitute_for = \"{partner}\"\n"),
            ]
            .concat()
        };
        assert_eq!(check(&paired("C")), vec![]);
        // B left before D started; A is of the other party.
        assert_eq!(
            check(&paired("B")),
            one("substitute-pairing", "members/s.toml", 22)
        );
        assert_eq!(
            check(&paired("A")),
            one("substitute-pairing", "members/s.toml", 22)
        );
    }

    #[test]
    fn a_substitute_who_outlasts_the_member_they_stand_in_for_is_reported() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", Some("2025-06-30")),
            member("C", "k", "ordinary", "2025-07-01", None),
            member("D", "k", "substitute", "2024-01-01", None),
            "substitute_for = \"B\"\n".to_owned(),
        ]
        .concat();
        assert_eq!(
            check(&roster),
            one("substitute-pairing", "members/s.toml", 22)
        );
    }

    #[test]
    fn people_without_a_seat_count_nowhere_and_need_no_party() {
        let without = |role: &str, party: &str| {
            format!("[[member]]\nname = \"X\"\n{party}role = \"{role}\"\nfrom = 2024-01-01\n")
        };
        for role in ["adjunct", "observer", "secretary"] {
            // Over K's limit if it were a seat, and the same name as an ordinary member
            // (not a double seat); no party of its own is needed.
            let roster = [
                member("A", "r", "ordinary", "2024-01-01", None),
                member("X", "k", "ordinary", "2024-01-01", None),
                without(role, "party = \"k\"\n"),
                without(role, ""),
            ]
            .concat();
            assert_eq!(check(&roster), vec![], "{role}");
            // Nor does one fill a vacant seat.
            let roster = [
                member("A", "r", "ordinary", "2024-01-01", None),
                without(role, "party = \"k\"\n"),
            ]
            .concat();
            assert_eq!(
                check(&roster),
                one("vacant-seat", "bodies/s.toml", 7),
                "{role}"
            );
        }
        // A party that is given is checked all the same.
        let foreign = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            "[[member]]\nname = \"O\"\nparty = \"x\"\nrole = \"observer\"\nfrom = 2024-01-01\n"
                .to_owned(),
        ]
        .concat();
        let files = with(
            BASE,
            &[
                ("parties/x.toml", "name = \"X\"\nkind = \"municipality\"\n"),
                ("members/s.toml", &foreign),
            ],
        );
        assert_eq!(
            codes(&files, date(2026, 11, 25)),
            one("member-not-party", "members/s.toml", 13)
        );
        // A substitute is paired with a seat holder, never with a secretary.
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            without("secretary", "party = \"k\"\n"),
            member("D", "k", "substitute", "2024-01-01", None),
            "substitute_for = \"X\"\n".to_owned(),
        ]
        .concat();
        assert_eq!(
            check(&roster),
            one("substitute-pairing", "members/s.toml", 21)
        );
    }

    #[test]
    fn a_member_of_a_party_with_no_file_is_only_a_dangling_reference() {
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            member("E", "skelleftea", "ordinary", "2024-01-01", None),
        ]
        .concat();
        assert_eq!(
            check(&roster),
            one("dangling-reference", "members/s.toml", 13)
        );
    }

    /// A region, three municipalities, two of them gathered by an association that the
    /// agreement lists, and a body whose seats `seats` gives.
    fn associations(seats: &str, roster: &str) -> Vec<(String, String, usize)> {
        let body = format!(
            "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n[seats]\n{seats}"
        );
        let files = [
            ("registry.toml", "name = \"T\"\n"),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
            ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
            ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n"),
            ("parties/m.toml", "name = \"M\"\nkind = \"municipality\"\n"),
            (
                "parties/g.toml",
                "name = \"G\"\nkind = \"association\"\nmembers = [\"k\", \"l\"]\n",
            ),
            ("parties/h.toml", "name = \"H\"\nkind = \"association\"\n"),
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"r\", \"k\", \"l\", \"m\"]\nassociations = [\"g\"]\neffective = 2024-01-01\n",
            ),
            ("bodies/s.toml", body.as_str()),
            ("members/s.toml", roster),
        ];
        codes(&files, date(2026, 11, 25))
    }

    #[test]
    fn a_listed_association_may_sit_and_an_unlisted_one_is_one_finding() {
        let seats = "default = { ordinary = 1, substitutes = 1 }\n";
        let listed = member("A", "g", "ordinary", "2024-01-01", None);
        assert_eq!(associations(seats, &listed), vec![]);
        let unlisted = member("A", "h", "ordinary", "2024-01-01", None);
        assert_eq!(
            associations(seats, &unlisted),
            one("association-not-listed", "members/s.toml", 3)
        );
    }

    #[test]
    fn a_side_over_its_by_side_total_is_reported_once_with_no_seat_limit_for_its_parties() {
        // The municipalities have no limit of their own: up to the side's two seats.
        let seats = "by_kind = { region = { ordinary = 1, substitutes = 0 } }\nby_side = { municipality = { ordinary = 2, substitutes = 0 } }\n";
        let two = [
            member("A", "k", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", Some("2025-06-30")),
            member("C", "l", "ordinary", "2025-07-01", None),
        ]
        .concat();
        assert_eq!(associations(seats, &two), vec![]);
        let three = [
            two.as_str(),
            &member("D", "m", "ordinary", "2025-01-01", None),
        ]
        .concat();
        assert_eq!(
            associations(seats, &three),
            one("side-seat-limit", "members/s.toml", 19)
        );
    }

    #[test]
    fn an_association_counts_on_the_common_side_of_its_members() {
        let seats = "default = { ordinary = 1, substitutes = 0 }\nby_side = { municipality = { ordinary = 1, substitutes = 0 } }\n";
        let roster = [
            member("A", "r", "ordinary", "2024-01-01", None),
            member("B", "g", "ordinary", "2024-01-01", None),
            member("C", "m", "ordinary", "2024-06-01", None),
        ]
        .concat();
        assert_eq!(
            associations(seats, &roster),
            one("side-seat-limit", "members/s.toml", 13)
        );
    }

    #[test]
    fn a_group_counts_the_association_and_its_members_only() {
        let seats = "default = { ordinary = 1, substitutes = 0 }\nby_group = { g = { ordinary = 2, substitutes = 0 } }\n";
        // m is outside the group: three seats, two of them the group's.
        let within = [
            member("A", "g", "ordinary", "2024-01-01", None),
            member("B", "k", "ordinary", "2024-01-01", None),
            member("C", "m", "ordinary", "2024-01-01", None),
        ]
        .concat();
        assert_eq!(associations(seats, &within), vec![]);
        let over = [
            within.as_str(),
            &member("D", "l", "ordinary", "2025-01-01", None),
        ]
        .concat();
        assert_eq!(
            associations(seats, &over),
            one("group-seat-limit", "members/s.toml", 18)
        );
    }

    #[test]
    fn pooled_substitutes_are_limited_by_the_side_not_the_party() {
        let seats = "default = { ordinary = 1, substitutes = 1 }\nsubstitutes = \"pooled\"\n";
        // Two substitutes of k stand for the whole municipality side (k, l, m: three).
        let pooled = [
            member("A", "k", "ordinary", "2024-01-01", None),
            member("B", "k", "substitute", "2024-01-01", None),
            member("C", "k", "substitute", "2024-01-01", None),
            member("D", "k", "substitute", "2024-01-01", None),
        ]
        .concat();
        assert_eq!(associations(seats, &pooled), vec![]);
        let over = [
            pooled.as_str(),
            &member("E", "l", "substitute", "2024-03-01", None),
        ]
        .concat();
        assert_eq!(
            associations(seats, &over),
            one("side-seat-limit", "members/s.toml", 23)
        );
        // A by_side entry replaces the sum.
        let capped =
            format!("{seats}by_side = {{ municipality = {{ ordinary = 3, substitutes = 2 }} }}\n");
        assert_eq!(
            associations(&capped, &pooled),
            one("side-seat-limit", "members/s.toml", 18)
        );
    }

    #[test]
    fn a_pooled_substitute_may_pair_with_any_member_of_its_side() {
        let roster = |seats: &str| {
            let text = [
                member("A", "k", "ordinary", "2024-01-01", None),
                member("B", "l", "substitute", "2024-01-01", None),
                "substitute_for = \"A\"\n".to_owned(),
                member("C", "r", "ordinary", "2024-01-01", None),
                member("D", "m", "substitute", "2024-01-01", None),
                "substitute_for = \"C\"\n".to_owned(),
            ]
            .concat();
            associations(seats, &text)
        };
        let per_party = "default = { ordinary = 1, substitutes = 1 }\n";
        assert_eq!(
            roster(per_party),
            vec![
                (
                    "substitute-pairing".to_owned(),
                    "members/s.toml".to_owned(),
                    11
                ),
                (
                    "substitute-pairing".to_owned(),
                    "members/s.toml".to_owned(),
                    22
                ),
            ]
        );
        // Pooled: l's substitute may stand in for k's member, not m's for the region's.
        let pooled = "default = { ordinary = 1, substitutes = 1 }\nsubstitutes = \"pooled\"\n";
        assert_eq!(
            roster(pooled),
            one("substitute-pairing", "members/s.toml", 22)
        );
    }
}
