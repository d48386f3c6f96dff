//! `schedule`: meetings and dated events of a period.

use crate::cli::{Format, ScheduleArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::{csv, ics, json, markdown, table};
use crate::session::Session;
use crate::views;

use super::CALENDARS;

pub fn schedule(session: &Session, args: &ScheduleArgs) -> Result<u8, Error> {
    let format = session.format("schedule", CALENDARS)?;
    let (from, to) = views::schedule::period(session.today, args.year, args.from, args.to)?;
    let reg = session.registry_of(Parts {
        cases: false,
        ..Parts::ALL
    })?;
    let view = views::schedule::build(&reg, from, to, args.body.as_deref())?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::schedule(&view),
        Format::Md => markdown::schedule(&view),
        Format::Ics => ics::schedule(&view, reg.name(), session.today),
        _ => table::schedule(&view),
    })?;
    Ok(exit::OK)
}
