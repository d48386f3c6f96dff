//! Reading a registry as it is in a git revision, without touching the working tree.

use std::path::{Path, PathBuf};

use git2::{ObjectType, Repository, Tree};

use super::{RawContent, RawFile};

/// The registry's files at revision `rev` of the repository that holds `registry`; None
/// when that revision has no registry folder yet.
pub fn read(registry: &Path, rev: &str) -> Result<Option<Vec<RawFile>>, String> {
    let (repo, prefix) = open(registry)?;
    let tree = tree_at(&repo, rev)?;
    let sub = if prefix.as_os_str().is_empty() {
        tree
    } else {
        let Ok(entry) = tree.get_path(&prefix) else {
            return Ok(None);
        };
        repo.find_tree(entry.id())
            .map_err(|_| format!("{} is not a directory in revision {rev}", prefix.display()))?
    };
    let mut files = Vec::new();
    collect(&repo, &sub, "", &mut files)?;
    Ok(Some(files))
}

/// The repository that holds `registry`, and the registry's path inside its work tree.
pub fn open(registry: &Path) -> Result<(Repository, PathBuf), String> {
    // libgit2 hashes every object it reads to check it against its id; git itself does
    // not on reading (`git fsck` does), and for a national registry at a revision that
    // was 1.1 G of `diff`'s 7.4 G instructions.
    git2::opts::strict_hash_verification(false);
    // The registry may not exist in the working tree (it may only exist at the revision).
    let absolute = std::path::absolute(registry).map_err(|e| e.to_string())?;
    let start = absolute
        .ancestors()
        .find(|p| p.is_dir())
        .unwrap_or(Path::new("."));
    let repo = Repository::discover(start).map_err(|_| {
        format!(
            "{} is not inside a git repository, so --at and diff cannot read revisions",
            registry.display()
        )
    })?;
    let workdir = repo
        .workdir()
        .ok_or("the repository is bare; run samverkan from a work tree")?;
    let workdir = workdir.canonicalize().map_err(|e| e.to_string())?;
    let existing = start.canonicalize().map_err(|e| e.to_string())?;
    let rest = absolute.strip_prefix(start).unwrap_or(Path::new(""));
    let full = existing.join(rest);
    let prefix = full
        .strip_prefix(&workdir)
        .map_err(|_| {
            format!(
                "{} is outside the repository's work tree",
                registry.display()
            )
        })?
        .to_path_buf();
    Ok((repo, prefix))
}

fn tree_at<'r>(repo: &'r Repository, rev: &str) -> Result<Tree<'r>, String> {
    let object = repo
        .revparse_single(rev)
        .map_err(|_| format!("unknown revision {rev:?}; name a commit, branch or tag"))?;
    object
        .peel_to_tree()
        .map_err(|_| format!("revision {rev:?} does not name a commit or tree"))
}

fn collect(
    repo: &Repository,
    tree: &Tree,
    dir: &str,
    files: &mut Vec<RawFile>,
) -> Result<(), String> {
    for entry in tree.iter() {
        let Ok(name) = entry.name() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        };
        match entry.kind() {
            // Like a directory on disk: a `.toml` name on a folder or a submodule is not a
            // file of the registry.
            Some(ObjectType::Tree) if name.ends_with(".toml") => files.push(RawFile {
                path,
                content: RawContent::NotAFile("a directory"),
            }),
            Some(ObjectType::Commit) if name.ends_with(".toml") => files.push(RawFile {
                path,
                content: RawContent::NotAFile("a git submodule"),
            }),
            Some(ObjectType::Tree) => {
                let sub = repo
                    .find_tree(entry.id())
                    .map_err(|e| e.message().to_owned())?;
                collect(repo, &sub, &path, files)?;
            }
            Some(ObjectType::Blob) if entry.filemode() == 0o120000 => files.push(RawFile {
                path,
                content: RawContent::Symlink,
            }),
            Some(ObjectType::Blob) if name.ends_with(".toml") => {
                let content = match repo.find_blob(entry.id()) {
                    Ok(blob) => RawContent::Bytes(blob.content().to_vec()),
                    Err(e) => RawContent::Unreadable(e.message().to_owned()),
                };
                files.push(RawFile { path, content });
            }
            _ => {}
        }
    }
    Ok(())
}
