//! Red-team findings: names, files and flags built to break the output or the run.

use crate::Fixture;

/// A registry file whose name carries a forged annotation and a terminal escape.
const FORGED: &str = "parties/x\n::error file=README.md,line=1::forged\u{1b}[2J.toml";

/// No line of `out` is a workflow command the registry did not mean, and no escape byte.
fn assert_inert(out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("::error file=README.md")),
        "{text}"
    );
}

/// The minimal registry with a broken file under the forged name: a fatal finding.
fn forged() -> Fixture {
    let f = Fixture::minimal();
    f.write(FORGED, b"name = \n");
    f
}

#[test]
fn a_file_name_cannot_forge_a_line_in_check_text_or_github_output() {
    let f = forged();
    let out = f.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stdout);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("parties/x\\n::error file=README.md,line=1::forged\\u{1b}[2J.toml:1:8: error[toml-syntax]"),
        "{text}"
    );

    let out = f
        .cmd()
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    assert_inert(&out.stdout);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.starts_with("::error ")), "{text}");
    assert!(
        text.contains("x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\u{1b}[2J.toml,line=1,col=8::toml-syntax"),
        "{text}"
    );

    // JSON keeps the name as it is: the escaping is JSON's.
    let (doc, code) = f.check_json();
    assert_eq!(code, 2);
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == FORGED),
        "{doc:#}"
    );
}

#[test]
fn a_file_name_cannot_forge_a_line_in_a_views_error() {
    let out = forged().cmd().arg("roster").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr);
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("cannot be read"), "{text}");
    assert!(text.contains("parties/x\\n::error"), "{text}");
}

#[test]
fn a_file_name_cannot_forge_a_line_at_a_revision() {
    let f = Fixture::new(&[]);
    let repo = git2::Repository::init(f.path()).unwrap();
    for (path, text) in crate::MINIMAL {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    f.write(&format!("registry/{FORGED}"), b"name = \n");
    crate::git::commit_all(&repo, "a forged name");
    std::fs::remove_dir_all(f.path().join("registry")).unwrap();
    for format in ["text", "github"] {
        let out = crate::git::samverkan(f.path())
            .args([
                "-C", "registry", "--at", "HEAD", "check", "--format", format,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert_inert(&out.stdout);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("forged"),
            "{out:?}"
        );
    }
}

#[test]
fn diff_markdown_keeps_a_hostile_file_name_in_its_code_span() {
    let f = Fixture::new(&[]);
    let repo = git2::Repository::init(f.path()).unwrap();
    for (path, text) in crate::MINIMAL {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    crate::git::commit_all(&repo, "clean");
    f.write(
        "registry/cases/2026/a`<img src=x>`\n# b.toml",
        b"title = \"X\"\n",
    );
    let out = crate::git::samverkan(f.path())
        .args(["-C", "registry", "diff", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("``cases/2026/a`<img src=x>`\\n# b.toml``"),
        "{text}"
    );
    assert!(!text.lines().any(|l| l.starts_with("# b")), "{text}");
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn init_never_removes_a_folder_it_did_not_create() {
    let f = Fixture::new(&[(".reg.samverkan-init/notes.txt", "mine\n")]);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.arg("init").arg(f.path().join("reg")).assert().code(0);
    assert_eq!(
        std::fs::read_to_string(f.path().join(".reg.samverkan-init/notes.txt")).unwrap(),
        "mine\n"
    );
    // Nothing of the run is left beside the new registry.
    assert_eq!(entries(f.path()), [".reg.samverkan-init", "reg"]);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.args(["check", "--today", "2026-06-01", "-C"])
        .arg(f.path().join("reg"))
        .assert()
        .code(0);
}

#[cfg(unix)]
#[test]
fn schema_out_never_writes_through_a_planted_link() {
    use std::os::unix::fs::symlink;

    let f = Fixture::new(&[("victim.txt", "precious\n"), ("other.txt", "also\n")]);
    let out = f.path().join("schemas");
    std::fs::create_dir(&out).unwrap();
    // Where the old writer put its temporary file, and the target itself.
    symlink(
        f.path().join("victim.txt"),
        out.join("party.schema.tmp-samverkan"),
    )
    .unwrap();
    symlink(f.path().join("other.txt"), out.join("registry.schema.json")).unwrap();
    // A staging file an interrupted run left behind.
    std::fs::write(out.join(".body.schema.json.abc123.samverkan-tmp"), "half").unwrap();

    f.cmd().args(["schema", "--out"]).arg(&out).assert().code(0);

    assert_eq!(
        std::fs::read_to_string(f.path().join("victim.txt")).unwrap(),
        "precious\n"
    );
    assert_eq!(
        std::fs::read_to_string(f.path().join("other.txt")).unwrap(),
        "also\n"
    );
    let registry = out.join("registry.schema.json");
    assert!(std::fs::symlink_metadata(&registry).unwrap().is_file());
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&registry).unwrap()).unwrap();
    assert!(doc["properties"].is_object(), "{doc:#}");
    let body: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("body.schema.json")).unwrap()).unwrap();
    assert!(body["properties"].is_object(), "{body:#}");
    // The run leaves no staging file of its own.
    assert_eq!(
        entries(&out)
            .into_iter()
            .filter(|n| n.starts_with('.') || n.contains("tmp"))
            .collect::<Vec<_>>(),
        [
            ".body.schema.json.abc123.samverkan-tmp",
            "party.schema.tmp-samverkan"
        ]
    );
}

#[test]
fn a_folder_without_registry_toml_is_not_a_registry() {
    for files in [
        &[][..],
        &[
            ("README.md", "# Dokumentation\n"),
            ("guide/x.toml", "a = 1\n"),
        ][..],
    ] {
        let f = Fixture::new(files);
        let (doc, code) = f.check_json();
        assert_eq!(code, 2, "{doc:#}");
        assert_eq!(doc["errors"], 1);
        assert_eq!(doc["findings"][0]["code"], "unreadable-file");
        assert_eq!(doc["findings"][0]["file"], serde_json::Value::Null);
        let message = doc["findings"][0]["message"].as_str().unwrap();
        assert!(message.contains("has no registry.toml"), "{message}");
        let out = f.cmd().arg("check").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let out = f.cmd().arg("roster").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("has no registry.toml"),
            "{out:?}"
        );
    }
}

#[test]
fn a_revision_whose_registry_has_no_registry_toml_is_not_a_registry() {
    let f = Fixture::new(&[]);
    let repo = git2::Repository::init(f.path()).unwrap();
    for (path, text) in &crate::MINIMAL[1..] {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    crate::git::commit_all(&repo, "parties and an agreement, no settings");
    f.write("registry/registry.toml", b"name = \"X\"\n");
    crate::git::samverkan(f.path())
        .args(["-C", "registry", "check"])
        .assert()
        .code(0);
    let out = crate::git::samverkan(f.path())
        .args(["-C", "registry", "--at", "HEAD", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("has no registry.toml in revision HEAD"),
        "{out:?}"
    );
    // diff compares with what the base had, settings or not.
    crate::git::samverkan(f.path())
        .args(["-C", "registry", "diff", "HEAD"])
        .assert()
        .code(0);
}
