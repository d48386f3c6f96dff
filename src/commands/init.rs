//! `init`: a new registry to start from.

use crate::error::{Error, exit};

pub fn init(dir: &std::path::Path) -> Result<u8, Error> {
    crate::init::create(dir)?;
    eprintln!(
        "samverkan: created a registry in {}; try `samverkan check -C {}`",
        dir.display(),
        dir.display()
    );
    Ok(exit::OK)
}
