//! `members/<body-id>.toml`: who held which seat of a body when, and its chairs per year.

use crate::model::Spanned;
use chrono::NaiveDate;
use serde::Deserialize;

use super::date::Date;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    #[serde(default)]
    pub member: Vec<Spanned<Member>>,
    #[serde(default)]
    pub chair: Vec<Spanned<ChairYear>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: Spanned<String>,
    /// The party represented; required for ordinary and substitute seats (the schema says
    /// so), optional for people without a seat.
    pub party: Option<Spanned<String>>,
    pub role: Spanned<SeatRole>,
    pub from: Spanned<Date>,
    pub to: Option<Spanned<Date>>,
    // Boxed: most members have neither, and a roster entry is the registry's commonest
    // value; unboxed they are 40 bytes each when absent.
    pub substitute_for: Option<Box<Spanned<String>>>,
    pub function: Option<Box<Spanned<String>>>,
    /// Where a person without a party comes from ("Skånes Kommuner").
    pub organisation: Option<Box<Spanned<String>>>,
}

impl Member {
    pub fn from(&self) -> NaiveDate {
        self.from.get_ref().0
    }

    /// The party represented, if any.
    pub fn party(&self) -> Option<&str> {
        self.party.as_ref().map(|p| p.get_ref().as_str())
    }

    /// The seat held (ordinary or substitute) and its party; None for an adjunct,
    /// observer or secretary, who counts towards no limit and cannot chair.
    pub fn seat(&self) -> Option<(SeatRole, &str)> {
        let role = *self.role.get_ref();
        role.holds_seat().then_some((role, self.party()?))
    }

    /// Last day served; None while still serving.
    pub fn to(&self) -> Option<NaiveDate> {
        self.to.as_ref().map(|t| t.get_ref().0)
    }

    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.from() <= day && self.to().is_none_or(|t| day <= t)
    }

    /// Whether the seat is held on every day of `first..=last`.
    pub fn serves_throughout(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.from() <= first && self.to().is_none_or(|t| last <= t)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeatRole {
    Ordinary,
    Substitute,
    /// Co-opted (adjungerad): takes part without a seat.
    Adjunct,
    /// Observatör, with närvarorätt only.
    Observer,
    /// Sekreterare or processledare: keeps the body's papers, holds no seat.
    Secretary,
}

impl SeatRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SeatRole::Ordinary => "ordinary",
            SeatRole::Substitute => "substitute",
            SeatRole::Adjunct => "adjunct",
            SeatRole::Observer => "observer",
            SeatRole::Secretary => "secretary",
        }
    }

    /// Whether the role is a seat: ordinary or substitute.
    pub fn holds_seat(self) -> bool {
        matches!(self, SeatRole::Ordinary | SeatRole::Substitute)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChairYear {
    pub year: Spanned<i32>,
    pub chair: Spanned<String>,
    pub vice_chair: Option<Spanned<String>>,
    pub extension: Option<Spanned<ExtensionRecord>>,
}

/// The decision that let a side keep the chair for another year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRecord {
    pub decision: Spanned<String>,
    #[serde(default)]
    pub unanimous: bool,
}
