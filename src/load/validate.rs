//! Every schema problem of a file at once: the parsed document is walked against its kind's
//! JSON Schema (`crate::schema`, the same one editors use), so a file with three typos gets
//! three findings — not one per run, as deserialization alone would give.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value as Json;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::finding::{Arg, Message};
use crate::msg;

/// A problem: where, and what to say.
pub type Problem = (Range<usize>, Message);

/// A JSON Schema compiled into the few shapes the registry's schemas use, so that walking
/// a national registry costs no lookups in JSON objects.
#[derive(Debug)]
pub enum Node {
    Table {
        /// Keys in the schema's (alphabetical) order, for messages.
        keys: Vec<String>,
        properties: HashMap<String, Node>,
        required: Vec<String>,
        /// The schema of keys not in `properties`; None: they are not allowed.
        other: Option<Box<Node>>,
    },
    Array(Box<Node>),
    /// The options, the schema's description of them, and the options in words.
    OneOf(Vec<Node>, String, Message),
    Const(String),
    Enum(Vec<String>),
    Date,
    DateOrDateTime,
    Text,
    Integer(Option<i64>),
    Boolean,
    Any,
}

impl Node {
    pub fn compile(schema: &Json) -> Node {
        let get = |key: &str| schema.get(key);
        if let Some(options) = get("oneOf")
            .or_else(|| get("anyOf"))
            .and_then(Json::as_array)
        {
            let what = get("description")
                .and_then(Json::as_str)
                .unwrap_or("another value");
            let options: Vec<Node> = options.iter().map(Node::compile).collect();
            let words = options
                .iter()
                .map(Node::expected)
                .reduce(|first, second| {
                    msg!("schema-option-either", first = first, second = second)
                })
                .unwrap_or_else(|| msg!("schema-expected-string"));
            return Node::OneOf(options, what.to_lowercase(), words);
        }
        if let Some(c) = get("const").and_then(Json::as_str) {
            return Node::Const(c.to_owned());
        }
        if let Some(options) = get("enum").and_then(Json::as_array) {
            return Node::Enum(
                options
                    .iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect(),
            );
        }
        match (
            get("type").and_then(Json::as_str),
            get("format").and_then(Json::as_str),
        ) {
            (Some("object"), _) => {
                let properties: HashMap<String, Node> = get("properties")
                    .and_then(Json::as_object)
                    .map(|p| {
                        p.iter()
                            .map(|(k, v)| (k.clone(), Node::compile(v)))
                            .collect()
                    })
                    .unwrap_or_default();
                let mut keys: Vec<String> = properties.keys().cloned().collect();
                keys.sort();
                Node::Table {
                    keys,
                    properties,
                    required: get("required")
                        .and_then(Json::as_array)
                        .map(|r| {
                            r.iter()
                                .filter_map(Json::as_str)
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default(),
                    other: get("additionalProperties")
                        .filter(|a| a.is_object())
                        .map(|a| Box::new(Node::compile(a))),
                }
            }
            (Some("array"), _) => {
                Node::Array(Box::new(get("items").map_or(Node::Any, Node::compile)))
            }
            (Some("string"), Some("date")) => Node::Date,
            (Some("string"), Some("date-time")) => Node::DateOrDateTime,
            (Some("string"), _) => Node::Text,
            (Some("integer"), _) => Node::Integer(get("minimum").and_then(Json::as_i64)),
            (Some("boolean"), _) => Node::Boolean,
            _ => Node::Any,
        }
    }
}

impl Node {
    /// What a value of this shape is, in words: "a date such as 2026-03-20", "\"all\"".
    fn expected(&self) -> Message {
        match self {
            Node::Const(c) => msg!("schema-expected-value", value = format!("\"{c}\"")),
            Node::Enum(options) => msg!("schema-expected-one-of", values = quoted_list(options)),
            Node::Table { .. } => msg!("schema-expected-table"),
            Node::Array(_) => msg!("schema-expected-array"),
            Node::Date => msg!("schema-expected-date"),
            Node::DateOrDateTime => msg!("schema-expected-date-time"),
            Node::Integer(_) => msg!("schema-expected-integer"),
            Node::Boolean => msg!("schema-expected-boolean"),
            Node::Text | Node::Any | Node::OneOf(..) => msg!("schema-expected-string"),
        }
    }
}

/// `"a", "b", "c"`
fn quoted_list(options: &[String]) -> String {
    let list: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
    list.join(", ")
}

/// The problems of `doc` against the compiled schema `node`.
pub fn validate(node: &Node, doc: &Spanned<DeTable>) -> Vec<Problem> {
    let mut out = Vec::new();
    table(node, doc.get_ref(), doc.span(), Path::Root, &mut out);
    out
}

/// How a value reads in a message: `"kommun"`, `3`, `an array`.
fn describe(value: &DeValue) -> Arg {
    match value {
        DeValue::String(s) => format!("\"{s}\"").into(),
        DeValue::Integer(i) => i.as_str().into(),
        DeValue::Float(_) => msg!("schema-value-fraction").into(),
        DeValue::Boolean(b) => b.to_string().into(),
        DeValue::Datetime(d) => d.to_string().into(),
        DeValue::Array(_) => msg!("schema-value-array").into(),
        DeValue::Table(_) => msg!("schema-value-table").into(),
    }
}

/// Where a value sits (`member[2].role`), spelt out only when there is something to say:
/// building the string for every value would be most of the walk's cost.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => write!(f, "{key}"),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

fn table(node: &Node, t: &DeTable, span: Range<usize>, path: Path, out: &mut Vec<Problem>) {
    let Node::Table {
        keys,
        properties,
        required,
        other,
    } = node
    else {
        return;
    };
    for (key, value) in t.iter() {
        let name = key.get_ref().as_ref();
        match properties.get(name).or(other.as_deref()) {
            Some(n) => check(n, value, Path::Key(&path, name), out),
            None => {
                let known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                let keys = known.join(", ");
                let message = match path {
                    Path::Root => msg!("schema-unknown-key", key = name, keys = keys),
                    _ => msg!(
                        "schema-unknown-key-in",
                        key = name,
                        table = path.to_string(),
                        keys = keys
                    ),
                };
                out.push((key.span(), message));
            }
        }
    }
    let missing: Vec<String> = required
        .iter()
        .filter(|k| t.get(k.as_str()).is_none())
        .map(|k| format!("`{}`", Path::Key(&path, k)))
        .collect();
    if let Some((last, rest)) = missing.split_last() {
        let message = if rest.is_empty() {
            msg!("schema-missing-key", key = last)
        } else {
            msg!("schema-missing-keys", keys = rest.join(", "), last = last)
        };
        out.push((span.start..span.start, message));
    }
}

fn check(node: &Node, value: &Spanned<DeValue>, name: Path, out: &mut Vec<Problem>) {
    let span = value.span();
    let v = value.get_ref();
    let wrong = |expected: Message| {
        msg!(
            "schema-wrong-value",
            key = name.to_string(),
            value = describe(v),
            expected = expected
        )
    };
    match (node, v) {
        (Node::OneOf(options, description, words), _) => {
            let fits = options.iter().any(|o| {
                let mut trial = Vec::new();
                check(o, value, name, &mut trial);
                trial.is_empty()
            });
            if !fits {
                // The schema's English description, or the options in the output language.
                let message = msg!(
                    "schema-wrong-one-of",
                    key = name.to_string(),
                    value = describe(v),
                    description = description,
                    options = words.clone()
                );
                out.push((span, message));
            }
        }
        (Node::Const(c), _) if v.as_str() != Some(c) => out.push((span, wrong(node.expected()))),
        (Node::Enum(options), _) if !v.as_str().is_some_and(|s| options.iter().any(|o| o == s)) => {
            out.push((span, wrong(node.expected())));
        }
        (Node::Table { .. }, DeValue::Table(t)) => table(node, t, span, name, out),
        (Node::Array(item), DeValue::Array(items)) => {
            for (i, element) in items.iter().enumerate() {
                check(item, element, Path::Index(&name, i + 1), out);
            }
        }
        // A date is a TOML local date; a meeting may also have a local time. No offsets:
        // the registry's time zone is Europe/Stockholm.
        (Node::Date, DeValue::Datetime(d))
            if d.date.is_none() || d.time.is_some() || d.offset.is_some() =>
        {
            out.push((span, wrong(msg!("schema-expected-date"))));
        }
        (Node::DateOrDateTime, DeValue::Datetime(d)) if d.date.is_none() || d.offset.is_some() => {
            out.push((span, wrong(msg!("schema-expected-date-time"))));
        }
        (Node::Integer(Some(min)), DeValue::Integer(i)) => {
            if let Ok(n) = i128::from_str_radix(i.as_str(), i.radix())
                && n < i128::from(*min)
            {
                let message = msg!(
                    "schema-below-minimum",
                    key = name.to_string(),
                    value = n.to_string(),
                    min = min.to_string()
                );
                out.push((span, message));
            }
        }
        (Node::Const(_) | Node::Enum(_) | Node::Any, _)
        | (Node::Date | Node::DateOrDateTime, DeValue::Datetime(_))
        | (Node::Text, DeValue::String(_))
        | (Node::Integer(None), DeValue::Integer(_))
        | (Node::Boolean, DeValue::Boolean(_)) => {}
        (Node::Date, _) => out.push((span, wrong(msg!("schema-expected-unquoted-date")))),
        (Node::DateOrDateTime, _) => {
            out.push((span, wrong(msg!("schema-expected-unquoted-date-time"))))
        }
        (
            Node::Table { .. } | Node::Array(_) | Node::Text | Node::Integer(_) | Node::Boolean,
            _,
        ) => out.push((span, wrong(node.expected()))),
    }
}
