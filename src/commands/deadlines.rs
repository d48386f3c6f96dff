//! `deadlines`: every upcoming deadline from today.

use crate::cli::{DeadlinesArgs, Format};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::{Rendered, deliver};
use crate::render::{csv, ics, json, markdown, table, xlsx};
use crate::session::Session;
use crate::views;

pub fn deadlines(session: &Session, args: &DeadlinesArgs) -> Result<u8, Error> {
    let format = session.format("deadlines")?;
    let reg = session.registry_of(Parts {
        rosters: true,
        cases: true,
        ..Parts::STRUCTURE
    })?;
    let view = views::deadlines::build(&reg, session.today, args.within);
    let lang = session.lang(&reg);
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::deadlines(&view, lang)?),
        Format::Json => Rendered::Text(json::deadlines(&view)),
        Format::Csv => Rendered::Text(csv::deadlines(&view, lang)),
        Format::Md => Rendered::Text(markdown::deadlines(&view, lang)),
        Format::Ics => Rendered::Text(ics::deadlines(&view, reg.name(), lang)),
        _ => Rendered::Text(table::deadlines(&view, lang)),
    };
    deliver(args.out.as_deref(), rendered)?;
    Ok(exit::OK)
}
