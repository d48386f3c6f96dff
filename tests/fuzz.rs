//! A mutation fuzzer over real registries: the bundled one (`registry/`) and every fixture
//! under `tests/fixtures/`, damaged at the byte level (flipped, inserted, deleted bytes)
//! and the value level (extreme values, duplicated and deleted lines, edge dates, unknown
//! keys, files moved or removed). In process, every case goes through loading, every
//! rule, the findings' renderers and every view without a panic, and its findings keep
//! their contract; a few cases run the binary for the exit-code contract.
//!
//! `SAMVERKAN_FUZZ_CASES` sets the number of in-process cases (default 3000); see
//! docs/testing.md for the longer run before a release.

#[path = "support/exercise.rs"]
mod exercise;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use samverkan::finding::{FATAL_CODES, Finding, Severity};
use samverkan::load::{RawContent, RawFile, load};

type Files = Vec<(String, Vec<u8>)>;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, by path relative to it.
fn read_tree(dir: &Path) -> Files {
    fn walk(root: &Path, dir: &Path, out: &mut Files) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

/// The files of a txtar rule fixture (`-- path --` sections).
fn read_txtar(path: &Path) -> Files {
    let text = std::fs::read_to_string(path).unwrap();
    let mut files: Files = Vec::new();
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        if let Some(name) = bare.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --")) {
            files.push((name.trim().to_owned(), Vec::new()));
        } else if let Some((_, content)) = files.last_mut() {
            content.extend_from_slice(line.as_bytes());
        }
    }
    files
}

/// The seed registries: bundled, the views fixture, and every rule fixture.
fn corpus() -> &'static [Files] {
    static CORPUS: OnceLock<Vec<Files>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut all = vec![
            read_tree(&root().join("registry")),
            read_tree(&root().join("tests/fixtures/views")),
        ];
        let rules = root().join("tests/fixtures/rules");
        let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&rules)
            .unwrap()
            .flat_map(|e| std::fs::read_dir(e.unwrap().path()).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
            .collect();
        fixtures.sort();
        all.extend(fixtures.iter().map(|p| read_txtar(p)));
        assert!(
            all.len() > 30,
            "the corpus is the bundled registry and the fixtures"
        );
        all
    })
}

/// Values that stress the model: integer and float edges, empty and odd strings, wrong
/// types, edge dates.
const EXTREME_VALUES: &[&str] = &[
    "0",
    "-1",
    "2147483647",
    "-2147483648",
    "4294967295",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "1e308",
    "-0.0",
    "nan",
    "inf",
    "\"\"",
    "\"\\u001b[2J\\n::error::x\"",
    "\"=SUM(A1)|<b>`x`\"",
    "\"\\u202e\"",
    "[]",
    "{}",
    "[[], {}]",
    "true",
    "0000-01-01",
    "9999-12-31",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "\"region\"",
    "\"end\"",
    "[\"umea\", \"umea\"]",
];

const EDGE_DATES: &[&str] = &[
    "0000-01-01",
    "0001-01-01",
    "1000-01-01",
    "1969-12-31",
    "2024-02-29",
    "2025-02-28",
    "2026-01-01",
    "2026-12-31",
    "2026-03-30",
    "2100-02-28",
    "9999-12-31",
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
];

/// Bytes worth inserting: controls, TOML syntax, invalid and partial UTF-8.
const INTERESTING_BYTES: &[u8] = &[
    0x00, 0x1b, b'\n', b'\r', b'\t', b'"', b'\'', b'[', b']', b'{', b'}', b'=', b'.', b',', b'#',
    b'\\', b'-', 0x7f, 0xc3, 0xa5, 0xff, 0xe2,
];

/// Where a registry file may be moved to: other places of the layout, and places it
/// does not know.
const PLACES: &[&str] = &[
    "registry.toml",
    "parties/x.toml",
    "parties/end.toml",
    "bodies/graph.toml",
    "members/x.toml",
    "meetings/2026.toml",
    "meetings/0000.toml",
    "meetings/plan.toml",
    "cases/2026/x.toml",
    "cases/x.toml",
    "agreements/Å.toml",
    "people/x.toml",
    "x\n::error::y.toml",
];

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    InsertByte { at: usize, byte: u8 },
    DeleteBytes { at: usize, len: usize },
    ExtremeValue { nth: usize, value: usize },
    EdgeDate { nth: usize, date: usize },
    DuplicateLine { nth: usize },
    DeleteLine { nth: usize },
    UnknownKey { nth: usize },
    MoveFile { to: usize },
    RemoveFile,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (
            any::<usize>(),
            any::<prop::sample::Index>(),
            any::<u8>(),
            any::<bool>()
        )
            .prop_map(|(at, pick, random, interesting)| Mutation::InsertByte {
                at,
                byte: if interesting {
                    *pick.get(INTERESTING_BYTES)
                } else {
                    random
                },
            }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::DeleteBytes { at, len }),
        (any::<usize>(), 0..EXTREME_VALUES.len())
            .prop_map(|(nth, value)| Mutation::ExtremeValue { nth, value }),
        (any::<usize>(), 0..EDGE_DATES.len())
            .prop_map(|(nth, date)| Mutation::EdgeDate { nth, date }),
        any::<usize>().prop_map(|nth| Mutation::DuplicateLine { nth }),
        any::<usize>().prop_map(|nth| Mutation::DeleteLine { nth }),
        any::<usize>().prop_map(|nth| Mutation::UnknownKey { nth }),
        (0..PLACES.len()).prop_map(|to| Mutation::MoveFile { to }),
        Just(Mutation::RemoveFile),
    ]
}

/// Byte offsets of each `key = value` line's value, and the value's end (the line's end).
fn values(text: &[u8]) -> Vec<(usize, usize)> {
    lines(text)
        .into_iter()
        .filter_map(|(start, end)| {
            let line = &text[start..end];
            let eq = line.windows(3).position(|w| w == b" = ")?;
            Some((start + eq + 3, end))
        })
        .collect()
}

/// Byte ranges of each line, without its newline.
fn lines(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.iter().enumerate() {
        if *b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Byte offsets of every `YYYY-MM-DD` in the text.
fn dates(text: &[u8]) -> Vec<usize> {
    text.windows(10)
        .enumerate()
        .filter(|(_, w)| {
            w.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        })
        .map(|(i, _)| i)
        .collect()
}

fn pick<T: Copy>(items: &[T], nth: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[nth % items.len()])
}

/// Applies one mutation to file `index` of `files`.
fn apply(files: &mut Files, index: usize, m: &Mutation) {
    if files.is_empty() {
        return;
    }
    let index = index % files.len();
    let text = &mut files[index].1;
    match *m {
        Mutation::FlipBit { at, bit } => {
            if !text.is_empty() {
                let at = at % text.len();
                text[at] ^= 1 << bit;
            }
        }
        Mutation::InsertByte { at, byte } => text.insert(at % (text.len() + 1), byte),
        Mutation::DeleteBytes { at, len } => {
            if !text.is_empty() {
                let at = at % text.len();
                let end = (at + len).min(text.len());
                text.drain(at..end);
            }
        }
        Mutation::ExtremeValue { nth, value } => {
            if let Some((start, end)) = pick(&values(text), nth) {
                text.splice(start..end, EXTREME_VALUES[value].bytes());
            }
        }
        Mutation::EdgeDate { nth, date } => {
            if let Some(at) = pick(&dates(text), nth) {
                text.splice(at..at + 10, EDGE_DATES[date].bytes());
            }
        }
        Mutation::DuplicateLine { nth } => {
            if let Some((start, end)) = pick(&lines(text), nth) {
                let mut copy = text[start..end].to_vec();
                copy.push(b'\n');
                text.splice(start..start, copy);
            }
        }
        Mutation::DeleteLine { nth } => {
            if let Some((start, end)) = pick(&lines(text), nth) {
                let end = (end + 1).min(text.len());
                text.drain(start..end);
            }
        }
        Mutation::UnknownKey { nth } => {
            if let Some((value, _)) = pick(&values(text), nth) {
                let line_start = text[..value]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                text.splice(line_start..line_start, b"okand_".iter().copied());
            }
        }
        Mutation::MoveFile { to } => files[index].0 = PLACES[to].to_owned(),
        Mutation::RemoveFile => {
            files.remove(index);
        }
    }
}

fn case() -> impl Strategy<Value = (usize, Vec<(usize, Mutation)>, NaiveDate)> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<usize>(), mutation()), 1..5),
        (1990i32..2100, 1u32..=365),
    )
        .prop_map(|(registry, mutations, (y, d))| {
            let registry = registry.index(corpus().len());
            (registry, mutations, NaiveDate::from_yo_opt(y, d).unwrap())
        })
}

fn mutated(registry: usize, mutations: &[(usize, Mutation)]) -> Files {
    let mut files = corpus()[registry].clone();
    for (index, m) in mutations {
        apply(&mut files, *index, m);
    }
    files
}

/// What every run's findings promise: a known code with its rule's family; a place that
/// exists in the file; a fatal finding only for a file that did not load.
fn assert_contract(reg: &samverkan::model::Registry, findings: &[Finding]) {
    for f in findings {
        let rule = samverkan::rules::find(f.code)
            .unwrap_or_else(|| panic!("a finding with no rule: {f:?}"));
        assert_eq!(rule.code, f.code);
        if f.is_fatal() {
            assert_eq!(f.severity, Severity::Error, "{f:?}");
        }
        if let Some(loc) = &f.location {
            let file = reg.sources.get(loc.file);
            assert!(
                loc.span.start <= loc.span.end && loc.span.end <= file.text.len(),
                "{f:?} in {}",
                file.path
            );
            let (line, column) = file.line_col(loc.span.start);
            assert!(line >= 1 && column >= 1, "{f:?}");
            assert!(line <= file.text.lines().count().max(1) + 1, "{f:?}");
            if f.is_fatal() {
                let stem = file.path.strip_suffix(".toml").unwrap_or(&file.path);
                assert!(reg.left_out.contains(stem), "fatal, yet loaded: {f:?}");
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("SAMVERKAN_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

/// Runs `test` on `cases` generated cases. Seeded from the case count unless
/// `SAMVERKAN_FUZZ_SEED` asks otherwise, so a failure reproduces.
fn run(
    cases: u32,
    test: impl Fn((usize, Vec<(usize, Mutation)>, NaiveDate)) -> Result<(), TestCaseError>,
) {
    let seed: u64 = std::env::var("SAMVERKAN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5a3_7e2_c4b_u64);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    if let Err(e) = runner.run(&case(), test) {
        panic!("{e}");
    }
}

#[test]
fn mutated_registries_load_check_and_render_without_a_panic() {
    run(cases(), |(registry, mutations, today)| {
        let files = mutated(registry, &mutations);
        let raw = files
            .iter()
            .map(|(path, bytes)| RawFile {
                path: path.clone(),
                content: RawContent::Bytes(bytes.clone()),
            })
            .collect();
        let (reg, findings) = load(raw);
        let findings = exercise::exercise(&reg, findings, today);
        assert_contract(&reg, &findings);
        use samverkan::render::findings::{github, json, text};
        let _ = (
            text(
                &reg.sources,
                &findings,
                "registry",
                true,
                samverkan::i18n::Lang::Sv,
            ),
            github(
                &reg.sources,
                &findings,
                "registry",
                samverkan::i18n::Lang::Sv,
            ),
        );
        let doc: serde_json::Value = serde_json::from_str(&json(&reg.sources, &findings)).unwrap();
        prop_assert_eq!(
            doc["findings"].as_array().map(Vec::len),
            Some(findings.len())
        );
        Ok(())
    });
}

/// The binary on a few mutated registries written to disk: exit 0, 1 or 2, and 2 exactly
/// when there is a fatal finding (or no registry.toml, when the findings say why).
#[test]
fn the_binary_keeps_its_exit_code_contract_on_mutated_registries() {
    let binary = assert_cmd::cargo::cargo_bin("samverkan");
    run(cases() / 100, |(registry, mutations, today)| {
        let files = mutated(registry, &mutations);
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in &files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, bytes).unwrap();
        }
        let out = std::process::Command::new(&binary)
            .arg("-C")
            .arg(dir.path())
            .args(["--today", &today.to_string(), "check", "--format", "json"])
            .env_remove("SAMVERKAN_REGISTRY")
            .output()
            .unwrap();
        let code = out.status.code().expect("an exit code, not a signal");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
        let findings = doc["findings"].as_array().unwrap();
        let fatal = findings
            .iter()
            .any(|f| FATAL_CODES.contains(&f["code"].as_str().unwrap()));
        let errors = findings.iter().filter(|f| f["severity"] == "error").count();
        prop_assert_eq!(doc["errors"].as_u64(), Some(errors as u64));
        let expected = if fatal {
            2
        } else if errors > 0 {
            1
        } else {
            0
        };
        prop_assert_eq!(code, expected, "{}", doc);
        Ok(())
    });
}
