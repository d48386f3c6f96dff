//! samverkan: check and report on a registry of cooperation between Swedish regions and
//! municipalities in health and social care.
//!
//! Data flows one way: [`load`] (files or a git revision) → [`model`] → [`rules`] →
//! [`views`] → [`render`]. [`app`] wires a command line to that flow through [`commands`], one per subcommand.

pub mod app;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod error;
pub mod finding;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod rules;
pub mod schema;
pub mod session;
pub mod source;
pub mod suggest;
pub mod views;

/// Runs the command line and returns the exit status.
pub fn main() -> u8 {
    app::main()
}
