//! One file's text to one typed document: TOML syntax first, then the file kind's schema.

use std::sync::Arc;

use super::de::{self, from_tree};
use super::tree::{self, Table, Value};
use super::validate::Node;

use super::{FileFinding, FileKind};
use crate::finding::Message;
use crate::model::meeting::MeetingsFile;
use crate::model::{Agreement, Body, Case, MeetingEntry, Party, Roster, Settings};
use crate::msg;
use crate::rules::loading::{SCHEMA, TOML_SYNTAX};
use crate::source::FileId;

/// A file's typed content. Every kind but the meetings (already a list) is behind an
/// `Arc`: the parsed files wait side by side for the registry to take them (an enum as
/// large as its largest kind cost 14 MB more at the peak of a national `check`), and the
/// two sides of `diff` share a file that did not change instead of copying it.
#[derive(Debug, Clone)]
pub enum Document {
    Settings(Arc<Settings>),
    Party(Arc<Party>),
    Agreement(Arc<Agreement>),
    Body(Arc<Body>),
    Roster(Arc<Roster>),
    Meetings(Vec<MeetingEntry>),
    Case(Arc<Case>),
}

/// The file kind's name in `crate::schema`.
fn schema_kind(kind: &FileKind) -> &'static str {
    match kind {
        FileKind::Settings => "registry",
        FileKind::Party => "party",
        FileKind::Agreement => "agreement",
        FileKind::Body => "body",
        FileKind::Roster => "members",
        FileKind::Meetings(_) => "meetings",
        FileKind::Case => "case",
    }
}

/// The schema of a file kind, built once per run rather than once per file.
fn cached_schema(kind: &FileKind) -> &'static Node {
    use std::collections::HashMap;
    use std::sync::LazyLock;
    static SCHEMAS: LazyLock<HashMap<&'static str, Node>> = LazyLock::new(|| {
        crate::schema::KINDS
            .iter()
            .map(|k| {
                (
                    *k,
                    Node::compile(&crate::schema::schema(k).expect("every kind has a schema")),
                )
            })
            .collect()
    });
    &SCHEMAS[schema_kind(kind)]
}

/// Parses one file. Err: every syntax or schema problem found in it.
pub(super) fn parse(
    kind: &FileKind,
    file: FileId,
    text: &str,
) -> Result<Document, Vec<FileFinding>> {
    if let FileKind::Meetings(year) = kind
        && let Some(meetings) = meetings_by_parts(file, *year, text)
    {
        return meetings;
    }
    parse_whole(kind, file, text)
}

/// Parses one file in one piece.
fn parse_whole(kind: &FileKind, file: FileId, text: &str) -> Result<Document, Vec<FileFinding>> {
    let doc = tree::read(text).map_err(|syntax| syntax_findings(text, &syntax))?;
    let schema = cached_schema(kind);
    let empty = doc.value.as_table().is_some_and(Table::is_empty);
    let problems = super::validate::validate(schema, &doc);
    let schema_finding = |span: std::ops::Range<usize>, message: Message| FileFinding {
        rule: &SCHEMA,
        span,
        message: if empty {
            msg!("schema-empty-file", problem = message)
        } else {
            message
        },
    };
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|(span, message)| schema_finding(span, message))
            .collect());
    }
    // What the schema cannot say (a day that does not exist in a time, a year beyond the
    // calendar) comes from deserializing.
    let error = |e: de::Error| {
        vec![schema_finding(
            e.span().unwrap_or(0..0),
            msg!(
                "schema-deserialize",
                detail = one_line(e.message()).replace("missing field", "missing required key")
            ),
        )]
    };
    Ok(match kind {
        FileKind::Settings => Document::Settings(Arc::new(from_tree(&doc).map_err(error)?)),
        FileKind::Party => Document::Party(Arc::new(from_tree(&doc).map_err(error)?)),
        FileKind::Agreement => Document::Agreement(Arc::new(from_tree(&doc).map_err(error)?)),
        FileKind::Body => Document::Body(Arc::new(from_tree(&doc).map_err(error)?)),
        FileKind::Roster => Document::Roster(Arc::new(from_tree(&doc).map_err(error)?)),
        FileKind::Meetings(year) => Document::Meetings(
            from_tree::<MeetingsFile>(&doc)
                .map_err(error)?
                .meeting
                .into_iter()
                .map(|meeting| MeetingEntry {
                    file,
                    file_year: *year,
                    meeting,
                })
                .collect(),
        ),
        FileKind::Case => Document::Case(Arc::new(from_tree(&doc).map_err(error)?)),
    })
}

/// toml's syntax errors as findings.
fn syntax_findings(text: &str, syntax: &[toml::de::Error]) -> Vec<FileFinding> {
    // toml reports a key too deep to read without a place: find those keys ourselves, in
    // order, so each such error points at its own key.
    let mut deep = deep_keys(text);
    syntax
        .iter()
        .map(|e| {
            let (span, message) = match (e.span(), deep.next()) {
                (Some(span), _) => (span, msg!("toml-syntax", detail = one_line(e.message()))),
                (None, Some((span, parts))) => (
                    span,
                    msg!(
                        "toml-syntax-too-deep",
                        detail = one_line(e.message()),
                        parts = parts
                    ),
                ),
                (None, None) => (0..0, msg!("toml-syntax", detail = one_line(e.message()))),
            };
            FileFinding {
                rule: &TOML_SYNTAX,
                span,
                message,
            }
        })
        .collect()
}

/// The fewest dotted parts of a key (`a.b.c` has 3) that toml refuses, without saying
/// where: its path (the parts before the last) may have at most 79.
const DEEP_KEY_PARTS: usize = 81;

/// Each key (of a key/value line or a table header) with at least [`DEEP_KEY_PARTS`]
/// parts, in file order: the span of its first part and its number of parts.
fn deep_keys(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + '_ {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        longest_dotted_chain(line)
            .filter(|chain| chain.parts >= DEEP_KEY_PARTS)
            .map(|chain| {
                (
                    start + chain.first.start..start + chain.first.end,
                    chain.parts,
                )
            })
    })
}

struct Chain {
    /// Byte range of the first part within the line.
    first: std::ops::Range<usize>,
    parts: usize,
}

/// The longest run of bare or quoted keys joined by `.` on one line (whitespace around the
/// dots allowed, as in TOML). A float has two parts and a date none, so a long run is a
/// key. A sketch of TOML's key grammar, not a parser: it only places what toml refused.
fn longest_dotted_chain(line: &str) -> Option<Chain> {
    let bytes = line.as_bytes();
    let mut best: Option<Chain> = None;
    let mut current: Option<Chain> = None;
    let mut after_dot = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let token_end = match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' => {
                let len = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
                    .count();
                Some(i + len)
            }
            b'"' | b'\'' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b {
                    j += if b == b'"' && bytes[j] == b'\\' { 2 } else { 1 };
                }
                Some((j + 1).min(bytes.len()))
            }
            _ => None,
        };
        match (token_end, b) {
            (Some(end), _) => {
                match current.as_mut() {
                    Some(chain) if after_dot => chain.parts += 1,
                    _ => {
                        if let Some(done) = current.take() {
                            best = longer(best, done);
                        }
                        current = Some(Chain {
                            first: i..end,
                            parts: 1,
                        });
                    }
                }
                after_dot = false;
                i = end;
                continue;
            }
            (None, b' ' | b'\t') => {}
            (None, b'.') if current.is_some() && !after_dot => after_dot = true,
            (None, _) => {
                if let Some(done) = current.take() {
                    best = longer(best, done);
                }
                after_dot = false;
                if b == b'#' {
                    break;
                }
            }
        }
        i += 1;
    }
    match current {
        Some(done) => longer(best, done),
        None => best,
    }
}

fn longer(best: Option<Chain>, other: Chain) -> Option<Chain> {
    match best {
        Some(best) if best.parts >= other.parts => Some(best),
        _ => Some(other),
    }
}

/// toml's messages can span lines; a finding is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A meetings file read one `[[meeting]]` at a time, when its layout allows: the tree of a
/// whole file costs several times the file's size (twenty times when it was toml's), which
/// for a year of half a million meetings is hundreds of megabytes; one meeting's tree at a
/// time costs nothing, and the parts are read in parallel.
///
/// None (read the file whole) unless every line is blank, a comment, `[[meeting]]` or a
/// key and value, with no multi-line strings, and nothing comes before the first
/// `[[meeting]]`; and unless every part reads without a syntax error and deserializes. So a
/// file with such problems is read whole, and its findings are exactly those of the whole
/// file. Schema problems are found part by part, spelt the same, at the same places.
fn meetings_by_parts(
    file: FileId,
    year: i32,
    text: &str,
) -> Option<Result<Document, Vec<FileFinding>>> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    const HEADER: &str = "[[meeting]]";
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.starts_with('[') {
            let rest = content.strip_prefix(HEADER)?.trim_start();
            if !(rest.is_empty() || rest.starts_with('#')) {
                return None;
            }
            starts.push(offset);
        } else if starts.is_empty() && !(content.is_empty() || content.starts_with('#')) {
            return None;
        }
        offset += line.len();
    }
    if starts.is_empty() {
        return None;
    }
    let schema = cached_schema(&FileKind::Meetings(year));
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let parts: Vec<(usize, std::ops::Range<usize>)> = starts
        .iter()
        .copied()
        .zip(ends)
        .map(|(a, b)| a..b)
        .enumerate()
        .collect();
    // Each part: its meeting, or its schema problems; None: read the whole file instead.
    let read = |(index, range): &(usize, std::ops::Range<usize>)| {
        let doc = tree::read_part(text, range.clone()).ok()?;
        let element = match doc.value.as_table()?.get("meeting").map(|m| &m.value) {
            Some(Value::Array(array)) if array.items.len() == 1 => &array.items[0],
            _ => return None,
        };
        let problems = super::validate::validate_element(schema, "meeting", *index, element)?;
        if !problems.is_empty() {
            return Some(Err(problems
                .into_iter()
                .map(|(span, message)| FileFinding {
                    rule: &SCHEMA,
                    span,
                    message,
                })
                .collect::<Vec<_>>()));
        }
        let mut meetings = from_tree::<MeetingsFile>(&doc).ok()?.meeting;
        let meeting = meetings.pop().filter(|_| meetings.is_empty())?;
        Some(Ok(MeetingEntry {
            file,
            file_year: year,
            meeting,
        }))
    };
    // Straight into one list of meetings, each written into its place: a list of results
    // first, then the meetings copied out of it, held a large year twice, and so did
    // rayon's short-circuiting collect (per-thread lists grown by doubling, then joined).
    // Only a file with problems is read a second time, to gather them all.
    let (problems, whole) = (AtomicBool::new(false), AtomicBool::new(false));
    let mut read_parts: Vec<Option<MeetingEntry>> = Vec::new();
    parts
        .par_iter()
        .map(|part| match read(part) {
            Some(Ok(meeting)) => Some(meeting),
            Some(Err(_)) => {
                problems.store(true, Ordering::Relaxed);
                None
            }
            None => {
                whole.store(true, Ordering::Relaxed);
                None
            }
        })
        .collect_into_vec(&mut read_parts);
    if whole.into_inner() {
        return None;
    }
    if !problems.into_inner() {
        // Every part gave its meeting: the same allocation, unwrapped in place. Not
        // `flatten`, which std does not collect in place: it allocated a second list.
        #[allow(clippy::filter_map_identity)]
        let meetings = read_parts.into_iter().filter_map(|m| m).collect();
        return Some(Ok(Document::Meetings(meetings)));
    }
    drop(read_parts);
    let results: Vec<Result<MeetingEntry, Vec<FileFinding>>> =
        parts.par_iter().map(read).collect::<Option<_>>()?;
    Some(Err(results
        .into_iter()
        .filter_map(Result::err)
        .flatten()
        .collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        match parse(&FileKind::Party, FileId(0), text) {
            Err(findings) => findings
                .into_iter()
                .filter(|f| std::ptr::eq(f.rule, &TOML_SYNTAX))
                .map(|f| (f.span, f.message.english()))
                .collect(),
            Ok(_) => Vec::new(),
        }
    }

    fn dotted(parts: usize) -> String {
        vec!["a"; parts].join(".")
    }

    #[test]
    fn the_deepest_key_toml_reads_is_one_part_short_of_the_limit() {
        let head = "name = \"X\"\nkind = \"region\"\n";
        let ok = format!(
            "{head}[{}]\n{} = 1\n",
            dotted(DEEP_KEY_PARTS - 1),
            dotted(2)
        );
        assert_eq!(syntax(&ok), vec![]);
        let deep = format!("{head}{} = 1\n", dotted(DEEP_KEY_PARTS));
        assert_eq!(syntax(&deep).len(), 1);
    }

    #[test]
    fn a_key_too_deep_points_at_its_line() {
        let head = "name = \"X\"\nkind = \"region\"\n";
        let at = head.len() + 2;
        let key = format!("{head}  {} = 1\n", dotted(100_000));
        let found = syntax(&key);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, at..at + 1);
        assert!(found[0].1.contains("100000 dotted parts"), "{}", found[0].1);

        let header = format!("{head}[{}]\nx = 1\n", dotted(100_000));
        assert_eq!(syntax(&header)[0].0, head.len() + 1..head.len() + 2);

        let quoted = format!("{head}\"q.\" . {} = 1\n", vec!["'b'"; 90].join(" . "));
        assert_eq!(syntax(&quoted)[0].0, head.len()..head.len() + 4);
    }

    #[test]
    fn chains_are_keys_not_numbers_or_strings() {
        let chain = |line: &str| longest_dotted_chain(line).map(|c| (c.first, c.parts));
        assert_eq!(chain("a.b.c = 1.5"), Some((0..1, 3)));
        assert_eq!(chain("x = [1.0, 2.0, 3.0]"), Some((5..6, 2)));
        assert_eq!(chain("x = \"a.b.c.d\""), Some((0..1, 1)));
        assert_eq!(chain("# a.b.c.d"), None);
        assert_eq!(chain("[\"a\\\".b\" . c]"), Some((1..8, 2)));
        assert_eq!(chain("a . b c.d.e"), Some((6..7, 3)));
    }

    /// What a parse gave, comparable: each meeting's spans, or each finding.
    fn outcome(result: Result<Document, Vec<FileFinding>>) -> Vec<String> {
        match result {
            Ok(Document::Meetings(entries)) => entries
                .iter()
                .map(|e| {
                    let m = e.get();
                    let names =
                        |list: &[crate::model::Spanned<String>]| -> Vec<(std::ops::Range<usize>, String)> {
                            list.iter()
                                .map(|n| (n.span(), n.get_ref().clone()))
                                .collect()
                        };
                    format!(
                        "{:?} {:?}={} {:?}={:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        e.meeting.span(),
                        m.body.span(),
                        m.body.get_ref(),
                        m.date.span(),
                        m.date.get_ref(),
                        m.kind.as_ref().map(|k| (k.span(), *k.get_ref())),
                        m.host.as_ref().map(|h| (h.span(), h.get_ref())),
                        m.place.as_ref().map(|p| (p.span(), p.get_ref())),
                        names(m.absent()),
                        names(m.substitutes()),
                        m.minutes.as_ref().map(|r| (r.span(), r.get_ref())),
                    )
                })
                .collect(),
            Ok(other) => vec![format!("{other:?}")],
            Err(findings) => findings
                .iter()
                .map(|f| format!("{} {:?} {}", f.rule.code, f.span, f.message.english()))
                .collect(),
        }
    }

    /// Read by parts and read whole, a meetings file gives the same meetings at the same
    /// places, or the same findings.
    fn same_both_ways(text: &str) {
        let kind = FileKind::Meetings(2026);
        let by_parts = meetings_by_parts(FileId(3), 2026, text).expect("read by parts");
        assert_eq!(
            outcome(by_parts),
            outcome(parse_whole(&kind, FileId(3), text)),
            "{text}"
        );
    }

    #[test]
    fn meetings_read_by_parts_are_those_read_whole() {
        same_both_ways(
            "# Möten 2026\n\n[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n\n[[meeting]] # extra\r\nbody = \"lsg\"\ndate = 2026-04-02T09:30:00\nkind = \"extra\"\nhost = \"umea\"\nplace = \"Åsele, sal [1]\"\n\n[[meeting]]\nbody = \"samrad\"\ndate = 2026-05-20\nabsent = [\"Anna Ledamot\", \"Bo Ledamot\"]\nsubstitutes = [\"Cia Ersättare\"]\nminutes = \"Protokoll 2026-05-20\"\n",
        );
    }

    #[test]
    fn schema_problems_read_by_parts_are_those_read_whole() {
        same_both_ways(
            "[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n[[meeting]]\nbody = \"samrad\"\ndate = \"2026-03-21\"\nkind = \"fest\"\nroom = 3\n[[meeting]]\ndate = 2026-03-22\n",
        );
    }

    #[test]
    fn files_that_do_not_fit_the_layout_of_parts_are_read_whole() {
        for text in [
            "",
            "# nothing yet\n",
            "title = \"x\"\n[[meeting]]\nbody = \"a\"\ndate = 2026-03-20\n",
            "[[meeting]]\nbody = \"a\"\ndate = 2026-03-20\n[meeting.extra]\n",
            "[[meeting]]\nbody = \"a\"\nplace = \"\"\"\n[[meeting]]\n\"\"\"\ndate = 2026-03-20\n",
            "[[meeting]]\nbody = \"a\"\ndate = 2026-03-20\nbody = \"b\"\n",
            "[[meeting]]\nbody = \"a\"\ndate = 2026-02-30\n",
        ] {
            assert!(meetings_by_parts(FileId(0), 2026, text).is_none(), "{text}");
        }
    }
}
