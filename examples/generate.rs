//! Writes the generated national registry, for benchmarks and for trying the tool at scale.
//!
//! `cargo run --release --example generate -- --out DIR [--scale N] [--seed S]
//! [--meetings-file COUNT]`
//!
//! Scale 1 is the benchmark's registry (21 regions, 290 municipalities, about 2,100 bodies,
//! 126,000 roster entries, 29,400 meetings, 10,500 cases); scale N has N times the bodies,
//! members, meetings and cases. The same scale and seed give the same files. The registry
//! is clean at `--today 2026-11-25`. `--meetings-file COUNT` adds one more meetings file,
//! `meetings/2027.toml`, of COUNT meetings (666,667 make about 50 MB).

#[path = "../benches/support/national.rs"]
mod national;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: generate --out DIR [--scale N] [--seed S] [--meetings-file COUNT]";

fn main() -> ExitCode {
    let mut out: Option<PathBuf> = None;
    let mut scale = 1usize;
    let mut seed = 1u64;
    let mut meetings_file: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        let parsed = match arg.as_str() {
            "--out" => value().map(|v| out = Some(PathBuf::from(v))),
            "--scale" => value().and_then(|v| {
                v.parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .map(|n| scale = n)
                    .ok_or_else(|| format!("--scale {v}: give a whole number from 1"))
            }),
            "--seed" => value().and_then(|v| {
                v.parse()
                    .map(|n| seed = n)
                    .map_err(|_| format!("--seed {v}: give a whole number"))
            }),
            "--meetings-file" => value().and_then(|v| {
                v.parse()
                    .map(|n| meetings_file = Some(n))
                    .map_err(|_| format!("--meetings-file {v}: give a whole number"))
            }),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other}\n{USAGE}")),
        };
        if let Err(why) = parsed {
            eprintln!("generate: {why}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("generate: {USAGE}");
        return ExitCode::from(2);
    };
    if out.exists() && out.read_dir().map_or(true, |mut d| d.next().is_some()) {
        eprintln!(
            "generate: {} exists and is not an empty folder; give a new one",
            out.display()
        );
        return ExitCode::from(2);
    }
    let mut stats = national::generate(&out, scale, seed);
    if let Some(count) = meetings_file {
        let text = national::meetings_file("organ-0-0", 2027, count);
        std::fs::write(out.join("meetings/2027.toml"), &text)
            .unwrap_or_else(|e| panic!("cannot write meetings/2027.toml: {e}"));
        stats.files += 1;
        stats.bytes += text.len() as u64;
        stats.meetings += count;
    }
    let (y, m, d) = national::TODAY;
    println!(
        "{}: {} files, {} bytes, {} bodies, {} roster entries, {} meetings, {} cases; clean at --today {y}-{m:02}-{d:02}",
        out.display(),
        stats.files,
        stats.bytes,
        stats.bodies,
        stats.members,
        stats.meetings,
        stats.cases
    );
    ExitCode::SUCCESS
}
