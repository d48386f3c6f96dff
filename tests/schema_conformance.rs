//! The loader's schema check agrees with a real JSON Schema validator (the `jsonschema`
//! crate, as editors and taplo use one) on every registry file we ship or test with, and
//! on many broken variants of them: a file the loader accepts, an editor accepts, and the
//! reverse.
//!
//! A TOML file is given to jsonschema as taplo gives it: as JSON, with a date as its text.
//! JSON cannot tell `2026-03-20` from `"2026-03-20"`, nor `1.0` from `1`; TOML can, and the
//! loader is stricter there (`a_date_in_quotes_is_where_the_loader_is_stricter`). The
//! mutations below never cross that line, and everything else must agree.

use std::path::Path;

use samverkan::load::validate::{Node, validate};
use serde_json::Value as Json;
use toml::de::DeTable;

/// The file kind the layout gives a path, as `samverkan schema` names it.
fn kind_of(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.split('/').collect();
    Some(match parts.as_slice() {
        ["registry.toml"] => "registry",
        ["parties", _] => "party",
        ["agreements", _] => "agreement",
        ["bodies", _] => "body",
        ["members", _] => "members",
        ["meetings", year] if year.len() == 9 => "meetings",
        ["cases", _, _] => "case",
        _ => return None,
    })
}

/// Every registry file we ship or test with: (name, kind, text).
fn corpus() -> Vec<(String, &'static str, String)> {
    let mut files = Vec::new();
    let mut add_dir = |label: &str, root: &Path| {
        for entry in walk(root) {
            let relative = entry
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if let Some(kind) = kind_of(&relative) {
                let text = std::fs::read_to_string(&entry).unwrap();
                files.push((format!("{label}/{relative}"), kind, text));
            }
        }
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    add_dir("registry", &manifest.join("registry"));
    add_dir("views", &manifest.join("tests/fixtures/views"));
    let init = tempfile::tempdir().unwrap();
    let new = init.path().join("new");
    samverkan::init::create(&new).unwrap();
    add_dir("init", &new);
    // The rule fixtures: txtar archives of small registries.
    for archive in walk(&manifest.join("tests/fixtures/rules")) {
        let text = std::fs::read_to_string(&archive).unwrap();
        let mut name: Option<String> = None;
        let mut body = String::new();
        for line in text.lines().chain(["-- end --"]) {
            if let Some(path) = line.strip_prefix("-- ").and_then(|l| l.strip_suffix(" --")) {
                if let Some(kind) = name.as_deref().and_then(kind_of) {
                    files.push((
                        format!("{}:{}", archive.display(), name.unwrap()),
                        kind,
                        body.clone(),
                    ));
                }
                name = Some(path.to_owned());
                body.clear();
            } else if name.is_some() {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    assert!(files.len() > 200, "{} files", files.len());
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A TOML value as taplo hands it to a JSON Schema validator.
fn to_json(value: &toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::from(s.as_str()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => Json::from(*f),
        toml::Value::Boolean(b) => Json::from(*b),
        toml::Value::Datetime(d) => Json::from(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

struct Judges {
    loader: std::collections::HashMap<&'static str, Node>,
    editor: std::collections::HashMap<&'static str, jsonschema::Validator>,
}

impl Judges {
    fn new() -> Self {
        let mut loader = std::collections::HashMap::new();
        let mut editor = std::collections::HashMap::new();
        for kind in samverkan::schema::KINDS {
            let schema = samverkan::schema::schema(kind).unwrap();
            loader.insert(kind, Node::compile(&schema));
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{kind}: not a valid JSON Schema: {e}"));
            editor.insert(kind, validator);
        }
        Judges { loader, editor }
    }

    /// (the loader's problems, the editor's errors) for one file.
    fn judge(&self, kind: &str, text: &str) -> (Vec<String>, Vec<String>) {
        let doc = samverkan::load::tree::read(text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        let loader = validate(&self.loader[kind], &doc)
            .into_iter()
            .map(|(_, m)| m.english())
            .collect();
        let value: toml::Value = toml::from_str(text).unwrap();
        let editor = self.editor[kind]
            .iter_errors(&to_json(&value))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        (loader, editor)
    }

    fn agree(&self, name: &str, kind: &str, text: &str) -> bool {
        let (loader, editor) = self.judge(kind, text);
        assert_eq!(
            loader.is_empty(),
            editor.is_empty(),
            "{name} ({kind}): the loader says {loader:#?}, jsonschema says {editor:#?}\n{text}"
        );
        loader.is_empty()
    }
}

#[test]
fn the_loader_and_jsonschema_agree_on_every_file_we_ship_or_test_with() {
    let judges = Judges::new();
    let mut valid = 0;
    for (name, kind, text) in corpus() {
        // A fixture for a TOML syntax error has nothing to validate.
        if DeTable::parse(&text).is_err() {
            continue;
        }
        if judges.agree(&name, kind, &text) {
            valid += 1;
        }
    }
    assert!(valid > 150, "only {valid} valid files");
}

/// One change to a value; None where it does not apply.
type Change = dyn Fn(&toml::Value) -> Option<toml::Value>;

/// Broken variants of a document: each one change at one place.
fn mutations(value: &toml::Value) -> Vec<toml::Value> {
    let mut out = Vec::new();
    let replace = |with: toml::Value| {
        let with = with.clone();
        move |_: &toml::Value| Some(with.clone())
    };
    let changes: Vec<Box<Change>> = vec![
        // A value of another type.
        Box::new(replace(toml::Value::Boolean(true))),
        Box::new(replace(toml::Value::Integer(-1))),
        Box::new(|v| matches!(v, toml::Value::Integer(_)).then(|| toml::Value::Integer(0))),
        Box::new(replace(toml::Value::Array(vec![]))),
        // Text that is not an id, an enum value or an organisation number.
        Box::new(|v| {
            v.is_str()
                .then(|| toml::Value::String("Årlig rapport!".into()))
        }),
        Box::new(|v| v.is_str().then(|| toml::Value::String("all".into()))),
        Box::new(|v| v.is_str().then(|| toml::Value::String("a-b".into()))),
        // Dates that are not local dates.
        Box::new(|v| {
            v.is_datetime()
                .then(|| toml::Value::Datetime("2026-03-20T09:30:00+01:00".parse().unwrap()))
        }),
        Box::new(|v| {
            v.is_datetime()
                .then(|| toml::Value::Datetime("2026-03-20T09:30:00".parse().unwrap()))
        }),
        Box::new(|v| {
            v.is_datetime()
                .then(|| toml::Value::Datetime("09:30:00".parse().unwrap()))
        }),
    ];
    // One place per schema location (the first meeting's date stands for every meeting's):
    // the same check at the thousandth place says nothing new.
    let mut seen = std::collections::HashSet::new();
    let paths: Vec<Vec<Step>> = paths(value, Vec::new())
        .into_iter()
        .filter(|p| seen.insert(shape(p)))
        .collect();
    for path in &paths {
        for change in &changes {
            let mut copy = value.clone();
            let target = at(&mut copy, path);
            if let Some(new) = change(target) {
                *target = new;
                out.push(copy);
            }
        }
        // A key misspelt, and a key gone.
        if let Some((Step::Key(key), parent)) = path.split_last() {
            for misspelt in [format!("{key}x"), key.to_uppercase()] {
                let mut copy = value.clone();
                let table = at(&mut copy, parent).as_table_mut().unwrap();
                let v = table.remove(key).unwrap();
                table.insert(misspelt, v);
                out.push(copy);
            }
            let mut copy = value.clone();
            at(&mut copy, parent).as_table_mut().unwrap().remove(key);
            out.push(copy);
        }
    }
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(value: &toml::Value, here: Vec<Step>) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let children: Vec<(Step, &toml::Value)> = match value {
        toml::Value::Table(t) => t.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (Step::Index(i), v))
            .collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        let mut path = here.clone();
        path.push(step);
        out.extend(paths(child, path.clone()));
        out.push(path);
    }
    out
}

/// A path with its indices left out: the schema location it is checked against.
fn shape(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => k.as_str(),
            Step::Index(_) => "[]",
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn at<'a>(value: &'a mut toml::Value, path: &[Step]) -> &'a mut toml::Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()).unwrap(),
        Step::Index(i) => v.get_mut(*i).unwrap(),
    })
}

#[test]
fn the_loader_and_jsonschema_agree_on_broken_variants_of_the_bundled_registry() {
    let judges = Judges::new();
    let (mut checked, mut rejected) = (0, 0);
    for (name, kind, text) in corpus()
        .into_iter()
        .filter(|(n, ..)| n.starts_with("registry/") || n.starts_with("init/"))
    {
        let value: toml::Value = toml::from_str(&text).unwrap();
        for mutant in mutations(&value) {
            let Ok(text) = toml::to_string(&mutant) else {
                continue; // TOML cannot write it (an array of tables emptied to a value)
            };
            checked += 1;
            if !judges.agree(&name, kind, &text) {
                rejected += 1;
            }
        }
    }
    // The variants break files, and the two judges agree on which; a mutation that breaks
    // nothing (an optional key gone) is agreed on too.
    eprintln!("{rejected} of {checked} variants rejected");
    assert!(
        checked > 3000 && rejected > checked / 2,
        "{rejected} of {checked} rejected"
    );
}

#[test]
fn an_obligation_id_outside_the_pattern_is_rejected_by_both() {
    let judges = Judges::new();
    let text = "title = \"T\"\nparties = [\"a\"]\neffective = 2020-01-01\n\n[[obligation]]\nid = \"Årlig rapport!\"\ntitle = \"R\"\nowner = \"a\"\ndue = 2021-01-01\n";
    let (loader, editor) = judges.judge("agreement", text);
    assert_eq!(loader.len(), 1, "{loader:?}");
    assert_eq!(editor.len(), 1, "{editor:?}");
    assert!(editor[0].starts_with("/obligation/0/id"), "{editor:?}");
}

#[test]
fn a_date_in_quotes_is_where_the_loader_is_stricter() {
    let judges = Judges::new();
    let (loader, editor) = judges.judge("party", "name = \"N\"\nkind = \"region\"\n");
    assert!(loader.is_empty() && editor.is_empty());
    let text = "title = \"T\"\nparties = [\"a\"]\neffective = \"2020-01-01\"\n";
    let (loader, editor) = judges.judge("agreement", text);
    assert_eq!(
        loader,
        vec!["`effective` is \"2020-01-01\"; expected a date such as 2026-03-20, without quotes"]
    );
    assert!(editor.is_empty(), "JSON has no dates: {editor:?}");
}

#[test]
fn the_published_schemas_are_the_ones_the_tool_writes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schemas");
    for kind in samverkan::schema::KINDS {
        let file = dir.join(format!("{kind}.schema.json"));
        let published: Json =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(
            published,
            samverkan::schema::schema(kind).unwrap(),
            "{} is stale: run `samverkan schema --out docs/schemas`",
            file.display()
        );
    }
}
