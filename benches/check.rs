//! How long loading and checking a national registry takes: 21 regions, 290
//! municipalities, thousands of bodies, tens of thousands of members, meetings and cases.
//!
//! `cargo bench --bench check`. The registry is the one `cargo run --release --example
//! generate -- --out DIR` writes (benches/support/national.rs); `benches/national.sh` times
//! the binary's commands on it against the parse floor.

// `meetings_file` serves the example and the large-file test, not this bench.
#[allow(dead_code)]
#[path = "support/national.rs"]
mod national;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = match std::env::var_os("SAMVERKAN_BENCH_KEEP") {
        Some(keep) => std::path::PathBuf::from(keep),
        None => dir.path().to_path_buf(),
    };
    national::generate(&root, 1, 1);
    let (y, m, d) = national::TODAY;
    let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();

    // The generated registry must be clean, or the benchmark measures error paths.
    let (reg, mut findings) = samverkan::load::load(samverkan::load::dir::read(&root).unwrap());
    findings.extend(samverkan::rules::check(&reg, today));
    let findings = samverkan::rules::apply_levels(&reg, findings);
    assert!(
        findings.is_empty(),
        "the national registry is not clean: {:?}",
        &findings[..findings.len().min(5)]
    );

    let mut group = c.benchmark_group("national");
    group.sample_size(10);
    group.bench_function("read files", |b| {
        b.iter(|| samverkan::load::dir::read(&root).unwrap())
    });
    let files = || samverkan::load::dir::read(&root).unwrap();
    group.bench_function("parse and model", |b| {
        b.iter_batched(
            files,
            samverkan::load::load,
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("rules", |b| b.iter(|| samverkan::rules::check(&reg, today)));
    group.bench_function("read, parse, model and rules", |b| {
        b.iter(|| {
            let (reg, _) = samverkan::load::load(samverkan::load::dir::read(&root).unwrap());
            samverkan::rules::check(&reg, today)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
