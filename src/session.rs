//! The settings every command shares, and reading the registry they name.

use std::mem::ManuallyDrop;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{ColorWhen, Format, Global};
use crate::error::Error;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load::{self, Parts};
use crate::model::Registry;
use crate::render;

/// Whether stdout gets colour: `--color`, else no-color.org's conventions as anstream
/// reads them (NO_COLOR set and not empty: never; CLICOLOR_FORCE: always; else only on a
/// terminal).
fn stdout_color(when: ColorWhen) -> bool {
    colorchoice::ColorChoice::write_global(match when {
        ColorWhen::Auto => colorchoice::ColorChoice::Auto,
        ColorWhen::Always => colorchoice::ColorChoice::Always,
        ColorWhen::Never => colorchoice::ColorChoice::Never,
    });
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// The settings every command shares.
pub struct Session {
    pub registry_path: PathBuf,
    pub at: Option<String>,
    pub today: NaiveDate,
    pub format: Option<Format>,
    /// `--lang` or `SAMVERKAN_LANG`; the registry's `language` comes next (see [`Session::lang`]).
    lang: Option<Lang>,
    /// Whether what goes to stdout may carry colour.
    pub color: bool,
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
            color: stdout_color(global.color),
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

    /// The format asked for, if this command prints it (see `cli::formats`); else the
    /// command's default.
    pub fn format(&self, command: &str) -> Result<Format, Error> {
        let supported = crate::cli::formats(command);
        match self.format {
            None => Ok(supported[0]),
            Some(f) if supported.contains(&f) => Ok(f),
            Some(f) => Err(Error::Usage(format!(
                "`{command}` does not print --format {}; it prints {}",
                crate::cli::format_word(command, f),
                supported
                    .iter()
                    .map(|f| crate::cli::format_word(command, *f))
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
        self.load_parts(Parts::ALL, load::Texts::All)
    }

    /// Reads and parses the files of the registry that `parts` reads.
    fn load_parts(
        &self,
        parts: Parts,
        texts: load::Texts,
    ) -> Result<(Registry, Vec<Finding>), String> {
        let files = match &self.at {
            Some(rev) => {
                let files = load::git::read(&self.registry_path, rev)?.ok_or_else(|| {
                    format!(
                        "revision {rev} has no registry at {}",
                        self.display_prefix()
                    )
                })?;
                let mut files = self.settings_present(files, &format!(" in revision {rev}"))?;
                files.retain(|f| parts.reads(&f.path));
                files
            }
            None => {
                let files = load::dir::read_parts(&self.registry_path, parts).map_err(|e| e.0)?;
                self.settings_present(files, "")?
            }
        };
        Ok(load::load_keeping(files, texts))
    }

    /// The registry's files at a git revision (none if the revision has no registry yet),
    /// or in the working tree for None.
    fn read_side(&self, rev: Option<&str>) -> Result<Vec<load::RawFile>, String> {
        match rev {
            Some(rev) => Ok(load::git::read(&self.registry_path, rev)?.unwrap_or_default()),
            None => self.working_tree(),
        }
    }

    /// Reads and parses the registry at a git revision (empty if the revision has none
    /// yet), or the working tree for None: the base of `check --baseline`.
    pub fn load_side(&self, rev: Option<&str>) -> Result<(Registry, Vec<Finding>), String> {
        Ok(load::load(self.read_side(rev)?))
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
    pub fn registry(&self) -> Result<ManuallyDrop<Registry>, Error> {
        self.registry_with(Parts::ALL, load::Texts::All)
    }

    /// As [`Session::registry`], of the parts a view uses: files it does not read are not
    /// checked either (see [`Parts`]). Meetings are read as well when an agreement's end
    /// depends on them.
    ///
    /// Never freed: a command reports on one registry and the process ends, and freeing a
    /// national registry piece by piece costs a twentieth of a view's run for nothing.
    ///
    /// For a view that reports no findings of the rules: only the files that did not load
    /// keep their text.
    pub fn registry_of(&self, parts: Parts) -> Result<ManuallyDrop<Registry>, Error> {
        self.registry_with(parts, load::Texts::WithFindings)
    }

    fn registry_with(
        &self,
        parts: Parts,
        texts: load::Texts,
    ) -> Result<ManuallyDrop<Registry>, Error> {
        let (mut reg, mut findings) = self.load_parts(parts, texts).map_err(Error::Registry)?;
        if !parts.meetings && reg.uses_meeting_calendar() {
            (reg, findings) = self
                .load_parts(
                    Parts {
                        meetings: true,
                        ..parts
                    },
                    texts,
                )
                .map_err(Error::Registry)?;
        }
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
        Ok(ManuallyDrop::new(reg))
    }
}
