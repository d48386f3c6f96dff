//! `rotation`: chair sides per year of a body.

use crate::cli::{Format, RotationArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::{csv, json, markdown, table};
use crate::session::Session;
use crate::views;

use super::LISTS;

pub fn rotation(session: &Session, args: &RotationArgs) -> Result<u8, Error> {
    let format = session.format("rotation", LISTS)?;
    let reg = session.registry_of(Parts {
        cases: false,
        ..Parts::ALL
    })?;
    let view = views::rotation::build(&reg, &args.body, args.from, args.to, session.today)?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::rotation(&view),
        Format::Md => markdown::rotation(&view),
        _ => table::rotation(&view),
    })?;
    Ok(exit::OK)
}
