//! `agreements/<id>.toml`: an agreement (överenskommelse), its notices, duties and roles.

use crate::model::Spanned;
use serde::Deserialize;

use super::date::{Date, DayOrMonth};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub title: Spanned<String>,
    /// The abbreviation people use; commands take it for the id.
    pub short: Option<Spanned<String>>,
    /// Other names people use; commands take them for the id.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub reference: Option<Spanned<String>>,
    /// None only on an annex (`part_of`): it has its main agreement's parties (see
    /// `Registry::agreement_parties`).
    pub parties: Option<Vec<Spanned<String>>>,
    /// Associations that act for their member parties here (appoint, prepare, recommend)
    /// without being parties themselves.
    #[serde(default)]
    pub associations: Vec<Spanned<String>>,
    /// Some day of the month when the sources give only the month.
    pub signed: Option<Spanned<DayOrMonth>>,
    pub effective: Spanned<Date>,
    /// The last day in force of a fixed-term agreement.
    pub ends: Option<Spanned<Date>>,
    /// The main agreement of an annex (bilaga) or sub-agreement.
    pub part_of: Option<Spanned<String>>,
    /// An ended agreement's successor: it silences `fixed-term-expired`.
    pub superseded_by: Option<Spanned<String>>,
    /// The day an ended agreement was kept for the record only: it silences
    /// `fixed-term-expired`.
    pub archived: Option<Spanned<Date>>,
    /// A fixed term that renews unless a party gives notice.
    pub renewal: Option<Spanned<Renewal>>,
    /// Decisions that moved a fixed term's last day.
    #[serde(default)]
    pub extension: Vec<Spanned<Extension>>,
    pub termination: Option<Spanned<Termination>>,
    #[serde(default)]
    pub notice: Vec<Spanned<Notice>>,
    #[serde(default)]
    pub obligation: Vec<Spanned<Obligation>>,
    #[serde(default)]
    pub role: Vec<Spanned<Role>>,
    /// How shared costs are split between the parties.
    #[serde(default)]
    pub cost: Vec<Spanned<Cost>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    pub title: Spanned<String>,
    pub split: Spanned<Split>,
    pub amount_sek: Option<Spanned<u64>>,
    pub per: Option<Spanned<CostPer>>,
}

/// Percent per side or per party, or by population.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Split {
    Shares(std::collections::BTreeMap<String, u32>),
    Basis(SplitBasis),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SplitBasis {
    Population,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CostPer {
    #[default]
    Year,
    Once,
}

impl CostPer {
    pub fn as_str(self) -> &'static str {
        match self {
            CostPer::Year => "year",
            CostPer::Once => "once",
        }
    }
}

impl Agreement {
    pub fn has_association(&self, party: &str) -> bool {
        self.associations.iter().any(|p| p.get_ref() == party)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    pub months: Spanned<u32>,
    pub notice_months: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub until: Spanned<Date>,
    pub decided: Option<Spanned<DayOrMonth>>,
    pub reference: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    pub notice_months: Spanned<u32>,
    #[serde(default)]
    pub counted_from: CountedFrom,
    pub handled_by: Option<Spanned<String>>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountedFrom {
    #[default]
    Received,
    Handled,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub party: Spanned<String>,
    pub received: Spanned<Date>,
    pub handled: Option<Spanned<Date>>,
}

/// Completions of a duty of each party: party id → days (or months) it did it.
pub type DoneBy = std::collections::BTreeMap<Spanned<String>, Vec<Spanned<DayOrMonth>>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// A body or party id, or `each-party` / `parties` (see [`super::duty::Owner`]).
    pub owner: Spanned<String>,
    pub due: Option<Spanned<DayOrMonth>>,
    pub every_months: Option<Spanned<u32>>,
    pub due_each_year: Option<Spanned<super::duty::MonthDay>>,
    #[serde(default)]
    pub done: Vec<Spanned<DayOrMonth>>,
    /// `each-party` duties: completions per party id.
    pub done_by: Option<Spanned<DoneBy>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub role: Spanned<RoleKind>,
    pub party: Spanned<String>,
    pub holder: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub from: Spanned<Date>,
    pub to: Option<Spanned<Date>>,
    pub notified: Option<Spanned<Date>>,
}

impl Role {
    pub fn covers(&self, day: chrono::NaiveDate) -> bool {
        self.from.get_ref().0 <= day && self.to.as_ref().is_none_or(|t| day <= t.get_ref().0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleKind {
    PartnerOwner,
    PartnerCoordinator,
    Coordinator,
}

impl RoleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::PartnerOwner => "partner-owner",
            RoleKind::PartnerCoordinator => "partner-coordinator",
            RoleKind::Coordinator => "coordinator",
        }
    }
}
