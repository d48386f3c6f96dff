//! The registry in memory: one typed value per file, keyed by id.
//!
//! Types mirror the file kinds of the format one to one (`party.rs` holds `parties/<id>.toml`
//! and so on); `Registry` gathers them and answers the questions every rule and view asks
//! (which side is a party on, when is a body active, who chairs it in a year).

pub mod agreement;
pub mod attendance;
pub mod body;
pub mod case;
pub mod chair_term;
pub mod date;
pub mod duty;
pub mod meeting;
pub mod names;
pub mod party;
pub mod roster;
pub mod settings;
pub mod spanned;
pub mod terms;

use std::collections::BTreeMap;

// FxHash: the lookups are by ids, many times per rule run.
use rustc_hash::FxHashMap as HashMap;

use chrono::{Datelike, NaiveDate};

use crate::calendar::HolidayCalendar;
use crate::source::{FileId, Location, Sources};

pub use agreement::Agreement;
pub use body::Body;
pub use case::Case;
pub use meeting::Meeting;
pub use party::Party;
pub use roster::Roster;
pub use settings::Settings;
pub use spanned::Spanned;

/// One entity read from one file; its id is the file stem.
#[derive(Debug)]
pub struct Entity<T> {
    pub id: String,
    pub file: FileId,
    /// Shared: the two sides of `diff` hold one copy of a document that did not change.
    pub value: std::sync::Arc<T>,
}

impl<T> Entity<T> {
    pub fn at<U>(&self, spanned: &Spanned<U>) -> Location {
        Location::new(self.file, spanned.span())
    }

    pub fn whole_file(&self) -> Location {
        Location::file(self.file)
    }
}

/// A meeting with the file and year it was listed under.
#[derive(Debug, Clone)]
pub struct MeetingEntry {
    pub file: FileId,
    /// The year named by the file stem.
    pub file_year: i32,
    pub meeting: Spanned<Meeting>,
}

impl MeetingEntry {
    pub fn at<U>(&self, spanned: &Spanned<U>) -> Location {
        Location::new(self.file, spanned.span())
    }

    pub fn get(&self) -> &Meeting {
        self.meeting.get_ref()
    }
}

#[derive(Debug, Default)]
pub struct Registry {
    pub sources: Sources,
    pub settings: Option<Entity<Settings>>,
    pub parties: BTreeMap<String, Entity<Party>>,
    pub agreements: BTreeMap<String, Entity<Agreement>>,
    pub bodies: BTreeMap<String, Entity<Body>>,
    /// Rosters by body id.
    pub rosters: BTreeMap<String, Entity<Roster>>,
    /// Every meeting of every year, sorted by date and time.
    pub meetings: Vec<MeetingEntry>,
    pub cases: BTreeMap<String, Entity<Case>>,
    /// Paths (without `.toml`) of files left out because they did not load: references
    /// to them are not reported again as dangling.
    pub left_out: std::collections::HashSet<String>,
    index: Index,
}

/// Lookups computed once after loading, so that rules stay linear in the registry's size.
#[derive(Debug, Default)]
struct Index {
    /// Positions in `meetings` per body, in date order.
    meetings_by_body: HashMap<String, Vec<usize>>,
    meeting_days_by_body: HashMap<String, Vec<NaiveDate>>,
    agreement_ends: HashMap<String, NaiveDate>,
    /// The common side of each association's `members`, for associations without `side`.
    association_sides: HashMap<String, party::Side>,
    /// For each party, the associations that list it in `members`.
    groups: HashMap<String, Vec<String>>,
    /// Annexes' ends by their own terms, where that differs from their end in force.
    annex_own_ends: HashMap<String, Option<NaiveDate>>,
}

impl Registry {
    /// Sorts the meetings and computes the lookups; the loader calls it once at the end.
    pub fn finish(&mut self) {
        // Meetings were gathered in file order and, within a file, in the order written: by
        // date, then that order, is the order a stable sort gives, without the stable sort's
        // buffer of half the meetings.
        self.meetings
            .sort_unstable_by_key(|m| (*m.get().date.get_ref(), m.file, m.meeting.span().start));
        let mut index = Index::default();
        for (i, m) in self.meetings.iter().enumerate() {
            let body = m.get().body.get_ref();
            let day = m.get().day();
            match index.meetings_by_body.get_mut(body) {
                Some(positions) => positions.push(i),
                None => {
                    index.meetings_by_body.insert(body.clone(), vec![i]);
                }
            }
            match index.meeting_days_by_body.get_mut(body) {
                Some(days) if days.last() == Some(&day) => {}
                Some(days) => days.push(day),
                None => {
                    index.meeting_days_by_body.insert(body.clone(), vec![day]);
                }
            }
        }
        self.index = index;
        let own: HashMap<&str, NaiveDate> = self
            .agreements
            .iter()
            .filter_map(|(id, a)| {
                terms::agreement_end(self, &a.value).map(|end| (id.as_str(), end))
            })
            .collect();
        // An annex ends at the latest with its main agreement (and that one with its own).
        let mut ends = HashMap::default();
        let mut annex_own_ends = HashMap::default();
        for (id, a) in &self.agreements {
            let own_end = own.get(id.as_str()).copied();
            let end = self
                .main_agreements(&a.value)
                .filter_map(|(main, _)| own.get(main).copied())
                .chain(own_end)
                .min();
            if end != own_end {
                annex_own_ends.insert(id.clone(), own_end);
            }
            if let Some(end) = end {
                ends.insert(id.clone(), end);
            }
        }
        self.index.agreement_ends = ends;
        // An association of associations (VästKom of the kommunalförbund) takes its side
        // once its members have theirs: passes until nothing changes, each linear.
        let mut association_sides: HashMap<String, party::Side> = HashMap::default();
        loop {
            let side_of = |id: &str| {
                self.parties
                    .get(id)
                    .and_then(|p| p.value.side())
                    .or_else(|| association_sides.get(id).copied())
            };
            let found: Vec<(String, party::Side)> = self
                .parties
                .iter()
                .filter(|(id, p)| {
                    p.value.side().is_none()
                        && !p.value.members.is_empty()
                        && !association_sides.contains_key(*id)
                })
                .filter_map(|(id, p)| {
                    let mut sides = p.value.members.iter().map(|m| side_of(m.get_ref()));
                    let first = sides.next()??;
                    sides.all(|s| s == Some(first)).then(|| (id.clone(), first))
                })
                .collect();
            if found.is_empty() {
                break;
            }
            association_sides.extend(found);
        }
        self.index.association_sides = association_sides;
        let mut groups: HashMap<String, Vec<String>> = HashMap::default();
        for (id, p) in &self.parties {
            for m in &p.value.members {
                groups
                    .entry(m.get_ref().clone())
                    .or_default()
                    .push(id.clone());
            }
        }
        self.index.groups = groups;
        self.index.annex_own_ends = annex_own_ends;
    }

    /// The agreements an annex is part of, its main agreement first (ids and values). A
    /// `part_of` cycle (reported by the loading check) is walked at most once around.
    pub fn main_agreements<'a>(
        &'a self,
        agreement: &'a Agreement,
    ) -> impl Iterator<Item = (&'a str, &'a Agreement)> + 'a {
        let main = |a: &Agreement| {
            let id = a.part_of.as_ref()?.get_ref();
            let (id, entity) = self.agreements.get_key_value(id)?;
            Some((id.as_str(), &*entity.value))
        };
        std::iter::successors(main(agreement), move |(_, a)| main(a)).take(self.agreements.len())
    }

    /// An agreement's parties: its own `parties`, or an annex's main agreement's.
    pub fn agreement_parties<'a>(&'a self, agreement: &'a Agreement) -> &'a [Spanned<String>] {
        agreement
            .parties
            .as_deref()
            .or_else(|| {
                self.main_agreements(agreement)
                    .find_map(|(_, a)| a.parties.as_deref())
            })
            .unwrap_or(&[])
    }

    pub fn is_agreement_party(&self, agreement: &Agreement, party: &str) -> bool {
        self.agreement_parties(agreement)
            .iter()
            .any(|p| p.get_ref() == party)
    }

    /// Whether an agreement's notices count from a meeting (`counted_from = "handled"` or a
    /// `handled_by` body): then when it ends, and its notice deadlines, follow the meetings.
    pub fn uses_meeting_calendar(&self) -> bool {
        self.agreements.values().any(|a| {
            a.value.termination.as_ref().is_some_and(|t| {
                let t = t.get_ref();
                t.counted_from == agreement::CountedFrom::Handled || t.handled_by.is_some()
            })
        })
    }

    /// Whether a file of the layout (`parties/umea`) exists but did not load.
    pub fn is_left_out(&self, folder: &str, id: &str) -> bool {
        self.left_out.contains(&format!("{folder}/{id}"))
    }

    /// Days on which a body meets, sorted, each once.
    pub fn meeting_days(&self, body: &str) -> &[NaiveDate] {
        self.index
            .meeting_days_by_body
            .get(body)
            .map_or(&[], |d| d.as_slice())
    }

    /// The agreement's last day in force, if it has one (see [`terms::agreement_end`]); an
    /// annex's is at the latest its main agreement's.
    pub fn agreement_end(&self, agreement_id: &str) -> Option<NaiveDate> {
        self.index.agreement_ends.get(agreement_id).copied()
    }

    /// The agreement's last day by its own terms (its `ends`, its notices and those on its
    /// main agreement), without the main agreement's end: what `body-outlives-agreement`
    /// holds an annex's bodies to, while `annex-outlives-agreement` reports what goes past
    /// the main agreement's end.
    pub fn agreement_own_end(&self, agreement_id: &str) -> Option<NaiveDate> {
        match self.index.annex_own_ends.get(agreement_id) {
            Some(own) => *own,
            None => self.agreement_end(agreement_id),
        }
    }

    pub fn calendar(&self) -> HolidayCalendar {
        self.settings
            .as_ref()
            .map_or(HolidayCalendar::Swedish, |s| s.value.holidays.calendar())
    }

    /// The output language the registry asks for, if it names one.
    pub fn language(&self) -> Option<crate::i18n::Lang> {
        self.settings.as_ref().and_then(|s| s.value.language)
    }

    pub fn name(&self) -> Option<&str> {
        self.settings
            .as_ref()
            .map(|s| s.value.name.get_ref().as_str())
    }

    /// The side a party counts as: its own (`side`, else its kind), else, for an
    /// association, the common side of its `members` (none when they differ).
    pub fn party_side(&self, party: &str) -> Option<party::Side> {
        self.parties
            .get(party)
            .and_then(|p| p.value.side())
            .or_else(|| self.index.association_sides.get(party).copied())
    }

    /// The associations of the registry that gather `party` (its groups).
    pub fn groups_of<'a>(&'a self, party: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.index
            .groups
            .get(party)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    pub fn party_name<'a>(&'a self, party: &'a str) -> &'a str {
        self.parties
            .get(party)
            .map_or(party, |p| p.value.name.get_ref().as_str())
    }

    pub fn body_agreement(&self, body: &Body) -> Option<&Entity<Agreement>> {
        self.agreements.get(body.agreement.get_ref())
    }

    /// The parties a body serves: its own `parties` (a sub-county body), else its
    /// agreement's, in their listed order.
    pub fn constituency<'a>(&'a self, body: &'a Body) -> Vec<&'a str> {
        match &body.parties {
            Some(parties) => parties.iter().map(|p| p.get_ref().as_str()).collect(),
            None => self.body_agreement(body).map_or_else(Vec::new, |a| {
                self.agreement_parties(&a.value)
                    .iter()
                    .map(|p| p.get_ref().as_str())
                    .collect()
            }),
        }
    }

    /// First and last day a body is active: `established` to its own `ends` or its
    /// agreement's end, whichever comes first (None: no end in sight).
    pub fn body_active(&self, body: &Body) -> (NaiveDate, Option<NaiveDate>) {
        let start = body.established.get_ref().0;
        let own_end = body.ends.as_ref().map(|e| e.get_ref().0);
        let agreement_end = self.agreement_end(body.agreement.get_ref());
        let end = match (own_end, agreement_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        (start, end)
    }

    pub fn body_active_on(&self, body: &Body, day: NaiveDate) -> bool {
        let (start, end) = self.body_active(body);
        start <= day && end.is_none_or(|e| day <= e)
    }

    /// The recorded chair entry of a body for the chair term that holds `year`.
    pub fn chair_year(&self, body_id: &str, year: i32) -> Option<&roster::ChairYear> {
        let roster = &self.rosters.get(body_id)?.value;
        let term = match self.bodies.get(body_id) {
            Some(body) => chair_term::body_term(&body.value, year),
            None => chair_term::ChairTerm {
                first: year,
                last: year,
            },
        };
        chair_term::entry_for_term(roster, term).map(|c| c.get_ref())
    }

    /// Who holds `role` of a body on a day, by the chair records (AU members and ex officio
    /// seats are derived from this).
    pub fn chair_holder(
        &self,
        body_id: &str,
        role: body::ChairRole,
        day: NaiveDate,
    ) -> Option<&str> {
        let year = self.chair_year(body_id, day.year())?;
        match role {
            body::ChairRole::Chair => Some(year.chair.get_ref().as_str()),
            body::ChairRole::ViceChair => year.vice_chair.as_ref().map(|v| v.get_ref().as_str()),
        }
    }

    /// Meetings of one body, in date order.
    pub fn meetings_of<'a>(
        &'a self,
        body_id: &'a str,
    ) -> impl Iterator<Item = &'a MeetingEntry> + 'a {
        self.index
            .meetings_by_body
            .get(body_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.meetings[i])
    }
}
