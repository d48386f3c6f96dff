//! Red-team findings: names, files and flags built to break the output or the run.

use crate::Fixture;

/// A registry file whose name carries a forged annotation and a terminal escape (a name
/// Windows does not allow: these tests are for unix).
#[cfg(unix)]
const FORGED: &str = "parties/x\n::error file=README.md,line=1::forged\u{1b}[2J.toml";

/// No line of `out` is a workflow command the registry did not mean, and no escape byte.
#[cfg(unix)]
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
#[cfg(unix)]
fn forged() -> Fixture {
    let f = Fixture::minimal();
    f.write(FORGED, b"name = \n");
    f
}

#[cfg(unix)]
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

#[cfg(unix)]
#[test]
fn a_file_name_cannot_forge_a_line_in_a_views_error() {
    let out = forged().cmd().arg("roster").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr);
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("cannot be read"), "{text}");
    assert!(text.contains("parties/x\\n::error"), "{text}");
}

#[cfg(unix)]
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

#[cfg(unix)]
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
    std::fs::write(out.join(".samverkan-tmp.abc123"), "half").unwrap();

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
        [".samverkan-tmp.abc123", "party.schema.tmp-samverkan"]
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

/// The minimal registry with one body that alternates its chair.
fn with_body() -> Fixture {
    let f = Fixture::minimal();
    f.write(
        "bodies/samrad.toml",
        "name = \"Samråd\"\nagreement = \"avtal\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n[chair]\nrule = \"alternate-sides\"\n".as_bytes(),
    );
    f
}

/// Runs `args` on the fixture's registry; exit 2 and `needle` on stderr.
fn refused(f: &Fixture, args: &[&str], needle: &str) {
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.arg("-C").arg(f.path()).env_remove("SAMVERKAN_REGISTRY");
    if !args.contains(&"--today") {
        cmd.args(["--today", "2026-11-25"]);
    }
    let out = cmd.args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}");
}

#[test]
fn dates_and_years_on_the_command_line_take_one_form() {
    let f = with_body();
    for date in [
        "+2026-01-01",
        "2026-1-1",
        " 2026-01-01",
        "2026-01-01 ",
        "0000-01-01",
    ] {
        let why = if date == "0000-01-01" {
            "the year must be from 1000 to 9999"
        } else {
            "is not a date of the form YYYY-MM-DD"
        };
        let refused = |args: &[&str], flag: &str| {
            refused(&f, args, &format!("for '{flag} <DATE>'"));
            refused(&f, args, why);
        };
        refused(&["roster", "--today", date], "--today");
        refused(&["roster", "--on", date], "--on");
        refused(
            &["schedule", "--from", date, "--to", "2026-12-31"],
            "--from",
        );
        refused(&["schedule", "--from", "2026-01-01", "--to", date], "--to");
        refused(
            &["notice", "avtal", "--party", "umea", "--given", date],
            "--given",
        );
        refused(
            &["notice", "avtal", "--party", "umea", "--leave-by", date],
            "--leave-by",
        );
    }
    for year in ["99999", "+2026", "0", "999"] {
        refused(&f, &["schedule", "--year", year], "1000 to 9999");
        refused(&f, &["report", "--year", year], "1000 to 9999");
        refused(
            &f,
            &["rotation", "samrad", "--from", year, "--to", "2030"],
            "1000 to 9999",
        );
        refused(
            &f,
            &["rotation", "samrad", "--from", "2020", "--to", year],
            "1000 to 9999",
        );
    }
    f.cmd()
        .args(["schedule", "--year", "9999", "--today", "9999-12-31"])
        .assert()
        .code(0);
}

#[test]
fn a_rotation_too_long_says_so() {
    let f = with_body();
    refused(
        &f,
        &["rotation", "samrad", "--from", "1000", "--to", "9999"],
        "--from 1000 --to 9999 asks for 2020 to 9999, 7980 years; a rotation shows at most 100 years",
    );
    refused(
        &f,
        &["rotation", "samrad", "--from", "1", "--to", "9999"],
        "1000 to 9999",
    );
    let out = f
        .cmd()
        .args([
            "rotation", "samrad", "--from", "2020", "--to", "2119", "--format", "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["years"].as_array().unwrap().len(), 100);
}

/// `(message start, message end)` of each `unexpected-file` finding, by file.
fn unexpected(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unexpected-file")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_pipe_a_socket_or_a_folder_named_toml_is_an_unexpected_file_and_never_opened() {
    let f = Fixture::minimal();
    let fifo = f.path().join("parties/x.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(f.path().join("parties/s.toml")).unwrap();
    f.write("parties/y.toml/inside.toml", b"name = \"Y\"\n");
    let out = f
        .cmd()
        .args(["check", "--format", "json"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = unexpected(&doc);
    let files: Vec<&str> = found.iter().map(|(file, _)| file.as_str()).collect();
    assert_eq!(
        files,
        ["parties/s.toml", "parties/x.toml", "parties/y.toml"],
        "{doc:#}"
    );
    for ((_, message), what) in found
        .iter()
        .zip(["a socket", "a named pipe (FIFO)", "a directory"])
    {
        assert!(
            message.contains(&format!(" is {what}, not a file")),
            "{message}"
        );
    }
}

#[test]
fn a_submodule_or_folder_named_toml_at_a_revision_is_an_unexpected_file() {
    let f = Fixture::new(&[]);
    let repo = git2::Repository::init(f.path()).unwrap();
    for (path, text) in crate::MINIMAL {
        f.write(&format!("registry/{path}"), text.as_bytes());
    }
    f.write("registry/bodies/b.toml/inside.toml", b"name = \"B\"\n");
    let first = crate::git::commit_all(&repo, "a clean registry");
    // Add a submodule entry by hand: registry/parties/sub.toml → the first commit.
    let head = repo.find_commit(first).unwrap();
    let root = head.tree().unwrap();
    let registry = repo
        .find_tree(root.get_path("registry".as_ref()).unwrap().id())
        .unwrap();
    let parties = repo
        .find_tree(registry.get_path("parties".as_ref()).unwrap().id())
        .unwrap();
    let mut builder = repo.treebuilder(Some(&parties)).unwrap();
    builder.insert("sub.toml", first, 0o160000).unwrap();
    let parties = builder.write().unwrap();
    let mut builder = repo.treebuilder(Some(&registry)).unwrap();
    builder.insert("parties", parties, 0o040000).unwrap();
    let registry = builder.write().unwrap();
    let mut builder = repo.treebuilder(Some(&root)).unwrap();
    builder.insert("registry", registry, 0o040000).unwrap();
    let tree = repo.find_tree(builder.write().unwrap()).unwrap();
    let sig =
        git2::Signature::new("Test", "t@example.org", &git2::Time::new(1_700_000_000, 0)).unwrap();
    let second = repo
        .commit(None, &sig, &sig, "a submodule", &tree, &[&head])
        .unwrap();

    let out = crate::git::samverkan(f.path())
        .args([
            "-C",
            "registry",
            "--at",
            &second.to_string(),
            "check",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = unexpected(&doc);
    let files: Vec<&str> = found.iter().map(|(file, _)| file.as_str()).collect();
    assert_eq!(files, ["bodies/b.toml", "parties/sub.toml"], "{doc:#}");
    assert!(
        found[0].1.contains(" is a directory, not a file"),
        "{doc:#}"
    );
    assert!(
        found[1].1.contains(" is a git submodule, not a file"),
        "{doc:#}"
    );
}

#[test]
fn a_key_or_header_too_deep_is_placed_at_its_line() {
    let deep = vec!["a"; 100_000].join(".");
    let f = Fixture::minimal();
    f.write(
        "parties/key.toml",
        format!("name = \"K\"\n\n  {deep} = 1\n").as_bytes(),
    );
    f.write(
        "parties/header.toml",
        format!("name = \"H\"\nkind = \"region\"\n[{deep}]\n").as_bytes(),
    );
    let (doc, code) = f.check_json();
    assert_eq!(code, 2);
    assert_eq!(
        crate::places(&doc),
        vec![
            crate::finding("toml-syntax", "parties/header.toml", 3, 2),
            crate::finding("toml-syntax", "parties/key.toml", 3, 3),
        ]
    );
}

#[cfg(unix)]
#[test]
fn an_id_from_a_file_name_cannot_forge_a_line_in_a_usage_error() {
    let f = with_body();
    f.write(
        "bodies/x\n::error file=README.md,line=1::forged\u{1b}[2J.toml",
        "name = \"X\"\nagreement = \"avtal\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n".as_bytes(),
    );
    let out = f.cmd().args(["roster", "finns-inte"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out.stderr);
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("the bodies are: samrad, x\\n::error"),
        "{text}"
    );
}

#[test]
fn init_takes_the_longest_names() {
    let f = Fixture::new(&[]);
    let long = "r".repeat(250);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.arg("init").arg(f.path().join(&long)).assert().code(0);
    assert!(f.path().join(&long).join("registry.toml").is_file());
}
