//! `samverkan init DIR`: a new registry to start from, written all at once or not at all.

use std::path::Path;

use crate::error::Error;

/// The starting registry: two parties, one agreement, one body with its roster, and a
/// year of meetings. It checks clean.
const FILES: &[(&str, &str)] = &[
    (
        "registry.toml",
        r#"# Settings for the whole registry. See docs/format.md.
name = "Vård och omsorg i samverkan"
holidays = "SE"

# Change a rule's severity: "error", "warn" or "allow" (`samverkan rules` lists them).
[checks]
"#,
    ),
    (
        "parties/region.toml",
        r#"name = "Regionen"
kind = "region"
"#,
    ),
    (
        "parties/kommunen.toml",
        r#"name = "Kommunen"
kind = "municipality"
"#,
    ),
    (
        "agreements/samverkan.toml",
        r#"title = "Överenskommelse om samverkan inom vård och omsorg"
parties = ["region", "kommunen"]
effective = 2026-01-01

[termination]
notice_months = 6
"#,
    ),
    (
        "bodies/styrgrupp.toml",
        r#"name = "Styrgrupp"
agreement = "samverkan"
level = "official"
kind = "standing"
power = "advisory"
established = 2026-01-01

[seats]
every_party = true
default = { ordinary = 1, substitutes = 1 }

[chair]
rule = "alternate-sides"

[meetings]
per_year_min = 2
"#,
    ),
    (
        "members/styrgrupp.toml",
        r#"[[member]]
name = "Ledamot Region"
party = "region"
role = "ordinary"
from = 2026-01-01

[[member]]
name = "Ledamot Kommun"
party = "kommunen"
role = "ordinary"
from = 2026-01-01

[[chair]]
year = 2026
chair = "Ledamot Region"
vice_chair = "Ledamot Kommun"
"#,
    ),
    (
        "meetings/2026.toml",
        r#"[[meeting]]
body = "styrgrupp"
date = 2026-03-18

[[meeting]]
body = "styrgrupp"
date = 2026-10-14
"#,
    ),
];

pub fn create(dir: &Path) -> Result<(), Error> {
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Error::Usage(format!(
            "{} exists and is not empty; choose a new directory",
            dir.display()
        )));
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if dir.file_name().is_none() {
        return Err(Error::Usage(format!(
            "{} names no directory",
            dir.display()
        )));
    }
    // Build the registry beside its destination and move it in with one rename, so that an
    // interrupted init leaves nothing behind under the name asked for. The staging folder
    // has a fresh name made exclusively: init never removes a folder it did not create.
    let mut builder = tempfile::Builder::new();
    // No part of the name asked for: a long one must not make the staging name too long.
    builder.prefix(".samverkan-init.");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o755));
    let cannot =
        |e: std::io::Error| Error::Registry(format!("cannot create {}: {e}", dir.display()));
    let staging = builder.tempdir_in(&parent).map_err(cannot)?;
    let result = (|| -> std::io::Result<()> {
        for (path, text) in FILES {
            let full = staging.path().join(path);
            std::fs::create_dir_all(full.parent().expect("files sit in a folder"))?;
            std::fs::write(full, text)?;
        }
        if dir.exists() {
            std::fs::remove_dir(dir)?; // empty, checked above
        }
        std::fs::rename(staging.path(), dir)
    })();
    match result {
        // Moved into place: nothing is left to clean up.
        Ok(()) => {
            let _ = staging.keep();
            Ok(())
        }
        // Dropping `staging` removes the folder this run made, and only that.
        Err(e) => Err(cannot(e)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_starting_registry_checks_clean() {
        let files: Vec<(&str, &str)> = super::FILES.to_vec();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(crate::rules::testing::codes(&files, today), vec![]);
    }
}
