//! Reading a registry from a directory on disk.

use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{Parts, RawContent, RawFile};

/// Why a registry directory could not be read at all.
#[derive(Debug)]
pub struct MissingRegistry(pub String);

/// Every `.toml` file under `root` (and every symbolic link, and anything else named
/// `*.toml` that is not a file, which the loader reports), skipping names that start
/// with `.`. Entries are told apart by their own metadata, links not followed, so a named
/// pipe is never opened.
pub fn read(root: &Path) -> Result<Vec<RawFile>, MissingRegistry> {
    read_parts(root, Parts::ALL)
}

/// As [`read`], of the files that `parts` reads.
pub fn read_parts(root: &Path, parts: Parts) -> Result<Vec<RawFile>, MissingRegistry> {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(MissingRegistry(format!(
                "{} is not a directory; pass the registry folder with -C",
                root.display()
            )));
        }
        Err(e) => {
            return Err(MissingRegistry(format!(
                "cannot open the registry directory {}: {e}; pass it with -C/--registry or SAMVERKAN_REGISTRY, or create one with `samverkan init`",
                root.display()
            )));
        }
    }
    // Walk first, then read the files in parallel: on a national registry reading is a
    // fifth of the run.
    let mut files = Vec::new();
    let mut to_read = Vec::new();
    let mut walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        match entry {
            Ok(entry) => {
                let rel = relative(root, entry.path());
                if !parts.reads(&rel) {
                    continue;
                }
                let kind = entry.file_type();
                if entry.path_is_symlink() {
                    files.push(RawFile {
                        path: rel,
                        content: RawContent::Symlink,
                    });
                } else if entry.depth() > 0 && rel.ends_with(".toml") {
                    if kind.is_file() {
                        to_read.push((rel, entry.into_path()));
                    } else {
                        if kind.is_dir() {
                            // Reported as one entry; what is inside is not the registry's.
                            walker.skip_current_dir();
                        }
                        files.push(RawFile {
                            path: rel,
                            content: RawContent::NotAFile(what_it_is(kind)),
                        });
                    }
                }
            }
            Err(e) => {
                let path = e.path().map_or_else(String::new, |p| relative(root, p));
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string());
                if e.depth() == 0 {
                    return Err(MissingRegistry(format!(
                        "cannot read the registry directory {}: {why}",
                        root.display()
                    )));
                }
                files.push(RawFile {
                    path: if path.is_empty() { ".".into() } else { path },
                    content: RawContent::Unreadable(why),
                });
            }
        }
    }
    files.par_extend(to_read.into_par_iter().map(|(path, full)| RawFile {
        path,
        content: read_file(&full),
    }));
    Ok(files)
}

/// A file the walk saw as a regular file. It may have been swapped since for a link or a
/// named pipe: it is opened without following links and without waiting for a writer,
/// and read only if it is still a regular file.
fn read_file(path: &Path) -> RawContent {
    use std::io::Read;

    let mut file = match open_as_found(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return RawContent::Symlink,
        Err(e) => return RawContent::Unreadable(e.to_string()),
    };
    match file.metadata() {
        Ok(m) if m.is_file() => {
            let mut bytes = Vec::with_capacity(usize::try_from(m.len()).unwrap_or(0));
            // Through `take`: `File::read_to_end` would ask the file for its size and
            // position again, two more system calls per file for a size known already.
            match (&mut file).take(u64::MAX).read_to_end(&mut bytes) {
                Ok(_) => RawContent::Bytes(bytes),
                Err(e) => RawContent::Unreadable(e.to_string()),
            }
        }
        Ok(m) => RawContent::NotAFile(what_it_is(m.file_type())),
        Err(e) => RawContent::Unreadable(e.to_string()),
    }
}

#[cfg(unix)]
fn open_as_found(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
}

#[cfg(not(unix))]
fn open_as_found(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// What a directory entry that is not a file or a link is, for the finding.
fn what_it_is(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    "neither a file nor a directory"
}

fn relative(root: &Path, path: &Path) -> String {
    // The walk's paths are the root joined with names: cutting the root's bytes off is
    // enough, and comparing them component by component cost 3 % of a national `check`.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (whole, base) = (path.as_os_str().as_bytes(), root.as_os_str().as_bytes());
        if let Some(rest) = whole.strip_prefix(base)
            && (rest.is_empty() || rest[0] == b'/' || base.ends_with(b"/"))
        {
            let rest = rest.strip_prefix(b"/").unwrap_or(rest);
            // Only names: `a//b` and `./` are left to `components`, which drops them.
            if rest.is_empty()
                || rest
                    .split(|&b| b == b'/')
                    .all(|n| !n.is_empty() && n != b".")
            {
                return String::from_utf8_lossy(rest).into_owned();
            }
        }
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_path_under_the_root_is_named_from_the_root_with_slashes() {
        let cases = [
            ("reg", "reg/parties/a.toml", "parties/a.toml"),
            ("reg/", "reg/parties/a.toml", "parties/a.toml"),
            (".", "./cases/2026/c.toml", "cases/2026/c.toml"),
            ("/srv/reg", "/srv/reg", ""),
            ("reg", "reg//parties/a.toml", "parties/a.toml"),
            ("reg", "reg/./parties/a.toml", "parties/a.toml"),
        ];
        for (root, path, want) in cases {
            assert_eq!(relative(Path::new(root), Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn a_file_swapped_for_a_pipe_or_a_link_is_never_followed_or_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(matches!(
            read_file(&fifo),
            RawContent::NotAFile("a named pipe (FIFO)")
        ));
        let target = dir.path().join("target.toml");
        std::fs::write(&target, "a = 1\n").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(read_file(&link), RawContent::Symlink));
        assert!(matches!(read_file(&target), RawContent::Bytes(b) if b == b"a = 1\n"));
    }
}
