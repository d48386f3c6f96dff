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

#[test]
fn explain_suggests_the_closest_rule_code() {
    let out = assert_cmd::Command::cargo_bin("samverkan")
        .unwrap()
        .args(["explain", "seat-limt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `seat-limit`?"), "{stderr}");
}

/// Whether `check` on a registry with a finding paints its output, with `args` and `env`.
fn painted(args: &[&str], env: &[(&str, &str)]) -> bool {
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        "name = \"Umeå kommun\"\nkind = \"kommun\"\n".as_bytes(),
    );
    let mut cmd = f.cmd();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.arg("check").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stdout).contains("\x1b[")
}

#[test]
fn color_follows_the_flag_then_no_color_org() {
    // stdout is a pipe here: auto means no colour unless forced.
    assert!(!painted(&[], &[]));
    assert!(painted(&["--color", "always"], &[]));
    assert!(!painted(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(painted(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!painted(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    // NO_COLOR counts only when it is not empty.
    assert!(painted(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]));
}

#[test]
fn text_and_table_are_one_word_and_completions_offer_each_command_its_formats() {
    let f = Fixture::minimal();
    let run = |args: &[&str]| {
        let out = f.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run(&["check", "--format", "table"]),
        run(&["check", "--format", "text"])
    );
    assert_eq!(run(&["rules", "--format", "text"]), run(&["rules"]));
    assert_eq!(
        run(&["--format", "text", "rules"]),
        run(&["rules", "--format", "table"])
    );

    let bash = run(&["completions", "bash"]);
    for own in [
        "\"text json github\"",
        "\"table json csv md ics\"",
        "\"mermaid dot json\"",
    ] {
        assert!(bash.contains(own), "completions lack {own}");
    }
    // `roster` offers its four; no command offers a format it cannot print.
    let roster = bash.split("        samverkan__subcmd__roster)").nth(1).unwrap();
    let roster = roster.split(";;").take(3).collect::<String>();
    assert!(roster.contains("\"table json csv md\""), "{roster}");
    assert!(!roster.contains("ics"), "{roster}");
}
