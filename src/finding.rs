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

/// The code of the finding `check --format json` prints when the command line itself is
/// wrong (an unknown `--skip` code, a day that does not exist): no rule's, since nothing in
/// the registry is at fault, and distinct from `unreadable-file`, which blames the files.
pub const USAGE: &str = "usage";

/// Codes whose findings mean the check could not run (exit 2): the registry could not be
/// read as a whole, or the command line was wrong.
pub const FATAL_CODES: [&str; 3] = ["toml-syntax", "unreadable-file", USAGE];

impl Finding {
    pub fn is_fatal(&self) -> bool {
        FATAL_CODES.contains(&self.code)
    }
}
