//! `report`: the yearly report.

use std::path::Path;

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::output::{Rendered, deliver};
use crate::render::{json, markdown, xlsx};
use crate::session::Session;
use crate::views;

pub fn report(session: &Session, year: Option<i32>, out: Option<&Path>) -> Result<u8, Error> {
    let format = session.format("report")?;
    let reg = session.registry()?;
    let lang = session.lang(&reg);
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&session.today) - 1);
    let as_of = views::report::as_of(year, session.today)?;
    // The findings of a check on the report's day: the rules that depend on today.
    let findings = crate::rules::apply_levels(&reg, crate::rules::check(&reg, as_of));
    let view = views::report::build(&reg, year, as_of, &findings)?;
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::report(&view, lang)?),
        Format::Json => Rendered::Text(json::view(&view)),
        _ => Rendered::Text(markdown::report(&view, lang)),
    };
    deliver(out, rendered)?;
    Ok(exit::OK)
}
