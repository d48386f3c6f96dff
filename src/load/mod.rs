//! Loading: read a registry's files (from a directory or a git revision), parse them in
//! parallel, and gather them into a [`Registry`], reporting every problem of the run.

pub mod dir;
pub mod git;
mod parse;
pub mod validate;

use rayon::prelude::*;

use crate::finding::{Finding, Message};
use crate::model::{Entity, MeetingEntry, Registry};
use crate::msg;
use crate::rules::loading::{DUPLICATE_ID, INVALID_ID, UNEXPECTED_FILE, UNREADABLE_FILE};
use crate::source::{Location, SourceFile};
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

/// `[a-z0-9][a-z0-9-]*`
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses the files and builds the registry. Findings come back in file order.
pub fn load(mut files: Vec<RawFile>) -> (Registry, Vec<Finding>) {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let parsed: Vec<(SourceFile, Option<Document>, Vec<FileFinding>)> =
        files.into_par_iter().map(parse_one).collect();

    let mut reg = Registry::default();
    let mut findings = Vec::new();
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
                reg.bodies.insert(
                    id.clone(),
                    Entity {
                        id,
                        file,
                        value: *value,
                    },
                );
            }
            Document::Roster(value) => {
                reg.rosters.insert(id.clone(), Entity { id, file, value });
            }
            Document::Meetings(file_year, value) => {
                reg.meetings
                    .extend(value.meeting.into_iter().map(|meeting| MeetingEntry {
                        file,
                        file_year,
                        meeting,
                    }));
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

fn parse_one(raw: RawFile) -> (SourceFile, Option<Document>, Vec<FileFinding>) {
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
    let document = match parse::parse(&kind, &source.text) {
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
