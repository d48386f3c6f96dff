//! Reading the registry at a git revision (`--at`), isolated from the user's git config.

use std::path::Path;

use git2::{Repository, Signature};

use crate::{Fixture, MINIMAL};

/// Commits everything in the work tree; returns the commit id.
pub fn commit_all(repo: &Repository, message: &str) -> git2::Oid {
    let mut index = repo.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.update_all(["*"], None).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = Signature::new(
        "Test",
        "test@example.org",
        &git2::Time::new(1_700_000_000, 0),
    )
    .unwrap();
    let parents: Vec<git2::Commit> = repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_commit().ok())
        .into_iter()
        .collect();
    let parents: Vec<&git2::Commit> = parents.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .unwrap()
}

/// A repository whose registry lives in `registry/`, first clean, then broken in the
/// work tree only.
fn repo_with_registry() -> (Fixture, Repository) {
    let f = Fixture::new(&[]);
    let repo = Repository::init(f.path()).unwrap();
    for (path, text) in MINIMAL {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    commit_all(&repo, "a clean registry");
    (f, repo)
}

pub fn samverkan(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.current_dir(dir)
        .env_remove("SAMVERKAN_REGISTRY")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("SAMVERKAN_LANG", "en")
        .args(["--today", "2026-11-25"]);
    cmd
}

#[test]
fn at_reads_the_committed_registry_not_the_work_tree() {
    let (f, _repo) = repo_with_registry();
    f.write(
        "registry/parties/umea.toml",
        b"name = \"Ume\xc3\xa5\"\nkind = \"kommun\"\n",
    );
    samverkan(f.path()).args(["check"]).assert().code(1);
    samverkan(f.path())
        .args(["check", "--at", "HEAD"])
        .assert()
        .code(0);
    // The work tree is untouched.
    let text = std::fs::read_to_string(f.path().join("registry/parties/umea.toml")).unwrap();
    assert!(text.contains("kommun"));
}

#[test]
fn at_an_older_revision_from_a_subdirectory() {
    let (f, repo) = repo_with_registry();
    f.write(
        "registry/parties/umea.toml",
        b"name = \"Ume\xc3\xa5\"\nkind = \"kommun\"\n",
    );
    commit_all(&repo, "break umea");
    samverkan(f.path())
        .args(["check", "--at", "HEAD"])
        .assert()
        .code(1);
    samverkan(&f.path().join("registry"))
        .args(["check", "-C", ".", "--at", "HEAD~1"])
        .assert()
        .code(0);
}

#[test]
fn an_unknown_revision_is_exit_2_with_a_reason() {
    let (f, _repo) = repo_with_registry();
    let out = samverkan(f.path())
        .args(["check", "--format", "json", "--at", "no-such-branch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown revision")
    );
}

#[test]
fn at_outside_a_repository_is_exit_2() {
    let f = Fixture::minimal();
    f.cmd().args(["check", "--at", "HEAD"]).assert().code(2);
}

#[test]
fn diff_lists_what_changed_and_the_findings_it_introduces() {
    let (f, repo) = repo_with_registry();
    f.write(
        "registry/bodies/organ.toml",
        b"name = \"Organ\"\nagreement = \"avtal\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\ndefault = { ordinary = 1, substitutes = 1 }\n",
    );
    f.write(
        "registry/members/organ.toml",
        b"[[member]]\nname = \"Anna\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2020-01-01\n",
    );
    commit_all(&repo, "a body");
    // The change: Umea gets a second ordinary seat, and the region a new name.
    f.write(
        "registry/members/organ.toml",
        b"[[member]]\nname = \"Anna\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2020-01-01\nto = 2026-12-31\n\n[[member]]\nname = \"Bo\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2026-06-01\n",
    );
    f.write(
        "registry/parties/region.toml",
        "name = \"Region Testlän\"\nkind = \"region\"\n".as_bytes(),
    );
    let out = samverkan(f.path())
        .args(["diff", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["from"], "HEAD");
    assert_eq!(doc["to"], "working tree");
    let files = doc["files"].as_array().unwrap();
    let members = files
        .iter()
        .find(|f| f["path"] == "members/organ.toml")
        .unwrap();
    assert_eq!(
        members["entries"],
        serde_json::json!([
            { "kind": "member", "change": "modified", "description": "Anna (umea, ordinary) from 2020-01-01 to 2026-12-31",
              "fields": [{ "key": "to", "old": null, "new": "2026-12-31" }] },
            { "kind": "member", "change": "added", "description": "Bo (umea, ordinary) from 2026-06-01", "fields": [] }
        ])
    );
    let region = files
        .iter()
        .find(|f| f["path"] == "parties/region.toml")
        .unwrap();
    assert_eq!(
        region["fields"],
        serde_json::json!([{ "key": "name", "old": "Region Test", "new": "Region Testlän" }])
    );
    assert_eq!(doc["introduced"][0]["code"], "seat-limit");
    assert_eq!(doc["introduced"][0]["file"], "members/organ.toml");
    assert_eq!(doc["resolved"], serde_json::json!([]));

    // Comparing two revisions leaves the working tree out; Markdown is the default.
    let out = samverkan(f.path())
        .args(["diff", "HEAD~1", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("### samverkan: HEAD\\~1 → HEAD\n"), "{md}");
    assert!(
        md.contains("➕ `bodies/organ.toml` — Organ (added)"),
        "{md}"
    );

    // In Swedish: the same changes, worded for a Swedish pull-request comment.
    let out = samverkan(f.path())
        .args(["diff", "HEAD~1", "HEAD", "--lang", "sv"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("➕ `bodies/organ.toml` — Organ (tillagd)"),
        "{md}"
    );
    assert!(md.contains("#### Ändringar"), "{md}");
    assert!(md.contains(" fel och "), "{md}");
    let out = samverkan(f.path())
        .args(["diff", "HEAD~1", "--lang", "sv"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("### samverkan: HEAD\\~1 → arbetskatalogen\n"),
        "{md}"
    );
    // The finding the working tree introduces, in Swedish too.
    assert!(md.contains("fel[`seat-limit`]: umea innehar "), "{md}");
}

/// Format 2 month dates through `diff`: Markdown words them as the month and year in the
/// output language, JSON keeps them as written, and a key without months keeps its text.
#[test]
fn diff_words_a_month_date_as_month_and_year_and_json_keeps_it() {
    let (f, repo) = repo_with_registry();
    let case = |raised: &str, more: &str| {
        format!(
            "title = \"Rutin\"\nraised = {raised}\nraised_by = \"umea\"\nconcerns = \"all\"\nagreement = \"avtal\"\n\n[[event]]\ndate = 2026-05-04\nparty = \"umea\"\naction = \"prepared\"\n{more}"
        )
    };
    f.write(
        "registry/cases/2026/rutin.toml",
        case("2026-05-04", "").as_bytes(),
    );
    commit_all(&repo, "a case");
    f.write(
        "registry/agreements/avtal.toml",
        b"title = \"2019-11\"\nparties = [\"region\", \"umea\"]\nsigned = \"2019-11\"\neffective = 2020-01-01\n",
    );
    f.write(
        "registry/cases/2026/rutin.toml",
        case(
            "\"2026-05\"",
            "\n[[event]]\ndate = \"2026-06\"\nparty = \"region\"\naction = \"discussed\"\n",
        )
        .as_bytes(),
    );
    let diff = |args: &[&str]| {
        let out = samverkan(f.path())
            .args(["diff", "HEAD"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let changes = |md: &str| md[md.find("- ✏️").expect("changes")..].to_owned();
    assert_eq!(
        changes(&diff(&[])),
        "- ✏️ `agreements/avtal.toml` — 2019-11 (modified)\n\
         \x20 - `signed`: *(none)* → November 2019\n\
         \x20 - `title`: Överenskommelse → 2019-11\n\
         - ✏️ `cases/2026/rutin.toml` — Rutin (modified)\n\
         \x20 - `raised`: 2026-05-04 → May 2026\n\
         \x20 - added event: June 2026 discussed at region\n"
    );
    let sv = diff(&["--lang", "sv"]);
    assert!(
        sv.contains("  - `signed`: *(inget)* → november 2019\n"),
        "{sv}"
    );
    assert!(sv.contains("  - `raised`: 2026-05-04 → maj 2026\n"), "{sv}");
    assert!(sv.contains(": juni 2026 discussed at region\n"), "{sv}");
    // A title is not a date: it stays as written in both languages.
    assert!(sv.contains("→ 2019-11\n"), "{sv}");

    let doc: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json", "--lang", "sv"])).unwrap();
    let file = |path: &str| {
        doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .unwrap()
            .clone()
    };
    assert_eq!(
        file("agreements/avtal.toml")["fields"],
        serde_json::json!([
            { "key": "signed", "old": null, "new": "2019-11" },
            { "key": "title", "old": "Överenskommelse", "new": "2019-11" }
        ])
    );
    let case = file("cases/2026/rutin.toml");
    assert_eq!(
        case["fields"],
        serde_json::json!([{ "key": "raised", "old": "2026-05-04", "new": "2026-05" }])
    );
    assert_eq!(
        case["entries"][0]["description"],
        "2026-06 discussed at region"
    );
}

#[test]
fn a_revision_before_the_registry_existed_is_empty_for_diff_and_an_error_for_at() {
    let f = Fixture::new(&[("README.md", "# A repository before its registry\n")]);
    let repo = Repository::init(f.path()).unwrap();
    commit_all(&repo, "no registry yet");
    for (path, text) in MINIMAL {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    let out = samverkan(f.path())
        .args(["diff", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["added"; 4]);
    let out = samverkan(f.path())
        .args(["check", "--at", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("has no registry"));
}

/// `check --baseline REV` in a repository whose base commit already has an error in
/// `parties/umea.toml`: the findings of the work tree as (code, file), and the exit status.
fn check_against_base(f: &Fixture, extra: &[&str]) -> (Vec<(String, String)>, i32) {
    let out = samverkan(f.path())
        .args(["check", "--format", "json", "--baseline", "HEAD"])
        .args(extra)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["file"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    (found, out.status.code().unwrap())
}

#[test]
fn baseline_reports_only_what_the_work_tree_brings_and_exits_on_that() {
    let (f, repo) = repo_with_registry();
    let broken = b"name = \"Ume\xc3\xa5\"\nkind = \"kommun\"\n";
    f.write("registry/parties/umea.toml", broken);
    commit_all(&repo, "a known error");
    // The same error, moved to another line by a comment: still the same finding.
    let mut moved = b"# a comment\n".to_vec();
    moved.extend_from_slice(broken);
    f.write("registry/parties/umea.toml", &moved);
    samverkan(f.path()).args(["check"]).assert().code(1);
    assert_eq!(check_against_base(&f, &[]), (vec![], 0));

    // A new error in another file is reported, alone, and fails the check.
    f.write(
        "registry/parties/region.toml",
        b"name = \"Region\"\nkind = \"landsting\"\n",
    );
    assert_eq!(
        check_against_base(&f, &[]),
        (
            vec![("schema".to_owned(), "parties/region.toml".to_owned())],
            1
        )
    );
}

#[test]
fn baseline_at_an_unknown_revision_cannot_run() {
    let (f, _repo) = repo_with_registry();
    let out = samverkan(f.path())
        .args(["check", "--format", "json", "--baseline", "no-such-rev"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let message = doc["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("--baseline no-such-rev"), "{message}");
}

#[test]
fn github_format_appends_a_markdown_summary_with_every_finding() {
    let (f, repo) = repo_with_registry();
    f.write(
        "registry/parties/umea.toml",
        b"name = \"Ume\xc3\xa5\"\nkind = \"kommun\"\n",
    );
    commit_all(&repo, "a known error");
    // Twelve new findings: more than the ten annotations GitHub shows for a step.
    for i in 0..12 {
        f.write(
            &format!("registry/parties/p{i}.toml"),
            b"name = \"P | *x*\"\nkind = \"landsting\"\n",
        );
    }
    let summary = f.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = samverkan(f.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("SAMVERKAN_LANG", "en")
        .args(["check", "--format", "github", "--baseline", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 12, "{stdout}");
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("earlier step\n## samverkan check\n"),
        "{text}"
    );
    assert!(text.contains("12 errors, 0 warnings"), "{text}");
    assert!(text.contains("Findings already present in HEAD are not listed."));
    assert_eq!(
        text.matches("| error | `schema` | parties/p").count(),
        12,
        "{text}"
    );
    assert!(!text.contains("parties/umea.toml"), "{text}");

    // Without the variable, or with another format, nothing is written.
    std::fs::remove_file(&summary).unwrap();
    samverkan(f.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    assert!(!summary.exists());
}
