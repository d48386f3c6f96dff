//! `meetings/<year>.toml`: the meetings of one year, all bodies.

use crate::model::Spanned;
use serde::Deserialize;

use super::date::MeetingTime;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingsFile {
    #[serde(default)]
    pub meeting: Vec<Spanned<Meeting>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub body: Spanned<String>,
    pub date: Spanned<MeetingTime>,
    pub kind: Option<Spanned<MeetingKind>>,
    /// Boxed, as `place`: a year can hold hundreds of thousands of meetings, most without.
    pub host: Option<Box<Spanned<String>>>,
    pub place: Option<Box<Spanned<String>>>,
    /// When the meeting ends (else it lasts its body's `duration_minutes`).
    pub end: Option<Spanned<MeetingTime>>,
    /// Attendance, where recorded: ordinary members who were away …
    pub absent: Option<Box<Vec<Spanned<String>>>>,
    /// … and substitutes who sat in. Boxed: most meetings record neither.
    pub substitutes: Option<Box<Vec<Spanned<String>>>>,
    /// A reference to the minutes ("Protokoll 2026-03-20 § 4").
    pub minutes: Option<Box<Spanned<String>>>,
}

impl Meeting {
    /// `kind`, by default `ordinary`.
    pub fn kind(&self) -> MeetingKind {
        self.kind
            .as_ref()
            .map_or(MeetingKind::Ordinary, |k| *k.get_ref())
    }

    pub fn day(&self) -> chrono::NaiveDate {
        self.date.get_ref().date
    }

    /// Whether the meeting records attendance (`absent` or `substitutes`): rules on
    /// attendance apply only then.
    pub fn records_attendance(&self) -> bool {
        self.absent.is_some() || self.substitutes.is_some()
    }

    /// The ordinary members recorded away.
    pub fn absent(&self) -> &[Spanned<String>] {
        self.absent.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The substitutes recorded sitting in.
    pub fn substitutes(&self) -> &[Spanned<String>] {
        self.substitutes.as_deref().map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingKind {
    Ordinary,
    Extra,
    Ledningsdialog,
    Seminar,
    Bilateral,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Ordinary => "ordinary",
            MeetingKind::Extra => "extra",
            MeetingKind::Ledningsdialog => "ledningsdialog",
            MeetingKind::Seminar => "seminar",
            MeetingKind::Bilateral => "bilateral",
        }
    }
}
