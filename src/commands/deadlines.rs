//! `deadlines`: every upcoming deadline from today.

use crate::cli::{DeadlinesArgs, Format};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::{csv, ics, json, markdown, table};
use crate::session::Session;
use crate::views;

use super::CALENDARS;

pub fn deadlines(session: &Session, args: &DeadlinesArgs) -> Result<u8, Error> {
    let format = session.format("deadlines", CALENDARS)?;
    let reg = session.registry_of(Parts {
        rosters: true,
        cases: true,
        ..Parts::STRUCTURE
    })?;
    let view = views::deadlines::build(&reg, session.today, args.within);
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::deadlines(&view),
        Format::Md => markdown::deadlines(&view),
        Format::Ics => ics::deadlines(&view, reg.name()),
        _ => table::deadlines(&view),
    })?;
    Ok(exit::OK)
}
