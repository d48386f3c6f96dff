//! `rules` and `explain`: the rule table and one rule's page.

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::output::emit;
use crate::session::Session;

pub fn rules(session: &Session) -> Result<u8, Error> {
    let format = session.format("rules", &[Format::Table, Format::Json, Format::Md])?;
    let lang = session.lang_without_registry();
    emit(&crate::render::rules::list(
        crate::rules::all(),
        format,
        lang,
    ))?;
    Ok(exit::OK)
}
pub fn explain(session: &Session, code: &str) -> Result<u8, Error> {
    let rule = crate::rules::find(code).ok_or_else(|| {
        Error::Usage(format!(
            "no rule has the code {code:?}; `samverkan rules` lists them"
        ))
    })?;
    session.format("explain", &[Format::Md])?;
    emit(&crate::render::rules::explain(
        rule,
        session.lang_without_registry(),
    ))?;
    Ok(exit::OK)
}
