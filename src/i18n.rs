//! Words for people, in Swedish and English: one Fluent catalogue per language under
//! `locales/<lang>/`, compiled into the binary. Code names a message by its id through
//! [`tr!`](crate::tr); plural forms and word order live in the catalogue, never in code.
//!
//! Never translated: JSON, rule codes, ids and text from the registry.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

/// The language of everything written for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language a code names (`SAMVERKAN_LANG`, the registry's `language`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The catalogue files of each language; every language has the same files with the same
/// message ids (a test holds them to it).
macro_rules! catalogue {
    ($lang:literal) => {
        [
            (
                concat!("locales/", $lang, "/common.ftl"),
                include_str!(concat!("../locales/", $lang, "/common.ftl")),
            ),
            (
                concat!("locales/", $lang, "/views.ftl"),
                include_str!(concat!("../locales/", $lang, "/views.ftl")),
            ),
            (
                concat!("locales/", $lang, "/deadlines.ftl"),
                include_str!(concat!("../locales/", $lang, "/deadlines.ftl")),
            ),
            (
                concat!("locales/", $lang, "/findings.ftl"),
                include_str!(concat!("../locales/", $lang, "/findings.ftl")),
            ),
            (
                concat!("locales/", $lang, "/rules.ftl"),
                include_str!(concat!("../locales/", $lang, "/rules.ftl")),
            ),
        ]
    };
}

const SOURCES: [(Lang, [(&str, &str); 5]); 2] =
    [(Lang::Sv, catalogue!("sv")), (Lang::En, catalogue!("en"))];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
        SOURCES
            .iter()
            .map(|(lang, files)| (*lang, build(*lang, files).unwrap_or_else(|e| panic!("{e}"))))
            .collect()
    });
    &BUNDLES
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has a catalogue")
        .1
}

/// One language's bundle. Err: a catalogue does not parse or defines an id twice, which the
/// tests catch before a release; the catalogues are compiled in, so no user input gets here.
fn build(lang: Lang, files: &[(&str, &str)]) -> Result<Bundle, String> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().map_err(|e| format!("{e}"))?;
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks around arguments would reach terminals and CSV cells as stray bytes.
    bundle.set_use_isolating(false);
    for (path, text) in files {
        let resource = FluentResource::try_new((*text).to_owned())
            .map_err(|(_, errors)| format!("{path}: {errors:?}"))?;
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("{path}: {errors:?}"))?;
    }
    Ok(bundle)
}

/// The message `id` in `lang` with its arguments. A message missing from the catalogue
/// (which a test rules out for every id the code names) comes out as its id.
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The message `id` in `lang`, or what is wrong with it: no such message, or a placeable
/// Fluent could not resolve (an argument the message names but the caller did not give).
pub fn try_text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
    let bundle = bundle(lang);
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .ok_or_else(|| format!("{}: no message {id:?}", lang.code()))?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(format!("{}: {id}: {errors:?}", lang.code()))
    }
}

/// A message of the catalogue: `tr!(lang, "roster-heading")`, or with arguments
/// `tr!(lang, "summary-errors", count = n)`. The id must be a literal, so the tests can
/// find every id the code uses.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::text($lang, $id, Some(&args))
    }};
}

pub use fluent_bundle::FluentArgs;

/// A day as people read it: "tis 2026-03-03" / "Tue 2026-03-03".
pub fn day(lang: Lang, d: NaiveDate) -> String {
    let weekday = match d.weekday() {
        Weekday::Mon => tr!(lang, "weekday-mon"),
        Weekday::Tue => tr!(lang, "weekday-tue"),
        Weekday::Wed => tr!(lang, "weekday-wed"),
        Weekday::Thu => tr!(lang, "weekday-thu"),
        Weekday::Fri => tr!(lang, "weekday-fri"),
        Weekday::Sat => tr!(lang, "weekday-sat"),
        Weekday::Sun => tr!(lang, "weekday-sun"),
    };
    format!("{weekday} {}", d.format("%Y-%m-%d"))
}

/// A day or, where the registry gives only a month, the month: "2020-04-30" / "maj 2018".
/// A month is never printed as an invented day.
pub fn day_or_month(lang: Lang, when: crate::model::date::DayOrMonth) -> String {
    use crate::model::date::DayOrMonth;
    match when {
        DayOrMonth::Day(d) => d.format("%Y-%m-%d").to_string(),
        DayOrMonth::Month(first) => month(lang, first.year(), first.month()),
    }
}

/// A month as people read it: "maj 2018" / "May 2018".
pub fn month(lang: Lang, year: i32, month: u32) -> String {
    tr!(
        lang,
        "month-year",
        month = month_name(lang, month),
        year = year
    )
}

fn month_name(lang: Lang, month: u32) -> String {
    match month {
        1 => tr!(lang, "month-1"),
        2 => tr!(lang, "month-2"),
        3 => tr!(lang, "month-3"),
        4 => tr!(lang, "month-4"),
        5 => tr!(lang, "month-5"),
        6 => tr!(lang, "month-6"),
        7 => tr!(lang, "month-7"),
        8 => tr!(lang, "month-8"),
        9 => tr!(lang, "month-9"),
        10 => tr!(lang, "month-10"),
        11 => tr!(lang, "month-11"),
        _ => tr!(lang, "month-12"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Message ids (with their attributes) a catalogue file defines.
    fn ids(text: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(text.to_owned()).expect("catalogue parses");
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(
                    std::iter::once(m.id.name.to_owned())
                        .chain(
                            m.attributes
                                .iter()
                                .map(|a| format!("{}.{}", m.id.name, a.id.name)),
                        )
                        .collect::<Vec<_>>(),
                ),
                fluent_syntax::ast::Entry::Term(t) => Some(vec![format!("-{}", t.id.name)]),
                _ => None,
            })
            .flatten()
            .collect()
    }

    #[test]
    fn a_month_date_prints_as_the_month_never_as_a_day() {
        use crate::model::date::{DayOrMonth, parse_month};
        let may = DayOrMonth::Month(parse_month("2018-05").unwrap());
        assert_eq!(day_or_month(Lang::Sv, may), "maj 2018");
        assert_eq!(day_or_month(Lang::En, may), "May 2018");
        let day = DayOrMonth::Day(NaiveDate::from_ymd_opt(2020, 4, 30).unwrap());
        assert_eq!(day_or_month(Lang::Sv, day), "2020-04-30");
    }

    #[test]
    fn every_catalogue_builds() {
        for (lang, files) in &SOURCES {
            build(*lang, files).unwrap();
        }
    }

    #[test]
    fn the_languages_define_the_same_messages_file_by_file() {
        let [(_, sv), (_, en)] = &SOURCES;
        for ((sv_path, sv_text), (en_path, en_text)) in sv.iter().zip(en) {
            let (sv_ids, en_ids) = (ids(sv_text), ids(en_text));
            let only_sv: Vec<_> = sv_ids.difference(&en_ids).collect();
            let only_en: Vec<_> = en_ids.difference(&sv_ids).collect();
            assert!(
                only_sv.is_empty() && only_en.is_empty(),
                "{sv_path} alone defines {only_sv:?}; {en_path} alone defines {only_en:?}"
            );
        }
    }

    /// The literal id of the `tr!` call at `at`: the string right after its first comma.
    /// None where `tr!(` is part of another name or stands in a comment or a string.
    fn message_id(text: &str, at: usize) -> Option<&str> {
        if in_comment_or_name(text, at) {
            return None;
        }
        let args = &text[at + "tr!(".len()..];
        let rest = args[args.find(',')? + 1..].trim_start();
        let id = rest.strip_prefix('"')?;
        Some(&id[..id.find('"')?])
    }

    fn in_comment_or_name(text: &str, at: usize) -> bool {
        let before = &text[..at];
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        line.contains("//")
            || before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '"')
    }

    /// A `msg!("id", name = value, …)` in the source: its id and the names of its
    /// arguments (those at the macro's own level, not of phrases nested in the values).
    fn finding_message(text: &str, at: usize) -> Option<(String, BTreeSet<String>)> {
        if in_comment_or_name(text, at) {
            return None;
        }
        let rest = text[at + "msg!(".len()..].trim_start();
        let id = rest.strip_prefix('"')?;
        let id = &id[..id.find('"')?];
        let body = &rest[id.len() + 2..];
        let (mut depth, mut names, mut chars) =
            (0usize, BTreeSet::new(), body.char_indices().peekable());
        while let Some((i, c)) = chars.next() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                '"' => {
                    // Skip a string literal, escapes included.
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            _ => {}
                        }
                    }
                }
                ',' if depth == 0 => {
                    let after = body[i + 1..].trim_start();
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    let tail = after[name.len()..].trim_start();
                    if !name.is_empty() && tail.starts_with('=') && !tail.starts_with("==") {
                        names.insert(name);
                    }
                }
                _ => {}
            }
        }
        Some((id.to_owned(), names))
    }

    /// Every `.rs` file under `src/` with its text.
    fn sources() -> Vec<(String, String)> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        walkdir::WalkDir::new(&src)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .map(|e| {
                let text = std::fs::read_to_string(e.path()).unwrap();
                (e.path().display().to_string(), text)
            })
            .collect()
    }

    /// Every `msg!` of the program (tests left out): (file, id, argument names).
    fn finding_messages() -> Vec<(String, String, BTreeSet<String>)> {
        let mut out = vec![];
        for (path, text) in sources() {
            let program = text.split("\n#[cfg(test)]").next().unwrap_or_default();
            for (at, _) in program.match_indices("msg!(") {
                if let Some((id, names)) = finding_message(program, at) {
                    out.push((path.clone(), id, names));
                }
            }
        }
        out
    }

    /// Every `tr!(lang, "id"` in the source names a message both catalogues define.
    #[test]
    fn every_message_the_code_names_exists() {
        let defined: Vec<BTreeSet<String>> = SOURCES
            .iter()
            .map(|(_, files)| files.iter().flat_map(|(_, text)| ids(text)).collect())
            .collect();
        let mut used = BTreeSet::new();
        for (path, text) in sources() {
            for (at, _) in text.match_indices("tr!(") {
                if let Some(id) = message_id(&text, at) {
                    used.insert((path.clone(), id.to_owned()));
                }
            }
        }
        for (path, id, _) in finding_messages() {
            used.insert((path, id));
        }
        assert!(used.len() > 100, "the scan finds the ids the code uses");
        let missing: Vec<_> = used
            .iter()
            .filter(|(_, id)| defined.iter().any(|d| !d.contains(id)))
            .collect();
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
    }

    /// The variables a pattern refers to, in selectors and variants too.
    fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_owned());
                }
                InlineExpression::Placeable { expression } => expression_(expression, out),
                _ => {}
            }
        }
        fn expression_(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Inline(i) => inline(i, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_(expression, out);
            }
        }
    }

    /// The variables of each message of the findings catalogue of `lang`.
    fn finding_variables(lang: Lang) -> std::collections::BTreeMap<String, BTreeSet<String>> {
        let (_, files) = SOURCES.iter().find(|(l, _)| *l == lang).unwrap();
        let (_, text) = files
            .iter()
            .find(|(path, _)| path.ends_with("findings.ftl"))
            .unwrap();
        let resource = fluent_syntax::parser::parse(*text).expect("catalogue parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut vars);
                    }
                    Some((m.id.name.to_owned(), vars))
                }
                _ => None,
            })
            .collect()
    }

    /// Each `msg!` gives every argument its message uses, in both languages, and nothing
    /// neither language uses: a misnamed argument would print as `{$name}`.
    #[test]
    fn every_finding_message_gets_the_arguments_it_uses() {
        let catalogues = [
            (Lang::Sv, finding_variables(Lang::Sv)),
            (Lang::En, finding_variables(Lang::En)),
        ];
        let sites = finding_messages();
        assert!(
            sites.len() > 80,
            "the scan finds the msg! sites: {}",
            sites.len()
        );
        let mut problems = vec![];
        for (path, id, given) in &sites {
            let mut used_somewhere = BTreeSet::new();
            for (lang, catalogue) in &catalogues {
                let Some(used) = catalogue.get(id) else {
                    problems.push(format!(
                        "{path}: {id} is not in {}'s findings.ftl",
                        lang.code()
                    ));
                    continue;
                };
                for missing in used.difference(given) {
                    problems.push(format!(
                        "{path}: {id} in {} uses ${missing}, which the code does not give",
                        lang.code()
                    ));
                }
                used_somewhere.extend(used.iter().cloned());
            }
            for unused in given.difference(&used_somewhere) {
                problems.push(format!(
                    "{path}: {id} gets {unused}, which no language uses"
                ));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// The findings catalogue holds no message the code never asks for.
    #[test]
    fn every_finding_message_is_used() {
        let used: BTreeSet<String> = finding_messages()
            .into_iter()
            .map(|(_, id, _)| id)
            .collect();
        let mut text_ids = BTreeSet::new();
        for (_, text) in sources() {
            for (at, _) in text.match_indices("tr!(") {
                if let Some(id) = message_id(&text, at) {
                    text_ids.insert(id.to_owned());
                }
            }
        }
        let unused: Vec<String> = finding_variables(Lang::En)
            .into_keys()
            .filter(|id| !used.contains(id) && !text_ids.contains(id))
            .collect();
        assert!(
            unused.is_empty(),
            "findings.ftl messages nobody uses: {unused:?}"
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(tr!(Lang::Sv, "count-warnings", count = 1), "1 varning");
        assert_eq!(tr!(Lang::Sv, "count-warnings", count = 2), "2 varningar");
        assert_eq!(tr!(Lang::En, "count-warnings", count = 1), "1 warning");
        assert_eq!(tr!(Lang::En, "count-errors", count = 0), "0 errors");
        assert_eq!(tr!(Lang::Sv, "count-errors", count = 0), "0 fel");
    }

    #[test]
    fn days_and_months_in_swedish_and_english() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        assert_eq!(day(Lang::Sv, d), "tis 2026-03-03");
        assert_eq!(day(Lang::En, d), "Tue 2026-03-03");
        assert_eq!(month(Lang::Sv, 2018, 5), "maj 2018");
        assert_eq!(month(Lang::En, 2018, 5), "May 2018");
    }

    #[test]
    fn arguments_carry_no_isolation_marks() {
        let s = tr!(Lang::En, "count-errors", count = 3);
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }
}
