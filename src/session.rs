//! The settings every command shares, and reading the registry they name.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{Format, Global};
use crate::error::Error;
use crate::finding::Finding;
use crate::load::{self, Parts};
use crate::model::Registry;
use crate::render;

/// The settings every command shares.
pub struct Session {
    pub registry_path: PathBuf,
    pub at: Option<String>,
    pub today: NaiveDate,
    pub format: Option<Format>,
}

impl Session {
    pub fn new(global: Global) -> Self {
        Session {
            registry_path: global.registry.unwrap_or_else(|| PathBuf::from("registry")),
            at: global.at,
            today: global
                .today
                .unwrap_or_else(crate::clock::today_in_stockholm),
            format: global.format,
        }
    }

    /// The format asked for, if this command supports it; else the command's default.
    pub fn format(&self, command: &str, supported: &[Format]) -> Result<Format, Error> {
        match self.format {
            None => Ok(supported[0]),
            Some(f) if supported.contains(&f) => Ok(f),
            Some(f) => Err(Error::Usage(format!(
                "`{command}` does not print --format {}; it prints {}",
                f.name(),
                supported
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The registry path as shown in front of file names.
    pub fn display_prefix(&self) -> String {
        self.registry_path.to_string_lossy().replace('\\', "/")
    }

    /// Reads and parses the registry. Err: it could not be read at all.
    pub fn load(&self) -> Result<(Registry, Vec<Finding>), String> {
        self.load_parts(Parts::ALL)
    }

    /// Reads and parses the files of the registry that `parts` reads.
    fn load_parts(&self, parts: Parts) -> Result<(Registry, Vec<Finding>), String> {
        let files = match &self.at {
            Some(rev) => {
                let mut files = load::git::read(&self.registry_path, rev)?.ok_or_else(|| {
                    format!(
                        "revision {rev} has no registry at {}",
                        self.display_prefix()
                    )
                })?;
                files.retain(|f| parts.reads(&f.path));
                files
            }
            None => load::dir::read_parts(&self.registry_path, parts).map_err(|e| e.0)?,
        };
        Ok(load::load(files))
    }

    /// The registry's files at a git revision (none if the revision has no registry yet),
    /// or in the working tree for None.
    fn read_side(&self, rev: Option<&str>) -> Result<Vec<load::RawFile>, String> {
        match rev {
            Some(rev) => Ok(load::git::read(&self.registry_path, rev)?.unwrap_or_default()),
            None => load::dir::read(&self.registry_path).map_err(|e| e.0),
        }
    }

    /// Reads and parses the two sides of `diff`: the registry at git revision `old`, and at
    /// `new` or in the working tree for None.
    pub fn load_sides(
        &self,
        old: &str,
        new: Option<&str>,
    ) -> Result<(load::Loaded, load::Loaded), String> {
        let old = self.read_side(Some(old))?;
        let new = self.read_side(new)?;
        Ok(load::load_pair(old, new))
    }

    /// The registry for a command that reports on it: loading must have succeeded; other
    /// findings are left to `check` and mentioned on stderr.
    pub fn registry(&self) -> Result<Registry, Error> {
        self.registry_of(Parts::ALL)
    }

    /// As [`Session::registry`], of the parts a view uses: files it does not read are not
    /// checked either (see [`Parts`]). Meetings are read as well when an agreement's end
    /// depends on them.
    pub fn registry_of(&self, parts: Parts) -> Result<Registry, Error> {
        let (mut reg, mut findings) = self.load_parts(parts).map_err(Error::Registry)?;
        if !parts.meetings && reg.uses_meeting_calendar() {
            (reg, findings) = self
                .load_parts(Parts {
                    meetings: true,
                    ..parts
                })
                .map_err(Error::Registry)?;
        }
        let fatal: Vec<&Finding> = findings.iter().filter(|f| f.is_fatal()).collect();
        if !fatal.is_empty() {
            let shown =
                render::findings::text(&reg.sources, &findings, &self.display_prefix(), false);
            return Err(Error::Registry(format!(
                "the registry cannot be read:\n{}",
                shown.trim_end()
            )));
        }
        // Files that did not load are left out of the model; say so, once.
        if !reg.left_out.is_empty() {
            eprintln!(
                "samverkan: warning: {} file(s) of the registry do not load and are left out; `samverkan check` says why",
                reg.left_out.len()
            );
        }
        Ok(reg)
    }
}
