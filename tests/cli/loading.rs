//! Every class of bad input: a finding with file, line and column, the right exit code,
//! and never a panic.

use crate::{Fixture, finding, places};

#[test]
fn the_minimal_registry_is_clean() {
    let (doc, code) = Fixture::minimal().check_json();
    assert_eq!(places(&doc), vec![]);
    assert_eq!(
        (doc["errors"].as_u64(), doc["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(code, 0);
}

#[test]
fn broken_toml_stops_the_run_with_exit_2() {
    let f = Fixture::minimal();
    f.write(
        "parties/vindeln.toml",
        b"name = \"Vindelns kommun\"\nkind = municipality\n",
    );
    f.only_finding(finding("toml-syntax", "parties/vindeln.toml", 2, 8), 2);
}

#[test]
fn a_date_that_does_not_exist_is_named() {
    let f = Fixture::minimal();
    f.write(
        "agreements/avtal.toml",
        b"title = \"A\"\nparties = [\"region\", \"umea\"]\neffective = 2026-02-30\n",
    );
    let message = f.only_finding(finding("toml-syntax", "agreements/avtal.toml", 3, 13), 2);
    assert!(message.contains("day"));
}

#[test]
fn a_wrong_type_is_a_schema_finding_and_the_rest_is_still_checked() {
    let f = Fixture::minimal();
    f.write(
        "parties/mala.toml",
        b"name = \"Mal\xc3\xa5 kommun\"\nkind = 3\n",
    );
    f.write(
        "parties/bad.toml",
        b"name = \"X\"\nkind = \"region\"\norg_number = \"212000-2628\"\n",
    );
    let (doc, code) = f.check_json();
    assert_eq!(
        places(&doc),
        vec![
            finding("invalid-org-number", "parties/bad.toml", 3, 14),
            finding("schema", "parties/mala.toml", 2, 8),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn an_unknown_key_is_named_with_the_keys_allowed() {
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        b"name = \"Ume\xc3\xa5 kommun\"\nkind = \"municipality\"\nkomun = 1\n",
    );
    let message = f.only_finding(finding("schema", "parties/umea.toml", 3, 1), 1);
    assert!(
        message.contains("unknown key `komun`") && message.contains("`kind`"),
        "{message}"
    );
}

#[test]
fn a_missing_key_is_named() {
    let f = Fixture::minimal();
    f.write("parties/umea.toml", "name = \"Umeå kommun\"\n".as_bytes());
    let message = f.only_finding(finding("schema", "parties/umea.toml", 1, 1), 1);
    assert!(message.contains("missing required key `kind`"));
    // The agreement's reference to the party is not reported again as dangling.
}

#[test]
fn an_empty_file_says_so() {
    let f = Fixture::minimal();
    f.write("parties/tom.toml", b"");
    let message = f.only_finding(finding("schema", "parties/tom.toml", 1, 1), 1);
    assert!(message.starts_with("the file is empty"));
}

#[test]
fn a_file_that_is_not_utf8_stops_the_run() {
    let f = Fixture::minimal();
    f.write(
        "parties/latin1.toml",
        b"name = \"Ume\xe5 kommun\"\nkind = \"municipality\"\n",
    );
    let message = f.only_finding(finding("unreadable-file", "parties/latin1.toml", 1, 1), 2);
    assert!(message.contains("not UTF-8"));
}

#[test]
fn a_dangling_reference_points_at_the_reference() {
    let f = Fixture::minimal();
    f.write(
        "agreements/avtal.toml",
        b"title = \"A\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-01-01\n",
    );
    f.only_finding(
        finding("dangling-reference", "agreements/avtal.toml", 2, 30),
        1,
    );
}

#[test]
fn two_cases_with_one_id_are_a_duplicate() {
    let f = Fixture::minimal();
    let case =
        "title = \"Rutin\"\nraised = 2025-02-03\nraised_by = \"umea\"\nconcerns = [\"umea\"]\n";
    f.write("cases/2025/rutin.toml", case.as_bytes());
    f.write("cases/2026/rutin.toml", case.as_bytes());
    f.only_finding(finding("duplicate-id", "cases/2026/rutin.toml", 1, 1), 1);
}

#[test]
fn a_file_stem_that_is_no_id() {
    let f = Fixture::minimal();
    f.write(
        "parties/Vännäs.toml",
        "name = \"Vännäs kommun\"\nkind = \"municipality\"\n".as_bytes(),
    );
    f.only_finding(finding("invalid-id", "parties/Vännäs.toml", 1, 1), 1);
}

#[test]
fn toml_files_outside_the_layout_are_unexpected_and_other_files_ignored() {
    let f = Fixture::minimal();
    f.write("people/anna.toml", b"name = \"Anna\"\n");
    f.write("meetings/plan.toml", b"\n");
    f.write("README.md", b"# not checked\n");
    f.write(".taplo.toml", b"not = [valid\n");
    let (doc, code) = f.check_json();
    assert_eq!(
        places(&doc),
        vec![
            finding("unexpected-file", "meetings/plan.toml", 1, 1),
            finding("unexpected-file", "people/anna.toml", 1, 1),
        ]
    );
    assert_eq!(code, 1);
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_never_followed() {
    let f = Fixture::minimal();
    std::os::unix::fs::symlink(
        f.path().join("parties/umea.toml"),
        f.path().join("parties/link.toml"),
    )
    .unwrap();
    f.only_finding(finding("unexpected-file", "parties/link.toml", 1, 1), 1);
}

#[test]
fn an_end_before_its_start_is_an_invalid_range() {
    let f = Fixture::minimal();
    f.write(
        "agreements/avtal.toml",
        b"title = \"A\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\nends = 2019-12-31\n",
    );
    let (doc, _) = f.check_json();
    assert!(places(&doc).contains(&finding("invalid-range", "agreements/avtal.toml", 4, 8)));
}

#[test]
fn a_missing_registry_directory_is_exit_2_with_a_json_document() {
    let f = Fixture::minimal();
    let mut cmd = assert_cmd::Command::cargo_bin("samverkan").unwrap();
    let output = cmd
        .args(["check", "--format", "json", "-C"])
        .arg(f.path().join("finns-inte"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["errors"], 1);
    assert_eq!(doc["findings"][0]["code"], "unreadable-file");
    assert_eq!(doc["findings"][0]["file"], serde_json::Value::Null);
}

#[test]
fn an_id_key_that_disagrees_with_the_file_name_is_refused() {
    // The id is the file stem; a file cannot name itself otherwise.
    let f = Fixture::minimal();
    f.write(
        "parties/umea.toml",
        "id = \"vindeln\"\nname = \"Umeå kommun\"\nkind = \"municipality\"\n".as_bytes(),
    );
    let message = f.only_finding(finding("schema", "parties/umea.toml", 1, 1), 1);
    assert!(message.contains("unknown key `id`"));
}

#[test]
fn every_schema_problem_of_a_file_is_reported_at_once() {
    let f = Fixture::minimal();
    f.write(
        "members/organ.toml",
        "[[member]]\nname = \"Anna\"\nparty = \"umea\"\nrole = \"ledamot\"\nfrom = \"2024-01-01\"\n\n[[member]]\nnamn = \"Bo\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n".as_bytes(),
    );
    f.write(
        "bodies/organ.toml",
        b"name = \"Organ\"\nagreement = \"avtal\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n",
    );
    let (doc, code) = f.check_json();
    assert_eq!(
        places(&doc),
        vec![
            finding("schema", "members/organ.toml", 4, 8),
            finding("schema", "members/organ.toml", 5, 8),
            finding("schema", "members/organ.toml", 7, 1),
            finding("schema", "members/organ.toml", 8, 1),
        ]
    );
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`member[1].role` is \"ledamot\"; expected one of \"ordinary\", \"substitute\", \"adjunct\", \"observer\", \"secretary\"",
            "`member[1].from` is \"2024-01-01\"; expected a date such as 2026-03-20, without quotes",
            "missing required key `member[2].name`",
            "unknown key `namn` in `member[2]`, expected one of the keys `from`, `function`, `name`, `organisation`, `party`, `role`, `substitute_for`, `to`; did you mean `name`?",
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn every_syntax_error_of_a_file_is_reported_at_once() {
    let f = Fixture::minimal();
    f.write(
        "parties/vindeln.toml",
        b"name = \"Vindelns kommun\nkind = municipality\ncounty = \"V\"\n",
    );
    let (doc, code) = f.check_json();
    let found = places(&doc);
    assert!(found.len() >= 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|p| p.0 == "toml-syntax" && p.1.as_deref() == Some("parties/vindeln.toml"))
    );
    assert_eq!(code, 2);
}
