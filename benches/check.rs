//! How long loading and checking a national registry takes: 21 regions, 290
//! municipalities, thousands of bodies, tens of thousands of members, meetings and cases.
//!
//! `cargo bench --bench check`. To time the binary on the same data, keep the generated
//! registry with `SAMVERKAN_BENCH_KEEP=/tmp/national cargo bench --bench check` and run
//! `samverkan check -C /tmp/national`.

use std::fmt::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};

const REGIONS: usize = 21;
const MUNICIPALITIES: usize = 290;
/// Bodies per county: each gives every party of the county a seat.
const BODIES_PER_COUNTY: usize = 100;
const CASES_PER_COUNTY: usize = 500;
const YEARS: std::ops::RangeInclusive<i32> = 2020..=2026;

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, text).unwrap();
}

/// A working day in the first half of the month, so that no meeting lands on a holiday.
fn working_day(year: i32, month: u32) -> NaiveDate {
    (8..=14)
        .map(|d| NaiveDate::from_ymd_opt(year, month, d).unwrap())
        .find(|d| !samverkan::calendar::is_non_working_day(*d))
        .unwrap()
}

/// Writes a clean national registry: every county an agreement between its region and its
/// municipalities, with bodies that follow every rule.
fn generate(root: &Path) {
    write(root, "registry.toml", "name = \"Nationellt exempel\"\n");
    let mut meetings: std::collections::BTreeMap<i32, String> = Default::default();
    for county in 0..REGIONS {
        let region = format!("region-{county}");
        write(
            root,
            &format!("parties/{region}.toml"),
            &format!("name = \"Region {county}\"\nkind = \"region\"\n"),
        );
        let municipalities: Vec<String> = (0..MUNICIPALITIES)
            .filter(|m| m % REGIONS == county)
            .map(|m| format!("kommun-{m}"))
            .collect();
        for m in &municipalities {
            write(
                root,
                &format!("parties/{m}.toml"),
                &format!("name = \"{m}\"\nkind = \"municipality\"\n"),
            );
        }
        let agreement = format!("avtal-{county}");
        let parties: Vec<String> = std::iter::once(region.clone())
            .chain(municipalities.iter().cloned())
            .collect();
        let list = parties
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", ");
        write(
            root,
            &format!("agreements/{agreement}.toml"),
            &format!(
                "title = \"Överenskommelse {county}\"\nparties = [{list}]\neffective = 2020-01-01\n[termination]\nnotice_months = 12\n"
            ),
        );
        for b in 0..BODIES_PER_COUNTY {
            let body = format!("organ-{county}-{b}");
            write(
                root,
                &format!("bodies/{body}.toml"),
                &format!(
                    "name = \"Organ {b}\"\nagreement = \"{agreement}\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\nevery_party = true\ndefault = {{ ordinary = 1, substitutes = 1 }}\nby_kind = {{ region = {{ ordinary = 3, substitutes = 3 }} }}\n[chair]\nrule = \"alternate-sides\"\n[meetings]\nper_year_min = 2\n"
                ),
            );
            let mut roster = String::new();
            for p in &parties {
                // Two terms per seat: 2020–2022 and from 2023 on.
                for (term, from, to) in [
                    (1, "2020-01-01", Some("2022-12-31")),
                    (2, "2023-01-01", None),
                ] {
                    for role in ["ordinary", "substitute"] {
                        let _ = write!(
                            roster,
                            "[[member]]\nname = \"{p} {role} {term}\"\nparty = \"{p}\"\nrole = \"{role}\"\nfrom = {from}\n"
                        );
                        if let Some(to) = to {
                            let _ = writeln!(roster, "to = {to}");
                        }
                    }
                }
            }
            for year in YEARS {
                let term = if year <= 2022 { 1 } else { 2 };
                let (chair, vice) = if year % 2 == 0 {
                    (&parties[0], &parties[1])
                } else {
                    (&parties[1], &parties[0])
                };
                let _ = write!(
                    roster,
                    "[[chair]]\nyear = {year}\nchair = \"{chair} ordinary {term}\"\nvice_chair = \"{vice} ordinary {term}\"\n"
                );
            }
            write(root, &format!("members/{body}.toml"), &roster);
            for year in YEARS {
                for month in [3, 10] {
                    let _ = write!(
                        meetings.entry(year).or_default(),
                        "[[meeting]]\nbody = \"{body}\"\ndate = {}\n",
                        working_day(year, month)
                    );
                }
            }
        }
        for c in 0..CASES_PER_COUNTY {
            let raised = working_day(2020 + (c % 6) as i32, 2);
            let year = raised.year();
            let body = format!("organ-{county}-{}", c % BODIES_PER_COUNTY);
            let decisions: String = parties
                .iter()
                .map(|p| format!("[[decision]]\nparty = \"{p}\"\ndate = {year}-09-15\noutcome = \"adopted\"\n"))
                .collect();
            write(
                root,
                &format!("cases/{year}/arende-{county}-{c}.toml"),
                &format!(
                    "title = \"Ärende {c}\"\nraised = {raised}\nraised_by = \"{region}\"\nconcerns = \"all\"\nagreement = \"{agreement}\"\n[[event]]\ndate = {}\nbody = \"{body}\"\naction = \"recommended\"\nreply_by = {year}-08-31\n{decisions}",
                    working_day(year, 3)
                ),
            );
        }
    }
    for (year, text) in meetings {
        write(root, &format!("meetings/{year}.toml"), &text);
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = match std::env::var_os("SAMVERKAN_BENCH_KEEP") {
        Some(keep) => std::path::PathBuf::from(keep),
        None => dir.path().to_path_buf(),
    };
    generate(&root);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

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
