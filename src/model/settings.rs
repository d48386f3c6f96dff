//! `registry.toml`: settings for the whole registry.

use std::collections::BTreeMap;

use crate::model::Spanned;
use serde::Deserialize;

use crate::calendar::HolidayCalendar;
use crate::i18n::Lang;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub name: Spanned<String>,
    #[serde(default)]
    pub holidays: Holidays,
    /// The output language when neither `--lang` nor `SAMVERKAN_LANG` says.
    pub language: Option<Lang>,
    /// Severity overrides by rule code.
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, Spanned<Level>>,
}

#[derive(Debug, Default, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Holidays {
    #[default]
    #[serde(rename = "SE")]
    Se,
    #[serde(rename = "none")]
    None,
}

impl Holidays {
    pub fn calendar(self) -> HolidayCalendar {
        match self {
            Holidays::Se => HolidayCalendar::Swedish,
            Holidays::None => HolidayCalendar::None,
        }
    }
}

/// How a rule's findings count: as errors, as warnings, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warn,
    Allow,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Allow => "allow",
        }
    }
}
