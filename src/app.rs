//! From a command line to output: parse, run the command, map the result to an exit code.

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands;
use crate::error::{Error, exit};
use crate::render;
use crate::session::Session;

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
            // Line by line: a message may quote findings over several lines, each made safe.
            let message = e.to_string();
            let lines: Vec<_> = message.lines().map(render::sanitize::terminal).collect();
            eprintln!("samverkan: {}", lines.join("\n"));
            exit::CANNOT_RUN
        }
    }
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
        Command::Init { dir } => commands::init(&dir),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man => commands::man(),
    }
}
