//! `completions` and `man`: shell completions and the man page.

use crate::error::{Error, exit};
use std::path::Path;

use crate::output::{emit, write_atomically};

pub fn completions(shell: clap_complete::Shell) -> Result<u8, Error> {
    let mut out = Vec::new();
    let mut command = crate::cli::command();
    clap_complete::generate(shell, &mut command, "samverkan", &mut out);
    emit(&String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}
/// `man [COMMAND]` prints one page; `man --out DIR` writes every page, as `man` finds
/// them: samverkan.1 and samverkan-<command>.1 (as git does for its commands).
pub fn man(command: Option<&str>, out: Option<&Path>) -> Result<u8, Error> {
    let cli = crate::cli::command();
    let commands: Vec<&clap::Command> = cli
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .collect();
    if let Some(dir) = out {
        std::fs::create_dir_all(dir)?;
        write_atomically(&dir.join("samverkan.1"), &page(cli.clone())?)?;
        for sub in &commands {
            let name = format!("samverkan-{}", sub.get_name());
            write_atomically(&dir.join(format!("{name}.1")), &page(command_page(sub))?)?;
        }
        return Ok(exit::OK);
    }
    let text = match command {
        None => page(cli.clone())?,
        Some(name) => {
            let sub = commands
                .iter()
                .find(|c| c.get_name() == name)
                .ok_or_else(|| {
                    let hint = crate::suggest::closest(name, commands.iter().map(|c| c.get_name()))
                        .map(|c| format!("did you mean `{c}`? "))
                        .unwrap_or_default();
                    Error::Usage(format!(
                        "no command {name:?}; {hint}`samverkan --help` lists them"
                    ))
                })?;
            page(command_page(sub))?
        }
    };
    emit(&text)?;
    Ok(exit::OK)
}

/// A command as its own page: named samverkan-<command>, used as `samverkan <command>`.
fn command_page(sub: &clap::Command) -> clap::Command {
    let name = sub.get_name().to_owned();
    sub.clone()
        .name(format!("samverkan-{name}"))
        .bin_name(format!("samverkan {name}"))
}

fn page(command: clap::Command) -> Result<String, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
