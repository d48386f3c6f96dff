//! `bodies/<id>.toml`: a joint body (samverkansorgan) with its seat, chair and meeting rules.

use std::collections::BTreeMap;

use crate::model::Spanned;
use serde::Deserialize;

use super::date::Date;
use super::party::PartyKind;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub name: Spanned<String>,
    /// The abbreviation people use ("LSG"); commands take it for the id.
    pub short: Option<Spanned<String>>,
    /// Other names people use ("Samrådet"); commands take them for the id.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub agreement: Spanned<String>,
    pub level: Spanned<Level>,
    pub kind: Spanned<BodyKind>,
    pub power: Spanned<Power>,
    pub established: Spanned<Date>,
    pub ends: Option<Spanned<Date>>,
    pub parent: Option<Spanned<String>>,
    pub prepared_by: Option<Spanned<String>>,
    pub escalates_to: Option<Spanned<String>>,
    /// An arbetsutskott made of that body's chair and vice chair.
    pub chairs_of: Option<Spanned<String>>,
    /// The body's constituency when it serves only some of its agreement's parties (a
    /// delregionalt organ); none: every party of the agreement.
    pub parties: Option<Vec<Spanned<String>>>,
    /// The party that keeps the body's secretariat.
    pub secretariat: Option<Spanned<String>>,
    pub seats: Option<Spanned<Seats>>,
    pub chair: Option<Spanned<ChairRule>>,
    pub meetings: Option<Spanned<MeetingRule>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Political,
    Official,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    Standing,
    WorkingGroup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Power {
    Advisory,
    Decisive,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seats {
    #[serde(default)]
    pub every_party: bool,
    pub default: Option<Spanned<SeatLimit>>,
    #[serde(default)]
    pub by_kind: ByKind,
    #[serde(default)]
    pub by_party: BTreeMap<Spanned<String>, Spanned<SeatLimit>>,
    #[serde(default)]
    pub ex_officio: Vec<Spanned<DerivedSeat>>,
    #[serde(default)]
    pub adjunct: Vec<Spanned<DerivedSeat>>,
    /// A cap for a whole side, over the limits of its parties.
    #[serde(default)]
    pub by_side: BySide,
    /// A cap per association: the seats of members whose party is it or one of its members.
    #[serde(default)]
    pub by_group: BTreeMap<Spanned<String>, Spanned<SeatLimit>>,
    #[serde(default)]
    pub substitutes: SubstitutePolicy,
}

/// Whether substitute limits hold for each party or for each side as a whole.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubstitutePolicy {
    #[default]
    PerParty,
    Pooled,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BySide {
    pub region: Option<Spanned<SeatLimit>>,
    pub municipality: Option<Spanned<SeatLimit>>,
}

impl BySide {
    pub fn get(&self, side: super::party::Side) -> Option<&Spanned<SeatLimit>> {
        match side {
            super::party::Side::Region => self.region.as_ref(),
            super::party::Side::Municipality => self.municipality.as_ref(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.region.is_none() && self.municipality.is_none()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByKind {
    pub region: Option<Spanned<SeatLimit>>,
    pub municipality: Option<Spanned<SeatLimit>>,
    pub association: Option<Spanned<SeatLimit>>,
    pub other: Option<Spanned<SeatLimit>>,
}

impl ByKind {
    pub fn get(&self, kind: PartyKind) -> Option<&Spanned<SeatLimit>> {
        match kind {
            PartyKind::Region => self.region.as_ref(),
            PartyKind::Municipality => self.municipality.as_ref(),
            PartyKind::Association => self.association.as_ref(),
            PartyKind::Other => self.other.as_ref(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatLimit {
    pub ordinary: u32,
    pub substitutes: u32,
}

/// Where a party's seat limit comes from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitSource {
    ByParty,
    ByKind,
    Default,
}

impl LimitSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LimitSource::ByParty => "by_party",
            LimitSource::ByKind => "by_kind",
            LimitSource::Default => "default",
        }
    }
}

impl Seats {
    /// A party's limit: its `by_party` entry, else its kind's `by_kind` entry, else `default`.
    pub fn limit(&self, party: &str, kind: PartyKind) -> Option<(SeatLimit, LimitSource)> {
        if let Some(l) = self.by_party.get(party) {
            return Some((*l.get_ref(), LimitSource::ByParty));
        }
        if let Some(l) = self.by_kind.get(kind) {
            return Some((*l.get_ref(), LimitSource::ByKind));
        }
        self.default
            .as_ref()
            .map(|l| (*l.get_ref(), LimitSource::Default))
    }
}

/// A place held by whoever holds a role in another body (ex officio or co-opted).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedSeat {
    pub role: Spanned<ChairRole>,
    pub of: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChairRole {
    Chair,
    ViceChair,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChairRule {
    pub rule: Spanned<ChairKind>,
    /// Under `fixed-side`: the side that always holds the chair (the sammankallande side).
    pub side: Option<Spanned<super::party::Side>>,
    #[serde(default)]
    pub term: Term,
    #[serde(default)]
    pub extension: Extension,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChairKind {
    AlternateSides,
    Host,
    Elected,
    /// The chair is always of one side; a vice chair, if any, of another.
    FixedSide,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Term {
    #[default]
    CalendarYear,
    /// Two years at a time, from the body's `established` year.
    TwoYears,
    /// The four years between general elections (2019–2022, 2023–2026 …).
    MandatePeriod,
}

impl Term {
    pub fn as_str(self) -> &'static str {
        match self {
            Term::CalendarYear => "calendar-year",
            Term::TwoYears => "two-years",
            Term::MandatePeriod => "mandate-period",
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extension {
    #[default]
    Decision,
    UnanimousDecision,
    Never,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRule {
    pub per_year_min: Option<Spanned<u32>>,
    pub last_of_year: Option<Spanned<super::meeting::MeetingKind>>,
    /// How long a meeting with a start time lasts, when it gives no `end`.
    pub duration_minutes: Option<Spanned<u32>>,
}
