//! The commands: each picks its format, gets what it needs from the registry (a view in
//! `crate::views`, findings from `crate::rules`) and renders it (`crate::render`).

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
