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
    let findings = crate::rules::apply_levels(&reg, crate::rules::check(&reg, session.today));
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&session.today) - 1);
    let view = views::report::build(&reg, year, &findings)?;
    emit(&match format {
        Format::Json => json::view(&view),
        _ => markdown::report(&view),
    })?;
    Ok(exit::OK)
}
