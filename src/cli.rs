//! The command line: global flags, commands and output formats (see `docs/cli.md`).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "samverkan",
    version,
    about = "Check and report on a registry of cooperation agreements between Swedish regions and municipalities",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The registry directory [default: ./registry]
    #[arg(
        short = 'C',
        long = "registry",
        env = "SAMVERKAN_REGISTRY",
        global = true,
        value_name = "PATH"
    )]
    pub registry: Option<PathBuf>,

    /// Read the registry as it is in git revision REV (no checkout)
    #[arg(long, global = true, value_name = "REV")]
    pub at: Option<String>,

    /// The date "today" means, YYYY-MM-DD [default: today in Europe/Stockholm]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Language of the output for people: sv or en [default: the registry's `language`, then sv]
    #[arg(
        long,
        global = true,
        env = "SAMVERKAN_LANG",
        value_enum,
        value_name = "LANG"
    )]
    pub lang: Option<Lang>,

    /// Output format; each command accepts the ones that make sense for it
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Text,
    Json,
    Csv,
    Md,
    Ics,
    Github,
    Mermaid,
    Dot,
    Xlsx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Text => "text",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Ics => "ics",
            Format::Github => "github",
            Format::Mermaid => "mermaid",
            Format::Dot => "dot",
            Format::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the registry against every rule; exit 1 on errors
    Check(CheckArgs),
    /// List every rule with its code, family, severity and summary
    Rules,
    /// Explain one rule: what it checks, why, and examples
    Explain {
        /// A rule code, e.g. seat-limit
        code: String,
    },
    /// Who sits in a body (every body without one) on a day
    Roster(RosterArgs),
    /// Meetings and dated events of a year or a period
    Schedule(ScheduleArgs),
    /// Every upcoming deadline from --today: notice, obligations, replies, fixed-term ends
    Deadlines(DeadlinesArgs),
    /// When a notice given on a day takes effect, or the latest day to give notice
    Notice(NoticeArgs),
    /// Chair and vice-chair side per year of a body, recorded and planned
    Rotation(RotationArgs),
    /// The yearly report: bodies, chairs, meetings, duties, notices and cases of a year
    Report {
        /// The year [default: the year before --today's]
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        /// Write the output to FILE (atomically) instead of stdout; `-` is stdout. A spreadsheet
        /// (--format xlsx) needs it unless stdout is a pipe
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// What changed in the registry between two git revisions, and which findings that
    /// introduces or resolves (exit 1 when it introduces errors)
    Diff {
        /// The base revision, e.g. origin/main
        rev: String,
        /// The revision to compare [default: the working tree]
        rev2: Option<String>,
    },
    /// The structure as a diagram: agreements, bodies and how they connect (mermaid or dot)
    Graph,
    /// JSON Schema of each file kind, for editors
    Schema {
        /// Write one <kind>.schema.json per kind into this directory instead of printing
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Only this kind: registry, party, agreement, body, members, meetings or case
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// Create a new, minimal registry that checks clean
    Init {
        /// The directory to create (must not exist, or be empty)
        dir: PathBuf,
    },
    /// Print shell completions
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct RosterArgs {
    /// A body id; all bodies without it
    pub body: Option<String>,
    /// The day to show [default: --today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// Write the output to FILE (atomically) instead of stdout; `-` is stdout. A spreadsheet
    /// (--format xlsx) needs it unless stdout is a pipe
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// A calendar year [default: the year of --today]
    #[arg(long, value_parser = parse_year, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First day of the period
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "to")]
    pub from: Option<NaiveDate>,
    /// Last day of the period
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    pub to: Option<NaiveDate>,
    /// Only this body
    #[arg(long, value_name = "BODY")]
    pub body: Option<String>,
    /// Write the output to FILE (atomically) instead of stdout; `-` is stdout. A spreadsheet
    /// (--format xlsx) needs it unless stdout is a pipe
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// Only deadlines within this many days from --today (overdue ones are always shown)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// Write the output to FILE (atomically) instead of stdout; `-` is stdout. A spreadsheet
    /// (--format xlsx) needs it unless stdout is a pipe
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("when").required(true).args(["given", "leave_by"]))]
pub struct NoticeArgs {
    /// An agreement id
    pub agreement: String,
    /// The party giving notice
    #[arg(long, value_name = "PARTY")]
    pub party: String,
    /// The day the notice is given (received)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub given: Option<NaiveDate>,
    /// The day the party wants to be out by
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub leave_by: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct RotationArgs {
    /// A body id
    pub body: String,
    /// First year [default: the body's first year]
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub from: Option<i32>,
    /// Last year [default: three years after --today's]
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub to: Option<i32>,
    /// Write the output to FILE (atomically) instead of stdout; `-` is stdout. A spreadsheet
    /// (--format xlsx) needs it unless stdout is a pipe
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat warnings as errors (exit 1 when there are any)
    #[arg(long)]
    pub deny_warnings: bool,
    /// Leave out the findings of these rules this run (comma-separated codes); to change a
    /// registry's rules for good, use [checks] in registry.toml
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub skip: Vec<String>,
    /// Report only findings that are not in git revision REV (same code, file and
    /// message), e.g. a pull request's base: CI then gates on what a change brings
    #[arg(long, value_name = "REV")]
    pub baseline: Option<String>,
}

/// A date on the command line: exactly `YYYY-MM-DD` with a year from 1000 to 9999 (no sign,
/// no spaces, no short fields), the one form every date flag takes.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("{s:?} is not a date of the form YYYY-MM-DD"));
    }
    let year = parse_year(&s[..4]).map_err(|_| format!("{s:?}: {YEAR_RANGE}"))?;
    let month = s[5..7].parse().expect("two digits");
    let day = s[8..].parse().expect("two digits");
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{s:?} is not a day of the calendar"))
}

const YEAR_RANGE: &str = "the year must be from 1000 to 9999";

/// A year on the command line: four digits, 1000 to 9999.
pub fn parse_year(s: &str) -> Result<i32, String> {
    match s.parse::<i32>() {
        Ok(year) if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && year >= 1000 => {
            Ok(year)
        }
        _ => Err(format!("{s:?} is not a year: {YEAR_RANGE}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_take_exactly_one_form() {
        assert_eq!(
            parse_date("2026-01-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        );
        assert_eq!(
            parse_date("1000-01-01"),
            Ok(NaiveDate::from_ymd_opt(1000, 1, 1).unwrap())
        );
        assert_eq!(
            parse_date("9999-12-31"),
            Ok(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap())
        );
        for bad in [
            "+2026-01-01",
            "2026-1-1",
            " 2026-01-01",
            "2026-01-01 ",
            "0000-01-01",
            "0999-12-31",
            "+9999-01-01",
            "-001-01-01",
            "12026-01-01",
            "2026/01/01",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "20260101",
            "",
            "٢٠٢٦-٠١-٠١",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?}");
        }
        assert!(parse_date("2026-02-30").unwrap_err().contains("not a day"));
        assert!(
            parse_date("0000-01-01")
                .unwrap_err()
                .contains("1000 to 9999")
        );
    }

    #[test]
    fn years_are_four_digits_from_1000() {
        assert_eq!(parse_year("2026"), Ok(2026));
        assert_eq!(parse_year("1000"), Ok(1000));
        assert_eq!(parse_year("9999"), Ok(9999));
        for bad in [
            "99999", "999", "0999", "+2026", "-2026", " 2026", "2026 ", "1", "",
        ] {
            assert!(parse_year(bad).is_err(), "{bad:?}");
        }
    }
}
