//! Reading the registry at a git revision (`--at`), isolated from the user's git config.

use std::path::Path;

use git2::{Repository, Signature};

use crate::{Fixture, MINIMAL};

/// Commits everything in the work tree; returns the commit id.
fn commit_all(repo: &Repository, message: &str) -> git2::Oid {
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

fn samverkan(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.current_dir(dir)
        .env_remove("SAMVERKAN_REGISTRY")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
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
