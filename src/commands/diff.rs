//! `diff`: what changed between two revisions.

use crate::cli::Format;
use crate::error::{Error, exit};
use crate::finding::Finding;
use crate::model::Registry;
use crate::output::emit;
use crate::render::{json, markdown};
use crate::session::Session;
use crate::views;

pub fn diff(session: &Session, rev: &str, rev2: Option<&str>) -> Result<u8, Error> {
    let format = session.format("diff")?;
    let (old, new) = session.load_sides(rev, rev2).map_err(Error::Registry)?;
    let side = |rev: Option<&str>, (reg, mut findings): (Registry, Vec<Finding>)| {
        if findings.iter().any(Finding::is_fatal) {
            let which = rev.unwrap_or("the working tree");
            return Err(Error::Registry(format!(
                "the registry at {which} cannot be read; run `samverkan check{}`",
                rev.map(|r| format!(" --at {r}")).unwrap_or_default()
            )));
        }
        findings.extend(crate::rules::check(&reg, session.today));
        let findings = crate::rules::apply_levels(&reg, findings);
        Ok((reg, findings))
    };
    let (old, old_findings) = side(Some(rev), old)?;
    let (new, new_findings) = side(rev2, new)?;
    // The registry as the change leaves it says which language it speaks.
    let lang = session.lang(&new);
    let view = views::diff::build((rev, &old, &old_findings), (rev2, &new, &new_findings));
    emit(&match format {
        Format::Json => json::view(&view),
        _ => markdown::diff(&view, lang),
    })?;
    let introduced_errors = view.introduced.iter().any(|f| f.severity == "error");
    Ok(if introduced_errors {
        exit::FINDINGS
    } else {
        exit::OK
    })
}
