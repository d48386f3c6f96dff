//! `rotation`: chair sides per year of a body.

use crate::cli::{Format, RotationArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::{Rendered, deliver};
use crate::render::{csv, json, markdown, table, xlsx};
use crate::session::Session;
use crate::views;

pub fn rotation(session: &Session, args: &RotationArgs) -> Result<u8, Error> {
    let format = session.format("rotation")?;
    let reg = session.registry_of(Parts {
        cases: false,
        ..Parts::ALL
    })?;
    let lang = session.lang(&reg);
    let view = views::rotation::build(&reg, &args.body, args.from, args.to, session.today)?;
    let rendered = match format {
        Format::Xlsx => Rendered::Binary(xlsx::rotation(&view, lang)?),
        Format::Json => Rendered::Text(json::view(&view)),
        Format::Csv => Rendered::Text(csv::rotation(&view, lang)),
        Format::Md => Rendered::Text(markdown::rotation(&view, lang)),
        _ => Rendered::Text(table::rotation(&view, lang)),
    };
    deliver(args.out.as_deref(), rendered)?;
    Ok(exit::OK)
}
