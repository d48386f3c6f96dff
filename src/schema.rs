//! JSON Schemas of the file kinds, for editors (taplo, Even Better TOML, VS Code).
//!
//! Written by hand to say what serde cannot (descriptions, `every_months` xor `due`), and
//! kept in step with the model by tests that compare each schema's keys with the keys the
//! deserializer accepts.

use serde_json::{Value, json};

/// The file kinds, by the names `schema --out` gives their files (`<kind>.schema.json`).
pub const KINDS: [&str; 7] = [
    "registry",
    "party",
    "agreement",
    "body",
    "members",
    "meetings",
    "case",
];

/// An id: the format's `[a-z0-9][a-z0-9-]*`. Ids end up in file names, URLs and the UIDs
/// of calendar events.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// A local date-time as taplo and JSON Schema see a TOML one: `2026-03-20T09:30:00`. No
/// offset: the registry's time zone is Europe/Stockholm.
pub const LOCAL_DATE_TIME_PATTERN: &str =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?$";

/// An id defined inside a file (an obligation's): it must be valid where it stands.
fn id(description: &str) -> Value {
    json!({ "type": "string", "pattern": ID_PATTERN, "description": description })
}

/// A reference to an entity by its id. No pattern: an entity's id is its file stem, which
/// `invalid-id` reports once at the file while every reference to it keeps working, and a
/// reference to nothing is a `dangling-reference`.
fn reference(description: &str) -> Value {
    text(description)
}

fn date(description: &str) -> Value {
    json!({ "type": "string", "format": "date", "description": description })
}

/// `"YYYY-MM"`: a month, where the sources give no day.
pub const MONTH_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])$";

/// `"MM-DD"`: a day every year has (so not `"02-29"`: a yearly duty keeps its day).
pub const MONTH_DAY_PATTERN: &str =
    "^((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)$";

/// A day, or a month (`"2020-11"`) where the sources give only the month.
fn day_or_month(description: &str) -> Value {
    json!({
        "type": "string",
        "anyOf": [ { "format": "date" }, { "pattern": MONTH_PATTERN } ],
        "description": description
    })
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn one_of(values: &[&str], description: &str) -> Value {
    json!({ "enum": values, "description": description })
}

fn table(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "additionalProperties": false, "required": required, "properties": properties })
}

/// A table that must also meet one of `alternatives` (sets of required keys).
fn with_any_of(mut table: Value, alternatives: Value) -> Value {
    table
        .as_object_mut()
        .expect("a table")
        .insert("anyOf".into(), alternatives);
    table
}

fn array_of(item: Value) -> Value {
    json!({ "type": "array", "items": item })
}

fn seat_limit() -> Value {
    table(
        &["ordinary", "substitutes"],
        json!({
            "ordinary": { "type": "integer", "minimum": 0, "description": "Most ordinary seats" },
            "substitutes": { "type": "integer", "minimum": 0, "description": "Most substitute seats" }
        }),
    )
}

/// A `[[member]]`: a seat (ordinary or substitute, which needs its `party`) or a person
/// without one (adjunct, observer, secretary), whose `party` is optional.
fn member() -> Value {
    let mut member = table(
        &["name", "role", "from"],
        json!({
            "name": text("The person"),
            "party": reference("The party represented (required for ordinary and substitute seats)"),
            "role": one_of(&["ordinary", "substitute", "adjunct", "observer", "secretary"], "Kind of seat; adjunct, observer and secretary hold none"),
            "from": date("First day"),
            "to": date("Last day"),
            "substitute_for": text("The member this substitute stands in for"),
            "function": text("The person's office"),
            "organisation": text("Where a person without a party comes from")
        }),
    );
    member["if"] = json!({ "properties": { "role": { "enum": ["ordinary", "substitute"] } } });
    member["then"] = json!({ "required": ["party"] });
    member
}

fn derived_seat() -> Value {
    table(
        &["role", "of"],
        json!({
            "role": one_of(&["chair", "vice-chair"], "Which office of the other body sits here"),
            "of": reference("The other body")
        }),
    )
}

/// The schema of one file kind, or None for an unknown kind.
pub fn schema(kind: &str) -> Option<Value> {
    let (title, body) = match kind {
        "registry" => (
            "samverkan registry.toml",
            table(
                &["name"],
                json!({
                    "name": text("Name of the registry"),
                    "holidays": one_of(&["SE", "none"], "Calendar for moving deadlines off weekends and holidays (Lag 1930:173)"),
                    "language": one_of(&["sv", "en"], "Output language when --lang and SAMVERKAN_LANG are not given"),
                    "checks": {
                        "type": "object",
                        "description": "Severity per rule code (`samverkan rules` lists them)",
                        "additionalProperties": one_of(&["error", "warn", "allow"], "Severity")
                    }
                }),
            ),
        ),
        "party" => (
            "samverkan party (parties/<id>.toml)",
            table(
                &["name", "kind"],
                json!({
                    "name": text("Name, e.g. Umeå kommun"),
                    "kind": one_of(&["region", "municipality", "association", "other"], "Kind of party"),
                    // No pattern: `invalid-org-number` judges the form and the check digit, and
                    // keeps the party in the model while it does.
                    "org_number": { "type": "string", "description": "Organisation number NNNNNN-NNNN with a valid Luhn check digit" },
                    "county": text("County (län)"),
                    "side": one_of(&["region", "municipality"], "Side in chair rotation; needed for other kinds that chair"),
                    "short": text("The abbreviation people use; commands take it for the id"),
                    "aliases": array_of(text("Another name people use; commands take it for the id")),
                    "members": array_of(reference("Associations only: a party it gathers (a kommunförbund's municipality)"))
                }),
            ),
        ),
        "agreement" => (
            "samverkan agreement (agreements/<id>.toml)",
            with_any_of(
                table(
                    &["title", "effective"],
                    json!({
                        "title": text("Title of the agreement"),
                        "short": text("The abbreviation people use; commands take it for the id"),
                        "aliases": array_of(text("Another name people use; commands take it for the id")),
                        "reference": text("Diary number"),
                        "parties": array_of(reference("A party")),
                        "associations": array_of(reference("An association that acts for its member parties here without being a party; its people may sit in the bodies")),
                        "signed": day_or_month("Day (or month) signed"),
                        "effective": date("First day in force"),
                        "ends": date("Last day in force of a fixed-term agreement"),
                        "superseded_by": reference("The agreement that follows this one"),
                        "part_of": reference("The main agreement of an annex (bilaga) or sub-agreement; `parties` may then be left out"),
                        "archived": date("Day it was kept for the record only (silences fixed-term-expired)"),
                        "renewal": table(&["months", "notice_months"], json!({
                            "months": { "type": "integer", "minimum": 1, "description": "Length of each following term, in months" },
                            "notice_months": { "type": "integer", "minimum": 1, "description": "Notice before a term's last day that stops the renewal" }
                        })),
                        "extension": array_of(table(&["until"], json!({
                            "until": date("The new last day in force"),
                            "decided": day_or_month("Day (or month) decided"),
                            "reference": text("Minutes or decision reference")
                        }))),
                        "termination": table(&["notice_months"], json!({
                            "notice_months": { "type": "integer", "minimum": 1, "description": "Notice period in calendar months" },
                            "counted_from": one_of(&["received", "handled"], "When the notice period starts"),
                            "handled_by": reference("The body that handles a notice")
                        })),
                        "notice": array_of(table(&["party", "received"], json!({
                            "party": reference("The party giving notice"),
                            "received": date("Day the notice was received"),
                            "handled": date("Day the notice was handled")
                        }))),
                        "obligation": array_of(table(&["id", "title", "owner"], json!({
                            "id": id("Unique within the agreement"),
                            "title": text("What must be done"),
                            "owner": reference("A body or party id, or \"each-party\" (every party on its own, completions in done_by) or \"parties\" (all parties together)"),
                            "due": day_or_month("Due day (or month: due on its last day) of a one-off duty"),
                            "every_months": { "type": "integer", "minimum": 1, "description": "Interval of a recurring duty" },
                            "due_each_year": { "type": "string", "pattern": MONTH_DAY_PATTERN, "description": "\"MM-DD\": due on that day of each year from the first one on or after effective (not 02-29)" },
                            "done": array_of(day_or_month("Day (or month) fulfilled")),
                            "done_by": {
                                "type": "object",
                                "additionalProperties": array_of(day_or_month("Day (or month) the party fulfilled it")),
                                "description": "owner = \"each-party\": days (or months) fulfilled, per party id"
                            },
                            "note": text("Free text, e.g. what the source says about the timing")
                        }))),
                        "cost": array_of(table(&["title", "split"], json!({
                            "title": text("What the cost is for"),
                            "split": {
                                "oneOf": [
                                    { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } },
                                    { "const": "population" }
                                ],
                                "description": "Percent per side (region, municipality) or per party, summing to 100; or \"population\""
                            },
                            "amount_sek": { "type": "integer", "minimum": 0, "description": "Amount in kronor" },
                            "per": one_of(&["year", "once"], "Whether the amount is yearly (default) or once")
                        }))),
                        "role": array_of(table(&["role", "party", "name", "from"], json!({
                            "role": one_of(&["partner-owner", "partner-coordinator", "coordinator"], "The role"),
                            "party": reference("The party"),
                            "holder": text("The office that carries the role"),
                            "name": text("The person"),
                            "from": date("First day"),
                            "to": date("Last day"),
                            "notified": date("Day the other parties were told in writing")
                        })))
                    }),
                ),
                // An annex may leave `parties` out: it means its main agreement's.
                json!([ { "required": ["parties"] }, { "required": ["part_of"] } ]),
            ),
        ),
        "body" => (
            "samverkan body (bodies/<id>.toml)",
            table(
                &["name", "agreement", "level", "kind", "power", "established"],
                json!({
                    "name": text("Name of the body"),
                    "parties": array_of(reference("A party the body serves (default: every party of its agreement)")),
                    "secretariat": reference("The party that keeps the body's secretariat"),
                    "short": text("The abbreviation people use, e.g. LSG; commands take it for the id"),
                    "aliases": array_of(text("Another name people use, e.g. Samrådet; commands take it for the id")),
                    "agreement": reference("The agreement that sets it up"),
                    "level": one_of(&["political", "official"], "Political or official level"),
                    "kind": one_of(&["standing", "working-group"], "A working group needs `ends`"),
                    "power": one_of(&["advisory", "decisive"], "Advisory bodies only recommend"),
                    "established": date("First day active"),
                    "ends": date("Last day active"),
                    "parent": reference("The body it reports to"),
                    "prepared_by": reference("The body cases come through"),
                    "escalates_to": reference("Where questions go on to"),
                    "chairs_of": reference("Made of that body's chair and vice chair (an arbetsutskott)"),
                    "seats": table(&[], json!({
                        "every_party": { "type": "boolean", "description": "Each party holds an ordinary seat" },
                        "default": seat_limit(),
                        "by_kind": table(&[], json!({
                            "region": seat_limit(),
                            "municipality": seat_limit(),
                            "association": seat_limit(),
                            "other": seat_limit()
                        })),
                        "by_party": { "type": "object", "additionalProperties": seat_limit() },
                        "ex_officio": array_of(derived_seat()),
                        "adjunct": array_of(derived_seat()),
                        "by_side": table(&[], json!({
                            "region": seat_limit(),
                            "municipality": seat_limit()
                        })),
                        "by_group": { "type": "object", "additionalProperties": seat_limit(), "description": "Cap per association: the seats of members whose party is it or one of its members" },
                        "substitutes": one_of(&["per-party", "pooled"], "Whether substitute limits hold for each party (default) or for each side as a whole")
                    })),
                    "chair": table(&["rule"], json!({
                        "rule": one_of(&["alternate-sides", "host", "elected", "fixed-side"], "How the chair is chosen"),
                        "side": one_of(&["region", "municipality"], "Under fixed-side: the side that always holds the chair"),
                        "term": one_of(&["calendar-year", "two-years", "mandate-period"], "Length of a chair's term: a calendar year, two years from `established`, or a mandate period (2019–2022, 2023–2026 …)"),
                        "extension": one_of(&["decision", "unanimous-decision", "never"], "How a side may keep the chair")
                    })),
                    "meetings": table(&[], json!({
                        "per_year_min": { "type": "integer", "minimum": 0, "description": "Fewest meetings in a finished year" },
                        "last_of_year": one_of(&["ordinary", "extra", "ledningsdialog", "seminar", "bilateral"], "Kind of the year's last meeting"),
                        "duration_minutes": { "type": "integer", "minimum": 1, "description": "Length of a meeting with a start time and no end (default 120)" }
                    }))
                }),
            ),
        ),
        "members" => (
            "samverkan roster (members/<body-id>.toml)",
            table(
                &[],
                json!({
                    "member": array_of(member()),
                    "chair": array_of(table(&["year", "chair"], json!({
                        "year": { "type": "integer", "description": "Calendar year" },
                        "chair": text("A name on this roster"),
                        "vice_chair": text("A name on this roster"),
                        "extension": table(&["decision"], json!({
                            "decision": text("The decision that extended the chair"),
                            "unanimous": { "type": "boolean", "description": "Whether it was unanimous" }
                        }))
                    })))
                }),
            ),
        ),
        "meetings" => (
            "samverkan meetings (meetings/<year>.toml)",
            table(
                &[],
                json!({
                    "meeting": array_of(table(&["body", "date"], json!({
                        "body": reference("The body meeting"),
                        // A TOML local date or local date-time. Not `format: date-time`: that is
                        // RFC 3339's, which needs an offset, so taplo rejected every meeting.
                        "date": {
                            "type": "string",
                            "anyOf": [ { "format": "date" }, { "pattern": LOCAL_DATE_TIME_PATTERN } ],
                            "description": "A date (2026-03-20) or a local date-time (2026-03-20T09:30:00)"
                        },
                        "end": {
                            "type": "string",
                            "anyOf": [ { "format": "date" }, { "pattern": LOCAL_DATE_TIME_PATTERN } ],
                            "description": "When the meeting ends, a local date-time (else the body's duration_minutes)"
                        },
                        "kind": one_of(&["ordinary", "extra", "ledningsdialog", "seminar", "bilateral"], "Kind of meeting"),
                        "host": reference("The hosting party"),
                        "place": text("Where"),
                        "absent": array_of(text("An ordinary member of the body that day who was away")),
                        "substitutes": array_of(text("A substitute of the body that day who sat in")),
                        "minutes": text("Reference to the minutes")
                    })))
                }),
            ),
        ),
        "case" => (
            "samverkan case (cases/<year>/<id>.toml)",
            table(
                &["title", "raised", "raised_by", "concerns"],
                json!({
                    "title": text("What the case is about"),
                    "raised": day_or_month("Day (or month) raised"),
                    "raised_by": reference("The party that raised it"),
                    "concerns": { "oneOf": [ { "const": "all" }, array_of(reference("A party")) ], "description": "Parties concerned, or \"all\"" },
                    "agreement": reference("The agreement it falls under"),
                    // `body` or `party`, exactly one: the loader says so by name.
                    "event": array_of(table(&["date", "action"], json!({
                        "date": day_or_month("Day (or month)"),
                        "body": reference("The body, or give `party` instead"),
                        "party": reference("For an action in a party's or association's own organisation, instead of `body`"),
                        "action": one_of(&["raised", "prepared", "discussed", "recommended", "decided", "escalated", "referred", "closed", "withdrawn"], "What happened"),
                        "reply_by": date("Parties decide by this day"),
                        "note": text("Free text"),
                        "scope": one_of(&["substance", "procedural"], "A decision on a question (substance, default) or on how the cooperation works (procedural: advisory bodies may take it)")
                    }))),
                    "decision": array_of(table(&["party", "date", "outcome"], json!({
                        "party": reference("The deciding party"),
                        "date": day_or_month("Day (or month) decided"),
                        "outcome": one_of(&["adopted", "rejected", "pending"], "Outcome"),
                        "reference": text("Diary number")
                    })))
                }),
            ),
        ),
        _ => return None,
    };
    let mut body = body;
    let object = body.as_object_mut().expect("a table");
    object.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    object.insert("title".into(), json!(title));
    Some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's own message for an unknown key at a place, bypassing the loader (which
    /// reports from the schemas under test).
    fn serde_message(kind: &str, text: &str) -> String {
        use crate::load::de::from_str;
        use crate::model::*;
        let error = match kind {
            "registry" => from_str::<Settings>(text).err(),
            "party" => from_str::<Party>(text).err(),
            "agreement" => from_str::<Agreement>(text).err(),
            "body" => from_str::<Body>(text).err(),
            "members" => from_str::<Roster>(text).err(),
            "meetings" => from_str::<meeting::MeetingsFile>(text).err(),
            _ => from_str::<Case>(text).err(),
        };
        error.map(|e| e.message().to_owned()).unwrap_or_default()
    }

    /// The keys the deserializer accepts at a place, read from its unknown-key message.
    fn accepted_keys(kind: &str, prefix: &str) -> Vec<String> {
        // Required keys first, so that the unknown key is what serde stops at.
        let text = format!("{prefix}\nzzz_unknown = 1\n");
        let message = serde_message(kind, &text);
        assert!(
            message.contains("unknown field `zzz_unknown`"),
            "{kind} {prefix}: {message}"
        );
        // serde says "expected `a`", "expected `a` or `b`" or "expected one of `a`, `b`, …".
        let list = message.rsplit("expected").next().unwrap_or_default();
        let list = list
            .trim()
            .trim_start_matches("one of")
            .replace(" or ", ",");
        let mut keys: Vec<String> = list
            .split(',')
            .map(|k| k.trim().trim_matches('`').to_owned())
            .collect();
        keys.sort();
        keys
    }

    fn schema_keys(schema: &Value, pointer: &str) -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("no properties at {pointer}"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn every_schema_lists_exactly_the_keys_the_loader_accepts() {
        let places: &[(&str, &str, &str)] = &[
            ("registry", "", "/properties"),
            ("party", "", "/properties"),
            ("agreement", "", "/properties"),
            (
                "agreement",
                "[termination]",
                "/properties/termination/properties",
            ),
            (
                "agreement",
                "[[notice]]",
                "/properties/notice/items/properties",
            ),
            (
                "agreement",
                "[[obligation]]",
                "/properties/obligation/items/properties",
            ),
            ("agreement", "[[role]]", "/properties/role/items/properties"),
            ("body", "", "/properties"),
            ("body", "[seats]", "/properties/seats/properties"),
            (
                "body",
                "[seats.by_kind]",
                "/properties/seats/properties/by_kind/properties",
            ),
            (
                "body",
                "[seats.by_side]",
                "/properties/seats/properties/by_side/properties",
            ),
            (
                "body",
                "[seats.default]",
                "/properties/seats/properties/default/properties",
            ),
            (
                "body",
                "[[seats.ex_officio]]",
                "/properties/seats/properties/ex_officio/items/properties",
            ),
            ("body", "[chair]", "/properties/chair/properties"),
            ("body", "[meetings]", "/properties/meetings/properties"),
            ("members", "", "/properties"),
            (
                "members",
                "[[member]]",
                "/properties/member/items/properties",
            ),
            ("members", "[[chair]]", "/properties/chair/items/properties"),
            (
                "members",
                "[[chair]]\n[chair.extension]",
                "/properties/chair/items/properties/extension/properties",
            ),
            ("meetings", "", "/properties"),
            (
                "meetings",
                "[[meeting]]",
                "/properties/meeting/items/properties",
            ),
            ("case", "", "/properties"),
            ("case", "[[event]]", "/properties/event/items/properties"),
            (
                "case",
                "[[decision]]",
                "/properties/decision/items/properties",
            ),
        ];
        for (kind, prefix, pointer) in places {
            let schema = schema(kind).unwrap();
            assert_eq!(
                schema_keys(&schema, pointer),
                accepted_keys(kind, prefix),
                "{kind} {prefix}"
            );
        }
    }

    #[test]
    fn every_kind_has_a_schema() {
        for kind in KINDS {
            assert!(schema(kind).is_some(), "{kind}");
        }
        assert!(schema("person").is_none());
    }
}
