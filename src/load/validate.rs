//! Every schema problem of a file at once: the parsed document is walked against its kind's
//! JSON Schema (`crate::schema`, the same one editors use), so a file with three typos gets
//! three findings — not one per run, as deserialization alone would give.

use std::ops::Range;

use serde_json::Value as Json;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A problem: where, and what to say.
pub type Problem = (Range<usize>, String);

/// A JSON Schema compiled into the few shapes the registry's schemas use, so that walking
/// a national registry costs no lookups in JSON objects.
#[derive(Debug)]
pub enum Node {
    Table {
        /// Keys in the schema's (alphabetical) order, for messages.
        keys: Vec<String>,
        /// By key, sorted: a dozen keys are found faster by bisection than by hashing.
        properties: Vec<(String, Node)>,
        required: Vec<String>,
        /// The schema of keys not in `properties`; None: they are not allowed.
        other: Option<Box<Node>>,
    },
    Array(Box<Node>),
    OneOf(Vec<Node>, String),
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
            return Node::OneOf(
                options.iter().map(Node::compile).collect(),
                what.to_lowercase(),
            );
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
                let mut properties: Vec<(String, Node)> = get("properties")
                    .and_then(Json::as_object)
                    .map(|p| {
                        p.iter()
                            .map(|(k, v)| (k.clone(), Node::compile(v)))
                            .collect()
                    })
                    .unwrap_or_default();
                properties.sort_by(|a, b| a.0.cmp(&b.0));
                let keys: Vec<String> = properties.iter().map(|(k, _)| k.clone()).collect();
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

fn property<'n>(properties: &'n [(String, Node)], key: &str) -> Option<&'n Node> {
    properties
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|i| &properties[i].1)
}

/// The problems of `doc` against the compiled schema `node`.
pub fn validate(node: &Node, doc: &Spanned<DeTable>) -> Vec<Problem> {
    let mut out = Vec::new();
    table(node, doc.get_ref(), doc.span(), Path::Root, &mut out);
    out
}

/// The problems of one element of the array under the top-level `key` of a file (its
/// `index` counted from 0), spelt as [`validate`] spells them for the whole file. None:
/// the schema has no such array.
pub fn validate_element(
    node: &Node,
    key: &str,
    index: usize,
    element: &Spanned<DeValue>,
) -> Option<Vec<Problem>> {
    let Node::Table { properties, .. } = node else {
        return None;
    };
    let Some(Node::Array(item)) = property(properties, key) else {
        return None;
    };
    let mut out = Vec::new();
    let array = Path::Key(&Path::Root, key);
    check(item, element, Path::Index(&array, index + 1), &mut out);
    Some(out)
}

/// How a value reads in a message: `"kommun"`, `3`, `an array`.
fn describe(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Integer(i) => i.as_str().to_owned(),
        DeValue::Float(_) => "a number with a fraction".to_owned(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "an array".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
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
        match property(properties, name).or(other.as_deref()) {
            Some(n) => check(n, value, Path::Key(&path, name), out),
            None => {
                let known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                let place = match path {
                    Path::Root => String::new(),
                    _ => format!(" in `{path}`"),
                };
                out.push((
                    key.span(),
                    format!(
                        "unknown key `{name}`{place}, expected one of the keys {}",
                        known.join(", ")
                    ),
                ));
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
            format!("missing required key {last}")
        } else {
            format!("missing required keys {} and {last}", rest.join(", "))
        };
        out.push((span.start..span.start, message));
    }
}

fn check(node: &Node, value: &Spanned<DeValue>, name: Path, out: &mut Vec<Problem>) {
    let span = value.span();
    let v = value.get_ref();
    let wrong = |what: &str| format!("`{name}` is {}; expected {what}", describe(v));
    match (node, v) {
        (Node::OneOf(options, what), _) => {
            let fits = options.iter().any(|o| {
                let mut trial = Vec::new();
                check(o, value, name, &mut trial);
                trial.is_empty()
            });
            if !fits {
                out.push((span, wrong(what)));
            }
        }
        (Node::Const(c), _) if v.as_str() != Some(c) => {
            out.push((span, wrong(&format!("\"{c}\""))))
        }
        (Node::Enum(options), _) if !v.as_str().is_some_and(|s| options.iter().any(|o| o == s)) => {
            let list: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
            out.push((span, wrong(&format!("one of {}", list.join(", ")))));
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
            out.push((span, wrong("a date such as 2026-03-20")));
        }
        (Node::DateOrDateTime, DeValue::Datetime(d)) if d.date.is_none() || d.offset.is_some() => {
            out.push((
                span,
                wrong("a date (2026-03-20) or a local date-time (2026-03-20T09:30:00)"),
            ));
        }
        (Node::Integer(Some(min)), DeValue::Integer(i)) => {
            if let Ok(n) = i128::from_str_radix(i.as_str(), i.radix())
                && n < i128::from(*min)
            {
                out.push((span, format!("`{name}` is {n}; expected at least {min}")));
            }
        }
        (Node::Const(_) | Node::Enum(_) | Node::Any, _)
        | (Node::Date | Node::DateOrDateTime, DeValue::Datetime(_))
        | (Node::Text, DeValue::String(_))
        | (Node::Integer(None), DeValue::Integer(_))
        | (Node::Boolean, DeValue::Boolean(_)) => {}
        (Node::Table { .. }, _) => out.push((span, wrong("a table"))),
        (Node::Array(_), _) => out.push((span, wrong("an array"))),
        (Node::Date, _) => out.push((span, wrong("a date such as 2026-03-20, without quotes"))),
        (Node::DateOrDateTime, _) => out.push((
            span,
            wrong("a date (2026-03-20) or a local date-time, without quotes"),
        )),
        (Node::Text, _) => out.push((span, wrong("a string"))),
        (Node::Integer(_), _) => out.push((span, wrong("a whole number"))),
        (Node::Boolean, _) => out.push((span, wrong("true or false"))),
    }
}
