//! The report commands: each builds its view from the registry and renders it.
//! (Being written: each returns a usage error until its view lands.)

use crate::app::Session;
use crate::cli::{DeadlinesArgs, NoticeArgs, RosterArgs, RotationArgs, ScheduleArgs};
use crate::error::Error;

fn pending(command: &str) -> Result<u8, Error> {
    Err(Error::Usage(format!("`{command}` is not available yet")))
}

pub fn roster(_session: &Session, _args: &RosterArgs) -> Result<u8, Error> {
    pending("roster")
}

pub fn schedule(_session: &Session, _args: &ScheduleArgs) -> Result<u8, Error> {
    pending("schedule")
}

pub fn deadlines(_session: &Session, _args: &DeadlinesArgs) -> Result<u8, Error> {
    pending("deadlines")
}

pub fn notice(_session: &Session, _args: &NoticeArgs) -> Result<u8, Error> {
    pending("notice")
}

pub fn rotation(_session: &Session, _args: &RotationArgs) -> Result<u8, Error> {
    pending("rotation")
}
