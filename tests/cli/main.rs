//! The binary on small registries built in temporary directories: loading failures,
//! exit codes, output formats and the command-line contract.

mod annex;
mod bundled;
mod git;
mod hostile;
mod loading;
mod names;
mod output;
mod scale;
mod usage;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A registry on disk with a clean minimum (settings, two parties, one agreement).
pub struct Fixture {
    pub dir: TempDir,
}

pub const MINIMAL: &[(&str, &str)] = &[
    ("registry.toml", "name = \"Testlän\"\n"),
    (
        "parties/region.toml",
        "name = \"Region Test\"\nkind = \"region\"\n",
    ),
    (
        "parties/umea.toml",
        "name = \"Umeå kommun\"\nkind = \"municipality\"\norg_number = \"212000-2627\"\n",
    ),
    (
        "agreements/avtal.toml",
        "title = \"Överenskommelse\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n",
    ),
];

impl Fixture {
    pub fn new(files: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("a temp dir");
        let fixture = Fixture { dir };
        for (path, text) in files {
            fixture.write(path, text.as_bytes());
        }
        fixture
    }

    pub fn minimal() -> Self {
        Fixture::new(MINIMAL)
    }

    pub fn write(&self, path: &str, bytes: &[u8]) {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("a parent")).expect("mkdir");
        std::fs::write(full, bytes).expect("write");
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("samverkan").expect("the binary");
        cmd.arg("-C")
            .arg(self.path())
            .arg("--today")
            .arg("2026-11-25");
        // These tests quote the English words; the Swedish ones have their own tests.
        cmd.env_remove("SAMVERKAN_REGISTRY")
            .env("NO_COLOR", "1")
            .env("SAMVERKAN_LANG", "en");
        cmd
    }

    /// `check --format json`: the parsed document and the exit status.
    pub fn check_json(&self) -> (Value, i32) {
        let output = self
            .cmd()
            .args(["check", "--format", "json"])
            .output()
            .expect("runs");
        let doc: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "check --format json printed no JSON ({e}): {}",
                String::from_utf8_lossy(&output.stdout)
            )
        });
        (doc, output.status.code().expect("an exit code"))
    }
}

impl Fixture {
    /// Checks that `check` finds exactly `expected` and exits with `exit`; returns the
    /// finding's message for further assertions.
    pub fn only_finding(&self, expected: Place, exit: i32) -> String {
        let (doc, code) = self.check_json();
        assert_eq!(places(&doc), vec![expected], "{doc:#}");
        assert_eq!(code, exit);
        doc["findings"][0]["message"]
            .as_str()
            .expect("a message")
            .to_owned()
    }
}

/// Where a finding is: (code, file, line, column).
pub type Place = (String, Option<String>, Option<u64>, Option<u64>);

/// The place of each finding.
pub fn places(doc: &Value) -> Vec<Place> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_owned(),
                f["file"].as_str().map(str::to_owned),
                f["line"].as_u64(),
                f["column"].as_u64(),
            )
        })
        .collect()
}

pub fn finding(
    code: &str,
    file: &str,
    line: u64,
    column: u64,
) -> (String, Option<String>, Option<u64>, Option<u64>) {
    (
        code.to_owned(),
        Some(file.to_owned()),
        Some(line),
        Some(column),
    )
}
