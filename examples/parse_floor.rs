//! The parse floor: what reading and parsing a registry costs before the tool does any work
//! of its own. Walks the folder, reads every `.toml` file and parses it with `toml` (into
//! its borrowed, spanned `DeTable`, the cheapest tree toml builds and the one the loader
//! starts from) on every core with rayon; nothing else.
//!
//! `cargo run --release --example parse_floor -- DIR`

use rayon::prelude::*;

// The allocator the tool uses, so that the floor differs from it only in the work done.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let Some(root) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor DIR");
        return std::process::ExitCode::from(2);
    };
    let paths: Vec<std::path::PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let (files, bytes, errors) = paths
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let parsed = toml::de::DeTable::parse(&text);
            (1usize, text.len(), usize::from(parsed.is_err()))
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    println!("{files} files, {bytes} bytes, {errors} with syntax errors");
    std::process::ExitCode::SUCCESS
}
