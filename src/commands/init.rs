//! `init`: a new registry to start from.

use crate::error::{Error, exit};

pub fn init(dir: &std::path::Path) -> Result<u8, Error> {
    crate::init::create(dir)?;
    let shown = crate::render::sanitize::terminal(&dir.to_string_lossy()).into_owned();
    eprintln!("samverkan: created a registry in {shown}; try `samverkan check -C {shown}`");
    Ok(exit::OK)
}
