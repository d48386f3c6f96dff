//! Output formats, severities and the global flags of the command-line contract.

use crate::{Fixture, MINIMAL};

/// The minimal registry with a fixed-term agreement that ended: one warning.
fn with_expired_agreement() -> Fixture {
    let f = Fixture::minimal();
    f.write(
        "agreements/strategi.toml",
        "title = \"Länsstrategi 2018–2020\"\nparties = [\"region\", \"umea\"]\neffective = 2018-01-01\nends = 2020-12-31\n".as_bytes(),
    );
    f
}

#[test]
fn text_output_names_the_place_and_shows_the_line() {
    let f = with_expired_agreement();
    let out = f.cmd().arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let prefix = f.path().display().to_string();
    let expected = format!(
        "{prefix}/agreements/strategi.toml:4:8: warning[fixed-term-expired]: the agreement ended on 2020-12-31 and is still in the registry as it was; record its successor or archive it\n  |\n4 | ends = 2020-12-31\n  |        ^^^^^^^^^^\n0 errors, 1 warning\n"
    );
    assert_eq!(text, expected);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_summary_is_swedish_by_default_and_follows_lang() {
    let f = with_expired_agreement();
    let summary = |cmd: &mut assert_cmd::Command| {
        let out = cmd.arg("check").output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        summary(f.cmd().env_remove("SAMVERKAN_LANG")),
        "0 fel, 1 varning"
    );
    assert_eq!(
        summary(f.cmd().env("SAMVERKAN_LANG", "sv")),
        "0 fel, 1 varning"
    );
    assert_eq!(
        summary(f.cmd().args(["--lang", "en"])),
        "0 errors, 1 warning"
    );
    // The registry's `language` counts when neither the flag nor the variable says.
    std::fs::write(
        f.path().join("registry.toml"),
        "name = \"Test\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    assert_eq!(
        summary(f.cmd().env_remove("SAMVERKAN_LANG")),
        "0 errors, 1 warning"
    );
    assert_eq!(summary(f.cmd().args(["--lang", "sv"])), "0 fel, 1 varning");
}

#[test]
fn deny_warnings_turns_a_warning_into_exit_1() {
    let f = with_expired_agreement();
    f.cmd().args(["check", "--deny-warnings"]).assert().code(1);
}

#[test]
fn checks_table_overrides_severities() {
    let f = with_expired_agreement();
    f.write(
        "registry.toml",
        b"name = \"T\"\n[checks]\nfixed-term-expired = \"error\"\n",
    );
    let (doc, code) = f.check_json();
    assert_eq!(doc["findings"][0]["severity"], "error");
    assert_eq!(code, 1);
    f.write(
        "registry.toml",
        b"name = \"T\"\n[checks]\nfixed-term-expired = \"allow\"\n",
    );
    let (doc, code) = f.check_json();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0);
    assert_eq!(code, 0);
}

#[test]
fn an_unknown_code_in_checks_is_a_schema_finding() {
    let f = Fixture::minimal();
    f.write(
        "registry.toml",
        b"name = \"T\"\n[checks]\nseat-limits = \"warn\"\n",
    );
    let (doc, code) = f.check_json();
    assert_eq!(doc["findings"][0]["code"], "schema");
    assert_eq!(doc["findings"][0]["line"], 3);
    let message = doc["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("did you mean `seat-limit`?"), "{message}");
    assert_eq!(code, 1);
}

#[test]
fn github_annotations_cannot_be_forged_from_registry_text() {
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        b"name = \"Ume\xc3\xa5\"\nkind = \"municipality\"\norg_number = \"1\\n::error::forged\"\n",
    );
    let out = f
        .cmd()
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("::error file="), "{text}");
    assert!(
        text.contains("line=3,col=14::invalid-org-number: "),
        "{text}"
    );
    assert!(text.contains("%0A::error::forged"), "{text}");
}

#[test]
fn control_characters_in_registry_text_are_escaped_on_a_terminal() {
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        b"name = \"U\"\nkind = \"municipality\"\norg_number = \"\\u001b[2J\"\n",
    );
    let out = f.cmd().arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("\\u{1b}[2J"), "{text}");
}

#[test]
fn global_flags_go_before_or_after_the_command_and_the_environment_names_the_registry() {
    let f = Fixture::new(MINIMAL);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.args(["--format", "json", "check", "--today", "2026-01-01", "-C"])
        .arg(f.path());
    cmd.assert().code(0);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.env("SAMVERKAN_REGISTRY", f.path()).args(["check"]);
    cmd.assert().code(0);
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::minimal();
    f.cmd().args(["check", "--format", "ics"]).assert().code(2);
    f.cmd().args(["nonsense"]).assert().code(2);
    f.cmd().args(["explain", "no-such-rule"]).assert().code(2);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.args(["check", "--today", "2026-13-01"])
        .assert()
        .code(2);
}

#[test]
fn rules_lists_every_code_and_explain_prints_its_page() {
    let f = Fixture::minimal();
    let out = f
        .cmd()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 49);
    assert!(codes.contains(&"renewal-without-term"));
    assert!(codes.contains(&"seat-limit") && codes.contains(&"owner-change-unnotified"));
    let out = f.cmd().args(["explain", "seat-limit"]).output().unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with("seat-limit (representation, default severity: error)"),
        "{page}"
    );
    assert!(
        page.contains("## Fails") && page.contains("## Passes"),
        "{page}"
    );
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("samverkan"))
        .args(["rules"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end before the program writes.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn schema_out_writes_one_file_per_kind() {
    let f = Fixture::minimal();
    let out = f.path().join("schemas");
    f.cmd().args(["schema", "--out"]).arg(&out).assert().code(0);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "agreement.schema.json",
            "body.schema.json",
            "case.schema.json",
            "meetings.schema.json",
            "members.schema.json",
            "party.schema.json",
            "registry.schema.json"
        ]
    );
    let party: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("party.schema.json")).unwrap()).unwrap();
    assert_eq!(party["required"], serde_json::json!(["name", "kind"]));
    f.cmd()
        .args(["schema", "--kind", "person"])
        .assert()
        .code(2);
}

#[test]
fn init_creates_a_registry_that_checks_clean_and_never_overwrites() {
    let f = Fixture::new(&[]);
    let dir = f.path().join("ny");
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.arg("init").arg(&dir).assert().code(0);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.args(["check", "--today", "2026-06-01", "--deny-warnings", "-C"])
        .arg(&dir)
        .assert()
        .code(0);
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    cmd.arg("init").arg(&dir).assert().code(2);
}

#[test]
fn completions_and_man_page_are_printed() {
    let f = Fixture::minimal();
    let out = f.cmd().args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("samverkan"));
    let out = f.cmd().arg("man").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with(".ie"));
}

#[test]
fn graph_draws_bodies_and_their_links_in_every_format() {
    let f = Fixture::minimal();
    f.write(
        "bodies/samrad.toml",
        "name = \"Samråd \\\"för\\\" <vård>\"\nagreement = \"avtal\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\nprepared_by = \"lsg\"\n[seats]\n".as_bytes(),
    );
    f.write(
        "bodies/lsg.toml",
        b"name = \"LSG\"\nagreement = \"avtal\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\nparent = \"samrad\"\n[seats]\n",
    );
    let out = f
        .cmd()
        .args(["graph", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["edges"],
        serde_json::json!([
            { "from": "lsg", "to": "samrad", "label": "prepares" },
            { "from": "lsg", "to": "samrad", "label": "reports to" }
        ])
    );
    let mermaid = String::from_utf8(f.cmd().arg("graph").output().unwrap().stdout).unwrap();
    assert!(mermaid.starts_with("flowchart TD\n"), "{mermaid}");
    assert!(
        mermaid.contains("    b_samrad([\"Samråd #quot;för#quot; #lt;vård#gt;\"])"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("  b_lsg -->|prepares| b_samrad\n"),
        "{mermaid}"
    );
    let dot = String::from_utf8(
        f.cmd()
            .args(["graph", "--format", "dot"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        dot.contains("\"samrad\" [label=\"Samråd \\\"för\\\" <vård>\", shape=ellipse];"),
        "{dot}"
    );
    assert!(
        dot.contains("\"lsg\" -> \"samrad\" [label=\"prepares\"];"),
        "{dot}"
    );
    f.cmd().args(["graph", "--format", "csv"]).assert().code(2);
}

#[test]
fn a_report_on_a_registry_that_cannot_be_read_shows_why_and_exits_2() {
    let f = Fixture::minimal();
    f.write("parties/vindeln.toml", b"name = \"Vindeln\n");
    let out = f.cmd().args(["roster"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("samverkan: the registry cannot be read:\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("parties/vindeln.toml:1:16: error[toml-syntax]"),
        "{stderr}"
    );
    let out = f.cmd().args(["--lang", "sv", "roster"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("samverkan: registret kan inte läsas:\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("parties/vindeln.toml:1:16: fel[toml-syntax]: ogiltig TOML: "),
        "{stderr}"
    );
}

#[test]
fn skip_leaves_out_the_findings_of_named_rules_for_one_run() {
    let f = with_expired_agreement();
    f.cmd()
        .args([
            "check",
            "--deny-warnings",
            "--skip",
            "fixed-term-expired,seat-limit",
        ])
        .assert()
        .code(0);
    f.cmd()
        .args(["check", "--skip", "no-such-rule"])
        .assert()
        .code(2);
    f.cmd()
        .args(["check", "--skip", "toml-syntax"])
        .assert()
        .code(2);
}

#[test]
fn check_speaks_swedish_in_text_and_github_output() {
    let f = with_expired_agreement();
    let out = f.cmd().args(["--lang", "sv", "check"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let prefix = f.path().display().to_string();
    let expected = format!(
        "{prefix}/agreements/strategi.toml:4:8: varning[fixed-term-expired]: överenskommelsen upphörde 2020-12-31 och står kvar oförändrad i registret; registrera den överenskommelse som ersätter den, eller arkivera den\n  |\n4 | ends = 2020-12-31\n  |        ^^^^^^^^^^\n0 fel, 1 varning\n"
    );
    assert_eq!(text, expected);
    let out = f
        .cmd()
        .args(["--lang", "sv", "check", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("::warning file=")
            && text.contains(
                "::fixed-term-expired: överenskommelsen upphörde 2020-12-31 och står kvar"
            ),
        "{text}"
    );
}

/// A registry with one finding of several rules, for the Swedish messages.
fn with_several_findings() -> Fixture {
    let f = Fixture::minimal();
    f.write(
        "bodies/samrad.toml",
        b"name = \"Samr\xc3\xa5d\"\nagreement = \"avtal\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n[seats]\ndefault = { ordinary = 1, substitutes = 1 }\n",
    );
    f.write(
        "members/samrad.toml",
        b"[[member]]\nname = \"A\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\n[[member]]\nname = \"B\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-03-01\n\n[[member]]\nname = \"C\"\nparty = \"lulea\"\nrole = \"substitute\"\nfrom = 2024-01-01\n",
    );
    f.write(
        "meetings/2026.toml",
        b"[[meeting]]\nbody = \"samrad\"\ndate = 2026-06-19\n",
    );
    f.write(
        "parties/vindeln.toml",
        b"name = \"Vindeln\"\nkind = \"kommun\"\n",
    );
    f
}

#[test]
fn finding_messages_are_swedish_and_quote_values_as_they_are() {
    let f = with_several_findings();
    let out = f.cmd().args(["--lang", "sv", "check"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "fel[seat-limit]: umea innehar 2 ordinarie platser 2024-03-01, gränsen är 1 (default)",
        "fel[dangling-reference]: ledamotens part \"lulea\" är ingen part: filen parties/lulea.toml finns inte",
        "varning[meeting-on-holiday]: samrad har möte 2026-06-19, som är midsommarafton",
        "fel[schema]: `kind` är \"kommun\"; här ska stå ett av \"region\", \"municipality\", \"association\", \"other\"",
        "3 fel, 1 varning",
    ] {
        assert!(text.contains(line), "{line}\n---\n{text}");
    }
    assert!(
        !text.contains("error") && !text.contains("warning["),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
    // The same findings in English.
    let out = f.cmd().args(["--lang", "en", "check"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "error[seat-limit]: umea holds 2 ordinary seats on 2024-03-01, its limit is 1 (default)"
        ),
        "{text}"
    );
    assert!(text.contains("3 errors, 1 warning"), "{text}");
}

#[test]
fn json_is_the_same_in_both_languages() {
    let f = with_several_findings();
    let json = |lang: &str| {
        f.cmd()
            .args(["--lang", lang, "check", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let sv = json("sv");
    assert_eq!(sv, json("en"));
    let text = String::from_utf8(sv).unwrap();
    assert!(
        text.contains(
            "\"message\": \"umea holds 2 ordinary seats on 2024-03-01, its limit is 1 (default)\""
        ),
        "{text}"
    );
}

#[test]
fn rules_and_explain_follow_the_output_language() {
    let f = Fixture::minimal();
    let run = |args: &[&str], lang: Option<&str>| {
        let mut cmd = f.cmd();
        match lang {
            Some(l) => cmd.env("SAMVERKAN_LANG", l),
            None => cmd.env_remove("SAMVERKAN_LANG"),
        };
        String::from_utf8(cmd.args(args).output().unwrap().stdout).unwrap()
    };
    let table = run(&["rules"], Some("sv"));
    assert!(
        table.contains("kod") && table.contains("slår till när"),
        "{table}"
    );
    assert!(
        table.contains("en part har fler ordinarie platser"),
        "{table}"
    );
    let md = run(&["rules", "--format", "md"], Some("sv"));
    assert!(
        md.starts_with("| kod | familj | nivå | slår till när |"),
        "{md}"
    );
    assert!(
        md.contains("| `vacant-seat` | representation | varning |"),
        "{md}"
    );
    // JSON is for scripts: English whatever the language.
    assert_eq!(
        run(&["rules", "--format", "json"], Some("sv")),
        run(&["rules", "--format", "json"], Some("en"))
    );
    let page = run(&["explain", "seat-limit"], Some("sv"));
    assert!(
        page.starts_with("seat-limit (representation, nivå som standard: fel)\n\n# seat-limit\n"),
        "{page}"
    );
    assert!(
        page.contains("## Varför") && page.contains("## Underkänns"),
        "{page}"
    );
    assert!(
        page.contains("Kommunerna har en representant samt en ersättare"),
        "{page}"
    );
    let page = run(&["explain", "seat-limit"], Some("en"));
    assert!(
        page.contains("## Why") && !page.contains("## Varför"),
        "{page}"
    );
    // Without flag or variable: the registry's language, else Swedish.
    assert!(run(&["explain", "schema"], None).contains("## Varför"));
    f.write("registry.toml", b"name = \"Test\"\nlanguage = \"en\"\n");
    assert!(run(&["explain", "schema"], None).contains("## Why"));
    assert!(run(&["--lang", "sv", "explain", "schema"], None).contains("## Varför"));
    // A registry.toml that does not read is no reason to fail.
    f.write("registry.toml", b"name = \n");
    assert!(run(&["explain", "schema"], None).contains("## Varför"));
}

#[test]
fn the_marker_stands_under_the_value_after_a_tab() {
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        "name = \"Umeå\"\n\tkind\t= \"kommun\"\n".as_bytes(),
    );
    let out = f.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.starts_with("2 |"))
        .expect(&text);
    let value = lines[source].find("\"kommun\"").expect(&text);
    let marker = lines[source + 1];
    assert_eq!(marker.find('^'), Some(value), "{text}");
    assert_eq!(marker.matches('^').count(), "\"kommun\"".len(), "{text}");
    assert!(!lines[source].contains('\t'), "{text}");
}
