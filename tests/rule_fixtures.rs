//! One tripping registry and one clean twin per rule, run through the real binary.
//!
//! Each rule code has `tests/fixtures/rules/<code>/fail.txtar` and `pass.txtar`: a whole
//! small registry in Go's txtar format. The comment section before the first
//! `-- path --` line holds directives, one a line:
//!
//! ```text
//! # free text explaining the fixture
//! today 2026-11-25                     (optional; this is the default)
//! expect seat-limit members/samrad.toml:14
//! ```
//!
//! The harness writes the files into a temporary directory, runs
//! `samverkan check -C <dir> --format json --today <today>`, and asserts that the multiset
//! of (code, file, line) of all findings equals the `expect` lines exactly — a pass
//! fixture has none, so it must check clean — and that the exit status is 2 when a
//! `toml-syntax` finding is expected, else 1 when any expected finding is an error (by the
//! rule's default severity, or the fixture's own `[checks]`), else 0.
//!
//! `unreadable-file` has no fixture: its failing file holds bytes that are not UTF-8,
//! which a txtar (itself UTF-8 text) cannot carry, and an unreadable file needs
//! permissions a fixture cannot set. It is tested with files written byte by byte in
//! `tests/cli/loading.rs`, like symbolic links (`unexpected-file`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// Codes that stop the run (exit 2).
const FATAL: &[&str] = &["toml-syntax", "unreadable-file"];
/// Codes without fixtures, and why: see the module documentation.
const WITHOUT_FIXTURES: &[&str] = &["unreadable-file"];
const DEFAULT_TODAY: &str = "2026-11-25";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn samverkan() -> Command {
    let mut cmd = Command::cargo_bin("samverkan").expect("the samverkan binary is built");
    cmd.env_remove("SAMVERKAN_REGISTRY").env("NO_COLOR", "1");
    cmd
}

/// One finding, as the fixture names it and as `check --format json` reports it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    code: String,
    file: String,
    line: u64,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}:{}", self.code, self.file, self.line)
    }
}

#[derive(Debug)]
struct Fixture {
    today: String,
    expect: Vec<Place>,
    files: Vec<(String, String)>,
}

/// Parses a txtar archive: a comment section, then `-- name --` lines each starting a file
/// that runs to the next such line.
fn parse_txtar(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()));
    let mut today = DEFAULT_TODAY.to_owned();
    let mut expect = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, String)> = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some(name) = bare
            .strip_prefix("-- ")
            .and_then(|rest| rest.strip_suffix(" --"))
        {
            files.extend(current.take());
            current = Some((name.trim().to_owned(), String::new()));
            continue;
        }
        if let Some((_, content)) = current.as_mut() {
            content.push_str(line);
            continue;
        }
        let words: Vec<&str> = bare.split_whitespace().collect();
        match words.as_slice() {
            [] => {}
            [first, ..] if first.starts_with('#') => {}
            ["today", date] => today = (*date).to_owned(),
            ["expect", code, place] => {
                let (file, line_no) = place.rsplit_once(':').unwrap_or_else(|| {
                    panic!(
                        "{}:{}: expected FILE:LINE, found {place}",
                        path.display(),
                        n + 1
                    )
                });
                expect.push(Place {
                    code: (*code).to_owned(),
                    file: file.to_owned(),
                    line: line_no.parse().unwrap_or_else(|e| {
                        panic!(
                            "{}:{}: bad line number {line_no}: {e}",
                            path.display(),
                            n + 1
                        )
                    }),
                });
            }
            _ => panic!(
                "{}:{}: unknown directive {bare:?}; expected `today DATE`, `expect CODE FILE:LINE` or a # comment",
                path.display(),
                n + 1
            ),
        }
    }
    files.extend(current);
    assert!(
        !files.is_empty(),
        "{}: no files (a file starts with a `-- path --` line)",
        path.display()
    );
    Fixture {
        today,
        expect,
        files,
    }
}

/// Default level (`error`, `warn`, `allow`) of every rule, from `samverkan rules`.
fn default_levels() -> &'static BTreeMap<String, String> {
    static LEVELS: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    LEVELS.get_or_init(|| {
        let output = samverkan()
            .args(["rules", "--format", "json"])
            .output()
            .expect("samverkan rules runs");
        assert!(
            output.status.success(),
            "samverkan rules --format json failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let doc: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("rules --format json is JSON");
        doc["rules"]
            .as_array()
            .expect("a `rules` array")
            .iter()
            .map(|r| {
                (
                    r["code"].as_str().expect("a code").to_owned(),
                    r["severity"].as_str().expect("a severity").to_owned(),
                )
            })
            .collect()
    })
}

/// The level of each code in this fixture: the default, or the fixture's `[checks]`.
fn levels_for(fixture: &Fixture) -> BTreeMap<String, String> {
    let mut levels = default_levels().clone();
    let settings = fixture
        .files
        .iter()
        .find(|(name, _)| name == "registry.toml")
        .and_then(|(_, text)| text.parse::<toml::Table>().ok());
    if let Some(checks) = settings
        .as_ref()
        .and_then(|s| s.get("checks"))
        .and_then(|c| c.as_table())
    {
        for (code, level) in checks {
            if let Some(level) = level.as_str()
                && levels.contains_key(code)
                && !FATAL.contains(&code.as_str())
            {
                levels.insert(code.clone(), level.to_owned());
            }
        }
    }
    levels
}

/// Runs one fixture; returns a description of every way it differs from its expectations.
fn check_fixture(path: &Path) -> Result<(), String> {
    let fixture = parse_txtar(path);
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, content) in &fixture.files {
        let target = dir.path().join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create the fixture's folders");
        }
        std::fs::write(&target, content).expect("write a fixture file");
    }
    let output = samverkan()
        .arg("check")
        .arg("-C")
        .arg(dir.path())
        .args(["--format", "json", "--today", &fixture.today])
        .output()
        .expect("samverkan check runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let doc: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| {
        format!(
            "{}: check --format json did not print JSON ({e})\nexit: {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
            path.display(),
            output.status.code()
        )
    })?;
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    let mut actual: Vec<(Place, String, String)> = findings
        .iter()
        .map(|f| {
            (
                Place {
                    code: f["code"].as_str().unwrap_or("?").to_owned(),
                    file: f["file"].as_str().unwrap_or("?").to_owned(),
                    line: f["line"].as_u64().unwrap_or(0),
                },
                f["severity"].as_str().unwrap_or("?").to_owned(),
                f["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    actual.sort();
    let mut expected = fixture.expect.clone();
    expected.sort();
    let actual_places: Vec<Place> = actual.iter().map(|(p, _, _)| p.clone()).collect();

    let levels = levels_for(&fixture);
    let mut problems = Vec::new();
    if actual_places != expected {
        problems.push("the findings differ from the `expect` lines".to_owned());
    }
    for (place, severity, _) in &actual {
        let wanted = match levels.get(&place.code).map(String::as_str) {
            Some("error") => "error",
            Some("warn") => "warning",
            _ => continue,
        };
        let wanted = if FATAL.contains(&place.code.as_str()) {
            "error"
        } else {
            wanted
        };
        if severity != wanted {
            problems.push(format!(
                "{place} has severity {severity}, expected {wanted}"
            ));
        }
    }
    let expected_exit = if expected.iter().any(|p| FATAL.contains(&p.code.as_str())) {
        2
    } else if expected
        .iter()
        .any(|p| levels.get(&p.code).is_some_and(|l| l == "error"))
    {
        1
    } else {
        0
    };
    if output.status.code() != Some(expected_exit) {
        problems.push(format!(
            "exit status {:?}, expected {expected_exit}",
            output.status.code()
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut report = format!(
        "{} (--today {}):\n  {}\n  expected:\n",
        path.display(),
        fixture.today,
        problems.join("\n  ")
    );
    if expected.is_empty() {
        report.push_str("    (no findings)\n");
    }
    for p in &expected {
        let mark = if actual_places.contains(p) { " " } else { "-" };
        let _ = writeln!(report, "   {mark} {p}");
    }
    report.push_str("  actual:\n");
    if actual.is_empty() {
        report.push_str("    (no findings)\n");
    }
    for (p, severity, message) in &actual {
        let mark = if expected.contains(p) { " " } else { "+" };
        let _ = writeln!(report, "   {mark} {p} [{severity}] {message}");
    }
    if !stderr.trim().is_empty() {
        let _ = writeln!(report, "  stderr: {}", stderr.trim());
    }
    Err(report)
}

fn run(code: &str, which: &str) {
    let path = fixtures_dir().join(code).join(format!("{which}.txtar"));
    assert!(path.exists(), "missing fixture {}", path.display());
    if let Err(report) = check_fixture(&path) {
        panic!("\n{report}");
    }
}

macro_rules! fixtures {
    ($($module:ident => $code:literal,)*) => {
        $(
            mod $module {
                #[test]
                fn fail() {
                    super::run($code, "fail");
                }

                #[test]
                fn pass() {
                    super::run($code, "pass");
                }
            }
        )*

        /// The codes that have a test above.
        const CODES: &[&str] = &[$($code),*];
    };
}

fixtures! {
    toml_syntax => "toml-syntax",
    schema => "schema",
    invalid_id => "invalid-id",
    duplicate_id => "duplicate-id",
    dangling_reference => "dangling-reference",
    unexpected_file => "unexpected-file",
    invalid_range => "invalid-range",
    invalid_org_number => "invalid-org-number",
    fixed_term_expired => "fixed-term-expired",
    renewal_without_term => "renewal-without-term",
    cost_split => "cost-split",
    annex_outlives_agreement => "annex-outlives-agreement",
    annex_foreign_party => "annex-foreign-party",
    chair_wrong_side => "chair-wrong-side",
    chair_term_start => "chair-term-start",
    constituency_foreign_party => "constituency-foreign-party",
    association_not_listed => "association-not-listed",
    side_seat_limit => "side-seat-limit",
    group_seat_limit => "group-seat-limit",
    body_outlives_agreement => "body-outlives-agreement",
    notice_from_non_party => "notice-from-non-party",
    handled_by_foreign_body => "handled-by-foreign-body",
    seat_limit => "seat-limit",
    member_not_party => "member-not-party",
    vacant_seat => "vacant-seat",
    double_seat => "double-seat",
    substitute_pairing => "substitute-pairing",
    chair_missing => "chair-missing",
    chair_same_side => "chair-same-side",
    chair_not_member => "chair-not-member",
    chair_not_rotated => "chair-not-rotated",
    host_chair => "host-chair",
    host_not_alternating => "host-not-alternating",
    too_few_meetings => "too-few-meetings",
    last_meeting_kind => "last-meeting-kind",
    meeting_inactive_body => "meeting-inactive-body",
    meeting_on_holiday => "meeting-on-holiday",
    case_event_order => "case-event-order",
    case_not_prepared => "case-not-prepared",
    advisory_decision => "advisory-decision",
    reply_overdue => "reply-overdue",
    bilateral_question => "bilateral-question",
    party_event_foreign => "party-event-foreign",
    obligation_overdue => "obligation-overdue",
    owner_change_unnotified => "owner-change-unnotified",
    // Format 2, people without a seat and attendance.
    chair_without_seat => "chair-without-seat",
    substitute_without_absence => "substitute-without-absence",
    party_unrepresented => "party-unrepresented",
}

/// Every rule the binary knows has both fixtures (but `unreadable-file`, see above), every
/// fixture folder is a rule, and every rule with fixtures has a test in `fixtures!`.
#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    let known: BTreeSet<&str> = default_levels().keys().map(String::as_str).collect();
    let mut problems = Vec::new();
    for code in &known {
        if WITHOUT_FIXTURES.contains(code) {
            continue;
        }
        for which in ["fail", "pass"] {
            let path = fixtures_dir().join(code).join(format!("{which}.txtar"));
            if !path.is_file() {
                problems.push(format!("rule {code} has no {}", path.display()));
            }
        }
        if !CODES.contains(code) {
            problems.push(format!(
                "rule {code} has no test: add it to `fixtures!` in tests/rule_fixtures.rs"
            ));
        }
    }
    for entry in std::fs::read_dir(fixtures_dir()).expect("tests/fixtures/rules exists") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        if !known.contains(name.as_ref()) {
            problems.push(format!(
                "tests/fixtures/rules/{name} names no rule of `samverkan rules`"
            ));
        }
    }
    for code in CODES {
        if !known.contains(code) {
            problems.push(format!("`fixtures!` lists {code}, which is no rule"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Extra cases beside `fail` and `pass`: `fail-<case>.txtar` and `pass-<case>.txtar` in a
/// rule's folder (the same rule under another setting, e.g. a chair term longer than a
/// year), each run like the two above.
#[test]
fn extra_cases_hold() {
    let mut problems = Vec::new();
    let mut cases = 0;
    for entry in std::fs::read_dir(fixtures_dir()).expect("tests/fixtures/rules exists") {
        let dir = entry.expect("a directory entry").path();
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for file in files {
            let path = file.expect("a directory entry").path();
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            let Some(stem) = stem.filter(|s| s != "fail" && s != "pass") else {
                continue;
            };
            if !(stem.starts_with("fail-") || stem.starts_with("pass-"))
                || path.extension().is_none_or(|e| e != "txtar")
            {
                problems.push(format!(
                    "{}: an extra case is named fail-<case>.txtar or pass-<case>.txtar",
                    path.display()
                ));
                continue;
            }
            cases += 1;
            if let Err(report) = check_fixture(&path) {
                problems.push(report);
            }
        }
    }
    assert!(cases > 0, "no extra cases found");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
