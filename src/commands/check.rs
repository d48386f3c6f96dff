//! `check`: every rule over the whole registry.

use std::collections::HashMap;
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
    match findings(session, args) {
        Ok((reg, findings)) => {
            let code = report(session, args, format, &reg, &findings);
            // The process ends right after this: freeing a national registry piece by
            // piece would cost a tenth of the run and give nothing back.
            std::mem::forget(reg);
            code
        }
        // cli.md: `--format json` prints its document in every case; the finding says why.
        Err(e) if format == Format::Json => {
            let (code, message) = match e {
                Error::Usage(why) => (crate::finding::USAGE, why),
                other => (
                    crate::rules::loading::UNREADABLE_FILE.code,
                    other.to_string(),
                ),
            };
            usage_json(code, message)
        }
        Err(e) => Err(e),
    }
}

/// The findings to report, with the registry they point into.
fn findings(session: &Session, args: &CheckArgs) -> Result<(Registry, Vec<Finding>), Error> {
    for code in &args.skip {
        match crate::rules::find(code) {
            None => {
                let hint =
                    crate::suggest::closest(code, crate::rules::all().iter().map(|r| r.code))
                        .map(|c| format!("did you mean `{c}`? "))
                        .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "--skip {code}: no rule has that code; {hint}`samverkan rules` lists them"
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
        Ok((reg, findings)) => {
            let findings = all_findings(session, &reg, findings);
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
    if let Some(rev) = &args.baseline {
        findings = new_since(session, rev, &reg, findings)?;
    }
    Ok((reg, findings))
}

/// The loader's findings and, when the registry could be read, every rule's, at the
/// severities the registry sets.
fn all_findings(session: &Session, reg: &Registry, mut findings: Vec<Finding>) -> Vec<Finding> {
    if !findings.iter().any(Finding::is_fatal) {
        findings.extend(crate::rules::check(reg, session.today));
    }
    crate::rules::apply_levels(reg, findings)
}

/// The findings that are not in revision `rev` (same code, file and message; as many times
/// as they were there), so that a pull request answers only for what it brings. A revision
/// without a registry yet has no findings.
fn new_since(
    session: &Session,
    rev: &str,
    reg: &Registry,
    findings: Vec<Finding>,
) -> Result<Vec<Finding>, Error> {
    let (base, base_findings) = session
        .load_side(Some(rev))
        .map_err(|why| Error::Registry(format!("--baseline {rev}: {why}")))?;
    let base_findings = all_findings(session, &base, base_findings);
    let mut known: HashMap<_, usize> = HashMap::new();
    for f in &base_findings {
        *known
            .entry(render::findings::identity(&base.sources, f))
            .or_default() += 1;
    }
    let mut new = Vec::new();
    for f in findings {
        match known.get_mut(&render::findings::identity(&reg.sources, &f)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push(f),
        }
    }
    Ok(new)
}

fn report(
    session: &Session,
    args: &CheckArgs,
    format: Format,
    reg: &Registry,
    findings: &[Finding],
) -> Result<u8, Error> {
    let prefix = session.display_prefix();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let lang = session.lang(reg);
    let out = match format {
        Format::Json => render::findings::json(&reg.sources, findings),
        Format::Github => render::findings::github(&reg.sources, findings, &prefix, lang),
        _ => render::findings::text(&reg.sources, findings, &prefix, color, lang),
    };
    emit(&out)?;
    if format == Format::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        let summary =
            render::findings::step_summary(&reg.sources, findings, args.baseline.as_deref(), lang);
        append(std::path::Path::new(&path), &summary)
            .map_err(|e| Error::Registry(format!("cannot write the step summary: {e}")))?;
    }
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

/// Appends `text` in one write to a file opened for appending, so that steps writing to
/// the same summary never interleave within it.
fn append(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// The `check --format json` document of a check that could not run: one finding saying
/// why. Exit 2.
pub fn usage_json(code: &'static str, message: String) -> Result<u8, Error> {
    let finding = Finding {
        code,
        severity: Severity::Error,
        location: None,
        message: crate::msg!("usage", message = message),
    };
    emit(&render::findings::json(&Default::default(), &[finding]))?;
    Ok(exit::CANNOT_RUN)
}
