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

    /// Output format, before the command; after it, each command offers its own
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Colour: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it),
    /// always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// An output format. `table` and `text` are one word (cli.md (2)): the plain text for
/// people, which `check` calls `text` and the other commands `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[value(alias = "text")]
    Table,
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

/// The formats of a list view.
const LISTS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Md,
    Format::Xlsx,
];
/// The formats of a view with dates, which calendars can take too.
const CALENDARS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Md,
    Format::Ics,
    Format::Xlsx,
];

/// The formats each command prints, its default first; empty: it takes no `--format`.
pub fn formats(command: &str) -> &'static [Format] {
    match command {
        "check" => &[Format::Table, Format::Json, Format::Github],
        "rules" => &[Format::Table, Format::Json, Format::Md],
        "explain" => &[Format::Md],
        "roster" | "rotation" => LISTS,
        "schedule" | "deadlines" => CALENDARS,
        "notice" => &[Format::Table, Format::Json],
        "report" => &[Format::Md, Format::Json, Format::Xlsx],
        "diff" => &[Format::Md, Format::Json],
        "graph" => &[Format::Mermaid, Format::Dot, Format::Json],
        "schema" => &[Format::Json],
        _ => &[],
    }
}

/// How a command names a format: `check` prints `text`, the others `table`.
pub fn format_word(command: &str, format: Format) -> &'static str {
    match (command, format) {
        ("check", Format::Table) => "text",
        (_, f) => f.name(),
    }
}

/// The command line with each command's own `--format` values, for parsing, help,
/// completions and man pages: `roster --format ics` is a usage error that lists roster's
/// formats, and completion offers only those. `--format` before the command takes any
/// format, checked when the command runs (`Session::format`).
pub fn command() -> clap::Command {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let mut cli = <Cli as clap::CommandFactory>::command().after_help(
        "Examples:\n  samverkan check\n  samverkan roster samrad-vard-omsorg\n  samverkan deadlines --within 90\n  samverkan -C ../register schedule --year 2026 --format ics > moten.ics\n\nExit status: 0 success, 1 error findings (check, diff), 2 could not run.\n`samverkan COMMAND --help` shows each command's examples.",
    );
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let after = format!(
            "Examples:\n{}\n\nExit status:\n{}",
            examples(&name),
            exit_statuses(&name)
        );
        if name != "help" {
            cli = cli.mut_subcommand(&name, |sub| sub.after_help(after));
        }
        let own = formats(&name);
        if own.is_empty() {
            continue;
        }
        let values: Vec<PossibleValue> = own
            .iter()
            .map(|f| {
                let word = format_word(&name, *f);
                match f {
                    Format::Table if word == "text" => PossibleValue::new(word).alias("table"),
                    Format::Table => PossibleValue::new(word).alias("text"),
                    _ => PossibleValue::new(word),
                }
            })
            .collect();
        let arg = clap::Arg::new("format")
            .long("format")
            .value_name("FORMAT")
            .value_parser(
                PossibleValuesParser::new(values)
                    .map(|word| Format::from_str(&word, false).expect("one of the formats")),
            )
            .help(format!(
                "Output format [default: {}]",
                format_word(&name, own[0])
            ));
        cli = cli.mut_subcommand(&name, |sub| sub.arg(arg));
    }
    cli
}

/// Examples of a command, shown under its `--help`.
fn examples(command: &str) -> &'static str {
    match command {
        "check" => {
            "  samverkan check\n  samverkan check --format json --deny-warnings\n  samverkan check --format github --baseline origin/main\n  samverkan check --skip vacant-seat,meeting-on-holiday"
        }
        "rules" => "  samverkan rules\n  samverkan rules --format md",
        "explain" => "  samverkan explain seat-limit",
        "roster" => {
            "  samverkan roster\n  samverkan roster samrad-vard-omsorg --on 2024-03-01\n  samverkan roster --format csv > ledamoter.csv"
        }
        "schedule" => {
            "  samverkan schedule --year 2026\n  samverkan schedule --from 2026-01-01 --to 2026-06-30 --body lanssamverkansgruppen\n  samverkan schedule --format ics > moten.ics"
        }
        "deadlines" => {
            "  samverkan deadlines --within 90\n  samverkan deadlines --format ics > deadlines.ics"
        }
        "notice" => {
            "  samverkan notice vasterbotten-samverkansstruktur --party vindeln --given 2026-03-03\n  samverkan notice vasterbotten-samverkansstruktur --party vindeln --leave-by 2027-12-31"
        }
        "rotation" => "  samverkan rotation lanssamverkansgruppen --from 2020 --to 2030",
        "report" => {
            "  samverkan report --year 2025 > arsrapport-2025.md\n  samverkan report --year 2025 --format json"
        }
        "diff" => "  samverkan diff origin/main\n  samverkan diff v2025 v2026 --format json",
        "graph" => "  samverkan graph\n  samverkan graph --format dot | dot -Tsvg > struktur.svg",
        "schema" => "  samverkan schema --out .schemas\n  samverkan schema --kind party",
        "init" => "  samverkan init ../nytt-register",
        "completions" => {
            "  samverkan completions bash > ~/.local/share/bash-completion/completions/samverkan"
        }
        "man" => {
            "  samverkan man | man -l -\n  samverkan man roster | man -l -\n  samverkan man --out man/"
        }
        _ => "",
    }
}

/// What a command's exit status means, shown under its `--help`.
fn exit_statuses(command: &str) -> &'static str {
    match command {
        "check" => {
            "  0  no error findings (and no warnings with --deny-warnings)\n  1  error findings, or warnings with --deny-warnings\n  2  could not run: usage, unreadable registry, broken TOML, unknown revision"
        }
        "diff" => {
            "  0  the change introduces no error findings\n  1  it introduces error findings\n  2  could not run: usage, unknown revision, unreadable registry"
        }
        _ => {
            "  0  done\n  2  could not run: usage, unreadable registry, broken TOML, unknown revision"
        }
    }
}

/// The format given after the command, if any: it wins over one given before.
pub fn command_format(matches: &clap::ArgMatches) -> Option<Format> {
    let (_, sub) = matches.subcommand()?;
    sub.try_get_one::<Format>("format").ok().flatten().copied()
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
    /// Print a man page (roff): the tool's, or one command's; or write them all
    Man {
        /// The command whose page to print, e.g. roster [default: the tool's own page]
        command: Option<String>,
        /// Write samverkan.1 and one samverkan-<command>.1 per command into this directory
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        out: Option<PathBuf>,
    },
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
