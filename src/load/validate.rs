//! Every schema problem of a file at once: the parsed document is walked against its kind's
//! JSON Schema (`crate::schema`, the same one editors use), so a file with three typos gets
//! three findings — not one per run, as deserialization alone would give.

// FxHash: a schema node is looked up for every key of every file, and SipHash (which
// resists collisions an attacker picks) costs more than the lookup; keys here are the
// schema's own.
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::tree::{Item, Table, Value};
use regex::Regex;
use serde_json::Value as Json;

use crate::finding::{Arg, Message};
use crate::msg;
use crate::suggest;

/// A problem: where, and what to say.
pub type Problem = (Range<usize>, Message);

/// Every keyword the registry's schemas may use; `Node::compile` honours each of them.
/// A test walks every schema and fails on a keyword that is not here, so the loader and
/// the editors (taplo, jsonschema) never judge a file differently without anyone noticing.
pub const KEYWORDS: &[&str] = &[
    "$schema",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "oneOf",
    "anyOf",
    "format",
    "pattern",
    "minimum",
    "if",
    "then",
];

/// The `format`s the schemas may use: `date`, RFC 3339's full-date, which taplo and the
/// jsonschema crate check and which a TOML local date is when written as JSON.
pub const FORMATS: &[&str] = &["date"];

/// The JSON type of a value: what `type` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}

/// A JSON Schema compiled once, so that walking a national registry costs no lookups in
/// JSON objects. Each field is one keyword; `None` or empty: the keyword is absent.
#[derive(Debug, Default)]
pub struct Node {
    description: Option<String>,
    kind: Option<Type>,
    /// Keys in alphabetical order, for messages.
    keys: Vec<String>,
    properties: HashMap<String, Node>,
    required: Vec<String>,
    /// `additionalProperties`: None allows any other key, `Some(None)` none at all.
    other: Option<Option<Box<Node>>>,
    items: Option<Box<Node>>,
    one_of: Vec<Node>,
    any_of: Vec<Node>,
    constant: Option<Json>,
    options: Option<Vec<Json>>,
    date: bool,
    pattern: Option<(Regex, String)>,
    minimum: Option<i64>,
    /// `if` and `then`: when the value fits the first, it must fit the second too (a
    /// member's `party` is required for a seat only).
    condition: Option<Box<(Node, Node)>>,
    /// [`Node::wants_datetime`] and [`Node::allows_text`], worked out once: the walk asks
    /// for every string and date of a registry.
    datetime_wanted: bool,
    text_allowed: bool,
}

impl Node {
    pub fn compile(schema: &Json) -> Node {
        let mut node = Node::compile_keywords(schema);
        node.datetime_wanted = node.find_wants_datetime();
        node.text_allowed = node.find_allows_text();
        node
    }

    fn compile_keywords(schema: &Json) -> Node {
        let get = |key: &str| schema.get(key);
        let nodes = |key: &str| -> Vec<Node> {
            get(key)
                .and_then(Json::as_array)
                .map(|o| o.iter().map(Node::compile).collect())
                .unwrap_or_default()
        };
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
        Node {
            description: get("description").and_then(Json::as_str).map(str::to_owned),
            kind: get("type").and_then(Json::as_str).and_then(|t| {
                Some(match t {
                    "object" => Type::Object,
                    "array" => Type::Array,
                    "string" => Type::String,
                    "integer" => Type::Integer,
                    "number" => Type::Number,
                    "boolean" => Type::Boolean,
                    _ => return None,
                })
            }),
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
            other: get("additionalProperties").and_then(|a| match a {
                Json::Bool(true) => None,
                Json::Bool(false) => Some(None),
                schema => Some(Some(Box::new(Node::compile(schema)))),
            }),
            items: get("items").map(|i| Box::new(Node::compile(i))),
            one_of: nodes("oneOf"),
            any_of: nodes("anyOf"),
            constant: get("const").cloned(),
            options: get("enum").and_then(Json::as_array).cloned(),
            date: get("format").and_then(Json::as_str) == Some("date"),
            pattern: get("pattern").and_then(Json::as_str).map(|p| {
                (
                    Regex::new(p).expect("the schemas' patterns are valid"),
                    p.to_owned(),
                )
            }),
            minimum: get("minimum").and_then(Json::as_i64),
            condition: get("if")
                .zip(get("then"))
                .map(|(cond, then)| Box::new((Node::compile(cond), Node::compile(then)))),
            datetime_wanted: false,
            text_allowed: false,
        }
    }

    /// Whether the value here is a TOML date or date-time: the date format here or in one
    /// of the alternatives. JSON cannot tell `2026-03-20` from `"2026-03-20"`; TOML can,
    /// and the model reads only the former, so the loader is stricter than JSON Schema here.
    fn find_wants_datetime(&self) -> bool {
        self.is_datetime()
            || self
                .any_of
                .iter()
                .chain(&self.one_of)
                .any(|n| n.datetime_wanted)
    }

    fn wants_datetime(&self) -> bool {
        self.datetime_wanted
    }

    /// A TOML date or date-time itself: the date format, or the local date-time pattern
    /// (which taplo and JSON Schema match against a TOML date-time as text).
    fn is_datetime(&self) -> bool {
        self.date
            || self
                .pattern
                .as_ref()
                .is_some_and(|(_, p)| p == crate::schema::LOCAL_DATE_TIME_PATTERN)
    }

    /// Whether text in quotes may stand here: no alternative, or one that is not a date
    /// (a month `"2020-11"` where a day or a month is allowed).
    fn find_allows_text(&self) -> bool {
        if self.any_of.is_empty() && self.one_of.is_empty() {
            !self.is_datetime()
        } else {
            self.any_of
                .iter()
                .chain(&self.one_of)
                .any(|a| a.text_allowed)
        }
    }

    fn allows_text(&self) -> bool {
        self.text_allowed
    }
}

/// The problems of `doc` against the compiled schema `node`.
pub fn validate(node: &Node, doc: &Item) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Value::Table(t) = &doc.value {
        table(node, t, doc.span.clone(), Path::Root, &mut out);
    }
    root_alternatives(node, doc, &mut out);
    out
}

/// `anyOf` on a whole file: sets of required keys, one of which must be met (an agreement
/// needs `parties` unless it is an annex with `part_of`). Nested tables meet theirs in
/// [`check`]; the file's own table is never a value there.
fn root_alternatives(node: &Node, doc: &Item, out: &mut Vec<Problem>) {
    let Value::Table(t) = &doc.value else {
        return;
    };
    let met = |alternative: &Node| alternative.required.iter().all(|k| t.get(k).is_some());
    if node.any_of.is_empty() || node.any_of.iter().any(met) {
        return;
    }
    let sets: Vec<String> = node
        .any_of
        .iter()
        .map(|a| {
            let keys: Vec<String> = a.required.iter().map(|k| format!("`{k}`")).collect();
            keys.join(" + ")
        })
        .collect();
    if let Some((first, rest)) = sets.split_first() {
        let start = doc.span.start;
        out.push((
            start..start,
            msg!(
                "schema-missing-key-or",
                key = first,
                instead = rest.join(", ")
            ),
        ));
    }
}

/// The problems of one element of the array under the top-level `key` of a file (its
/// `index` counted from 0), spelt as [`validate`] spells them for the whole file. None:
/// the schema has no such array.
pub fn validate_element(
    node: &Node,
    key: &str,
    index: usize,
    element: &Item,
) -> Option<Vec<Problem>> {
    let item = node.properties.get(key)?.items.as_deref()?;
    let mut out = Vec::new();
    let array = Path::Key(&Path::Root, key);
    check(item, element, Path::Index(&array, index + 1), &mut out);
    Some(out)
}

/// How a value reads in a message: `"kommun"`, `3`, `an array`.
fn describe(value: &Value) -> Arg {
    match value {
        Value::String(s) => format!("\"{s}\"").into(),
        Value::Integer(digits, _) => digits.to_string().into(),
        Value::Float(_) => msg!("schema-value-fraction").into(),
        Value::Boolean(b) => b.to_string().into(),
        Value::Datetime(d) => d.to_string().into(),
        Value::Array(_) => msg!("schema-value-array").into(),
        Value::Table(_) => msg!("schema-value-table").into(),
    }
}

/// A scalar as JSON sees it (taplo and the jsonschema crate see a TOML date as its text);
/// None for arrays and tables.
fn scalar(value: &Value) -> Option<Json> {
    Some(match value {
        Value::String(s) => Json::from(s.as_ref()),
        Value::Datetime(d) => Json::from(d.as_ref()),
        Value::Integer(_, i) => Json::from((*i)? as i64),
        Value::Float(f) => Json::from((*f)?),
        Value::Boolean(b) => Json::from(*b),
        Value::Array(_) | Value::Table(_) => return None,
    })
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

fn table(node: &Node, t: &Table, span: Range<usize>, path: Path, out: &mut Vec<Problem>) {
    for entry in &t.entries {
        let (name, value) = (entry.key.as_ref(), &entry.item);
        match node.properties.get(name) {
            Some(n) => check(n, value, Path::Key(&path, name), out),
            None => match &node.other {
                None => {}
                Some(Some(n)) => check(n, value, Path::Key(&path, name), out),
                Some(None) => {
                    let known: Vec<String> = node.keys.iter().map(|k| format!("`{k}`")).collect();
                    let keys = known.join(", ");
                    let unknown = match path {
                        Path::Root => msg!("schema-unknown-key", key = name, keys = keys),
                        _ => msg!(
                            "schema-unknown-key-in",
                            key = name,
                            table = path.to_string(),
                            keys = keys
                        ),
                    };
                    let message = match suggest::closest(name, node.keys.iter().map(String::as_str))
                    {
                        Some(k) => msg!("schema-did-you-mean-key", problem = unknown, key = k),
                        None => unknown,
                    };
                    out.push((entry.key_span.clone(), message));
                }
            },
        }
    }
    let missing: Vec<String> = node
        .required
        .iter()
        .filter(|k| t.get(k).is_none())
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

/// What a node wants, in words, when a value does not fit its type.
fn expectation(node: &Node, value: &Value) -> Message {
    let quoted = matches!(value, Value::String(_)) && !node.allows_text();
    if node.date {
        return if quoted {
            msg!("schema-expected-unquoted-date")
        } else {
            msg!("schema-expected-date")
        };
    }
    if node.wants_datetime() && quoted {
        return msg!("schema-expected-unquoted-date-time");
    }
    if !node.any_of.is_empty() || !node.one_of.is_empty() {
        return alternatives(node);
    }
    if let Some((_, pattern)) = &node.pattern {
        return pattern_expectation(pattern);
    }
    match node.kind {
        Some(Type::String) => msg!("schema-expected-string"),
        Some(Type::Integer) => msg!("schema-expected-integer"),
        Some(Type::Number) => msg!("schema-expected-number"),
        Some(Type::Boolean) => msg!("schema-expected-boolean"),
        Some(Type::Array) => msg!("schema-expected-array"),
        Some(Type::Object) => msg!("schema-expected-table"),
        None => msg!("schema-expected-other"),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The alternatives of `anyOf` or `oneOf` in words: "a date such as 2026-03-20 or a
/// month such as "2020-11"".
fn alternatives(node: &Node) -> Message {
    node.any_of
        .iter()
        .chain(&node.one_of)
        .map(|a| match &a.pattern {
            Some((_, pattern)) if !a.date => pattern_expectation(pattern),
            _ if a.date => msg!("schema-expected-date"),
            _ => msg!("schema-expected-other"),
        })
        .reduce(|first, second| msg!("schema-option-either", first = first, second = second))
        .unwrap_or_else(|| msg!("schema-expected-other"))
}

/// What a value matching a pattern of the schemas looks like.
fn pattern_expectation(pattern: &str) -> Message {
    match pattern {
        crate::schema::ID_PATTERN => msg!("schema-expected-id"),
        crate::schema::LOCAL_DATE_TIME_PATTERN => msg!("schema-expected-date-time"),
        crate::schema::MONTH_PATTERN => msg!("schema-expected-month"),
        crate::schema::MONTH_DAY_PATTERN => msg!("schema-expected-month-day"),
        other => msg!("schema-expected-pattern", pattern = other),
    }
}

fn fits(node: &Node, value: &Item, name: Path) -> bool {
    let mut trial = Vec::new();
    check(node, value, name, &mut trial);
    trial.is_empty()
}

/// Checks one value against every keyword of its node, in JSON Schema's terms; the first
/// keyword that fails gives the value's one problem (its children may add their own).
fn check(node: &Node, value: &Item, name: Path, out: &mut Vec<Problem>) {
    let span = value.span.clone();
    let v = &value.value;
    let mut wrong = |expected: Message| {
        out.push((
            span.clone(),
            msg!(
                "schema-wrong-value",
                key = name.to_string(),
                value = describe(v),
                expected = expected
            ),
        ))
    };

    // `type`, with TOML's own types where JSON has none: a date is a TOML date, not text in
    // quotes (the model reads only the former), and text is not a date.
    if let Some(kind) = node.kind {
        let datetime = node.wants_datetime();
        let fits_type = match (kind, v) {
            (Type::String, Value::String(_)) => node.allows_text(),
            (Type::String, Value::Datetime(_)) => datetime,
            (Type::Integer, Value::Integer(..))
            | (Type::Number, Value::Integer(..) | Value::Float(_))
            | (Type::Boolean, Value::Boolean(_))
            | (Type::Array, Value::Array(_))
            | (Type::Object, Value::Table(_)) => true,
            _ => false,
        };
        if !fits_type {
            return wrong(expectation(node, v));
        }
    }

    // `oneOf` and `anyOf`: one problem for the whole value, in the schema's words.
    let one =
        node.one_of.is_empty() || node.one_of.iter().filter(|o| fits(o, value, name)).count() == 1;
    let any = node.any_of.is_empty() || node.any_of.iter().any(|o| fits(o, value, name));
    if !(one && any) {
        return match &node.description {
            // The schema's own words where it has them (English); Swedish names the options.
            Some(description) => out.push((
                span.clone(),
                msg!(
                    "schema-wrong-one-of",
                    key = name.to_string(),
                    value = describe(v),
                    description = lowercase_first(description),
                    options = alternatives(node)
                ),
            )),
            None => wrong(alternatives(node)),
        };
    }

    // Most values (names, references) have no keyword past `type`, and text is compared
    // as it is: a JSON image only for other values a keyword compares (numbers, dates).
    let valued = node.constant.is_some()
        || node.options.is_some()
        || node.pattern.is_some()
        || node.minimum.is_some();
    // A date-time's JSON image is its text: compared as it is too.
    let own_text = match v {
        Value::String(s) | Value::Datetime(s) => Some(s.as_ref()),
        _ => None,
    };
    let image = if valued && own_text.is_none() {
        scalar(v)
    } else {
        None
    };
    let equals = |j: &Json| match own_text {
        Some(t) => j.as_str() == Some(t),
        None => image.as_ref() == Some(j),
    };
    if let Some(c) = &node.constant
        && !equals(c)
    {
        return wrong(msg!("schema-expected-value", value = c.to_string()));
    }
    if let Some(options) = &node.options
        && !options.iter().any(equals)
    {
        let list: Vec<String> = options.iter().map(Json::to_string).collect();
        let values = list.join(", ");
        let suggestion = match v {
            Value::String(s) => suggest::closest(s, options.iter().filter_map(Json::as_str)),
            _ => None,
        };
        return wrong(match suggestion {
            Some(o) => msg!("schema-expected-one-of-hint", values = values, value = o),
            None => msg!("schema-expected-one-of", values = values),
        });
    }

    // `format: date` on the value itself: a TOML local date is exactly a full-date, and
    // checking it so spares formatting every date of a registry to text.
    if node.date && !full_date(v) {
        return wrong(expectation(node, v));
    }
    let text = own_text.or_else(|| image.as_ref().and_then(Json::as_str));
    if let Some((regex, pattern)) = &node.pattern
        && let Some(text) = text
        && !regex.is_match(text)
    {
        return wrong(pattern_expectation(pattern));
    }
    if let Some(min) = node.minimum
        && let Some(n) = image.as_ref().and_then(Json::as_f64)
        && n < min as f64
    {
        return out.push((
            span.clone(),
            msg!(
                "schema-below-minimum",
                key = name.to_string(),
                value = describe(v),
                min = min.to_string()
            ),
        ));
    }

    if let Some(condition) = &node.condition
        && fits(&condition.0, value, name)
    {
        check(&condition.1, value, name, out);
    }

    match v {
        Value::Table(t) => table(node, t, span, name, out),
        Value::Array(array) => {
            if let Some(item) = &node.items {
                for (i, element) in array.items.iter().enumerate() {
                    check(item, element, Path::Index(&name, i + 1), out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a value meets `format: date` (which says nothing of other types).
fn full_date(value: &Value) -> bool {
    match value {
        // A local date is written `YYYY-MM-DD`; anything longer has a time or an offset.
        Value::Datetime(d) => d.len() == 10,
        Value::String(s) => is_full_date(s),
        _ => true,
    }
}

/// RFC 3339's full-date, as the `date` format means: `2026-03-20`, a day that exists.
fn is_full_date(text: &str) -> bool {
    text.len() == 10 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every keyword used anywhere in `schema`, with every `format` value.
    fn keywords(schema: &Json, found: &mut Vec<String>) {
        let Some(object) = schema.as_object() else {
            return;
        };
        for (keyword, value) in object {
            found.push(keyword.clone());
            match keyword.as_str() {
                "properties" => {
                    for property in value.as_object().into_iter().flat_map(|p| p.values()) {
                        keywords(property, found);
                    }
                }
                "additionalProperties" | "items" | "if" | "then" => keywords(value, found),
                "oneOf" | "anyOf" => {
                    for option in value.as_array().into_iter().flatten() {
                        keywords(option, found);
                    }
                }
                "format" => found.push(format!("format: {}", value.as_str().unwrap_or("?"))),
                _ => {}
            }
        }
    }

    #[test]
    fn the_validator_honours_every_keyword_and_format_the_schemas_use() {
        for kind in crate::schema::KINDS {
            let mut found = Vec::new();
            keywords(&crate::schema::schema(kind).unwrap(), &mut found);
            for keyword in found {
                let known = match keyword.strip_prefix("format: ") {
                    Some(format) => FORMATS.contains(&format),
                    None => KEYWORDS.contains(&keyword.as_str()),
                };
                assert!(known, "{kind}: the loader does not honour {keyword:?}");
            }
        }
    }

    fn problems(kind: &str, text: &str) -> Vec<String> {
        let node = Node::compile(&crate::schema::schema(kind).unwrap());
        let doc = super::super::tree::read(text).unwrap();
        validate(&node, &doc)
            .into_iter()
            .map(|(_, m)| m.english())
            .collect()
    }

    const AGREEMENT: &str = "title = \"T\"\nparties = [\"a\"]\neffective = 2020-01-01\n";

    #[test]
    fn an_id_outside_the_pattern_is_a_problem() {
        let text = format!(
            "{AGREEMENT}[[obligation]]\nid = \"Årlig rapport!\"\ntitle = \"R\"\nowner = \"a\"\ndue = 2021-01-01\n"
        );
        assert_eq!(
            problems("agreement", &text),
            vec![
                "`obligation[1].id` is \"Årlig rapport!\"; expected an id: lowercase a-z, digits and -, starting with a letter or a digit (å, ä → a; ö → o)"
            ]
        );
        assert!(
            problems(
                "agreement",
                &text.replace("Årlig rapport!", "arlig-rapport")
            )
            .is_empty()
        );
    }

    #[test]
    fn an_agreement_needs_parties_unless_it_is_an_annex() {
        let without = "title = \"T\"\neffective = 2020-01-01\n";
        assert_eq!(
            problems("agreement", without),
            vec!["missing required key `parties` (an annex may give `part_of` instead)"]
        );
        assert!(problems("agreement", &format!("{without}part_of = \"main\"\n")).is_empty());
        assert!(problems("agreement", AGREEMENT).is_empty());
    }

    #[test]
    fn a_meeting_is_on_a_local_date_or_at_a_local_date_time() {
        let meeting = |date: &str| {
            problems(
                "meetings",
                &format!("[[meeting]]\nbody = \"b\"\ndate = {date}\n"),
            )
        };
        assert!(meeting("2026-03-20").is_empty());
        assert!(meeting("2026-03-20T09:30:00").is_empty());
        assert!(meeting("2026-03-20 09:30:00").is_empty());
        let expected = |value: &str, tail: &str| {
            vec![format!(
                "`meeting[1].date` is {value}; expected a date (2026-03-20) or a local date-time (2026-03-20T09:30:00){tail}"
            )]
        };
        assert_eq!(
            meeting("2026-03-20T09:30:00+01:00"),
            expected("2026-03-20T09:30:00+01:00", "")
        );
        assert_eq!(meeting("09:30:00"), expected("09:30:00", ""));
        assert_eq!(
            meeting("\"2026-03-20\""),
            expected("\"2026-03-20\"", ", without quotes")
        );
    }

    #[test]
    fn a_seat_needs_a_party_and_a_person_without_a_seat_does_not() {
        let member = |role: &str, party: &str| {
            problems(
                "members",
                &format!("[[member]]\nname = \"A\"\nrole = \"{role}\"\nfrom = 2024-01-01\n{party}"),
            )
        };
        for role in ["ordinary", "substitute"] {
            assert_eq!(
                member(role, ""),
                vec!["missing required key `member[1].party`"],
                "{role}"
            );
            assert!(member(role, "party = \"umea\"\n").is_empty(), "{role}");
        }
        for role in ["adjunct", "observer", "secretary"] {
            assert!(member(role, "").is_empty(), "{role}");
            assert!(member(role, "party = \"umea\"\n").is_empty(), "{role}");
        }
    }

    #[test]
    fn misspelt_keys_and_values_get_the_closest_allowed_one() {
        let found = problems("party", "name = \"Umeå kommun\"\nkidn = \"municipality\"\n");
        assert!(found[0].ends_with("; did you mean `kind`?"), "{found:?}");
        let found = problems("party", "name = \"Umeå kommun\"\nkind = \"municipalty\"\n");
        assert_eq!(
            found,
            vec![
                "`kind` is \"municipalty\"; expected one of \"region\", \"municipality\", \"association\", \"other\"; did you mean \"municipality\"?"
            ]
        );
    }
}
