//! `report`: the yearly report.

use std::path::Path;

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::output::{Rendered, deliver};
use crate::render::{json, markdown, xlsx};
use crate::session::Session;
use crate::views;

pub fn report(session: &Session, year: Option<i32>, out: Option<&Path>) -> Result<u8, Error> {
    let format = session.format("report", &[Format::Md, Format::Json, Format::Xlsx])?;
    let reg = session.registry()?;
    let lang = session.lang(&reg);
    let findings = crate::rules::apply_levels(&reg, crate::rules::check(&reg, session.today));
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&session.today) - 1);
    let view = views::report::build(&reg, year, &findings)?;
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::report(&view, lang)?),
        Format::Json => Rendered::Text(json::view(&view)),
        _ => Rendered::Text(markdown::report(&view, lang)),
    };
    deliver(out, rendered)?;
    Ok(exit::OK)
}
