//! Findings as text (with the offending line), JSON and GitHub annotations.

use std::fmt::Write;

use serde::Serialize;

use super::sanitize;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::Sources;
use crate::tr;

/// Where a finding points, resolved for printing.
struct Place<'a> {
    /// Relative to the registry root.
    file: &'a str,
    line: usize,
    column: usize,
    source_line: &'a str,
    /// Width in characters of the marked part of the line (at least 1).
    width: usize,
}

fn place<'a>(sources: &'a Sources, f: &Finding) -> Option<Place<'a>> {
    let loc = f.location.as_ref()?;
    let file = sources.get(loc.file);
    let (line, column) = file.line_col(loc.span.start);
    let source_line = file.line_text(line);
    let (end_line, end_column) = file.line_col(loc.span.end);
    let width = if end_line == line && end_column > column {
        end_column - column
    } else {
        source_line
            .chars()
            .count()
            .saturating_sub(column - 1)
            .max(1)
    };
    Some(Place {
        file: &file.path,
        line,
        column,
        source_line,
        width,
    })
}

fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// `file:line:col: severity[code]: message`, the source line and a marker under the spot;
/// `prefix` is the registry path as the user gave it, so paths open from where they ran.
pub fn text(
    sources: &Sources,
    findings: &[Finding],
    prefix: &str,
    color: bool,
    lang: Lang,
) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    for f in findings {
        let severity = match f.severity {
            Severity::Error => paint("1;31", &tr!(lang, "severity-error")),
            Severity::Warning => paint("1;33", &tr!(lang, "severity-warning")),
        };
        let rendered = f.message.render(lang);
        let message = sanitize::terminal(&rendered);
        match place(sources, f) {
            Some(p) => {
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {severity}[{}]: {message}",
                    sanitize::terminal(&join(prefix, p.file)),
                    p.line,
                    p.column,
                    f.code
                );
                if !p.source_line.is_empty() {
                    let gutter = p.line.to_string().len();
                    let shown = sanitize::terminal(p.source_line);
                    let _ = writeln!(out, "{:gutter$} |", "");
                    let _ = writeln!(out, "{} | {shown}", p.line);
                    let _ = writeln!(
                        out,
                        "{:gutter$} | {}{}",
                        "",
                        " ".repeat(p.column - 1),
                        paint("1;36", &"^".repeat(p.width))
                    );
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}: {severity}[{}]: {message}",
                    sanitize::terminal(prefix),
                    f.code
                );
            }
        }
    }
    let (errors, warnings) = counts(findings);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "check-summary",
            errors = tr!(lang, "count-errors", count = errors),
            warnings = tr!(lang, "count-warnings", count = warnings)
        )
    );
    out
}

fn join(prefix: &str, file: &str) -> String {
    if prefix.is_empty() || prefix == "." {
        file.to_owned()
    } else {
        format!("{}/{file}", prefix.trim_end_matches('/'))
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    /// English, whatever the output language: JSON is for scripts.
    message: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    /// The version of the document's shape (cli.md): 1.
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    errors: usize,
    warnings: usize,
}

/// The `check --format json` document of cli.md; `file` relative to the registry root.
pub fn json(sources: &Sources, findings: &[Finding]) -> String {
    let (errors, warnings) = counts(findings);
    let report = JsonReport {
        version: 1,
        findings: findings
            .iter()
            .map(|f| {
                let p = place(sources, f);
                JsonFinding {
                    code: f.code,
                    severity: f.severity.as_str(),
                    file: p.as_ref().map(|p| p.file),
                    line: p.as_ref().map(|p| p.line),
                    column: p.as_ref().map(|p| p.column),
                    message: f.message.english(),
                }
            })
            .collect(),
        errors,
        warnings,
    };
    let mut s = serde_json::to_string_pretty(&report).expect("findings serialize");
    s.push('\n');
    s
}

/// One workflow command per finding, for GitHub Actions annotations: the commands are
/// GitHub's syntax, the message is in the output language.
pub fn github(sources: &Sources, findings: &[Finding], prefix: &str, lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = sanitize::github_message(&format!("{}: {}", f.code, f.message.render(lang)));
        match place(sources, f) {
            Some(p) => {
                let _ = writeln!(
                    out,
                    "::{level} file={},line={},col={}::{message}",
                    sanitize::github_property(&join(prefix, p.file)),
                    p.line,
                    p.column,
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "::{level} title={}::{message}",
                    sanitize::github_property(f.code)
                );
            }
        }
    }
    out
}

/// `error` / `fel`, `warning` / `varning`.
fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => tr!(lang, "severity-error"),
        Severity::Warning => tr!(lang, "severity-warning"),
    }
}

/// A Markdown summary for the job's page (`$GITHUB_STEP_SUMMARY`): counts and every
/// finding, since GitHub shows only the first ten annotations of a step. `baseline` is the
/// revision whose findings were left out, if any.
pub fn step_summary(
    sources: &Sources,
    findings: &[Finding],
    baseline: Option<&str>,
    lang: Lang,
) -> String {
    let (errors, warnings) = counts(findings);
    let mut out = String::from("## samverkan check\n\n");
    let counts = tr!(
        lang,
        "check-summary",
        errors = tr!(lang, "count-errors", count = errors),
        warnings = tr!(lang, "count-warnings", count = warnings)
    );
    let _ = writeln!(out, "{counts}");
    if let Some(rev) = baseline {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                lang,
                "check-summary-baseline",
                rev = sanitize::markdown(rev)
            )
        );
    }
    if !findings.is_empty() {
        let _ = write!(
            out,
            "\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
            tr!(lang, "check-summary-severity"),
            tr!(lang, "check-summary-rule"),
            tr!(lang, "check-summary-place"),
            tr!(lang, "check-summary-message")
        );
        for f in findings {
            let at = place(sources, f)
                .map(|p| format!("{}:{}:{}", p.file, p.line, p.column))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                severity_word(f.severity, lang),
                f.code,
                sanitize::markdown(&at),
                sanitize::markdown(&f.message.render(lang))
            );
        }
    }
    out.push('\n');
    out
}

/// The file, code and message of each finding: what `check --baseline` compares.
pub fn identity(sources: &Sources, f: &Finding) -> (&'static str, Option<String>, String) {
    let file = f
        .location
        .as_ref()
        .map(|l| sources.get(l.file).path.clone());
    (f.code, file, f.message.english())
}
