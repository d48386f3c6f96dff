//! `graph`: the structure as a diagram.

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::json;
use crate::session::Session;
use crate::views;

pub fn graph(session: &Session) -> Result<u8, Error> {
    let format = session.format("graph")?;
    let reg = session.registry_of(Parts::STRUCTURE)?;
    let lang = session.lang(&reg);
    let view = views::graph::build(&reg);
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Dot => crate::render::graph::dot(&view, lang),
        _ => crate::render::graph::mermaid(&view, lang),
    })?;
    Ok(exit::OK)
}
