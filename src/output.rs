//! Writing output: to stdout all at once, to files through a rename.

use std::io::Write;

use crate::error::Error;

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
