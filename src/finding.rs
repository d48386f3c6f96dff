//! A finding: what a rule or the loader reports, with its place in the registry.

use crate::source::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// None for findings about the registry as a whole (a missing directory).
    pub location: Option<Location>,
    pub message: String,
}

/// Codes whose findings mean the registry could not be read as a whole (exit 2).
pub const FATAL_CODES: [&str; 2] = ["toml-syntax", "unreadable-file"];

impl Finding {
    pub fn is_fatal(&self) -> bool {
        FATAL_CODES.contains(&self.code)
    }
}
