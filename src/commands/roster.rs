//! `roster`: who sits in a body on a day.

use crate::cli::{Format, RosterArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::{Rendered, deliver};
use crate::render::{csv, json, markdown, table, xlsx};
use crate::session::Session;
use crate::views;

pub fn roster(session: &Session, args: &RosterArgs) -> Result<u8, Error> {
    let format = session.format("roster")?;
    let reg = session.registry_of(Parts {
        rosters: true,
        ..Parts::STRUCTURE
    })?;
    let lang = session.lang(&reg);
    let view = views::roster::build(&reg, args.body.as_deref(), args.on.unwrap_or(session.today))?;
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::roster(&view, lang)?),
        Format::Json => Rendered::Text(json::view(&view)),
        Format::Csv => Rendered::Text(csv::roster(&view, lang)),
        Format::Md => Rendered::Text(markdown::roster(&view, lang)),
        _ => Rendered::Text(table::roster(&view, lang)),
    };
    deliver(args.out.as_deref(), rendered)?;
    Ok(exit::OK)
}
