//! The bundled registry: clean over its whole history, and a mutated copy fails with
//! exactly the expected code and place.

use std::path::Path;

use crate::{Fixture, finding, places};

#[path = "../support/fs.rs"]
mod fs;
use fs::copy_dir;

fn bundled() -> Fixture {
    let f = Fixture::new(&[]);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registry"),
        f.path(),
    );
    f
}

fn edit(f: &Fixture, path: &str, change: impl FnOnce(String) -> String) -> String {
    let full = f.path().join(path);
    let text = change(std::fs::read_to_string(&full).unwrap());
    std::fs::write(full, &text).unwrap();
    text
}

/// 1-based line of the first line at or after `after` that starts with `prefix`.
fn line_of(text: &str, after: usize, prefix: &str) -> u64 {
    text.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| l.starts_with(prefix))
        .map(|(i, _)| i as u64 + 1)
        .unwrap_or_else(|| panic!("no line starting with {prefix:?}"))
}

#[test]
fn the_bundled_registry_has_no_errors_on_any_day_of_its_history() {
    for today in ["2020-12-31", "2022-06-01", "2024-12-20", "2026-11-25"] {
        let out = assert_cmd::Command::cargo_bin("samverkan")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("SAMVERKAN_REGISTRY")
            .args(["check", "--format", "json", "--today", today])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["errors"], 0, "on {today}: {doc:#}");
        assert_eq!(out.status.code(), Some(0), "on {today}");
    }
}

#[test]
fn the_bundled_registry_checks_clean_with_warnings_denied() {
    // The Uppsala strategy ended on 2020-12-31 and is archived: no `fixed-term-expired`.
    let (doc, code) = bundled().check_json();
    assert_eq!(places(&doc), vec![]);
    assert_eq!(code, 0);
    let out = assert_cmd::Command::cargo_bin("samverkan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SAMVERKAN_REGISTRY")
        .args(["check", "--deny-warnings", "--today", "2026-11-25"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_third_ordinary_seat_for_umea_in_samradet_is_a_seat_limit_error() {
    let f = bundled();
    let text = edit(&f, "members/samrad-vard-omsorg.toml", |t| {
        t + "\n[[member]]\nname = \"Tredje Umeåledamot\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2024-03-01\nto = 2024-12-31\n"
    });
    let line = line_of(&text, text.lines().count() - 6, "party = \"umea\"");
    let (doc, code) = f.check_json();
    let expected = finding("seat-limit", "members/samrad-vard-omsorg.toml", line, 9);
    let found = places(&doc);
    assert_eq!(
        found
            .iter()
            .filter(|f| f.0 != "fixed-term-expired")
            .collect::<Vec<_>>(),
        vec![&expected]
    );
    assert_eq!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "seat-limit")
            .unwrap()["message"],
        "umea holds 3 ordinary seats on 2024-03-01, its limit is 2 (by_party)"
    );
    assert_eq!(code, 1);
}

#[test]
fn the_region_keeping_the_chair_without_an_extension_is_not_rotated() {
    let f = bundled();
    let text = edit(&f, "members/samrad-vard-omsorg.toml", |t| {
        t.replace(
            "year = 2026\nchair = \"Lena Låtsaslind\"\nvice_chair = \"Bengt Fiktivlund\"",
            "year = 2026\nchair = \"Bengt Fiktivlund\"\nvice_chair = \"Lena Låtsaslind\"",
        )
    });
    let line = line_of(&text, 0, "year = 2026") + 1;
    let (doc, code) = f.check_json();
    let found: Vec<_> = places(&doc)
        .into_iter()
        .filter(|f| f.0 != "fixed-term-expired")
        .collect();
    assert_eq!(
        found,
        vec![finding(
            "chair-not-rotated",
            "members/samrad-vard-omsorg.toml",
            line,
            9
        )]
    );
    assert_eq!(code, 1);
}

#[test]
fn the_yearly_report_covers_bodies_chairs_and_cases() {
    let out = assert_cmd::Command::cargo_bin("samverkan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SAMVERKAN_REGISTRY")
        .args([
            "report",
            "--year",
            "2025",
            "--today",
            "2026-11-25",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["year"], 2025);
    let agreements = doc["agreements"].as_array().unwrap();
    // The Uppsala strategy ended in 2020 and is not part of 2025.
    assert!(
        agreements
            .iter()
            .all(|a| a["id"] != "narvardsstrategi-uppsala-2018-2020")
    );
    let vb = agreements
        .iter()
        .find(|a| a["id"] == "vasterbotten-samverkansstruktur")
        .unwrap();
    let samrad = vb["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "samrad-vard-omsorg")
        .unwrap();
    assert_eq!(samrad["meetings"].as_array().unwrap().len(), 4);
    assert_eq!(samrad["chair"]["name"], "Elin Modellström");
    assert_eq!(samrad["chair"]["party"], "region-vasterbotten");
    assert_eq!(samrad["vice_chair"]["party"], "robertsfors");
    assert_eq!(doc["findings"]["errors"], 0);
    assert_eq!(doc["findings"]["warnings"], 0);
    // 001 §8: the coordinator function's cost, half each.
    assert_eq!(
        vb["costs"],
        serde_json::json!([{
            "title": "Regional koordinatorsfunktion, 2,0 årsarbetare",
            "split": { "municipality": 50, "region": 50 },
            "amount_sek": null,
            "per": "year"
        }])
    );

    let md = assert_cmd::Command::cargo_bin("samverkan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SAMVERKAN_REGISTRY")
        .env("SAMVERKAN_LANG", "en")
        .args(["report", "--year", "2025", "--today", "2026-11-25"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Samverkan 2025"), "{md}");
    assert!(md.contains("| Samråd för vård och omsorg | 4 (at least 4) | Elin Modellström (Region Västerbotten) |"), "{md}");

    // Swedish is the default: the report a coordinator hands to a politiska samrådet.
    let md = assert_cmd::Command::cargo_bin("samverkan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SAMVERKAN_REGISTRY")
        .env_remove("SAMVERKAN_LANG")
        .args(["report", "--year", "2025", "--today", "2026-11-25"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Årsrapport 2025"), "{md}");
    assert!(
        md.contains("| Organ | Möten | Ordförande | Vice ordförande | Platser vid årets slut |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| Samråd för vård och omsorg | 4 (minst 4) | Elin Modellström (Region Västerbotten) |"
        ),
        "{md}"
    );
    assert!(md.contains("## Kontroll"), "{md}");
}
