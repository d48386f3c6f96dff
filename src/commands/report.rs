//! `report`: the yearly report.

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::output::emit;
use crate::render::{json, markdown};
use crate::session::Session;
use crate::views;

pub fn report(session: &Session, year: Option<i32>) -> Result<u8, Error> {
    let format = session.format("report")?;
    let reg = session.registry()?;
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&session.today) - 1);
    let as_of = views::report::as_of(year, session.today)?;
    // The findings of a check on the report's day: the rules that depend on today.
    let findings = crate::rules::apply_levels(&reg, crate::rules::check(&reg, as_of));
    let view = views::report::build(&reg, year, as_of, &findings)?;
    emit(&match format {
        Format::Json => json::view(&view),
        _ => markdown::report(&view),
    })?;
    Ok(exit::OK)
}
