//! Names: a command takes an id, a name, a short name or an alias, and a miss says what
//! was meant (the bundled registry: LSG, Samrådet).

use std::path::Path;

use assert_cmd::Command;

fn bundled(args: &[&str]) -> assert_cmd::assert::Assert {
    let registry = Path::new(env!("CARGO_MANIFEST_DIR")).join("registry");
    Command::cargo_bin("samverkan")
        .unwrap()
        .env_remove("SAMVERKAN_REGISTRY")
        .env("SAMVERKAN_LANG", "en")
        .arg("-C")
        .arg(registry)
        .args(["--today", "2026-11-25"])
        .args(args)
        .assert()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(bundled(args).success().get_output().stdout.clone()).unwrap()
}

#[test]
fn a_body_by_its_short_name_its_name_or_an_alias() {
    let by_id = stdout(&["roster", "lanssamverkansgruppen", "--format", "json"]);
    for name in ["lsg", "LSG", "Länssamverkansgruppen", "länssamverkans"] {
        assert_eq!(
            stdout(&["roster", name, "--format", "json"]),
            by_id,
            "{name}"
        );
    }
    let samradet = stdout(&["rotation", "Samrådet", "--format", "json"]);
    assert!(
        samradet.contains("\"body\": \"samrad-vard-omsorg\""),
        "{samradet}"
    );
    let schedule = stdout(&["schedule", "--body", "vis", "--format", "json"]);
    assert!(
        schedule.contains("\"body\": \"vard-i-samverkan\""),
        "{schedule}"
    );
}

#[test]
fn notice_takes_the_agreement_and_party_by_name() {
    let by_id = stdout(&[
        "notice",
        "vasterbotten-samverkansstruktur",
        "--party",
        "umea",
        "--leave-by",
        "2027-12-31",
        "--format",
        "json",
    ]);
    let by_name = stdout(&[
        "notice",
        "Överenskommelse om regional samverkansstruktur",
        "--party",
        "Umeå kommun",
        "--leave-by",
        "2027-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(by_id, by_name);
}

#[test]
fn a_miss_or_several_matches_exit_2_and_say_what_was_meant() {
    let out = bundled(&["roster", "lanssamverkansgrupen"]).code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("did you mean lanssamverkansgruppen (Länssamverkansgruppen, LSG)?"),
        "{stderr}"
    );
    let out = bundled(&["rotation", "samrad"]).code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("names 3 bodies"), "{stderr}");
    assert!(
        stderr.contains("give more of the name, or the id"),
        "{stderr}"
    );
}
