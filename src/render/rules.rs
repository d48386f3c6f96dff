//! The rule list (`samverkan rules`) and one rule's page (`samverkan explain`).

use std::fmt::Write;

use serde::Serialize;

use crate::cli::Format;
use crate::i18n::Lang;
use crate::model::settings::Level;
use crate::rules::Rule;
use crate::tr;

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    family: &'a str,
    severity: &'a str,
    summary: String,
}

/// The rule table: JSON in English for scripts, the table and Markdown in `lang`.
pub fn list(rules: &[&Rule], format: Format, lang: Lang) -> String {
    match format {
        Format::Json => {
            let rows: Vec<JsonRule> = rules
                .iter()
                .map(|r| JsonRule {
                    code: r.code,
                    family: r.family,
                    severity: r.default_level.as_str(),
                    summary: r.summary(Lang::En),
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&serde_json::json!({ "rules": rows }))
                .expect("rules serialize");
            s.push('\n');
            s
        }
        Format::Md => {
            let mut s = format!("| {} |\n|---|---|---|---|\n", headings(lang).join(" | "));
            for r in rules {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} |",
                    r.code,
                    r.family,
                    level(lang, r.default_level),
                    r.summary(lang).replace('|', "\\|")
                );
            }
            s
        }
        _ => {
            let mut table = super::table::plain_table();
            table.set_header(headings(lang));
            for r in rules {
                table.add_row([
                    r.code.to_owned(),
                    r.family.to_owned(),
                    level(lang, r.default_level),
                    r.summary(lang),
                ]);
            }
            format!("{table}\n")
        }
    }
}

fn headings(lang: Lang) -> [String; 4] {
    [
        tr!(lang, "rules-code"),
        tr!(lang, "rules-family"),
        tr!(lang, "rules-severity"),
        tr!(lang, "rules-fires-when"),
    ]
}

/// A rule's level as people read it: `error` / `fel`.
fn level(lang: Lang, level: Level) -> String {
    match level {
        Level::Error => tr!(lang, "level-error"),
        Level::Warn => tr!(lang, "level-warn"),
        Level::Allow => tr!(lang, "level-allow"),
    }
}

/// One rule's page in `lang`, under a line with its code, family and default severity.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let mut s = tr!(
        lang,
        "explain-heading",
        code = rule.code,
        family = rule.family,
        severity = level(lang, rule.default_level)
    );
    s.push_str("\n\n");
    s.push_str(rule.doc(lang).trim_end());
    s.push('\n');
    s
}
