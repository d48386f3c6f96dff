//! The example counties under `examples/` (Jönköping, Östergötland), written in format 2
//! from their public pages: each checks clean, and every view runs on it in every format
//! and both languages, as a coordinator of that county would run them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use samverkan::cli::{Format, format_word, formats};

const TODAY: &str = "2026-11-25";

fn counties() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let counties: Vec<PathBuf> = ["jonkoping", "ostergotland"]
        .iter()
        .map(|name| root.join(name))
        .collect();
    for county in &counties {
        assert!(
            county.join("registry.toml").is_file(),
            "{}",
            county.display()
        );
    }
    counties
}

fn samverkan(registry: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("samverkan").expect("the samverkan binary is built");
    cmd.env_remove("SAMVERKAN_REGISTRY")
        .env("NO_COLOR", "1")
        .arg("-C")
        .arg(registry)
        .args(["--today", TODAY, "--lang", lang])
        .args(args);
    cmd
}

/// Runs a command that must succeed with something on stdout, and returns it.
fn run(registry: &Path, lang: &str, args: &[&str]) -> String {
    let out = samverkan(registry, lang, args)
        .output()
        .expect("the binary runs");
    let shown = || {
        format!(
            "{} {args:?} ({lang}): exit {:?}\n{}{}",
            registry.display(),
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    assert!(out.status.success(), "{}", shown());
    let stdout = String::from_utf8(out.stdout.clone()).unwrap_or_else(|_| panic!("{}", shown()));
    assert!(!stdout.trim().is_empty(), "{}", shown());
    stdout
}

/// Ids of a kind of file (`bodies`, `agreements`), from the file stems.
fn ids(registry: &Path, folder: &str) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(registry.join(folder))
        .expect("the folder exists")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_example_county_checks_clean_with_warnings_denied() {
    for county in counties() {
        let json = run(
            &county,
            "en",
            &["check", "--deny-warnings", "--format", "json"],
        );
        let doc: serde_json::Value = serde_json::from_str(&json).expect("check's JSON");
        assert_eq!(doc["errors"], 0, "{}: {json}", county.display());
        assert_eq!(doc["warnings"], 0, "{}: {json}", county.display());
        let text = run(&county, "sv", &["check", "--deny-warnings"]);
        assert!(text.contains("0 fel, 0 varningar"), "{text}");
    }
}

/// `args` in every format the command has, in Swedish and English; JSON must parse.
fn every_format(county: &Path, args: &[&str], out_dir: &Path) {
    for format in formats(args[0]) {
        let word = format_word(args[0], *format);
        for lang in ["sv", "en"] {
            let mut full: Vec<&str> = args.to_vec();
            full.extend(["--format", word]);
            if *format == Format::Xlsx {
                let file = out_dir.join(format!("{}-{lang}.xlsx", args[0]));
                let file = file.to_str().expect("a UTF-8 path").to_owned();
                let status =
                    samverkan(county, lang, &[full.as_slice(), &["--out", &file]].concat())
                        .output()
                        .expect("the binary runs");
                assert!(status.status.success(), "{} {full:?}", county.display());
                assert!(std::fs::metadata(&file).expect("the workbook").len() > 0);
                continue;
            }
            let out = run(county, lang, &full);
            if *format == Format::Json {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{full:?}: {e}\n{out}"));
            }
        }
    }
}

#[test]
fn every_view_runs_on_every_example_county() {
    let out_dir = tempfile::tempdir().expect("a temp dir");
    for county in counties() {
        for args in [
            &["roster"][..],
            &["roster", "--on", "2025-03-01"],
            &["schedule", "--year", "2026"],
            &["deadlines"],
            &["report", "--year", "2025"],
            &["graph"],
        ] {
            every_format(&county, args, out_dir.path());
        }
        for body in ids(&county, "bodies") {
            run(&county, "sv", &["roster", &body]);
            let text = std::fs::read_to_string(county.join("bodies").join(format!("{body}.toml")))
                .expect("the body file");
            if text.contains("[chair]") {
                every_format(&county, &["rotation", &body], out_dir.path());
            }
        }
    }
}

#[test]
fn notice_answers_for_every_party_of_every_agreement_with_notice_terms() {
    for county in counties() {
        for agreement in ids(&county, "agreements") {
            let path = county.join("agreements").join(format!("{agreement}.toml"));
            let doc: toml::Table = std::fs::read_to_string(&path)
                .expect("the agreement file")
                .parse()
                .expect("TOML");
            if !doc.contains_key("termination") && !doc.contains_key("renewal") {
                continue;
            }
            let parties = doc
                .get("parties")
                .and_then(toml::Value::as_array)
                .cloned()
                .unwrap_or_default();
            for party in parties.iter().filter_map(toml::Value::as_str) {
                for question in [["--given", TODAY], ["--leave-by", "2028-12-31"]] {
                    let args = [&["notice", &agreement, "--party", party][..], &question].concat();
                    run(&county, "sv", &args);
                    let json = run(&county, "en", &[&args[..], &["--format", "json"]].concat());
                    serde_json::from_str::<serde_json::Value>(&json).expect("notice's JSON");
                }
            }
        }
    }
}
