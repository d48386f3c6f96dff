//! `completions` and `man`: shell completions and the man page.

use crate::error::{Error, exit};
use crate::output::emit;

pub fn completions(shell: clap_complete::Shell) -> Result<u8, Error> {
    let mut out = Vec::new();
    let mut command = crate::cli::command();
    clap_complete::generate(shell, &mut command, "samverkan", &mut out);
    emit(&String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}
pub fn man() -> Result<u8, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::cli::command()).render(&mut out)?;
    emit(&String::from_utf8_lossy(&out))?;
    Ok(exit::OK)
}
