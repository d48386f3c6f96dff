//! Writing output: to stdout all at once, to files through a rename.

use std::io::Write;

use crate::error::Error;

/// Writes a file through a temporary sibling and a rename: readers never see half a file.
/// The sibling gets a fresh random name and is created exclusively, so a planted file or
/// link is never written through; the rename replaces a link at `path` instead of
/// following it. A sibling left by an interrupted run starts with `.` and is never reused.
pub fn write_atomically(path: &std::path::Path, text: &str) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // No part of the target's name: a long one must not make the sibling's name too long.
    builder.prefix(".samverkan-tmp.");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes the whole output at once; a closed pipe is not an error.
pub fn emit(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
