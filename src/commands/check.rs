//! `check`: every rule over the whole registry.

use std::io::IsTerminal;

use crate::cli::{CheckArgs, Format};
use crate::error::{Error, exit};
use crate::finding::{Finding, Severity};
use crate::model::Registry;
use crate::output::emit;
use crate::render;
use crate::session::Session;

pub fn check(session: &Session, args: &CheckArgs) -> Result<u8, Error> {
    let format = session.format("check", &[Format::Text, Format::Json, Format::Github])?;
    for code in &args.skip {
        match crate::rules::find(code) {
            None => {
                return Err(Error::Usage(format!(
                    "--skip {code}: no rule has that code; `samverkan rules` lists them"
                )));
            }
            Some(rule) if crate::finding::FATAL_CODES.contains(&rule.code) => {
                return Err(Error::Usage(format!(
                    "--skip {code}: a registry that cannot be read cannot be checked"
                )));
            }
            Some(_) => {}
        }
    }
    let (reg, mut findings) = match session.load() {
        Ok((reg, mut findings)) => {
            if !findings.iter().any(Finding::is_fatal) {
                findings.extend(crate::rules::check(&reg, session.today));
            }
            let findings = crate::rules::apply_levels(&reg, findings);
            (reg, findings)
        }
        Err(why) => (
            Registry::default(),
            vec![Finding {
                code: crate::rules::loading::UNREADABLE_FILE.code,
                severity: Severity::Error,
                location: None,
                message: crate::msg!("load-registry-unreadable", reason = why),
            }],
        ),
    };
    findings.retain(|f| !args.skip.iter().any(|code| code == f.code));
    let prefix = session.display_prefix();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let lang = session.lang(&reg);
    let out = match format {
        Format::Json => render::findings::json(&reg.sources, &findings),
        Format::Github => render::findings::github(&reg.sources, &findings, &prefix, lang),
        _ => render::findings::text(&reg.sources, &findings, &prefix, color, lang),
    };
    emit(&out)?;
    // The process ends right after this: freeing a national registry piece by piece would
    // cost a tenth of the run and give nothing back.
    std::mem::forget(reg);
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    let warnings = findings.iter().any(|f| f.severity == Severity::Warning);
    Ok(if findings.iter().any(Finding::is_fatal) {
        exit::CANNOT_RUN
    } else if errors || (args.deny_warnings && warnings) {
        exit::FINDINGS
    } else {
        exit::OK
    })
}
