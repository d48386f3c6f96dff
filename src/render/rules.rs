//! The rule list (`samverkan rules`) and one rule's page (`samverkan explain`).

use std::fmt::Write;

use serde::Serialize;

use crate::cli::Format;
use crate::rules::Rule;

#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    family: &'a str,
    severity: &'a str,
    summary: &'a str,
}

pub fn list(rules: &[&Rule], format: Format) -> String {
    match format {
        Format::Json => {
            let rows: Vec<JsonRule> = rules
                .iter()
                .map(|r| JsonRule {
                    code: r.code,
                    family: r.family,
                    severity: r.default_level.as_str(),
                    summary: r.summary,
                })
                .collect();
            #[derive(Serialize)]
            struct Rules<'a> {
                rules: Vec<JsonRule<'a>>,
            }
            super::json::view(&Rules { rules: rows })
        }
        Format::Md => {
            let mut s =
                String::from("| code | family | severity | fires when |\n|---|---|---|---|\n");
            for r in rules {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} |",
                    r.code,
                    r.family,
                    r.default_level.as_str(),
                    r.summary.replace('|', "\\|")
                );
            }
            s
        }
        _ => {
            let mut table = super::table::plain_table();
            table.set_header(["code", "family", "severity", "fires when"]);
            for r in rules {
                table.add_row([r.code, r.family, r.default_level.as_str(), r.summary]);
            }
            format!("{table}\n")
        }
    }
}

pub fn explain(rule: &Rule) -> String {
    let mut s = format!(
        "{} ({}, default severity: {})\n\n",
        rule.code,
        rule.family,
        rule.default_level.as_str()
    );
    s.push_str(rule.doc.trim_end());
    s.push('\n');
    s
}
