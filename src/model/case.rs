//! `cases/<year>/<id>.toml`: a case (ärende) and what happened to it.

use crate::model::Spanned;
use serde::Deserialize;

use super::date::{Date, DayOrMonth};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub title: Spanned<String>,
    /// Some day of the month when the sources give only the month.
    pub raised: Spanned<DayOrMonth>,
    pub raised_by: Spanned<String>,
    pub concerns: Spanned<Concerns>,
    pub agreement: Option<Spanned<String>>,
    #[serde(default)]
    pub event: Vec<Spanned<Event>>,
    #[serde(default)]
    pub decision: Vec<Spanned<Decision>>,
}

/// The parties a case concerns: a list, or every party of the agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concerns {
    All,
    Parties(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for Concerns {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A hand-written visitor: an untagged enum would buffer the value and lose the
        // spans of the party ids.
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Concerns;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(r#"an array of party ids or the string "all""#)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Concerns, E> {
                if v == "all" {
                    Ok(Concerns::All)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Concerns, A::Error> {
                let mut parties = Vec::new();
                while let Some(p) = seq.next_element()? {
                    parties.push(p);
                }
                Ok(Concerns::Parties(parties))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Some day of the month when the sources give only the month.
    pub date: Spanned<DayOrMonth>,
    /// Where it happened: a body, or (`party`) a party's or association's own
    /// organisation; exactly one of the two (the loader reports otherwise).
    pub body: Option<Spanned<String>>,
    pub party: Option<Spanned<String>>,
    pub action: Spanned<Action>,
    pub reply_by: Option<Spanned<Date>>,
    pub note: Option<Spanned<String>>,
    /// A decision on how the cooperation works (a routine, a mandate, a working order)
    /// rather than on a question of substance: advisory bodies may take these.
    #[serde(default)]
    pub scope: Scope,
}

/// Where an event happened: at a body, or in a party's own organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    Body(&'a str),
    Party(&'a str),
}

impl Event {
    /// The body, else the party; None only for an event the loader reported (neither).
    pub fn actor(&self) -> Option<Actor<'_>> {
        match (&self.body, &self.party) {
            (Some(b), _) => Some(Actor::Body(b.get_ref())),
            (None, Some(p)) => Some(Actor::Party(p.get_ref())),
            (None, None) => None,
        }
    }

    /// The body it happened at, if it happened at a body.
    pub fn body_id(&self) -> Option<&str> {
        self.body.as_ref().map(|b| b.get_ref().as_str())
    }

    /// The span to point at for where it happened: `body` or `party`, else `action`.
    pub fn actor_span(&self) -> std::ops::Range<usize> {
        self.body
            .as_ref()
            .or(self.party.as_ref())
            .map_or_else(|| self.action.span(), |s| s.span())
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Substance,
    Procedural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Raised,
    Prepared,
    Discussed,
    Recommended,
    Decided,
    Escalated,
    Referred,
    Closed,
    Withdrawn,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Raised => "raised",
            Action::Prepared => "prepared",
            Action::Discussed => "discussed",
            Action::Recommended => "recommended",
            Action::Decided => "decided",
            Action::Escalated => "escalated",
            Action::Referred => "referred",
            Action::Closed => "closed",
            Action::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub party: Spanned<String>,
    /// Some day of the month when the sources give only the month.
    pub date: Spanned<DayOrMonth>,
    pub outcome: Spanned<Outcome>,
    /// Boxed: few decisions have one, and a case has one decision per party.
    pub reference: Option<Box<Spanned<String>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Adopted,
    Rejected,
    Pending,
}
