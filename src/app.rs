//! From a command line to output: read the registry, run the command, print, exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;

use crate::cli::{CheckArgs, Cli, Command, Format, Global};
use crate::commands;
use crate::error::{Error, exit};
use crate::finding::{Finding, Severity};
use crate::load;
use crate::model::Registry;
use crate::render;
use crate::rules;

pub fn main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                exit::CANNOT_RUN
            } else {
                exit::OK
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("samverkan: {}", render::sanitize::terminal(&e.to_string()));
            exit::CANNOT_RUN
        }
    }
}

/// The settings every command shares.
pub struct Session {
    pub registry_path: PathBuf,
    pub at: Option<String>,
    pub today: NaiveDate,
    pub format: Option<Format>,
}

impl Session {
    fn new(global: Global) -> Self {
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
        self.load_at(self.at.as_deref())
    }

    /// Reads and parses the registry at a git revision, or the working tree for None.
    pub fn load_at(&self, rev: Option<&str>) -> Result<(Registry, Vec<Finding>), String> {
        let files = match rev {
            Some(rev) => load::git::read(&self.registry_path, rev)?,
            None => load::dir::read(&self.registry_path).map_err(|e| e.0)?,
        };
        Ok(load::load(files))
    }

    /// The registry for a command that reports on it: loading must have succeeded; other
    /// findings are left to `check` and mentioned on stderr.
    pub fn registry(&self) -> Result<Registry, Error> {
        let (reg, findings) = self.load().map_err(Error::Registry)?;
        let fatal: Vec<&Finding> = findings.iter().filter(|f| f.is_fatal()).collect();
        if !fatal.is_empty() {
            let shown =
                render::findings::text(&reg.sources, &findings, &self.display_prefix(), false);
            return Err(Error::Registry(format!(
                "the registry cannot be read:\n{}",
                shown.trim_end()
            )));
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        if errors > 0 {
            eprintln!(
                "samverkan: warning: {errors} file(s) of the registry do not load cleanly and are left out; run `samverkan check`"
            );
        }
        Ok(reg)
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
    let session = Session::new(cli.global);
    match cli.command {
        Command::Check(args) => check(&session, &args),
        Command::Rules => {
            let format = session.format("rules", &[Format::Table, Format::Json, Format::Md])?;
            emit(&render::rules::list(rules::all(), format))?;
            Ok(exit::OK)
        }
        Command::Explain { code } => {
            let rule = rules::find(&code).ok_or_else(|| {
                Error::Usage(format!(
                    "no rule has the code {code:?}; `samverkan rules` lists them"
                ))
            })?;
            session.format("explain", &[Format::Md])?;
            emit(&render::rules::explain(rule))?;
            Ok(exit::OK)
        }
        Command::Roster(args) => commands::roster(&session, &args),
        Command::Schedule(args) => commands::schedule(&session, &args),
        Command::Deadlines(args) => commands::deadlines(&session, &args),
        Command::Notice(args) => commands::notice(&session, &args),
        Command::Rotation(args) => commands::rotation(&session, &args),
        Command::Graph => commands::graph(&session),
        Command::Diff { rev, rev2 } => commands::diff(&session, &rev, rev2.as_deref()),
        Command::Report { year } => commands::report(&session, year),
        Command::Schema { out, kind } => {
            session.format("schema", &[Format::Json])?;
            schema(out.as_deref(), kind.as_deref())
        }
        Command::Init { dir } => {
            crate::init::create(&dir)?;
            eprintln!(
                "samverkan: created a registry in {}; try `samverkan check -C {}`",
                dir.display(),
                dir.display()
            );
            Ok(exit::OK)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "samverkan",
                &mut out,
            );
            emit(&String::from_utf8_lossy(&out))?;
            Ok(exit::OK)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            emit(&String::from_utf8_lossy(&out))?;
            Ok(exit::OK)
        }
    }
}

fn check(session: &Session, args: &CheckArgs) -> Result<u8, Error> {
    let format = session.format("check", &[Format::Text, Format::Json, Format::Github])?;
    let (reg, findings) = match session.load() {
        Ok((reg, mut findings)) => {
            if !findings.iter().any(Finding::is_fatal) {
                findings.extend(rules::check(&reg, session.today));
            }
            let findings = rules::apply_levels(&reg, findings);
            (reg, findings)
        }
        Err(why) => (
            Registry::default(),
            vec![Finding {
                code: rules::loading::UNREADABLE_FILE.code,
                severity: Severity::Error,
                location: None,
                message: why,
            }],
        ),
    };
    let prefix = session.display_prefix();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let out = match format {
        Format::Json => render::findings::json(&reg.sources, &findings),
        Format::Github => render::findings::github(&reg.sources, &findings, &prefix),
        _ => render::findings::text(&reg.sources, &findings, &prefix, color),
    };
    emit(&out)?;
    // The process ends right after this: freeing a national registry piece by piece would
    // cost a tenth of the run and give nothing back.
    std::mem::forget(reg);
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    let warnings = findings.iter().any(|f| f.severity == Severity::Warning);
    Ok(if findings.iter().any(Finding::is_fatal) {
        exit::CANNOT_RUN
    } else if errors || (args.deny_warnings && warnings) {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

fn schema(out: Option<&std::path::Path>, kind: Option<&str>) -> Result<u8, Error> {
    let kinds: Vec<&str> = match kind {
        Some(k) if crate::schema::KINDS.contains(&k) => vec![k],
        Some(k) => {
            return Err(Error::Usage(format!(
                "no file kind {k:?}; kinds are {}",
                crate::schema::KINDS.join(", ")
            )));
        }
        None => crate::schema::KINDS.to_vec(),
    };
    let pretty =
        |v: &serde_json::Value| serde_json::to_string_pretty(v).expect("schemas serialize") + "\n";
    match out {
        None => {
            let doc = match kinds.as_slice() {
                [one] => crate::schema::schema(one).expect("a known kind"),
                _ => serde_json::Value::Object(
                    kinds
                        .iter()
                        .map(|k| {
                            (
                                (*k).to_owned(),
                                crate::schema::schema(k).expect("a known kind"),
                            )
                        })
                        .collect(),
                ),
            };
            emit(&pretty(&doc))?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            for k in kinds {
                let text = pretty(&crate::schema::schema(k).expect("a known kind"));
                write_atomically(&dir.join(format!("{k}.schema.json")), &text)?;
            }
        }
    }
    Ok(exit::OK)
}

/// Writes a file through a temporary sibling and a rename: readers never see half a file.
pub fn write_atomically(path: &std::path::Path, text: &str) -> Result<(), Error> {
    let tmp = path.with_extension("tmp-samverkan");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(())
}

/// Writes the whole output at once; a closed pipe is not an error.
pub fn emit(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
