//! One file's text to one typed document: TOML syntax first, then the file kind's schema.

use serde::Deserialize;
use toml::de::DeTable;

use super::validate::Node;

use super::{FileFinding, FileKind};
use crate::finding::Message;
use crate::model::meeting::MeetingsFile;
use crate::model::{Agreement, Body, Case, Party, Roster, Settings};
use crate::msg;
use crate::rules::loading::{SCHEMA, TOML_SYNTAX};

#[derive(Debug)]
pub enum Document {
    Settings(Settings),
    Party(Party),
    Agreement(Agreement),
    // Boxed: a body is much larger than the other documents.
    Body(Box<Body>),
    Roster(Roster),
    Meetings(i32, MeetingsFile),
    Case(Case),
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
pub(super) fn parse(kind: &FileKind, text: &str) -> Result<Document, Vec<FileFinding>> {
    let (doc, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax
            .iter()
            .map(|e| FileFinding {
                rule: &TOML_SYNTAX,
                span: e.span().unwrap_or(0..0),
                message: msg!("toml-syntax", detail = one_line(e.message())),
            })
            .collect());
    }
    let schema = cached_schema(kind);
    let empty = doc.get_ref().is_empty();
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
    let de = toml::Deserializer::from(doc);
    let error = |e: toml::de::Error| {
        vec![schema_finding(
            e.span().unwrap_or(0..0),
            msg!(
                "schema-deserialize",
                detail = one_line(e.message()).replace("missing field", "missing required key")
            ),
        )]
    };
    Ok(match kind {
        FileKind::Settings => Document::Settings(Settings::deserialize(de).map_err(error)?),
        FileKind::Party => Document::Party(Party::deserialize(de).map_err(error)?),
        FileKind::Agreement => Document::Agreement(Agreement::deserialize(de).map_err(error)?),
        FileKind::Body => Document::Body(Box::new(Body::deserialize(de).map_err(error)?)),
        FileKind::Roster => Document::Roster(Roster::deserialize(de).map_err(error)?),
        FileKind::Meetings(year) => {
            Document::Meetings(*year, MeetingsFile::deserialize(de).map_err(error)?)
        }
        FileKind::Case => Document::Case(Case::deserialize(de).map_err(error)?),
    })
}

/// toml's messages can span lines; a finding is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
