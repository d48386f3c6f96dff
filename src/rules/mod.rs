//! The rule registry: every check the tool makes, each a named code with a default
//! severity, its documentation (`docs/rules/<code>.md`, printed by `explain`) and its family
//! module, which holds the check and its tests.
//!
//! To find a rule from its code: the code is a constant in the family module named in the
//! table of [`all`] (`seat-limit` → `representation::SEAT_LIMIT`).

pub mod agreements;
pub mod cases;
pub mod loading;
pub mod meetings;
pub mod obligations;
pub mod parties;
pub mod representation;
pub mod roles;
pub mod rotation;

use chrono::NaiveDate;

use crate::finding::{Finding, Message, Severity};
use crate::i18n::Lang;
use crate::model::Registry;
use crate::model::settings::Level;
use crate::source::Location;

#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub family: &'static str,
    pub default_level: Level,
    /// What it checks, why (with the source document's section), a failing and a passing
    /// example: what `samverkan explain CODE` prints, in English and in Swedish.
    pub doc_en: &'static str,
    pub doc_sv: &'static str,
}

impl Rule {
    /// A finding of this rule at its default severity; [`apply_levels`] settles the final one.
    pub fn finding(&'static self, location: Location, message: Message) -> Finding {
        Finding {
            code: self.code,
            severity: match self.default_level {
                Level::Error => Severity::Error,
                Level::Warn | Level::Allow => Severity::Warning,
            },
            location: Some(location),
            message,
        }
    }

    /// One line for `samverkan rules`: `rule-<code>` of `locales/<lang>/rules.ftl`.
    pub fn summary(&self, lang: Lang) -> String {
        crate::i18n::text(lang, &format!("rule-{}", self.code), None)
    }

    /// The page `explain` prints in `lang`.
    pub fn doc(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.doc_en,
            Lang::Sv => self.doc_sv,
        }
    }
}

/// Declares a rule constant with its pages `docs/rules/<code>.md` (English) and
/// `docs/rules/sv/<code>.md` (Swedish); its summary is `rule-<code>` in the catalogues.
macro_rules! rule {
    ($name:ident, $code:literal, $family:literal, $level:ident) => {
        pub static $name: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            family: $family,
            default_level: $crate::model::settings::Level::$level,
            doc_en: include_str!(concat!("../../docs/rules/", $code, ".md")),
            doc_sv: include_str!(concat!("../../docs/rules/sv/", $code, ".md")),
        };
    };
}
pub(crate) use rule;

/// What every check sees: the registry and the day that counts as today.
pub struct Context<'a> {
    pub reg: &'a Registry,
    pub today: NaiveDate,
}

/// Every rule, in the order `samverkan rules` lists them.
pub fn all() -> &'static [&'static Rule] {
    static ALL: std::sync::LazyLock<Vec<&'static Rule>> = std::sync::LazyLock::new(|| {
        [
            loading::RULES,
            parties::RULES,
            agreements::RULES,
            representation::RULES,
            rotation::RULES,
            meetings::RULES,
            cases::RULES,
            obligations::RULES,
            roles::RULES,
        ]
        .concat()
    });
    &ALL
}

pub fn find(code: &str) -> Option<&'static Rule> {
    all().iter().copied().find(|r| r.code == code)
}

/// Runs every rule family over the registry, the families in parallel.
pub fn check(reg: &Registry, today: NaiveDate) -> Vec<Finding> {
    use rayon::prelude::*;
    type Family = fn(&Context, &mut Vec<Finding>);
    const FAMILIES: [Family; 9] = [
        loading::check,
        parties::check,
        agreements::check,
        representation::check,
        rotation::check,
        meetings::check,
        cases::check,
        obligations::check,
        roles::check,
    ];
    let ctx = Context { reg, today };
    FAMILIES
        .par_iter()
        .map(|family| {
            let mut out = Vec::new();
            family(&ctx, &mut out);
            out
        })
        .flatten()
        .collect()
}

/// The level of each rule after the registry's `[checks]` overrides.
pub fn level_of(reg: &Registry, rule: &Rule) -> Level {
    reg.settings
        .as_ref()
        .and_then(|s| s.value.checks.get(rule.code))
        .map_or(rule.default_level, |l| *l.get_ref())
}

/// Where a finding stands, for sorting: its file's path and the span's start.
type Place<'a> = (&'a str, usize);

/// Settles each finding's severity by its rule's level, drops allowed ones, and sorts the
/// rest by file, place and code with duplicates removed.
pub fn apply_levels(reg: &Registry, findings: Vec<Finding>) -> Vec<Finding> {
    let out: Vec<Finding> = findings
        .into_iter()
        .filter_map(|mut f| {
            let level = find(f.code).map_or(Level::Error, |rule| {
                // Loading failures stop the run; they cannot be switched off.
                if f.is_fatal() {
                    Level::Error
                } else {
                    level_of(reg, rule)
                }
            });
            f.severity = match level {
                Level::Error => Severity::Error,
                Level::Warn => Severity::Warning,
                Level::Allow => return None,
            };
            Some(f)
        })
        .collect();
    // Sorted by place, code and English message, each message put into words once: a
    // registry with a finding for every year of the calendar has hundreds of thousands.
    let mut keyed: Vec<(Option<Place>, String, Finding)> = out
        .into_iter()
        .map(|f| {
            let place = f.location.as_ref().map(|l| {
                let path = reg.sources.get(l.file).path.as_str();
                (path, l.span.start)
            });
            (place, f.message.english(), f)
        })
        .collect();
    keyed.sort_by(|(place_a, text_a, a), (place_b, text_b, b)| {
        place_a
            .cmp(place_b)
            .then(a.code.cmp(b.code))
            .then_with(|| text_a.cmp(text_b))
    });
    // Equal findings, and findings whose messages read the same, are reported once.
    keyed.dedup_by(|(_, text_a, a), (_, text_b, b)| {
        a.code == b.code && a.severity == b.severity && a.location == b.location && text_a == text_b
    });
    let out: Vec<Finding> = keyed.into_iter().map(|(_, _, f)| f).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TOML examples of a page with their comments left out: what must be the same in
    /// both languages.
    fn examples(page: &str) -> Vec<String> {
        page.split("```")
            .skip(1)
            .step_by(2)
            .map(|block| {
                block
                    .lines()
                    .map(|line| line.split('#').next().unwrap_or_default().trim_end())
                    .filter(|line| !line.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }

    #[test]
    fn every_rule_has_its_pages_and_summaries_in_both_languages() {
        for rule in all() {
            for lang in [Lang::Sv, Lang::En] {
                let summary = crate::i18n::try_text(lang, &format!("rule-{}", rule.code), None);
                assert!(
                    summary.is_ok_and(|s| !s.is_empty()),
                    "{} {lang:?}",
                    rule.code
                );
                assert!(
                    rule.doc(lang).starts_with(&format!("# {}\n", rule.code)),
                    "{} {lang:?}",
                    rule.code
                );
            }
            assert_ne!(
                rule.summary(Lang::Sv),
                rule.summary(Lang::En),
                "{}",
                rule.code
            );
            for heading in ["## Why", "## Fails", "## Passes"] {
                assert!(rule.doc_en.contains(heading), "{}: {heading}", rule.code);
            }
            for heading in ["## Varför", "## Underkänns", "## Godkänns"] {
                assert!(rule.doc_sv.contains(heading), "{}: {heading}", rule.code);
            }
            // The examples are the same TOML; only their comments are translated.
            assert_eq!(
                examples(rule.doc_sv),
                examples(rule.doc_en),
                "{}",
                rule.code
            );
            assert!(!examples(rule.doc_en).is_empty(), "{}", rule.code);
        }
    }
}

/// Small registries built in memory for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use chrono::NaiveDate;

    use crate::load::load_texts;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    /// (code, file, line) of every finding on `files` as of `today`, after severities.
    pub fn codes(files: &[(&str, &str)], today: NaiveDate) -> Vec<(String, String, usize)> {
        let (reg, mut findings) = load_texts(files.iter().copied());
        findings.extend(super::check(&reg, today));
        super::apply_levels(&reg, findings)
            .into_iter()
            .map(|f| {
                let loc = f.location.expect("test findings have a place");
                let file = reg.sources.get(loc.file);
                (
                    f.code.to_owned(),
                    file.path.clone(),
                    file.line_col(loc.span.start).0,
                )
            })
            .collect()
    }

    /// `base` with some files replaced or added.
    pub fn with<'a>(
        base: &[(&'a str, &'a str)],
        changes: &[(&'a str, &'a str)],
    ) -> Vec<(&'a str, &'a str)> {
        let mut files: Vec<(&str, &str)> = base
            .iter()
            .filter(|(p, _)| !changes.iter().any(|(c, _)| c == p))
            .copied()
            .collect();
        files.extend_from_slice(changes);
        files
    }
}
