//! `roster`: who sits in a body on a day.

use crate::cli::{Format, RosterArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::{csv, json, markdown, table};
use crate::session::Session;
use crate::views;

use super::LISTS;

pub fn roster(session: &Session, args: &RosterArgs) -> Result<u8, Error> {
    let format = session.format("roster", LISTS)?;
    let reg = session.registry_of(Parts {
        rosters: true,
        ..Parts::STRUCTURE
    })?;
    let view = views::roster::build(&reg, args.body.as_deref(), args.on.unwrap_or(session.today))?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::roster(&view),
        Format::Md => markdown::roster(&view),
        _ => table::roster(&view),
    })?;
    Ok(exit::OK)
}
