//! The settings every command shares, and reading the registry they name.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{Format, Global};
use crate::error::Error;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load;
use crate::model::Registry;
use crate::render;

/// The settings every command shares.
pub struct Session {
    pub registry_path: PathBuf,
    pub at: Option<String>,
    pub today: NaiveDate,
    pub format: Option<Format>,
    /// `--lang` or `SAMVERKAN_LANG`; the registry's `language` comes next (see [`Session::lang`]).
    lang: Option<Lang>,
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
            lang: global.lang,
        }
    }

    /// The language of the output for people: `--lang`, `SAMVERKAN_LANG`, the registry's
    /// `language`, then Swedish.
    pub fn lang(&self, reg: &Registry) -> Lang {
        self.lang.or_else(|| reg.language()).unwrap_or_default()
    }

    /// The output language of a command that reads no registry (`rules`, `explain`):
    /// `--lang`, `SAMVERKAN_LANG`, the `language` of the registry's `registry.toml` if the
    /// working tree has one that reads, then Swedish.
    pub fn lang_without_registry(&self) -> Lang {
        #[derive(serde::Deserialize)]
        struct LanguageOnly {
            language: Option<Lang>,
        }
        self.lang
            .or_else(|| {
                let text =
                    std::fs::read_to_string(self.registry_path.join("registry.toml")).ok()?;
                toml::from_str::<LanguageOnly>(&text).ok()?.language
            })
            .unwrap_or_default()
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

    /// For a command that prints one thing only: `--format` is a usage error.
    pub fn no_format(&self, command: &str) -> Result<(), Error> {
        match self.format {
            None => Ok(()),
            Some(f) => Err(Error::Usage(format!(
                "`{command}` has no --format (asked for {})",
                f.name()
            ))),
        }
    }

    /// The registry path as shown in front of file names.
    pub fn display_prefix(&self) -> String {
        self.registry_path.to_string_lossy().replace('\\', "/")
    }

    /// Reads and parses the registry. Err: it could not be read at all.
    pub fn load(&self) -> Result<(Registry, Vec<Finding>), String> {
        let files = match &self.at {
            Some(rev) => {
                let files = load::git::read(&self.registry_path, rev)?.ok_or_else(|| {
                    format!(
                        "revision {rev} has no registry at {}",
                        self.display_prefix()
                    )
                })?;
                self.settings_present(files, &format!(" in revision {rev}"))?
            }
            None => self.working_tree()?,
        };
        Ok(load::load(files))
    }

    /// Reads and parses the registry at a git revision (empty if the revision has none
    /// yet), or the working tree for None: the two sides of `diff`.
    pub fn load_side(&self, rev: Option<&str>) -> Result<(Registry, Vec<Finding>), String> {
        let files = match rev {
            Some(rev) => load::git::read(&self.registry_path, rev)?.unwrap_or_default(),
            None => self.working_tree()?,
        };
        Ok(load::load(files))
    }

    fn working_tree(&self) -> Result<Vec<load::RawFile>, String> {
        let files = load::dir::read(&self.registry_path).map_err(|e| e.0)?;
        self.settings_present(files, "")
    }

    /// A folder without `registry.toml` is not a registry: a typo in `-C` (or `-C docs`)
    /// must not check clean.
    fn settings_present(
        &self,
        files: Vec<load::RawFile>,
        revision: &str,
    ) -> Result<Vec<load::RawFile>, String> {
        if files.iter().any(|f| f.path == "registry.toml") {
            return Ok(files);
        }
        Err(format!(
            "{} has no registry.toml{revision}, so it is not a registry; pass the registry folder with -C/--registry or SAMVERKAN_REGISTRY, or create one with `samverkan init`",
            self.display_prefix()
        ))
    }

    /// The registry for a command that reports on it: loading must have succeeded; other
    /// findings are left to `check` and mentioned on stderr.
    pub fn registry(&self) -> Result<Registry, Error> {
        let (reg, findings) = self.load().map_err(Error::Registry)?;
        let fatal: Vec<&Finding> = findings.iter().filter(|f| f.is_fatal()).collect();
        if !fatal.is_empty() {
            let lang = self.lang(&reg);
            let shown = render::findings::text(
                &reg.sources,
                &findings,
                &self.display_prefix(),
                false,
                lang,
            );
            return Err(Error::Registry(format!(
                "{}\n{}",
                crate::tr!(lang, "registry-unreadable"),
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
