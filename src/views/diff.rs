//! `diff REV [REV2]`: what changed in the registry between two revisions — files added and
//! removed, keys and entries changed (members, chairs, meetings, notices …) — and which
//! findings the change introduces or resolves. Made for a pull-request comment.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;
use toml::{Table, Value};

use crate::finding::{Finding, Message};
use crate::model::Registry;

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
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EntryChange {
    /// The array: `member`, `chair`, `meeting`, `notice`, `obligation`, `role`, `event`, `decision`.
    pub kind: String,
    pub change: Change,
    pub description: String,
    pub fields: Vec<FieldChange>,
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

fn describe(kind: &str, t: &Table) -> String {
    let f = |k: &str| field(t, k);
    let until = |k: &str| {
        t.get(k)
            .map(|v| format!(" to {}", show(v)))
            .unwrap_or_default()
    };
    match kind {
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
            format!("{} {} at {}", f("date"), f("action"), place)
        }
        "decision" => format!("{} {} on {}", f("party"), f("outcome"), f("date")),
        _ => kind.to_owned(),
    }
}

fn field_changes(old: &Table, new: &Table, skip: impl Fn(&str) -> bool) -> Vec<FieldChange> {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|k| !skip(k) && old.get(*k) != new.get(*k))
        .map(|k| FieldChange {
            key: k.clone(),
            old: old.get(k).map(show),
            new: new.get(k).map(show),
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
                    description: describe(kind, a),
                    fields: field_changes(b, a, |_| false),
                },
                (None, Some(a)) => EntryChange {
                    kind: kind.to_owned(),
                    change: Change::Added,
                    description: describe(kind, a),
                    fields: Vec::new(),
                },
                (Some(b), None) => EntryChange {
                    kind: kind.to_owned(),
                    change: Change::Removed,
                    description: describe(kind, b),
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
        let fields = field_changes(o, n, is_entry_array);
        let arrays: BTreeSet<&String> = o
            .keys()
            .chain(n.keys())
            .filter(|k| is_entry_array(k))
            .collect();
        let entries = arrays
            .iter()
            .flat_map(|k| entry_changes(k, entry_key(k).expect("filtered"), o.get(*k), n.get(*k)))
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
            "event",
            entry_key("event").expect("events pair by key"),
            Some(&old),
            Some(&new),
        );
        let described: Vec<(Change, &str)> = changes
            .iter()
            .map(|c| (c.change, c.description.as_str()))
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
                "member",
                &table("name = \"A\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n")
            ),
            "A (umea, ordinary) from 2024-01-01"
        );
        assert_eq!(
            describe(
                "member",
                &table("name = \"S\"\nrole = \"secretary\"\nfrom = 2024-01-01\nto = 2025-12-31\n")
            ),
            "S (secretary) from 2024-01-01 to 2025-12-31"
        );
    }
}
