//! The YAML we ship for CI (action.yml, the workflows, the pre-commit hooks) cannot run on
//! GitHub from here; this checks what can be checked on Linux: every file parses, the
//! action's structure holds (inputs declared and used, the steps that must run after a
//! failed check say `always()`), the names the release workflow gives its archives are
//! the ones action.yml and `cargo binstall` look for, and the action's run steps, as they
//! are written, work on the bundled registry in a throw-away git repository with a
//! stand-in for `gh`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_norway::Value;

#[path = "support/fs.rs"]
mod fs;
use fs::copy_dir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The `name` of every `${{ prefix.name… }}` in `text`.
fn references(text: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for expression in text.split("${{").skip(1) {
        let expression = expression.split("}}").next().unwrap();
        for part in expression.split(prefix).skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

#[test]
fn every_yaml_file_we_ship_parses() {
    let mut files = vec!["action.yml".to_owned(), ".pre-commit-hooks.yaml".to_owned()];
    for dir in [".github/workflows", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".yml") || name.ends_with(".yaml") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        yaml(&file);
    }
}

fn steps(action: &Value) -> &Vec<Value> {
    action["runs"]["steps"].as_sequence().unwrap()
}

fn step<'a>(action: &'a Value, id: &str) -> &'a Value {
    steps(action)
        .iter()
        .find(|s| s["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no step {id}"))
}

#[test]
fn the_action_declares_what_it_uses_and_runs_what_must_run_after_a_failed_check() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let declared: Vec<String> = action["inputs"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap().to_owned())
        .collect();
    // The expressions: `${{ … }}` anywhere, and every step's `if`.
    let mut source = text("action.yml");
    for s in steps(&action) {
        if let Some(condition) = s["if"].as_str() {
            source.push_str(&format!("${{{{ {condition} }}}}"));
        }
    }
    let used = references(&source, "inputs.");
    for name in &used {
        assert!(
            declared.contains(name),
            "inputs.{name} is used but not declared"
        );
    }
    for name in &declared {
        assert!(
            used.contains(name),
            "input {name} is declared but never used"
        );
    }
    let ids: Vec<&str> = steps(&action)
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    for name in references(&source, "steps.") {
        assert!(ids.contains(&name.as_str()), "steps.{name} is not a step");
    }
    for s in steps(&action) {
        // A composite action's run step must name its shell; a script never holds an
        // expression (text from a pull request would become shell code).
        if let Some(run) = s["run"].as_str() {
            assert_eq!(s["shell"], "bash", "{s:?}");
            assert!(!run.contains("${{"), "an expression inside a script: {run}");
        }
    }
    let check = step(&action, "check")["run"].as_str().unwrap();
    assert!(check.contains("--format github") && check.contains("--baseline"));
    // The comment is kept up to date when check fails, too.
    let condition = step(&action, "diff")["if"].as_str().unwrap();
    assert!(condition.starts_with("always()"), "{condition}");
    let comment = steps(&action)
        .iter()
        .find(|s| s["name"] == "Comment on the pull request")
        .unwrap();
    assert!(comment["if"].as_str().unwrap().starts_with("always()"));
}

#[test]
fn release_archives_are_named_as_the_action_and_binstall_expect() {
    let release = yaml(".github/workflows/release.yml");
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|t| t["target"].as_str().unwrap())
        .collect();
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&target), "{target} is not built");
    }
    let release_text = text(".github/workflows/release.yml");
    assert!(release_text.contains("name=\"samverkan-$TARGET\""));
    assert!(
        release_text.contains("archive=\"$name.tar.gz\"")
            && release_text.contains("archive=\"$name.zip\"")
    );
    // The action asks for the same names, for every target it maps a runner to.
    let action = text("action.yml");
    assert!(action.contains("--pattern \"samverkan-$target.*\""));
    for target in &targets {
        assert!(
            action.contains(&format!("target={target}")),
            "action.yml does not map {target}"
        );
    }
    // cargo binstall: the same names, tags v<version>.
    let manifest: toml::Table = toml::from_str(&text("Cargo.toml")).unwrap();
    let binstall = &manifest["package"]["metadata"]["binstall"];
    assert_eq!(
        binstall["pkg-url"].as_str().unwrap(),
        "{ repo }/releases/download/v{ version }/samverkan-{ target }{ archive-suffix }"
    );
    assert_eq!(binstall["pkg-fmt"].as_str().unwrap(), "tgz");
    assert_eq!(
        binstall["overrides"]["x86_64-pc-windows-msvc"]["pkg-fmt"]
            .as_str()
            .unwrap(),
        "zip"
    );
    let package = manifest["package"].as_table().unwrap();
    for key in [
        "description",
        "license",
        "repository",
        "keywords",
        "categories",
        "rust-version",
    ] {
        assert!(package.contains_key(key), "Cargo.toml lacks {key}");
    }
}

#[test]
fn the_example_workflow_uses_the_action_and_hides_no_exit_status() {
    let workflow = yaml("examples/github-actions.yml");
    assert_eq!(workflow["permissions"]["pull-requests"], "write");
    let steps = workflow["jobs"]["check"]["steps"].as_sequence().unwrap();
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.ends_with("/samverkan@v1"))
    }));
    let text = text("examples/github-actions.yml");
    assert!(!text.contains("|| true"));
    assert!(!text.contains("cargo install"), "no build on every push");
}

#[test]
fn the_pre_commit_hooks_run_check() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().unwrap();
    assert!(!hooks.is_empty());
    for hook in hooks {
        for key in ["id", "name", "entry", "language"] {
            assert!(hook[key].is_string(), "{hook:?} lacks {key}");
        }
        assert_eq!(hook["entry"], "samverkan check");
        assert!(["rust", "system"].contains(&hook["language"].as_str().unwrap()));
        assert_eq!(hook["pass_filenames"], false);
    }
}

/// A pretend GitHub runner for the action's run steps.
struct Runner {
    dir: tempfile::TempDir,
    /// The values of `${{ … }}` expressions.
    context: HashMap<String, String>,
}

impl Runner {
    fn new() -> Runner {
        let dir = tempfile::tempdir().unwrap();
        // A stand-in for gh: logs each call, keeps one comment in state files.
        let gh = dir.path().join("bin/gh");
        std::fs::create_dir_all(gh.parent().unwrap()).unwrap();
        std::fs::write(
            &gh,
            r#"#!/bin/bash
echo "gh $*" >> "$GH_STATE/log"
case "$*" in
  *"--method POST"*) echo 42 > "$GH_STATE/id"; last="${@: -1}"; cp "${last#body=@}" "$GH_STATE/body" ;;
  *"--method PATCH"*) last="${@: -1}"; cp "${last#body=@}" "$GH_STATE/body" ;;
  *"--paginate"*) [ -f "$GH_STATE/id" ] && cat "$GH_STATE/id" ;;
  "release download"*) exit 1 ;;
  "release upload"*) ;;
esac
exit 0
"#,
        )
        .unwrap();
        Command::new("chmod").arg("+x").arg(&gh).status().unwrap();
        std::fs::create_dir_all(dir.path().join("state")).unwrap();
        Runner {
            dir,
            context: HashMap::new(),
        }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn value(&self, expression: &str) -> String {
        // `a || b`: the first that is not empty, as GitHub's expressions give it.
        expression
            .split("||")
            .map(|e| {
                self.context
                    .get(e.trim())
                    .unwrap_or_else(|| panic!("the test gives no value for {e:?}"))
                    .clone()
            })
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }

    fn expand(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").unwrap() + start;
            out.push_str(&self.value(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Runs one step as GitHub runs a bash step, in `repo`; records its outputs. Returns
    /// its exit status.
    fn run(&mut self, step: &Value, repo: &Path) -> i32 {
        let id = step["id"].as_str().unwrap_or("anonymous");
        let output = self.file(&format!("output-{id}"));
        std::fs::write(&output, "").unwrap();
        let mut cmd = Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
            .arg(step["run"].as_str().unwrap())
            .current_dir(repo)
            .env_clear()
            .env(
                "PATH",
                format!(
                    "{}:{}:/usr/bin:/bin",
                    self.file("bin").display(),
                    Path::new(env!("CARGO_BIN_EXE_samverkan"))
                        .parent()
                        .unwrap()
                        .display()
                ),
            )
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("RUNNER_TEMP", self.dir.path())
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_PATH", self.file("path"))
            .env("GITHUB_STEP_SUMMARY", self.file("summary.md"))
            .env("GH_STATE", self.file("state"));
        if let Some(env) = step["env"].as_mapping() {
            for (k, v) in env {
                cmd.env(k.as_str().unwrap(), self.expand(v.as_str().unwrap()));
            }
        }
        // Captured: the check step's annotations must not annotate this test's own CI run.
        let ran = cmd.output().unwrap();
        let status = ran.status.code().unwrap();
        for line in std::fs::read_to_string(&output).unwrap().lines() {
            let (k, v) = line.split_once('=').unwrap();
            self.context
                .insert(format!("steps.{id}.outputs.{k}"), v.to_owned());
        }
        status
    }
}

fn git(repo: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// Runs the action's run steps for a pull request whose head repository is `head`; each
/// step's exit status by id, as a job would see them.
fn pull_request(runner: &mut Runner, repo: &Path, base: &str, head: &str) -> HashMap<String, i32> {
    let action = yaml("action.yml");
    let defaults = action["inputs"].as_mapping().unwrap();
    for (k, v) in defaults {
        let value = v["default"].as_str().unwrap_or_default();
        runner
            .context
            .insert(format!("inputs.{}", k.as_str().unwrap()), value.to_owned());
    }
    for (k, v) in [
        ("inputs.token", "a-token"),
        ("github.action_ref", ""),
        ("github.action_repository", ""),
        ("github.action_path", ""),
        ("github.server_url", "https://github.example"),
        ("runner.os", "Linux"),
        ("runner.arch", "X64"),
        ("github.event.pull_request.base.sha", base),
        ("github.event.pull_request.number", "7"),
        ("github.repository", "region/registry"),
        ("github.event.pull_request.head.repo.full_name", head),
    ] {
        runner.context.insert(k.to_owned(), v.to_owned());
    }
    let mut statuses = HashMap::new();
    for step in steps(&action) {
        if step["run"].is_null() {
            continue; // actions/cache: GitHub's own
        }
        let name = step["id"]
            .as_str()
            .or(step["name"].as_str())
            .unwrap()
            .to_owned();
        // The build step runs only without a release binary; samverkan is on PATH here.
        if name.starts_with("Build") {
            assert_eq!(runner.context["steps.install.outputs.found"], "true");
            continue;
        }
        let status = runner.run(step, repo);
        statuses.insert(name, status);
    }
    statuses
}

#[test]
fn the_action_checks_a_pull_request_summarises_and_keeps_one_comment() {
    let work = tempfile::tempdir().unwrap();
    let repo = work.path();
    copy_dir(&root().join("registry"), &repo.join("registry"));
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "the registry"]);
    let base = String::from_utf8(
        Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(repo)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_owned();
    // The pull request breaks a party: a new error.
    std::fs::write(
        repo.join("registry/parties/umea.toml"),
        "name = \"Umeå kommun\"\nkind = \"kommun\"\n",
    )
    .unwrap();
    git(repo, &["commit", "-q", "-am", "a broken party"]);

    let mut runner = Runner::new();
    let statuses = pull_request(&mut runner, repo, &base, "region/registry");
    // The check fails on the new error only (the bundled registry's old warning is in the
    // base); the diff and the comment still run.
    assert_eq!(statuses["check"], 1, "{statuses:?}");
    assert_eq!(runner.context["steps.check.outputs.exit"], "1");
    assert_eq!(statuses["diff"], 0, "{statuses:?}");
    assert_eq!(statuses["Comment on the pull request"], 0);
    let summary = std::fs::read_to_string(runner.file("summary.md")).unwrap();
    // In the registry's language, Swedish by default.
    assert!(summary.contains("1 fel, 0 varningar"), "{summary}");
    assert!(summary.contains("visas inte"), "{summary}");
    assert!(summary.contains("parties/umea.toml"), "{summary}");
    assert!(!summary.contains("fixed-term-expired"), "{summary}");
    let state = runner.file("state");
    let log = std::fs::read_to_string(state.join("log")).unwrap();
    assert_eq!(log.matches("--method POST").count(), 1, "{log}");
    let body = std::fs::read_to_string(state.join("body")).unwrap();
    assert!(body.starts_with("<!-- samverkan-diff -->\n"), "{body}");
    assert!(body.contains("samverkan check failed (exit 1)"), "{body}");

    // The author fixes it: the same comment is updated, not a second one posted.
    git(
        repo,
        &["checkout", "-q", &base, "--", "registry/parties/umea.toml"],
    );
    git(repo, &["commit", "-q", "-am", "fixed"]);
    let statuses = pull_request(&mut runner, repo, &base, "region/registry");
    assert_eq!(statuses["check"], 0, "{statuses:?}");
    let log = std::fs::read_to_string(state.join("log")).unwrap();
    assert_eq!(log.matches("--method POST").count(), 1, "{log}");
    assert_eq!(log.matches("--method PATCH").count(), 1, "{log}");
    let body = std::fs::read_to_string(state.join("body")).unwrap();
    assert!(!body.contains("check failed"), "{body}");

    // From a fork: no comment is attempted, the change goes to the summary, nothing fails.
    std::fs::remove_file(state.join("log")).unwrap();
    let statuses = pull_request(&mut runner, repo, &base, "someone/registry");
    assert_eq!(statuses["Comment on the pull request"], 0);
    assert!(
        !state.join("log").exists()
            || !std::fs::read_to_string(state.join("log"))
                .unwrap()
                .contains("api")
    );
    let summary = std::fs::read_to_string(runner.file("summary.md")).unwrap();
    assert!(
        summary.contains("## What this pull request changes"),
        "{summary}"
    );
}

#[test]
fn the_release_packaging_step_makes_the_archive_binstall_and_the_action_expect() {
    let release = yaml(".github/workflows/release.yml");
    let package = release["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Package and upload")
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let target = "x86_64-unknown-linux-musl";
    let release_dir = dir.join(format!("target/{target}/release"));
    std::fs::create_dir_all(&release_dir).unwrap();
    std::fs::copy(
        env!("CARGO_BIN_EXE_samverkan"),
        release_dir.join("samverkan"),
    )
    .unwrap();
    for file in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"] {
        std::fs::copy(root().join(file), dir.join(file)).unwrap();
    }
    let mut runner = Runner::new();
    for (k, v) in [
        ("matrix.target", target),
        ("github.ref_name", "v1.2.3"),
        ("github.token", "a-token"),
    ] {
        runner.context.insert(k.to_owned(), v.to_owned());
    }
    assert_eq!(runner.run(package, dir), 0);
    let archive = format!("samverkan-{target}.tar.gz");
    let log = std::fs::read_to_string(runner.file("state/log")).unwrap();
    assert_eq!(
        log.trim(),
        format!("gh release upload v1.2.3 {archive} --clobber")
    );
    // The binary at the archive's root, as binstall's bin-dir says, with the licences.
    let listing = Command::new("tar")
        .args(["-tzf", &archive])
        .current_dir(dir)
        .output()
        .unwrap();
    let mut names: Vec<String> = String::from_utf8(listing.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["LICENSE-APACHE", "LICENSE-MIT", "README.md", "samverkan"]
    );
}
