//! The parse floor: what reading and parsing a registry costs before the tool does any work
//! of its own. Walks the folder, reads every `.toml` file and parses it with `toml` on every
//! core with rayon; nothing else. By default into toml's borrowed, spanned `DeTable`, the
//! cheapest tree toml builds (the loader built on it until it read files in one pass of
//! its own, `src/load/tree.rs`); with `--table` into an owned `toml::Table`
//! (`text.parse::<toml::Table>()`, what most programs call).
//!
//! `cargo run --release --example parse_floor -- [--table] DIR`

use rayon::prelude::*;

// The allocator the tool uses, so that the floor differs from it only in the work done.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // As the tool runs (see there why).
    samverkan::no_huge_pages();
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let owned = args.first().is_some_and(|a| a == "--table");
    if owned {
        args.remove(0);
    }
    let [root] = args.as_slice() else {
        eprintln!("usage: parse_floor [--table] DIR");
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
            let failed = if owned {
                text.parse::<toml::Table>().is_err()
            } else {
                toml::de::DeTable::parse(&text).is_err()
            };
            (1usize, text.len(), usize::from(failed))
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    println!("{files} files, {bytes} bytes, {errors} with syntax errors");
    std::process::ExitCode::SUCCESS
}
