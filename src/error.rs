//! Why a command could not run, and the exit codes.

use std::fmt;

/// Exit statuses of the command line contract.
pub mod exit {
    pub const OK: u8 = 0;
    /// Error findings (or warnings with --deny-warnings).
    pub const FINDINGS: u8 = 1;
    /// Could not run: usage, unreadable registry, broken TOML, unknown revision.
    pub const CANNOT_RUN: u8 = 2;
}

#[derive(Debug)]
pub enum Error {
    /// The command line asks for something that does not exist or does not fit together.
    Usage(String),
    /// The registry could not be read or is not fit to answer the question.
    Registry(String),
    /// Writing the output failed.
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) => write!(f, "usage: {m}"),
            Error::Registry(m) => write!(f, "{m}"),
            Error::Io(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
