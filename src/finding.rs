//! A finding: what a rule or the loader reports, with its place in the registry.

use crate::i18n::{FluentArgs, Lang};
use crate::source::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// None for findings about the registry as a whole (a missing directory).
    pub location: Option<Location>,
    pub message: Message,
}

/// The code of the finding `check --format json` prints when the command line itself is
/// wrong (an unknown `--skip` code, a day that does not exist): no rule's, since nothing in
/// the registry is at fault, and distinct from `unreadable-file`, which blames the files.
pub const USAGE: &str = "usage";

/// Codes whose findings mean the check could not run (exit 2): the registry could not be
/// read as a whole, or the command line was wrong.
pub const FATAL_CODES: [&str; 3] = ["toml-syntax", "unreadable-file", USAGE];

impl Finding {
    pub fn is_fatal(&self) -> bool {
        FATAL_CODES.contains(&self.code)
    }
}

/// What a finding says, as data: a message id of `locales/*/findings.ftl` and its
/// arguments, put into words only by a renderer, in the output language. Build one with
/// [`msg!`](crate::msg), which keeps the id a literal the catalogue tests can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Quoted as it is in every language: ids, names, dates, values from the registry.
    Text(String),
    /// A number, which plural forms select on.
    Number(i64),
    /// A phrase of its own, put into words in the same language.
    Phrase(Box<Message>),
}

impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args = self.fluent_args(&|m: &Message| Ok(m.render(lang)));
        crate::i18n::text(lang, self.id, args.ok().as_ref())
    }

    /// The message in English, as JSON and the identity of a finding across revisions
    /// carry it: one language for scripts, whatever `--lang` says.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }

    /// The message in `lang`, or what went wrong putting it into words (an id the
    /// catalogue lacks, an argument it names but the message does not carry).
    pub fn try_render(&self, lang: Lang) -> Result<String, String> {
        let args = self.fluent_args(&|m: &Message| m.try_render(lang))?;
        crate::i18n::try_text(lang, self.id, Some(&args))
    }

    /// The arguments for Fluent, each phrase put into words by `phrase`.
    fn fluent_args(
        &self,
        phrase: &dyn Fn(&Message) -> Result<String, String>,
    ) -> Result<FluentArgs<'_>, String> {
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            match arg {
                Arg::Text(s) => args.set(*name, s.as_str()),
                Arg::Number(n) => args.set(*name, *n),
                Arg::Phrase(m) => args.set(*name, phrase(m)?),
            }
        }
        Ok(args)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Phrase(Box::new(m))
    }
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
number_arg!(i32, u32, i64, u64, usize);

/// A finding's message: `msg!("seat-limit", party = id, count = n)`. The id must be a
/// literal of `locales/*/findings.ftl`, and the names the arguments it uses: a test scans
/// the source for every `msg!(` and holds it to the catalogues.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::finding::Message { id: $id, args: Vec::new() }
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::finding::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::finding::Arg::from($value))),+],
        }
    };
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The files of a txtar archive (`-- path --` lines, each followed by its text).
    fn txtar(text: &str) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = vec![];
        for line in text.split_inclusive('\n') {
            let header = line
                .trim_end()
                .strip_prefix("-- ")
                .and_then(|l| l.strip_suffix(" --"));
            match (header, files.last_mut()) {
                (Some(path), _) => files.push((path.to_owned(), String::new())),
                (None, Some((_, body))) => body.push_str(line),
                (None, None) => {}
            }
        }
        files
    }

    /// Every finding of every rule's failing fixture puts itself into words in both
    /// languages without a placeable Fluent could not fill, and the Swedish differs from
    /// the English.
    #[test]
    fn every_fixture_finding_renders_in_both_languages() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut problems = vec![];
        let mut rendered = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path().join("fail.txtar");
            let files = txtar(&std::fs::read_to_string(&path).unwrap());
            let (reg, mut findings) =
                crate::load::load_texts(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
            findings.extend(crate::rules::check(&reg, today));
            for f in &findings {
                let sv = f.message.try_render(Lang::Sv);
                let en = f.message.try_render(Lang::En);
                match (&sv, &en) {
                    (Ok(sv), Ok(en)) if sv != en && !sv.contains("{$") => rendered += 1,
                    _ => problems.push(format!("{}: {sv:?} / {en:?}", path.display())),
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(rendered >= 30, "the fixtures give findings: {rendered}");
    }

    #[test]
    fn a_missing_argument_is_an_error_not_a_silent_gap() {
        let m = crate::msg!("seat-limit", party = "umea", count = 3);
        assert!(m.try_render(Lang::Sv).is_err());
        assert!(m.try_render(Lang::En).is_err());
    }

    #[test]
    fn swedish_findings_read_as_swedish() {
        let m = crate::msg!(
            "seat-limit",
            party = "umea",
            count = 3,
            role = "ordinary",
            day = "2024-03-01",
            limit = "2",
            source = "by_party"
        );
        assert_eq!(
            m.try_render(Lang::Sv).unwrap(),
            "umea innehar 3 ordinarie platser 2024-03-01, gränsen är 2 (by_party)"
        );
        assert_eq!(
            m.try_render(Lang::En).unwrap(),
            "umea holds 3 ordinary seats on 2024-03-01, its limit is 2 (by_party)"
        );
        let one = crate::msg!(
            "seat-limit",
            party = "vindeln",
            count = 1,
            role = "substitute",
            day = "2024-03-01",
            limit = "0",
            source = "no-rule"
        );
        assert_eq!(
            one.try_render(Lang::Sv).unwrap(),
            "vindeln innehar 1 ersättarplats 2024-03-01, gränsen är 0 (ingen platsregel)"
        );
        assert_eq!(
            one.try_render(Lang::En).unwrap(),
            "vindeln holds 1 substitute seat on 2024-03-01, its limit is 0 (no seat rule)"
        );
    }
}
