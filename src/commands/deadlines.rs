//! `deadlines`: every upcoming deadline from today.

use crate::cli::{DeadlinesArgs, Format};
use crate::error::{Error, exit};
use crate::output::emit;
use crate::render::{csv, ics, json, markdown, table};
use crate::session::Session;
use crate::views;

pub fn deadlines(session: &Session, args: &DeadlinesArgs) -> Result<u8, Error> {
    let format = session.format("deadlines")?;
    let reg = session.registry()?;
    let view = views::deadlines::build(&reg, session.today, args.within);
    let lang = session.lang(&reg);
    emit(&match format {
        Format::Json => json::deadlines(&view),
        Format::Csv => csv::deadlines(&view, lang),
        Format::Md => markdown::deadlines(&view, lang),
        Format::Ics => ics::deadlines(&view, reg.name(), lang),
        _ => table::deadlines(&view, lang),
    })?;
    Ok(exit::OK)
}
