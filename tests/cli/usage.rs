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
fn explain_and_schema_suggest_the_closest_word() {
    for (args, says) in [
        (&["explain", "seat-limt"][..], "did you mean `seat-limit`?"),
        (&["schema", "--kind", "partyy"], "did you mean `party`?"),
    ] {
        let out = assert_cmd::Command::cargo_bin("samverkan")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
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
        "\"table json csv md ics xlsx\"",
        "\"mermaid dot json\"",
    ] {
        assert!(bash.contains(own), "completions lack {own}");
    }
    // `roster` offers its five; no command offers a format it cannot print.
    let roster = bash
        .split("        samverkan__subcmd__roster)")
        .nth(1)
        .unwrap();
    let roster = roster.split(";;").take(3).collect::<String>();
    assert!(roster.contains("\"table json csv md xlsx\""), "{roster}");
    assert!(!roster.contains("ics"), "{roster}");
}

#[test]
fn every_example_in_the_help_is_a_valid_command_line() {
    let cli = samverkan::cli::command();
    let mut helps: Vec<String> = vec![cli.get_after_help().unwrap().to_string()];
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let help = sub
            .get_after_help()
            .unwrap_or_else(|| panic!("{} has no examples", sub.get_name()))
            .to_string();
        assert!(help.contains("Exit status:"), "{}", sub.get_name());
        helps.push(help);
    }
    let mut examples = 0;
    for help in helps {
        for line in help.lines().filter(|l| l.starts_with("  samverkan ")) {
            // The command line itself, without what a shell does with its output.
            let command = line.split(['|', '>']).next().unwrap();
            let words: Vec<&str> = command.split_whitespace().collect();
            if let Err(e) = samverkan::cli::command().try_get_matches_from(&words) {
                panic!("{line}: {e}");
            }
            examples += 1;
        }
    }
    assert!(examples > 25, "{examples} examples");
}

#[test]
fn one_man_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("samverkan")
            .unwrap()
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["man", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for command in [
        "check",
        "rules",
        "explain",
        "roster",
        "schedule",
        "deadlines",
        "notice",
        "rotation",
        "report",
        "diff",
        "graph",
        "schema",
        "init",
        "completions",
        "man",
    ] {
        let page = format!("samverkan-{command}.1");
        assert!(pages.contains(&page), "{page} missing from {pages:?}");
        let text = std::fs::read_to_string(dir.path().join(&page)).unwrap();
        assert!(
            text.contains(&format!(".TH samverkan-{command} 1")),
            "{text}"
        );
        assert!(text.contains("Exit status:"), "{page}");
    }
    assert!(pages.contains(&"samverkan.1".to_owned()));
    assert_eq!(pages.len(), 16, "{pages:?}");

    let out = run(&["man", "roster"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("samverkan\\-roster \\- Who sits"), "{text}");
    let out = run(&["man", "rostr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `roster`?"));
}
