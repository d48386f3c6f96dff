//! The commands: each picks its format, gets what it needs from the registry (a view in
//! `crate::views`, findings from `crate::rules`) and renders it (`crate::render`).

use crate::cli::Format;

mod check;
mod completions;
mod deadlines;
mod diff;
mod graph;
mod init;
mod notice;
mod report;
mod roster;
mod rotation;
mod rules;
mod schedule;
mod schema;

pub use check::{check, usage_json as check_usage_json};
pub use completions::{completions, man};
pub use deadlines::deadlines;
pub use diff::diff;
pub use graph::graph;
pub use init::init;
pub use notice::notice;
pub use report::report;
pub use roster::roster;
pub use rotation::rotation;
pub use rules::{explain, rules};
pub use schedule::schedule;
pub use schema::schema;

/// The formats of a list view.
const LISTS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Md,
    Format::Xlsx,
];
/// The formats of a view with dates, which calendars can take too.
const CALENDARS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Md,
    Format::Ics,
    Format::Xlsx,
];
