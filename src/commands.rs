//! The commands: each picks its format, gets what it needs from the registry (a view in
//! `crate::views`, findings from `crate::rules`) and renders it (`crate::render`).

use std::io::IsTerminal;

use crate::app::{Session, emit, write_atomically};
use crate::cli::{
    CheckArgs, DeadlinesArgs, Format, NoticeArgs, RosterArgs, RotationArgs, ScheduleArgs,
};
use crate::error::{Error, exit};
use crate::finding::{Finding, Severity};
use crate::model::Registry;
use crate::render::{self, csv, ics, json, markdown, table};
use crate::views;

const LISTS: &[Format] = &[Format::Table, Format::Json, Format::Csv, Format::Md];
const CALENDARS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Md,
    Format::Ics,
];

pub fn roster(session: &Session, args: &RosterArgs) -> Result<u8, Error> {
    let format = session.format("roster", LISTS)?;
    let reg = session.registry()?;
    let view = views::roster::build(&reg, args.body.as_deref(), args.on.unwrap_or(session.today))?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::roster(&view),
        Format::Md => markdown::roster(&view),
        _ => table::roster(&view),
    })?;
    Ok(exit::OK)
}

pub fn schedule(session: &Session, args: &ScheduleArgs) -> Result<u8, Error> {
    let format = session.format("schedule", CALENDARS)?;
    let (from, to) = views::schedule::period(session.today, args.year, args.from, args.to)?;
    let reg = session.registry()?;
    let view = views::schedule::build(&reg, from, to, args.body.as_deref())?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::schedule(&view),
        Format::Md => markdown::schedule(&view),
        Format::Ics => ics::schedule(&view, reg.name(), session.today),
        _ => table::schedule(&view),
    })?;
    Ok(exit::OK)
}

pub fn deadlines(session: &Session, args: &DeadlinesArgs) -> Result<u8, Error> {
    let format = session.format("deadlines", CALENDARS)?;
    let reg = session.registry()?;
    let view = views::deadlines::build(&reg, session.today, args.within);
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::deadlines(&view),
        Format::Md => markdown::deadlines(&view),
        Format::Ics => ics::deadlines(&view, reg.name()),
        _ => table::deadlines(&view),
    })?;
    Ok(exit::OK)
}

pub fn notice(session: &Session, args: &NoticeArgs) -> Result<u8, Error> {
    let format = session.format("notice", &[Format::Table, Format::Json])?;
    let question = match (args.given, args.leave_by) {
        (Some(given), None) => views::notice::Question::Given(given),
        (None, Some(leave_by)) => views::notice::Question::LeaveBy(leave_by),
        // clap makes the two exclusive and one of them required.
        _ => {
            return Err(Error::Usage(
                "give exactly one of --given DATE and --leave-by DATE".to_owned(),
            ));
        }
    };
    let reg = session.registry()?;
    let view = views::notice::build(&reg, &args.agreement, &args.party, question)?;
    emit(&match format {
        Format::Json => json::view(&view),
        _ => table::notice(&view),
    })?;
    Ok(exit::OK)
}

pub fn rotation(session: &Session, args: &RotationArgs) -> Result<u8, Error> {
    let format = session.format("rotation", LISTS)?;
    let reg = session.registry()?;
    let view = views::rotation::build(&reg, &args.body, args.from, args.to, session.today)?;
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Csv => csv::rotation(&view),
        Format::Md => markdown::rotation(&view),
        _ => table::rotation(&view),
    })?;
    Ok(exit::OK)
}

pub fn graph(session: &Session) -> Result<u8, Error> {
    let format = session.format("graph", &[Format::Mermaid, Format::Dot, Format::Json])?;
    let reg = session.registry()?;
    let view = views::graph::build(&reg);
    emit(&match format {
        Format::Json => json::view(&view),
        Format::Dot => crate::render::graph::dot(&view),
        _ => crate::render::graph::mermaid(&view),
    })?;
    Ok(exit::OK)
}

pub fn report(session: &Session, year: Option<i32>) -> Result<u8, Error> {
    let format = session.format("report", &[Format::Md, Format::Json])?;
    let reg = session.registry()?;
    let findings = crate::rules::apply_levels(&reg, crate::rules::check(&reg, session.today));
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&session.today) - 1);
    let view = views::report::build(&reg, year, &findings)?;
    emit(&match format {
        Format::Json => json::view(&view),
        _ => markdown::report(&view),
    })?;
    Ok(exit::OK)
}

pub fn diff(session: &Session, rev: &str, rev2: Option<&str>) -> Result<u8, Error> {
    let format = session.format("diff", &[Format::Md, Format::Json])?;
    let side = |rev: Option<&str>| -> Result<_, Error> {
        let (reg, mut findings) = session.load_side(rev).map_err(Error::Registry)?;
        if findings.iter().any(crate::finding::Finding::is_fatal) {
            let which = rev.unwrap_or("the working tree");
            return Err(Error::Registry(format!(
                "the registry at {which} cannot be read; run `samverkan check{}`",
                rev.map(|r| format!(" --at {r}")).unwrap_or_default()
            )));
        }
        findings.extend(crate::rules::check(&reg, session.today));
        let findings = crate::rules::apply_levels(&reg, findings);
        Ok((reg, findings))
    };
    let (old, old_findings) = side(Some(rev))?;
    let (new, new_findings) = side(rev2)?;
    let view = views::diff::build(
        (rev, &old, &old_findings),
        (rev2.unwrap_or("working tree"), &new, &new_findings),
    );
    emit(&match format {
        Format::Json => json::view(&view),
        _ => markdown::diff(&view),
    })?;
    let introduced_errors = view.introduced.iter().any(|f| f.severity == "error");
    Ok(if introduced_errors {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

pub fn check(session: &Session, args: &CheckArgs) -> Result<u8, Error> {
    let format = session.format("check", &[Format::Text, Format::Json, Format::Github])?;
    for code in &args.skip {
        match crate::rules::find(code) {
            None => {
                return Err(Error::Usage(format!(
                    "--skip {code}: no rule has that code; `samverkan rules` lists them"
                )));
            }
            Some(rule) if crate::finding::FATAL_CODES.contains(&rule.code) => {
                return Err(Error::Usage(format!(
                    "--skip {code}: a registry that cannot be read cannot be checked"
                )));
            }
            Some(_) => {}
        }
    }
    let (reg, mut findings) = match session.load() {
        Ok((reg, mut findings)) => {
            if !findings.iter().any(Finding::is_fatal) {
                findings.extend(crate::rules::check(&reg, session.today));
            }
            let findings = crate::rules::apply_levels(&reg, findings);
            (reg, findings)
        }
        Err(why) => (
            Registry::default(),
            vec![Finding {
                code: crate::rules::loading::UNREADABLE_FILE.code,
                severity: Severity::Error,
                location: None,
                message: why,
            }],
        ),
    };
    findings.retain(|f| !args.skip.iter().any(|code| code == f.code));
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

pub fn schema(
    session: &Session,
    out: Option<&std::path::Path>,
    kind: Option<&str>,
) -> Result<u8, Error> {
    session.format("schema", &[Format::Json])?;
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

pub fn rules(session: &Session) -> Result<u8, Error> {
    let format = session.format("rules", &[Format::Table, Format::Json, Format::Md])?;
    emit(&crate::render::rules::list(crate::rules::all(), format))?;
    Ok(exit::OK)
}

pub fn explain(session: &Session, code: &str) -> Result<u8, Error> {
    let rule = crate::rules::find(code).ok_or_else(|| {
        Error::Usage(format!(
            "no rule has the code {code:?}; `samverkan rules` lists them"
        ))
    })?;
    session.format("explain", &[Format::Md])?;
    emit(&crate::render::rules::explain(rule))?;
    Ok(exit::OK)
}

pub fn init(dir: &std::path::Path) -> Result<u8, Error> {
    crate::init::create(dir)?;
    eprintln!(
        "samverkan: created a registry in {}; try `samverkan check -C {}`",
        dir.display(),
        dir.display()
    );
    Ok(exit::OK)
}

pub fn completions(shell: clap_complete::Shell) -> Result<u8, Error> {
    let mut out = Vec::new();
    let mut command = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "samverkan", &mut out);
    emit(&String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}

pub fn man() -> Result<u8, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(<crate::cli::Cli as clap::CommandFactory>::command()).render(&mut out)?;
    emit(&String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}
