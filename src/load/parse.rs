//! One file's text to one typed document: TOML syntax first, then the file kind's schema.

use serde::Deserialize;

use super::{FileFinding, FileKind};
use crate::model::meeting::MeetingsFile;
use crate::model::{Agreement, Body, Case, Party, Roster, Settings};
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

pub(super) fn parse(kind: &FileKind, text: &str) -> Result<Document, FileFinding> {
    let de = toml::Deserializer::parse(text).map_err(|e| FileFinding {
        rule: &TOML_SYNTAX,
        span: e.span().unwrap_or(0..0),
        message: format!("invalid TOML: {}", one_line(e.message())),
    })?;
    let schema_error = |e: toml::de::Error| {
        let mut message = one_line(e.message()).replace("missing field", "missing required key");
        if message.starts_with("unknown field") {
            message = message
                .replace("unknown field", "unknown key")
                .replace("expected one of", "expected one of the keys");
        }
        if text.trim().is_empty() {
            message = format!("the file is empty: {message}");
        }
        FileFinding {
            rule: &SCHEMA,
            span: e.span().unwrap_or(0..0),
            message,
        }
    };
    Ok(match kind {
        FileKind::Settings => Document::Settings(Settings::deserialize(de).map_err(schema_error)?),
        FileKind::Party => Document::Party(Party::deserialize(de).map_err(schema_error)?),
        FileKind::Agreement => {
            Document::Agreement(Agreement::deserialize(de).map_err(schema_error)?)
        }
        FileKind::Body => Document::Body(Box::new(Body::deserialize(de).map_err(schema_error)?)),
        FileKind::Roster => Document::Roster(Roster::deserialize(de).map_err(schema_error)?),
        FileKind::Meetings(year) => {
            Document::Meetings(*year, MeetingsFile::deserialize(de).map_err(schema_error)?)
        }
        FileKind::Case => Document::Case(Case::deserialize(de).map_err(schema_error)?),
    })
}

/// toml's messages can span lines; a finding is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
