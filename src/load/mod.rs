//! Loading: read a registry's files (from a directory or a git revision), parse them in
//! parallel, and gather them into a [`Registry`], reporting every problem of the run.

pub(crate) mod de;
pub mod dir;
pub mod git;
mod parse;
pub mod tree;
pub mod validate;

use std::sync::Arc;

use rayon::prelude::*;

use crate::finding::{Finding, Message};
use crate::model::{Entity, Registry};
use crate::msg;
use crate::rules::loading::{DUPLICATE_ID, INVALID_ID, UNEXPECTED_FILE, UNREADABLE_FILE};
use crate::source::{FileId, Location, SourceFile};
use parse::Document;

/// A file as read from the registry, before parsing.
#[derive(Debug)]
pub struct RawFile {
    /// Path relative to the registry root, with `/` separators.
    pub path: String,
    pub content: RawContent,
}

#[derive(Debug)]
pub enum RawContent {
    Bytes(Vec<u8>),
    /// Could not be read: the reason.
    Unreadable(String),
    /// A symbolic link: never followed.
    Symlink,
    /// A `.toml` name on something that is not a file (a directory, a named pipe, a
    /// socket, a device, a git submodule): what it is, never opened.
    NotAFile(&'static str),
}

/// What a path holds, by the layout of the format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FileKind {
    Settings,
    Party,
    Agreement,
    Body,
    Roster,
    Meetings(i32),
    Case,
}

impl FileKind {
    /// Which kind of file the layout puts at `path`, with its id (the file stem).
    fn classify(path: &str) -> Option<(FileKind, &str)> {
        let parts: Vec<&str> = path.split('/').collect();
        let stem = parts.last()?.strip_suffix(".toml")?;
        let kind = match parts.as_slice() {
            ["registry.toml"] => FileKind::Settings,
            ["parties", _] => FileKind::Party,
            ["agreements", _] => FileKind::Agreement,
            ["bodies", _] => FileKind::Body,
            ["members", _] => FileKind::Roster,
            ["meetings", _] => {
                let year = (stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| stem.parse().ok())
                    .flatten()?;
                FileKind::Meetings(year)
            }
            ["cases", _, _] => FileKind::Case,
            _ => return None,
        };
        Some((kind, stem))
    }
}

/// The parts of a registry a command reads. `registry.toml` and files in places the layout
/// does not know are always read; views read only the kinds they show, so that `graph`
/// does not parse a year of half a million meetings. A file a command does not read is not
/// checked either: finding its problems is `check`'s work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub parties: bool,
    pub agreements: bool,
    pub bodies: bool,
    pub rosters: bool,
    pub meetings: bool,
    pub cases: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        parties: true,
        agreements: true,
        bodies: true,
        rosters: true,
        meetings: true,
        cases: true,
    };
    /// Parties, agreements and bodies: small files every view names things from.
    pub const STRUCTURE: Parts = Parts {
        parties: true,
        agreements: true,
        bodies: true,
        rosters: false,
        meetings: false,
        cases: false,
    };

    /// Whether the file at `path` (relative to the registry, `/`-separated) is read.
    pub fn reads(&self, path: &str) -> bool {
        match FileKind::classify(path) {
            None | Some((FileKind::Settings, _)) => true,
            Some((FileKind::Party, _)) => self.parties,
            Some((FileKind::Agreement, _)) => self.agreements,
            Some((FileKind::Body, _)) => self.bodies,
            Some((FileKind::Roster, _)) => self.rosters,
            Some((FileKind::Meetings(_), _)) => self.meetings,
            Some((FileKind::Case, _)) => self.cases,
        }
    }
}

/// `[a-z0-9][a-z0-9-]*`
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A registry as loaded, with the problems found loading it.
pub type Loaded = (Registry, Vec<Finding>);

/// A file as parsed: its source, its document if it loads, and its problems.
type Parsed = (SourceFile, Option<Document>, Vec<FileFinding>);

/// Parses the files and builds the registry. Findings come back in file order.
pub fn load(files: Vec<RawFile>) -> (Registry, Vec<Finding>) {
    load_keeping(files, Texts::All)
}

/// Which files' texts a loaded registry keeps, for the line, column and excerpt of a
/// finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Every file's: the rules may find something in any of them.
    All,
    /// Only those of files with a finding from loading, for a view that reports no
    /// other: the texts are a quarter of a national registry's memory, and each is
    /// dropped as soon as its file is parsed.
    WithFindings,
}

/// As [`load`], keeping the texts `texts` says.
pub fn load_keeping(mut files: Vec<RawFile>, texts: Texts) -> (Registry, Vec<Finding>) {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Sources are added in this order below, so a file's id is its position here.
    let parsed: Vec<Parsed> = files
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| {
            let mut parsed = parse_one(FileId(i), raw);
            if texts == Texts::WithFindings && parsed.2.is_empty() {
                parsed.0.text = Arc::default();
            }
            parsed
        })
        .collect();
    assemble(parsed)
}

/// Loads two versions of a registry, the sides of `diff`: a file with the same path and
/// bytes on both sides is parsed once and its document copied, which costs a fraction of
/// parsing it again.
pub fn load_pair(mut old: Vec<RawFile>, mut new: Vec<RawFile>) -> (Loaded, Loaded) {
    old.sort_by(|a, b| a.path.cmp(&b.path));
    new.sort_by(|a, b| a.path.cmp(&b.path));
    let same_bytes = |a: &RawFile, b: &RawFile| match (&a.content, &b.content) {
        (RawContent::Bytes(x), RawContent::Bytes(y)) => a.path == b.path && x == y,
        _ => false,
    };
    // For each new file, the old file it is the same as.
    let twins: Vec<Option<usize>> = new
        .par_iter()
        .map(|n| {
            old.binary_search_by(|o| o.path.cmp(&n.path))
                .ok()
                .filter(|&i| same_bytes(&old[i], n))
        })
        .collect();
    let old_parsed: Vec<Parsed> = old
        .into_par_iter()
        .enumerate()
        .map(|(i, raw)| parse_one(FileId(i), raw))
        .collect();
    let new_parsed: Vec<Parsed> = new
        .into_par_iter()
        .zip(twins)
        .enumerate()
        .map(|(i, (raw, twin))| match twin {
            Some(j) => {
                let (source, mut document, findings) = old_parsed[j].clone();
                if let Some(Document::Meetings(entries)) = &mut document {
                    for entry in entries {
                        entry.file = FileId(i);
                    }
                }
                (source, document, findings)
            }
            None => parse_one(FileId(i), raw),
        })
        .collect();
    (assemble(old_parsed), assemble(new_parsed))
}

/// The registry from its parsed files, in path order.
fn assemble(parsed: Vec<Parsed>) -> Loaded {
    let mut reg = Registry::default();
    let mut findings = Vec::new();
    let meetings: usize = parsed
        .iter()
        .map(|(_, document, _)| match document {
            Some(Document::Meetings(entries)) => entries.len(),
            _ => 0,
        })
        .sum();
    for (source, document, file_findings) in parsed {
        let id = source
            .path
            .rsplit('/')
            .next()
            .and_then(|name| name.strip_suffix(".toml"))
            .unwrap_or_default()
            .to_owned();
        let path = source.path.clone();
        let file = reg.sources.add(source);
        findings.extend(
            file_findings
                .into_iter()
                .map(|f| f.rule.finding(Location::new(file, f.span), f.message)),
        );
        let Some(document) = document else {
            if let Some(stem) = path.strip_suffix(".toml") {
                reg.left_out.insert(stem.to_owned());
            }
            continue;
        };
        let duplicate = || {
            DUPLICATE_ID.finding(
                Location::file(file),
                msg!("load-duplicate-case", path = &path, id = &id),
            )
        };
        match document {
            Document::Settings(value) => reg.settings = Some(Entity { id, file, value }),
            Document::Party(value) => {
                reg.parties.insert(id.clone(), Entity { id, file, value });
            }
            Document::Agreement(value) => {
                reg.agreements
                    .insert(id.clone(), Entity { id, file, value });
            }
            Document::Body(value) => {
                reg.bodies.insert(id.clone(), Entity { id, file, value });
            }
            Document::Roster(value) => {
                reg.rosters.insert(id.clone(), Entity { id, file, value });
            }
            Document::Meetings(mut entries) => {
                // The first file's list is moved, not copied (one large file stays one
                // copy), and grown once to hold every meeting, not doubled file by file.
                if reg.meetings.is_empty() {
                    reg.meetings = entries;
                    reg.meetings.reserve_exact(meetings - reg.meetings.len());
                } else {
                    reg.meetings.append(&mut entries);
                }
            }
            Document::Case(value) => {
                if reg.cases.contains_key(&id) {
                    findings.push(duplicate());
                } else {
                    reg.cases.insert(id.clone(), Entity { id, file, value });
                }
            }
        }
    }
    reg.finish();
    (reg, findings)
}

/// Loads a registry from `(path, text)` pairs held in memory (tests, tools that generate
/// registries).
pub fn load_texts<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Registry, Vec<Finding>) {
    load(
        files
            .into_iter()
            .map(|(path, text)| RawFile {
                path: path.to_owned(),
                content: RawContent::Bytes(text.as_bytes().to_vec()),
            })
            .collect(),
    )
}

/// A finding about one file, before the file has its id in the registry's sources.
#[derive(Clone)]
struct FileFinding {
    rule: &'static crate::rules::Rule,
    span: std::ops::Range<usize>,
    message: Message,
}

impl FileFinding {
    fn whole(rule: &'static crate::rules::Rule, message: Message) -> Self {
        FileFinding {
            rule,
            span: 0..0,
            message,
        }
    }
}

fn parse_one(file: FileId, raw: RawFile) -> Parsed {
    let path = raw.path;
    let mut findings = Vec::new();
    let classified = FileKind::classify(&path);
    let unreadable = |why: Message| {
        (
            SourceFile::new(path.clone(), String::new()),
            None,
            vec![FileFinding::whole(&UNREADABLE_FILE, why)],
        )
    };
    let bytes = match raw.content {
        RawContent::Symlink => {
            return (
                SourceFile::new(path.clone(), String::new()),
                None,
                vec![FileFinding::whole(
                    &UNEXPECTED_FILE,
                    msg!("load-symlink", path = &path),
                )],
            );
        }
        RawContent::NotAFile(what) => {
            return (
                SourceFile::new(path.clone(), String::new()),
                None,
                vec![FileFinding::whole(
                    &UNEXPECTED_FILE,
                    msg!("load-not-a-file", path = &path, what = what),
                )],
            );
        }
        RawContent::Unreadable(why) => {
            return unreadable(msg!("load-unreadable", path = &path, reason = why));
        }
        RawContent::Bytes(bytes) => bytes,
    };
    let Some((kind, id)) = classified else {
        return (
            SourceFile::new(path.clone(), String::new()),
            None,
            vec![FileFinding::whole(
                &UNEXPECTED_FILE,
                unexpected_file_message(&path),
            )],
        );
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return unreadable(msg!("load-not-utf8", path = &path, offset = at));
        }
    };
    if !is_valid_id(id) {
        findings.push(FileFinding::whole(
            &INVALID_ID,
            msg!("load-invalid-id", id = id),
        ));
    }
    let source = SourceFile::new(path, text);
    let document = match parse::parse(&kind, file, &source.text) {
        Ok(document) => Some(document),
        Err(problems) => {
            findings.extend(problems);
            None
        }
    };
    (source, document, findings)
}

fn unexpected_file_message(path: &str) -> Message {
    let hint = match path.split('/').next() {
        Some("meetings") => msg!("load-hint-meetings"),
        Some("cases") => msg!("load-hint-cases"),
        _ => msg!("load-hint-layout"),
    };
    msg!("load-unexpected-file", path = path, hint = hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_format() {
        assert!(is_valid_id("region-vasterbotten"));
        assert!(is_valid_id("2020-strategi"));
        assert!(!is_valid_id("-umea"));
        assert!(!is_valid_id("Umea"));
        assert!(!is_valid_id("umeå"));
        assert!(!is_valid_id(""));
    }

    fn raw(files: &[(&str, &str)]) -> Vec<RawFile> {
        files
            .iter()
            .map(|(path, text)| RawFile {
                path: (*path).to_owned(),
                content: RawContent::Bytes(text.as_bytes().to_vec()),
            })
            .collect()
    }

    #[test]
    fn a_view_keeps_only_the_texts_of_files_that_did_not_load() {
        let files = [
            ("registry.toml", "name = \"X\"\n"),
            (
                "parties/umea.toml",
                "name = \"Umeå kommun\"\nkind = \"municipality\"\n",
            ),
            ("parties/vindeln.toml", "name = \"Vindeln\n"),
        ];
        let text = |reg: &Registry, path: &str| {
            let id = (0..files.len())
                .map(FileId)
                .find(|&f| reg.sources.get(f).path == path)
                .unwrap();
            reg.sources.get(id).text.to_string()
        };
        let (all, _) = load_keeping(raw(&files), Texts::All);
        let (view, findings) = load_keeping(raw(&files), Texts::WithFindings);
        assert_eq!(text(&all, "parties/umea.toml"), files[1].1);
        assert_eq!(text(&view, "parties/umea.toml"), "");
        assert_eq!(text(&view, "parties/vindeln.toml"), files[2].1);
        assert!(findings.iter().any(Finding::is_fatal));
    }

    /// What a loaded registry says, comparable: findings with their places, and meetings
    /// with their files.
    fn summary((reg, findings): &(Registry, Vec<Finding>)) -> Vec<String> {
        let place = |file: crate::source::FileId| reg.sources.get(file).path.clone();
        findings
            .iter()
            .map(|f| {
                let at = f.location.as_ref().map(|l| (place(l.file), l.span.clone()));
                format!("{} {at:?} {}", f.code, f.message.english())
            })
            .chain(reg.meetings.iter().map(|m| {
                format!(
                    "{} {:?} {}",
                    place(m.file),
                    m.meeting.span(),
                    m.get().body.get_ref()
                )
            }))
            .chain(
                reg.sources
                    .iter()
                    .map(|s| format!("{} {}", s.path, s.text.len())),
            )
            .collect()
    }

    #[test]
    fn a_pair_of_sides_loads_as_each_side_alone() {
        let meetings = "[[meeting]]\nbody = \"samrad\"\ndate = 2026-03-20\n";
        let old = [
            ("registry.toml", "name = \"Test\"\n"),
            (
                "parties/umea.toml",
                "name = \"Umeå\"\nkind = \"municipality\"\n",
            ),
            ("meetings/2026.toml", meetings),
            ("parties/vindeln.toml", "name = \"Vindeln\"\n"),
        ];
        // A file added before the others moves every file id; one changed, one broken.
        let new = [
            ("agreements/a.toml", "title = \"A\"\n"),
            ("registry.toml", "name = \"Test\"\n"),
            (
                "parties/umea.toml",
                "name = \"Umeå\"\nkind = \"municipality\"\n",
            ),
            ("meetings/2026.toml", meetings),
            ("parties/vindeln.toml", "name = \"Vindeln\n"),
        ];
        let (old_side, new_side) = load_pair(raw(&old), raw(&new));
        assert_eq!(summary(&old_side), summary(&load(raw(&old))));
        assert_eq!(summary(&new_side), summary(&load(raw(&new))));
        assert!(
            summary(&new_side)
                .iter()
                .any(|s| s.starts_with("meetings/2026.toml 0.."))
        );
    }

    #[test]
    fn parts_leave_out_only_the_kinds_not_asked_for() {
        let graph = Parts::STRUCTURE;
        for path in [
            "registry.toml",
            "parties/umea.toml",
            "agreements/a.toml",
            "bodies/b.toml",
            "people/x.toml",
            "meetings/plan.toml",
        ] {
            assert!(graph.reads(path), "{path}");
        }
        for path in ["members/b.toml", "meetings/2026.toml", "cases/2026/x.toml"] {
            assert!(!graph.reads(path), "{path}");
            assert!(Parts::ALL.reads(path), "{path}");
        }
    }

    #[test]
    fn the_layout_names_each_place() {
        assert_eq!(
            FileKind::classify("registry.toml"),
            Some((FileKind::Settings, "registry"))
        );
        assert_eq!(
            FileKind::classify("meetings/2026.toml"),
            Some((FileKind::Meetings(2026), "2026"))
        );
        assert_eq!(FileKind::classify("meetings/plan.toml"), None);
        assert_eq!(
            FileKind::classify("cases/2026/x.toml"),
            Some((FileKind::Case, "x"))
        );
        assert_eq!(FileKind::classify("cases/x.toml"), None);
        assert_eq!(FileKind::classify("people/x.toml"), None);
        assert_eq!(FileKind::classify("parties/a/b.toml"), None);
    }
}
