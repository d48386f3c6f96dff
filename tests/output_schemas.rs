//! Every JSON document the tool prints has `"version": 1` at its top level and matches the
//! JSON Schema published for it in docs/schemas/<command>.output.schema.json: the real
//! output of every command on the bundled registry, validated by the jsonschema crate.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[path = "support/fs.rs"]
mod fs;
use fs::copy_dir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator(command: &str) -> jsonschema::Validator {
    let path = root().join(format!("docs/schemas/{command}.output.schema.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs samverkan in `dir` with `args` and validates its stdout against `command`'s schema.
fn assert_valid(dir: &Path, command: &str, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_samverkan"))
        .current_dir(dir)
        .env_remove("SAMVERKAN_REGISTRY")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["--today", "2026-11-25", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(doc["version"], 1, "{args:?}");
    let errors: Vec<String> = validator(command)
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    doc
}

#[test]
fn every_command_prints_json_that_matches_its_published_schema() {
    let dir = root();
    let cases: &[(&str, &[&str])] = &[
        ("check", &["check"]),
        ("check", &["check", "--skip", "nosuch"]),
        ("rules", &["rules"]),
        ("roster", &["roster"]),
        (
            "roster",
            &["roster", "samrad-vard-omsorg", "--on", "2024-03-01"],
        ),
        ("schedule", &["schedule", "--year", "2025"]),
        ("deadlines", &["deadlines"]),
        (
            "notice",
            &[
                "notice",
                "vasterbotten-samverkansstruktur",
                "--party",
                "vindeln",
                "--given",
                "2026-03-03",
            ],
        ),
        (
            "notice",
            &[
                "notice",
                "vasterbotten-samverkansstruktur",
                "--party",
                "vindeln",
                "--leave-by",
                "2027-12-31",
            ],
        ),
        ("rotation", &["rotation", "lanssamverkansgruppen"]),
        ("report", &["report", "--year", "2025"]),
        // Attendance and people without a seat (format 2) are in the views fixture.
        (
            "report",
            &["-C", "tests/fixtures/views", "report", "--year", "2026"],
        ),
        (
            "roster",
            &["-C", "tests/fixtures/views", "roster", "samrad"],
        ),
        ("graph", &["graph"]),
        // Format 2, duties: 2020 holds month dates (`"2020-04"`, `"2020-11"`) and a duty of
        // each party.
        ("schedule", &["schedule", "--year", "2020"]),
        ("report", &["report", "--year", "2020"]),
    ];
    for (command, args) in cases {
        assert_valid(dir, command, args);
    }
}

#[test]
fn format_2_associations_print_json_that_matches_the_published_schemas() {
    let dir = root().join("tests/fixtures/associations");
    let graph = assert_valid(&dir, "graph", &["-C", ".", "graph"]);
    assert!(graph["links"].as_array().is_some_and(|l| !l.is_empty()));
    assert_valid(&dir, "report", &["-C", ".", "report", "--year", "2026"]);
    assert_valid(&dir, "check", &["-C", ".", "check"]);
}

#[test]
fn diff_json_matches_its_published_schema() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir)
            .env("HOME", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .status()
            .unwrap();
        assert!(status.success());
    };
    copy_dir(&root().join("registry"), &dir.join("registry"));
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "registry"]);
    let party = dir.join("registry/parties/umea.toml");
    let text = std::fs::read_to_string(&party).unwrap();
    std::fs::write(&party, text.replace("\"municipality\"", "\"association\"")).unwrap();
    std::fs::remove_file(dir.join("registry/parties/bjurholm.toml")).unwrap();
    let doc = assert_valid(dir, "diff", &["diff", "HEAD"]);
    assert!(!doc["introduced"].as_array().unwrap().is_empty(), "{doc:#}");
}
