//! Reading a registry from a directory on disk.

use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{Parts, RawContent, RawFile};

/// Why a registry directory could not be read at all.
#[derive(Debug)]
pub struct MissingRegistry(pub String);

/// Every `.toml` file under `root` (and every symbolic link, which the loader reports),
/// skipping names that start with `.`.
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
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) => {
                let rel = relative(root, entry.path());
                if !parts.reads(&rel) {
                    continue;
                }
                if entry.path_is_symlink() {
                    files.push(RawFile {
                        path: rel,
                        content: RawContent::Symlink,
                    });
                } else if entry.file_type().is_file() && rel.ends_with(".toml") {
                    to_read.push((rel, entry.into_path()));
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
    files.par_extend(to_read.into_par_iter().map(|(path, full)| {
        let content = match std::fs::read(full) {
            Ok(bytes) => RawContent::Bytes(bytes),
            Err(e) => RawContent::Unreadable(e.to_string()),
        };
        RawFile { path, content }
    }));
    Ok(files)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
