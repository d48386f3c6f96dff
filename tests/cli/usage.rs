//! Usage errors: `check --format json` still prints its document; a format a command does
//! not have is a usage error.

use crate::Fixture;

/// `check --format json ARGS` with `env`: the one finding's code and message, and the exit.
fn check_json(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let f = Fixture::minimal();
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.current_dir(f.path()).env_remove("SAMVERKAN_REGISTRY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 1, "{doc:#}");
    let finding = &doc["findings"][0];
    (
        finding["code"].as_str().unwrap().to_owned(),
        finding["message"].as_str().unwrap().to_owned(),
        out.status.code().unwrap(),
    )
}

#[test]
fn check_json_prints_its_document_on_every_usage_error() {
    // (arguments, environment, what the message names)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (&["--skip", "seat-limt"], &[], "did you mean `seat-limit`?"),
        (&["--today", "2026-02-30"], &[], "2026-02-30"),
        (&["-C", ""], &[], "--registry"),
        (&[], &[("SAMVERKAN_REGISTRY", "")], "--registry"),
        (&["--no-such-flag"], &[], "--no-such-flag"),
    ];
    for (args, env, says) in cases {
        let (code, message, exit) = check_json(args, env);
        assert_eq!(
            (code.as_str(), exit),
            ("usage", 2),
            "{args:?} {env:?}: {message}"
        );
        assert!(message.contains(says), "{args:?}: {message}");
    }
}

#[test]
fn a_command_without_formats_refuses_one() {
    for args in [
        &["completions", "bash", "--format", "json"][..],
        &["man", "--format", "md"],
    ] {
        let out = assert_cmd::Command::cargo_bin("samverkan")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--format"));
    }
}
