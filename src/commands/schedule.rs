//! `schedule`: meetings and dated events of a period.

use crate::cli::{Format, ScheduleArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::{Rendered, deliver};
use crate::render::{csv, ics, json, markdown, table, xlsx};
use crate::session::Session;
use crate::views;

pub fn schedule(session: &Session, args: &ScheduleArgs) -> Result<u8, Error> {
    let format = session.format("schedule")?;
    let (from, to) = views::schedule::period(session.today, args.year, args.from, args.to)?;
    let reg = session.registry_of(Parts {
        cases: false,
        ..Parts::ALL
    })?;
    let lang = session.lang(&reg);
    let view = views::schedule::build(&reg, from, to, args.body.as_deref())?;
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::schedule(&view, lang)?),
        Format::Json => Rendered::Text(json::view(&view)),
        Format::Csv => Rendered::Text(csv::schedule(&view, lang)),
        Format::Md => Rendered::Text(markdown::schedule(&view, lang)),
        Format::Ics => Rendered::Text(ics::schedule(&view, reg.name(), session.today, lang)),
        _ => Rendered::Text(table::schedule(&view, lang)),
    };
    deliver(args.out.as_deref(), rendered)?;
    Ok(exit::OK)
}
