//! From a command line to output: parse, run the command, map the result to an exit code.

use crate::cli::{Cli, Command, Format};
use crate::commands;
use crate::error::{Error, exit};
use crate::render;
use crate::session::Session;

pub fn main() -> u8 {
    let parsed = crate::cli::command().try_get_matches().and_then(|m| {
        let mut cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m)?;
        cli.global.format = crate::cli::command_format(&m).or(cli.global.format);
        Ok(cli)
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            if e.use_stderr() && wants_check_json() {
                // cli.md: `check --format json` prints its document in every case, so a
                // script reading it learns why, usage errors included.
                let rendered = e.render().to_string();
                let why = rendered.lines().next().unwrap_or_default();
                let why = why.strip_prefix("error: ").unwrap_or(why).to_owned();
                return match commands::check_usage_json(crate::finding::USAGE, why) {
                    Ok(code) => code,
                    Err(_) => exit::CANNOT_RUN,
                };
            }
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
            let message = e.to_string();
            let shown = match e {
                // Line by line: a registry that cannot be read is shown with its findings,
                // one line each, each made safe.
                Error::Registry(_) => message
                    .lines()
                    .map(render::sanitize::terminal)
                    .collect::<Vec<_>>()
                    .join("\n"),
                // Whole: ids and names quoted in a message (from file names, say) must not
                // start a line of their own.
                _ => render::sanitize::terminal(&message).into_owned(),
            };
            eprintln!("samverkan: {shown}");
            exit::CANNOT_RUN
        }
    }
}

/// Whether a command line that clap rejected still asks for `check --format json`, read as
/// far as it can be.
fn wants_check_json() -> bool {
    let matches = crate::cli::command().ignore_errors(true).try_get_matches();
    let Ok(matches) = matches else {
        // Too broken even for that (an unknown flag): look at the words themselves.
        let args: Vec<String> = std::env::args().collect();
        return args.iter().any(|a| a == "check")
            && (args.iter().any(|a| a == "--format=json")
                || args
                    .windows(2)
                    .any(|w| w[0] == "--format" && w[1] == "json"));
    };
    if !matches!(matches.subcommand(), Some(("check", _))) {
        return false;
    }
    let before = matches
        .try_get_one::<Format>("format")
        .ok()
        .flatten()
        .copied();
    crate::cli::command_format(&matches).or(before) == Some(Format::Json)
}

fn run(cli: Cli) -> Result<u8, Error> {
    let session = Session::new(cli.global);
    match cli.command {
        Command::Check(args) => commands::check(&session, &args),
        Command::Rules => commands::rules(&session),
        Command::Explain { code } => commands::explain(&session, &code),
        Command::Roster(args) => commands::roster(&session, &args),
        Command::Schedule(args) => commands::schedule(&session, &args),
        Command::Deadlines(args) => commands::deadlines(&session, &args),
        Command::Notice(args) => commands::notice(&session, &args),
        Command::Rotation(args) => commands::rotation(&session, &args),
        Command::Graph => commands::graph(&session),
        Command::Diff { rev, rev2 } => commands::diff(&session, &rev, rev2.as_deref()),
        Command::Report { year, out } => commands::report(&session, year, out.as_deref()),
        Command::Schema { out, kind } => {
            commands::schema(&session, out.as_deref(), kind.as_deref())
        }
        Command::Init { dir } => {
            session.no_format("init")?;
            commands::init(&dir)
        }
        Command::Completions { shell } => {
            session.no_format("completions")?;
            commands::completions(shell)
        }
        Command::Man { command, out } => {
            session.no_format("man")?;
            commands::man(command.as_deref(), out.as_deref())
        }
    }
}
