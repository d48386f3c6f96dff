//! `diff REV [REV2]`: what changed in the registry between two revisions — files added and
//! removed, keys and entries changed (members, chairs, meetings, notices …) — and which
//! findings the change introduces or resolves. Made for a pull-request comment.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;
use toml::{Table, Value};

use crate::finding::{Finding, Message};
use crate::model::Registry;
use crate::model::date::{DayOrMonth, parse_month};

#[derive(Debug, Serialize)]
pub struct Diff {
    pub from: String,
    /// The newer revision, or `working tree`.
    pub to: String,
    /// The newer side is the working tree (renderers name it in the output language).
    #[serde(skip)]
    pub to_working_tree: bool,
    pub files: Vec<FileChange>,
    pub introduced: Vec<DiffFinding>,
    pub resolved: Vec<DiffFinding>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Modified,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Modified => "modified",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct FileChange {
    /// Relative to the registry root.
    pub path: String,
    pub change: Change,
    /// The entity's name or title, as the newer side has it.
    pub name: Option<String>,
    /// Top-level keys that changed.
    pub fields: Vec<FieldChange>,
    /// Entries of arrays of tables (members, chairs, meetings …) added, removed or changed.
    pub entries: Vec<EntryChange>,
}

#[derive(Debug, Serialize)]
pub struct FieldChange {
    pub key: String,
    pub old: Option<Shown>,
    pub new: Option<Shown>,
}

#[derive(Debug, Serialize)]
pub struct EntryChange {
    /// The array: `member`, `chair`, `meeting`, `notice`, `obligation`, `role`, `event`, `decision`.
    pub kind: String,
    pub change: Change,
    pub description: Shown,
    pub fields: Vec<FieldChange>,
}

/// A value or description as written (JSON keeps it so), and the same in pieces with its
/// month dates marked where the key allows a month (format 2), for output to word them as
/// the month and year ("maj 2018").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// Empty when it holds no month date.
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Month(DayOrMonth),
}

impl Shown {
    fn plain(text: String) -> Shown {
        Shown {
            text,
            pieces: Vec::new(),
        }
    }

    /// The text with every month date worded by `month`.
    pub fn worded(&self, month: impl Fn(DayOrMonth) -> String) -> String {
        if self.pieces.is_empty() {
            return self.text.clone();
        }
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Month(m) => month(*m),
            })
            .collect()
    }
}

/// JSON writes it as written: a month stays `"2018-05"`.
impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Pieces of text and month dates, adjacent text joined.
#[derive(Default)]
struct Pieces(Vec<Piece>);

impl Pieces {
    fn text(&mut self, s: &str) {
        match self.0.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => self.0.push(Piece::Text(s.to_owned())),
        }
    }

    /// A string where a month is allowed: the month, if it is one; else as `written`.
    fn month_or(&mut self, s: &str, written: &str) {
        match parse_month(s) {
            Some(first) => self.0.push(Piece::Month(DayOrMonth::Month(first))),
            None => self.text(written),
        }
    }

    fn done(self, text: String) -> Shown {
        let has_month = self.0.iter().any(|p| matches!(p, Piece::Month(_)));
        Shown {
            text,
            pieces: if has_month { self.0 } else { Vec::new() },
        }
    }
}

/// Where format 2 allows a month date (`"YYYY-MM"`): `key` of the file at `path`, at its
/// top level (`array` None) or in an entry of the array of tables `array`.
fn allows_month(path: &str, array: Option<&str>, key: &str) -> bool {
    if path.starts_with("agreements/") {
        matches!(
            (array, key),
            (None, "signed")
                | (Some("extension"), "decided")
                | (Some("obligation"), "due" | "done" | "done_by")
        )
    } else if path.starts_with("cases/") {
        matches!(
            (array, key),
            (None, "raised") | (Some("event" | "decision"), "date")
        )
    } else {
        false
    }
}

/// `value` of `key` (in an entry of `array`, or at the top level) as `show` writes it, with
/// its month dates marked where the file at `path` allows them.
fn shown(path: &str, array: Option<&str>, key: &str, value: &Value) -> Shown {
    let text = show(value);
    let mut pieces = Pieces::default();
    match value {
        // At the top a string is written without quotes.
        Value::String(s) if allows_month(path, array, key) => pieces.month_or(s, &text),
        Value::Array(_) | Value::Table(_) => walk(
            value,
            allows_month(path, array, key),
            &|inner| allows_month(path, Some(key), inner),
            &mut pieces,
        ),
        _ => {}
    }
    pieces.done(text)
}

/// An array or inline table written as TOML writes it in one line, its strings read as
/// months where `months` holds (or an inner key that `inner` accepts allows one).
fn walk(value: &Value, months: bool, inner: &dyn Fn(&str) -> bool, out: &mut Pieces) {
    match value {
        Value::String(s) if months => out.month_or(s, &value.to_string()),
        Value::Array(items) => {
            out.text("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.text(", ");
                }
                walk(item, months, inner, out);
            }
            out.text("]");
        }
        Value::Table(t) if t.is_empty() => out.text("{}"),
        Value::Table(t) => {
            out.text("{ ");
            for (i, (k, v)) in t.iter().enumerate() {
                if i > 0 {
                    out.text(", ");
                }
                out.text(&format!("{} = ", toml_key(k)));
                walk(v, months || inner(k), inner, out);
            }
            out.text(" }");
        }
        other => out.text(&other.to_string()),
    }
}

/// A key as TOML writes it: bare when it can be, else quoted.
fn toml_key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        k.to_owned()
    } else {
        Value::String(k.to_owned()).to_string()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffFinding {
    pub code: &'static str,
    pub severity: &'static str,
    pub file: Option<String>,
    pub line: Option<usize>,
    /// The message in English, for JSON and for telling findings apart.
    pub message: String,
    /// The same message as data, for renderers that word it in the output language.
    #[serde(skip)]
    pub words: Message,
}

impl DiffFinding {
    /// What orders and tells findings apart: `words` say the same as `message`.
    fn key(&self) -> (&str, &str, Option<&str>, Option<usize>, &str) {
        (
            self.code,
            self.severity,
            self.file.as_deref(),
            self.line,
            &self.message,
        )
    }
}

impl PartialEq for DiffFinding {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for DiffFinding {}

impl PartialOrd for DiffFinding {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DiffFinding {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// The keys that identify an entry of an array of tables across revisions.
fn entry_key(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "member" => &["name", "party", "role", "from"],
        "chair" => &["year"],
        "meeting" => &["body", "date"],
        "notice" => &["party", "received"],
        "obligation" => &["id"],
        "role" => &["role", "party", "name", "from"],
        // An event is at a body or (format 2) in a party's own organisation.
        "event" => &["date", "body", "party", "action"],
        "decision" => &["party", "date"],
        _ => return None,
    })
}

/// A value in one line, as TOML writes it (`2026-03-20`, `"Umeå"`, `[1, 2]`).
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn field(table: &Table, key: &str) -> String {
    table.get(key).map(show).unwrap_or_default()
}

/// An entry of the array `kind` in the file at `path` in one line.
fn describe(path: &str, kind: &str, t: &Table) -> Shown {
    // A date that may be a month (format 2), then the rest.
    let dated = |key: &str, before: &str, after: &str| {
        let mut pieces = Pieces::default();
        pieces.text(before);
        match t.get(key) {
            Some(value @ Value::String(s)) if allows_month(path, Some(kind), key) => {
                pieces.month_or(s, &show(value));
            }
            other => pieces.text(&other.map(show).unwrap_or_default()),
        }
        pieces.text(after);
        pieces.done(format!("{before}{}{after}", field(t, key)))
    };
    let f = |k: &str| field(t, k);
    let until = |k: &str| {
        t.get(k)
            .map(|v| format!(" to {}", show(v)))
            .unwrap_or_default()
    };
    let text = match kind {
        // A person without a seat (format 2) may name no party.
        "member" if t.get("party").is_none() => format!(
            "{} ({}) from {}{}",
            f("name"),
            f("role"),
            f("from"),
            until("to")
        ),
        "member" => format!(
            "{} ({}, {}) from {}{}",
            f("name"),
            f("party"),
            f("role"),
            f("from"),
            until("to")
        ),
        "chair" => match t.get("vice_chair") {
            Some(v) => format!(
                "{}: chair {}, vice chair {}",
                f("year"),
                f("chair"),
                show(v)
            ),
            None => format!("{}: chair {}", f("year"), f("chair")),
        },
        "meeting" => format!("{} on {}", f("body"), f("date")),
        "notice" => format!("notice from {} received {}", f("party"), f("received")),
        "obligation" => format!("{}: {}", f("id"), f("title")),
        "role" => format!(
            "{} {} for {} from {}{}",
            f("role"),
            f("name"),
            f("party"),
            f("from"),
            until("to")
        ),
        "event" => {
            let place = if t.contains_key("body") {
                f("body")
            } else {
                f("party")
            };
            return dated("date", "", &format!(" {} at {place}", f("action")));
        }
        "decision" => {
            return dated("date", &format!("{} {} on ", f("party"), f("outcome")), "");
        }
        _ => kind.to_owned(),
    };
    Shown::plain(text)
}

/// The keys that differ between two tables of the file at `path`: the file's top level
/// (`array` None) or entries of the array of tables `array`.
fn field_changes(
    path: &str,
    array: Option<&str>,
    old: &Table,
    new: &Table,
    skip: impl Fn(&str) -> bool,
) -> Vec<FieldChange> {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|k| !skip(k) && old.get(*k) != new.get(*k))
        .map(|k| FieldChange {
            key: k.clone(),
            old: old.get(k).map(|v| shown(path, array, k, v)),
            new: new.get(k).map(|v| shown(path, array, k, v)),
        })
        .collect()
}

fn tables(value: Option<&Value>) -> Vec<&Table> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_table).collect(),
        _ => Vec::new(),
    }
}

/// Entries by their identifying keys, in file order.
fn index<'t>(items: Vec<&'t Table>, key: &[&str]) -> BTreeMap<Vec<String>, Vec<&'t Table>> {
    let mut map: BTreeMap<Vec<String>, Vec<&Table>> = BTreeMap::new();
    for t in items {
        map.entry(key.iter().map(|k| field(t, k)).collect())
            .or_default()
            .push(t);
    }
    map
}

fn entry_changes(
    path: &str,
    kind: &str,
    key: &[&str],
    old: Option<&Value>,
    new: Option<&Value>,
) -> Vec<EntryChange> {
    let (old, new) = (index(tables(old), key), index(tables(new), key));
    let mut out = Vec::new();
    for k in old.keys().chain(new.keys()).collect::<BTreeSet<_>>() {
        let (before, after) = (
            old.get(k).map_or(&[][..], Vec::as_slice),
            new.get(k).map_or(&[][..], Vec::as_slice),
        );
        // Entries sharing a key pair up in order; the rest were added or removed.
        for i in 0..before.len().max(after.len()) {
            let change = match (before.get(i), after.get(i)) {
                (Some(b), Some(a)) if b == a => continue,
                (Some(b), Some(a)) => EntryChange {
                    kind: kind.to_owned(),
                    change: Change::Modified,
                    description: describe(path, kind, a),
                    fields: field_changes(path, Some(kind), b, a, |_| false),
                },
                (None, Some(a)) => EntryChange {
                    kind: kind.to_owned(),
                    change: Change::Added,
                    description: describe(path, kind, a),
                    fields: Vec::new(),
                },
                (Some(b), None) => EntryChange {
                    kind: kind.to_owned(),
                    change: Change::Removed,
                    description: describe(path, kind, b),
                    fields: Vec::new(),
                },
                (None, None) => continue,
            };
            out.push(change);
        }
    }
    out
}

/// Every file of a registry: its text by path.
fn texts(reg: &Registry) -> BTreeMap<&str, &str> {
    reg.sources
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect()
}

/// A file's text as a TOML table (a file that does not parse counts as empty).
fn document(text: &str) -> Table {
    text.parse::<Table>().unwrap_or_default()
}

fn name_of(table: &Table) -> Option<String> {
    table.get("name").or_else(|| table.get("title")).map(show)
}

fn file_change(path: &str, old: Option<&Table>, new: Option<&Table>) -> Option<FileChange> {
    let change = match (old, new) {
        (None, Some(_)) => Change::Added,
        (Some(_), None) => Change::Removed,
        (Some(o), Some(n)) if o == n => return None,
        _ => Change::Modified,
    };
    let empty = Table::new();
    let (o, n) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let is_entry_array = |k: &str| entry_key(k).is_some();
    let (fields, entries) = if change == Change::Modified {
        let fields = field_changes(path, None, o, n, is_entry_array);
        let arrays: BTreeSet<&String> = o
            .keys()
            .chain(n.keys())
            .filter(|k| is_entry_array(k))
            .collect();
        let entries = arrays
            .iter()
            .flat_map(|k| {
                entry_changes(
                    path,
                    k,
                    entry_key(k).expect("filtered"),
                    o.get(*k),
                    n.get(*k),
                )
            })
            .collect();
        (fields, entries)
    } else {
        (Vec::new(), Vec::new())
    };
    Some(FileChange {
        path: path.to_owned(),
        change,
        name: name_of(n).or_else(|| name_of(o)),
        fields,
        entries,
    })
}

fn summarize(reg: &Registry, findings: &[Finding]) -> BTreeSet<DiffFinding> {
    findings
        .iter()
        .map(|f| {
            let place = f.location.as_ref().map(|l| {
                let file = reg.sources.get(l.file);
                (file.path.clone(), file.line_col(l.span.start).0)
            });
            DiffFinding {
                code: f.code,
                severity: f.severity.as_str(),
                file: place.as_ref().map(|p| p.0.clone()),
                line: place.map(|p| p.1),
                message: f.message.english(),
                words: f.message.clone(),
            }
        })
        .collect()
}

/// Findings are the same across revisions when code, file and message agree: lines move
/// whenever something above them changes.
fn identity(f: &DiffFinding) -> (&str, Option<&str>, &str) {
    (f.code, f.file.as_deref(), &f.message)
}

/// The findings of `a` that `b` does not have.
fn missing_from(a: &BTreeSet<DiffFinding>, b: &BTreeSet<DiffFinding>) -> Vec<DiffFinding> {
    let known: HashSet<_> = b.iter().map(identity).collect();
    a.iter()
        .filter(|f| !known.contains(&identity(f)))
        .cloned()
        .collect()
}

pub fn build(
    (from, old, old_findings): (&str, &Registry, &[Finding]),
    (to, new, new_findings): (Option<&str>, &Registry, &[Finding]),
) -> Diff {
    let (old_texts, new_texts) = (texts(old), texts(new));
    let paths: BTreeSet<&str> = old_texts.keys().chain(new_texts.keys()).copied().collect();
    // Only files whose text changed can have changed; parsing the others again would cost
    // as much as loading the registry.
    let files = paths
        .into_iter()
        .filter(|p| old_texts.get(p) != new_texts.get(p))
        .filter_map(|p| {
            let (o, n) = (
                old_texts.get(p).map(|t| document(t)),
                new_texts.get(p).map(|t| document(t)),
            );
            file_change(p, o.as_ref(), n.as_ref())
        })
        .collect();
    let (before, after) = (summarize(old, old_findings), summarize(new, new_findings));
    let introduced = missing_from(&after, &before);
    let resolved = missing_from(&before, &after);
    Diff {
        from: from.to_owned(),
        to: to.unwrap_or("working tree").to_owned(),
        to_working_tree: to.is_none(),
        files,
        introduced,
        resolved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Value {
        let table: Table = toml::from_str(text).expect("valid TOML");
        table["event"].clone()
    }

    #[test]
    fn party_events_on_one_day_are_told_apart_by_their_party() {
        let one = "[[event]]\ndate = 2026-02-12\nparty = \"vastkom\"\naction = \"prepared\"\n";
        // The new event is written first: pairing by position alone would call the
        // old one modified.
        let two =
            format!("[[event]]\ndate = 2026-02-12\nparty = \"gr\"\naction = \"prepared\"\n{one}");
        let old = events(one);
        let new = events(&two);
        let changes = entry_changes(
            "cases/2026/a.toml",
            "event",
            entry_key("event").expect("events pair by key"),
            Some(&old),
            Some(&new),
        );
        let described: Vec<(Change, &str)> = changes
            .iter()
            .map(|c| (c.change, c.description.text.as_str()))
            .collect();
        assert_eq!(
            described,
            vec![(Change::Added, "2026-02-12 prepared at gr")]
        );
    }

    #[test]
    fn a_member_is_described_with_a_party_only_when_one_is_given() {
        let table = |text: &str| text.parse::<toml::Table>().expect("a test table");
        assert_eq!(
            describe(
                "members/lsg.toml",
                "member",
                &table("name = \"A\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n")
            )
            .text,
            "A (umea, ordinary) from 2024-01-01"
        );
        assert_eq!(
            describe(
                "members/lsg.toml",
                "member",
                &table("name = \"S\"\nrole = \"secretary\"\nfrom = 2024-01-01\nto = 2025-12-31\n")
            )
            .text,
            "S (secretary) from 2024-01-01 to 2025-12-31"
        );
    }

    /// The value of `key` in `text` as it reads with months worded as `<month YYYY-MM>`.
    fn worded(path: &str, array: Option<&str>, key: &str, text: &str) -> (String, String) {
        let table = text.parse::<Table>().expect("a test table");
        let shown = shown(path, array, key, &table[key]);
        // The pieces say what the text says: with each month as written (quoted inside an
        // array or table), they are it.
        let nested = matches!(table[key], Value::Array(_) | Value::Table(_));
        let as_written = shown.worded(|m| {
            if nested {
                format!("\"{m}\"")
            } else {
                m.to_string()
            }
        });
        assert_eq!(as_written, shown.text, "{text}");
        let months = shown.worded(|m| format!("<month {m}>"));
        (shown.text, months)
    }

    #[test]
    fn month_dates_are_marked_where_the_key_allows_a_month_and_only_there() {
        let a = "agreements/hsa.toml";
        assert_eq!(
            worded(a, None, "signed", "signed = \"2018-05\""),
            ("2018-05".into(), "<month 2018-05>".into())
        );
        assert_eq!(
            worded(
                a,
                Some("obligation"),
                "done",
                "done = [\"2018-05\", 2019-03-01]"
            ),
            (
                "[\"2018-05\", 2019-03-01]".into(),
                "[<month 2018-05>, 2019-03-01]".into()
            )
        );
        assert_eq!(
            worded(
                a,
                Some("obligation"),
                "done_by",
                "done_by = { umea = [\"2020-04\"], \"nya parten\" = [2020-05-06] }"
            )
            .1,
            "{ \"nya parten\" = [2020-05-06], umea = [<month 2020-04>] }"
        );
        // In an extension only `decided` may be a month; its reference stays text.
        let extension =
            "[[extension]]\nuntil = 2021-03-31\ndecided = \"2020-01\"\nreference = \"2020-02\"\n";
        assert_eq!(
            worded(a, None, "extension", extension).1,
            "[{ decided = <month 2020-01>, reference = \"2020-02\", until = 2021-03-31 }]"
        );
        let c = "cases/2026/rutin.toml";
        assert_eq!(
            worded(c, None, "raised", "raised = \"2026-05\"").1,
            "<month 2026-05>"
        );
        assert_eq!(
            worded(c, Some("event"), "date", "date = \"2026-05\"").1,
            "<month 2026-05>"
        );
        // Elsewhere a string that looks like a month stays as written.
        for (path, array, key, text) in [
            (a, None, "title", "title = \"2018-05\""),
            (a, None, "raised", "raised = \"2018-05\""),
            (c, None, "signed", "signed = \"2018-05\""),
            ("parties/umea.toml", None, "signed", "signed = \"2018-05\""),
            (a, Some("notice"), "received", "received = \"2018-05\""),
            (c, Some("event"), "reply_by", "reply_by = \"2018-05\""),
            // Not a month: as written.
            (a, None, "signed", "signed = \"2018-13\""),
        ] {
            let (as_written, words) = worded(path, array, key, text);
            assert_eq!(words, as_written, "{path} {key}");
            assert!(
                shown(path, array, key, &text.parse::<Table>().unwrap()[key])
                    .pieces
                    .is_empty()
            );
        }
    }

    #[test]
    fn an_event_or_decision_dated_by_month_is_described_with_the_month() {
        let table = |text: &str| text.parse::<toml::Table>().expect("a test table");
        let c = "cases/2026/rutin.toml";
        let event = describe(
            c,
            "event",
            &table("date = \"2026-05\"\nbody = \"lsg\"\naction = \"discussed\"\n"),
        );
        assert_eq!(event.text, "2026-05 discussed at lsg");
        assert_eq!(
            event.worded(|m| format!("<{m}>")),
            "<2026-05> discussed at lsg"
        );
        let decision = describe(
            c,
            "decision",
            &table("party = \"umea\"\noutcome = \"adopted\"\ndate = \"2026-06\"\n"),
        );
        assert_eq!(decision.text, "umea adopted on 2026-06");
        assert_eq!(
            decision.worded(|m| format!("<{m}>")),
            "umea adopted on <2026-06>"
        );
        // A day stays a day.
        let day = describe(
            c,
            "decision",
            &table("party = \"umea\"\noutcome = \"adopted\"\ndate = 2026-06-01\n"),
        );
        assert_eq!(
            day.worded(|m| format!("<{m}>")),
            "umea adopted on 2026-06-01"
        );
        assert!(day.pieces.is_empty());
    }
}
