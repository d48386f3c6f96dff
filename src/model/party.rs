//! `parties/<id>.toml`: a principal (huvudman) or other party.

use crate::model::Spanned;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: Spanned<String>,
    pub kind: Spanned<PartyKind>,
    pub org_number: Option<Spanned<String>>,
    pub county: Option<Spanned<String>>,
    pub side: Option<Spanned<Side>>,
    /// The abbreviation people use; commands take it for the id.
    pub short: Option<Spanned<String>>,
    /// Other names people use; commands take them for the id.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Associations only: the parties it gathers (a kommunförbund's municipalities).
    #[serde(default)]
    pub members: Vec<Spanned<String>>,
}

impl Party {
    /// The side the party counts as by itself: `side`, else its kind for regions and
    /// municipalities. An association without `side` takes its members' common side, which
    /// only the registry knows: ask [`crate::model::Registry::party_side`].
    pub fn side(&self) -> Option<Side> {
        self.side
            .as_ref()
            .map(|s| *s.get_ref())
            .or(match self.kind.get_ref() {
                PartyKind::Region => Some(Side::Region),
                PartyKind::Municipality => Some(Side::Municipality),
                PartyKind::Association | PartyKind::Other => None,
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    Region,
    Municipality,
    Association,
    Other,
}

impl PartyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Region => "region",
            PartyKind::Municipality => "municipality",
            PartyKind::Association => "association",
            PartyKind::Other => "other",
        }
    }
}

/// The two principal sides between which chairs alternate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Region,
    Municipality,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Region => "region",
            Side::Municipality => "municipality",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Region => Side::Municipality,
            Side::Municipality => Side::Region,
        }
    }
}
