//! The loader's one-pass TOML reader (`samverkan::load::tree::parse`) against the `toml`
//! crate: whatever text the pass reads, toml reads too, to the same tree (values, spans
//! and key spans); whatever toml refuses, the pass refuses. Run over every TOML file the
//! project has, over those files damaged byte by byte, and over generated documents full
//! of TOML's corners (escapes, dotted keys, redefined tables, dates, numbers, CRLF).

use std::path::{Path, PathBuf};

use samverkan::load::tree::{Item, Value, from_toml, parse};
use toml::de::DeTable;

/// A tree written out with tables in key order (toml keeps its keys sorted; the pass
/// keeps them as written), every span included.
fn canonical(item: &Item) -> String {
    let mut out = String::new();
    write(item, &mut out);
    out
}

fn write(item: &Item, out: &mut String) {
    use std::fmt::Write;
    let span = &item.span;
    match &item.value {
        Value::String(s) => write!(out, "{span:?}str{s:?}"),
        Value::Integer(digits, v) => write!(out, "{span:?}int{digits}={v:?}"),
        Value::Float(v) => write!(out, "{span:?}float{:?}", v.map(f64::to_bits)),
        Value::Boolean(b) => write!(out, "{span:?}bool{b}"),
        Value::Datetime(d) => write!(out, "{span:?}datetime{d}"),
        Value::Array(a) => {
            write!(out, "{span:?}[").unwrap();
            for i in &a.items {
                write(i, out);
                out.push(',');
            }
            write!(out, "]")
        }
        Value::Table(t) => {
            write!(out, "{span:?}{{").unwrap();
            let mut entries: Vec<_> = t.entries.iter().collect();
            entries.sort_by(|a, b| a.key.cmp(&b.key));
            for e in entries {
                write!(out, "{:?}{:?}=", e.key_span, e.key).unwrap();
                write(&e.item, out);
                out.push(',');
            }
            write!(out, "}}")
        }
    }
    .unwrap();
}

/// What became of one text: read by the pass, or handed to toml.
#[derive(Debug, PartialEq)]
enum Outcome {
    OnePass,
    HandedOn,
}

/// Holds the pass to toml on `text`; panics with the text where they differ.
fn agree(text: &str) -> Outcome {
    let toml = DeTable::parse(text);
    match (parse(text, 0), toml) {
        (None, _) => Outcome::HandedOn,
        (Some(_), Err(e)) => panic!("the pass read what toml refuses ({e}):\n{text:?}"),
        (Some(ours), Ok(theirs)) => {
            let (ours, theirs) = (canonical(&ours), canonical(&from_toml(theirs)));
            assert_eq!(ours, theirs, "the trees differ for:\n{text:?}");
            Outcome::OnePass
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.toml` file under the folders, and every `.toml` section of the txtar fixtures.
fn corpus() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    for dir in ["registry", "examples", "tests/fixtures"] {
        walk(&root().join(dir), &mut paths);
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match path.extension().and_then(|x| x.to_str()) {
            Some("toml") => files.push((name, text)),
            Some("txtar") => {
                let mut section: Option<(String, String)> = None;
                for line in text.split_inclusive('\n') {
                    let bare = line.trim_end();
                    if let Some(inner) =
                        bare.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --"))
                    {
                        files.extend(section.take());
                        section = inner
                            .trim()
                            .ends_with(".toml")
                            .then(|| (format!("{name}:{inner}"), String::new()));
                    } else if let Some((_, content)) = section.as_mut() {
                        content.push_str(line);
                    }
                }
                files.extend(section);
            }
            _ => {}
        }
    }
    files
}

#[test]
fn every_file_of_the_project_reads_in_one_pass_to_toml_s_tree() {
    let files = corpus();
    assert!(files.len() > 300, "found only {} files", files.len());
    let mut handed_on = Vec::new();
    for (name, text) in &files {
        if agree(text) == Outcome::HandedOn && DeTable::parse(text).is_ok() {
            handed_on.push(name.as_str());
        }
    }
    // The registries are written in the subset the pass reads: toml sees only the broken
    // files of the fixtures, and these few that use TOML's rarer forms on purpose.
    let rare: Vec<&str> = handed_on
        .iter()
        .copied()
        .filter(|n| !n.contains("tests/fixtures/"))
        .collect();
    assert!(rare.is_empty(), "read by toml instead: {rare:#?}");
}

/// A small deterministic generator (xorshift), so a failure names its case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.below(options.len())]
    }
}

#[test]
fn damaged_files_read_alike_or_go_to_toml() {
    let files = corpus();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let inserts: &[&[u8]] = &[
        b"\"",
        b"'",
        b"[",
        b"]",
        b"{",
        b"}",
        b"=",
        b".",
        b",",
        b"#",
        b"\\",
        b"\r",
        b"\n",
        b"\t",
        b" ",
        b"\x01",
        b"\x7f",
        b"0",
        b"-",
        b":",
        b"T",
        b"_",
        b"+",
        b"e",
        b"\xc3\xa9",
    ];
    let mut outcomes = [0usize; 2];
    for case in 0..6000 {
        let (_, text) = &files[rng.below(files.len())];
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..1 + rng.below(3) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => {
                    let insert = inserts[rng.below(inserts.len())];
                    bytes.splice(at..at, insert.iter().copied());
                }
                _ => {
                    let insert = inserts[rng.below(inserts.len())];
                    bytes.splice(at..at + 1, insert.iter().copied());
                }
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let outcome = agree(&text);
        outcomes[usize::from(outcome == Outcome::HandedOn)] += 1;
        let _ = case;
    }
    // Both ways are exercised, or the test proves nothing.
    assert!(outcomes[0] > 1000 && outcomes[1] > 1000, "{outcomes:?}");
}

#[test]
fn generated_documents_read_alike_or_go_to_toml() {
    const KEYS: &[&str] = &[
        "a",
        "b",
        "c",
        "\"a\"",
        "'b'",
        "a.b",
        "a . c",
        "b.a",
        "\"a.b\"",
        "x-y_1",
        "1",
        "true",
        "\"\"",
        "\"\\u00e9\"",
        "\"\\t\"",
        "é",
        "a.b.c",
        "'a'.\"b\"",
    ];
    const VALUES: &[&str] = &[
        "1",
        "0",
        "-0",
        "+1",
        "01",
        "-12",
        "1_000",
        "0x1F",
        "0o7",
        "0b1",
        "1.5",
        "-0.25",
        "1.",
        ".5",
        "1e3",
        "1.5e-3",
        "inf",
        "-inf",
        "nan",
        "true",
        "false",
        "truex",
        "\"s\"",
        "\"a\\tb\\n\\\"q\\\"\\\\\"",
        "\"\\e\"",
        "\"\\x41\"",
        "\"\\q\"",
        "\"\\u00e9\"",
        "\"\\uD800\"",
        "\"\\U0001F600\"",
        "'lit\\eral'",
        "\"\"\"m\"\"\"",
        "'''m'''",
        "\"tab\there\"",
        "\"ctl\u{1}\"",
        "\"del\u{7f}\"",
        "\"ünï\"",
        "\"open",
        "'open",
        "2026-03-20",
        "2026-02-30",
        "2026-02-29",
        "2024-02-29",
        "2026-13-01",
        "0000-01-01",
        "2026-03-20T10:00:00",
        "2026-03-20 10:00",
        "2026-03-20t10:00:00z",
        "2026-03-20T10:00:00Z",
        "2026-03-20T10:00",
        "10:00:00",
        "25:00:00",
        "1979-05-27T00:32:00.999999-07:00",
        "2026-3-20",
        "[]",
        "[1, 2]",
        "[1,]",
        "[,]",
        "[\n1,\n# c\n2\n]",
        "[[1], ['a']]",
        "[ { a = 1 }, { b = 2 } ]",
        "{}",
        "{ a = 1 }",
        "{ a = 1, }",
        "{ a.b = 1 }",
        "{ a = 1, a = 2 }",
        "{\n a = 1 }",
        "{ a = { b = [] } }",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.7976931348623157e309",
        "[[[[[[[[[[[[1]]]]]]]]]]]]",
    ];
    const TRAILERS: &[&str] = &[
        "",
        "",
        " ",
        "\t",
        " # c",
        "#",
        " # ctl \u{1}",
        " x",
        "  # é",
    ];
    let mut rng = Rng(0x0ddb_a11c_afe0_0042);
    let mut outcomes = [0usize; 2];
    for _ in 0..20_000 {
        let newline = if rng.below(8) == 0 { "\r\n" } else { "\n" };
        let mut text = String::new();
        if rng.below(50) == 0 {
            text.push('\u{feff}');
        }
        for _ in 0..1 + rng.below(7) {
            let indent = rng.pick(&["", "", "  ", "\t"]);
            let line = match rng.below(10) {
                0 => format!("[{}]", rng.pick(KEYS)),
                1 => format!("[[{}]]", rng.pick(KEYS)),
                2 => rng
                    .pick(&["# comment", "", "  ", "[ a ]", "[[a] ]", "= 1", "\r", "[a"])
                    .to_owned(),
                _ => format!(
                    "{}{}={}{}",
                    rng.pick(KEYS),
                    rng.pick(&[" ", "", "  "]),
                    rng.pick(&[" ", "", "\t"]),
                    rng.pick(VALUES)
                ),
            };
            text.push_str(indent);
            text.push_str(&line);
            text.push_str(rng.pick(TRAILERS));
            text.push_str(newline);
        }
        if rng.below(4) == 0 {
            text.truncate(text.len() - newline.len());
        }
        outcomes[usize::from(agree(&text) == Outcome::HandedOn)] += 1;
    }
    assert!(outcomes[0] > 2000 && outcomes[1] > 2000, "{outcomes:?}");
}
