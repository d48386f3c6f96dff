//! Writing output: to stdout all at once, to files through a rename.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::error::Error;

/// Writes a file through a temporary sibling and a rename: readers never see half a file.
/// The sibling gets a fresh random name and is created exclusively, so a planted file or
/// link is never written through; the rename replaces a link at `path` instead of
/// following it. A sibling left by an interrupted run starts with `.` and is never reused.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    write_bytes_atomically(path, text.as_bytes())
}

/// [`write_atomically`] for bytes (a spreadsheet).
pub fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // No part of the target's name: a long one must not make the sibling's name too long.
    builder.prefix(".samverkan-tmp.");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes the whole output at once; a closed pipe is not an error.
pub fn emit(text: &str) -> Result<(), Error> {
    emit_bytes(text.as_bytes())
}

fn emit_bytes(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// What a command renders: text, or a binary document (xlsx).
pub enum Rendered {
    Text(String),
    Binary(Vec<u8>),
}

/// Sends rendered output where `--out` says: a file written atomically, or stdout for no
/// `--out` or `--out -`. Err (a usage error): binary output would go to a terminal.
pub fn deliver(out: Option<&Path>, rendered: Rendered) -> Result<(), Error> {
    deliver_to(out, rendered, std::io::stdout().is_terminal())
}

fn deliver_to(
    out: Option<&Path>,
    rendered: Rendered,
    stdout_is_terminal: bool,
) -> Result<(), Error> {
    let file = out.filter(|p| p.as_os_str() != "-");
    match (file, rendered) {
        (Some(path), Rendered::Text(text)) => write_atomically(path, &text),
        (Some(path), Rendered::Binary(bytes)) => write_bytes_atomically(path, &bytes),
        (None, Rendered::Text(text)) => emit(&text),
        (None, Rendered::Binary(_)) if stdout_is_terminal => Err(Error::Usage(
            "a spreadsheet is not for a terminal: write it to a file with --out FILE \
             (--out - sends it to a pipe)"
                .to_owned(),
        )),
        (None, Rendered::Binary(bytes)) => emit_bytes(&bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_output_never_goes_to_a_terminal() {
        let bytes = || Rendered::Binary(vec![0x50, 0x4b]);
        for out in [None, Some(Path::new("-"))] {
            let err = deliver_to(out, bytes(), true).unwrap_err();
            assert!(
                matches!(&err, Error::Usage(m) if m.contains("--out FILE")),
                "{err}"
            );
        }
    }

    #[test]
    fn files_are_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.xlsx");
        deliver_to(Some(&path), Rendered::Binary(vec![1, 2, 3]), true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), [1, 2, 3]);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }
}
