//! The generated national registry: 21 regions, 290 municipalities and, at scale 1, about
//! 2,100 bodies, 126,000 roster entries, 29,400 meetings and 10,500 cases (15,040 files).
//! Scale N multiplies the bodies (and so their members and meetings) and the cases.
//!
//! Shared by `examples/generate.rs` and `benches/check.rs` (both include it with `#[path]`),
//! so that the registry the bench measures is the one anybody can generate and time.
//! Every run with the same scale and seed writes the same bytes, and the result is clean at
//! 2026-11-25: no errors and no warnings.
//!
//! Format 2 structures (the items marked (2) in the spec) are not generated yet; they go in
//! `County::write` next to the body they belong to.

use std::fmt::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

pub const REGIONS: usize = 21;
pub const MUNICIPALITIES: usize = 290;
/// Bodies per county at scale 1: each gives every party of the county a seat.
const BODIES_PER_COUNTY: usize = 100;
const CASES_PER_COUNTY: usize = 500;
const YEARS: std::ops::RangeInclusive<i32> = 2020..=2026;
/// The day at which the generated registry is clean.
pub const TODAY: (i32, u32, u32) = (2026, 11, 25);

const FIRST_NAMES: [&str; 16] = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Lena",
    "Mikael", "Ingrid", "Nils", "Åsa", "Östen",
];
const LAST_NAMES: [&str; 12] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Lindqvist",
    "Öberg",
];

/// splitmix64: a few lines, no dependency, the same numbers on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What was written.
#[derive(Debug, Default)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub bodies: usize,
    pub members: usize,
    pub meetings: usize,
    pub cases: usize,
}

struct Writer<'a> {
    root: &'a Path,
    stats: Stats,
}

impl Writer<'_> {
    fn write(&mut self, path: &str, text: &str) {
        let full = self.root.join(path);
        std::fs::create_dir_all(full.parent().expect("a file in a folder"))
            .unwrap_or_else(|e| panic!("cannot create the folder of {}: {e}", full.display()));
        std::fs::write(&full, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", full.display()));
        self.stats.files += 1;
        self.stats.bytes += text.len() as u64;
    }
}

/// A working day from the 8th to the 14th of the month, so that no date lands on a holiday.
fn working_day(year: i32, month: u32) -> NaiveDate {
    (8..=14)
        .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .find(|d| !samverkan::calendar::is_non_working_day(*d))
        .expect("a week has working days")
}

/// Writes the national registry at `scale` (1 = the benchmark's size) into `root`.
pub fn generate(root: &Path, scale: usize, seed: u64) -> Stats {
    let mut out = Writer {
        root,
        stats: Stats::default(),
    };
    let mut rng = Rng(seed);
    let bodies_per_county = BODIES_PER_COUNTY * scale;
    let cases_per_county = CASES_PER_COUNTY * scale;
    out.write("registry.toml", "name = \"Nationellt exempel\"\n");
    let mut meetings: std::collections::BTreeMap<i32, String> = Default::default();
    for county in 0..REGIONS {
        let region = format!("region-{county}");
        out.write(
            &format!("parties/{region}.toml"),
            &format!("name = \"Region {county}\"\nkind = \"region\"\n"),
        );
        let municipalities: Vec<String> = (0..MUNICIPALITIES)
            .filter(|m| m % REGIONS == county)
            .map(|m| format!("kommun-{m}"))
            .collect();
        for m in &municipalities {
            out.write(
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
        out.write(
            &format!("agreements/{agreement}.toml"),
            &format!(
                "title = \"Överenskommelse {county}\"\nparties = [{list}]\neffective = 2020-01-01\n[termination]\nnotice_months = 12\n"
            ),
        );
        for b in 0..bodies_per_county {
            let body = format!("organ-{county}-{b}");
            out.write(
                &format!("bodies/{body}.toml"),
                &format!(
                    "name = \"Organ {b}\"\nagreement = \"{agreement}\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\nevery_party = true\ndefault = {{ ordinary = 1, substitutes = 1 }}\nby_kind = {{ region = {{ ordinary = 3, substitutes = 3 }} }}\n[chair]\nrule = \"alternate-sides\"\n[meetings]\nper_year_min = 2\n"
                ),
            );
            out.stats.bodies += 1;
            let mut roster = String::new();
            // The name of each seat holder by (party, term, role); the numbers keep names
            // unique within the body.
            let name = |p: usize, term: usize, role: &str, rng: &mut Rng| {
                format!(
                    "{} {} {p}-{term}-{role}",
                    rng.pick(&FIRST_NAMES),
                    rng.pick(&LAST_NAMES)
                )
            };
            let mut ordinaries = vec![[String::new(), String::new()]; parties.len()];
            for (i, p) in parties.iter().enumerate() {
                // Two terms per seat: 2020–2022 and from 2023 on.
                for (term, from, to) in [
                    (1, "2020-01-01", Some("2022-12-31")),
                    (2, "2023-01-01", None),
                ] {
                    for role in ["ordinary", "substitute"] {
                        let holder = name(i, term, role, &mut rng);
                        let _ = write!(
                            roster,
                            "[[member]]\nname = \"{holder}\"\nparty = \"{p}\"\nrole = \"{role}\"\nfrom = {from}\n"
                        );
                        if let Some(to) = to {
                            let _ = writeln!(roster, "to = {to}");
                        }
                        if role == "ordinary" {
                            ordinaries[i][term - 1] = holder;
                        }
                        out.stats.members += 1;
                    }
                }
            }
            for year in YEARS {
                let term = if year <= 2022 { 0 } else { 1 };
                // The chair alternates between the region's side and the municipalities'.
                let (chair, vice) = if year % 2 == 0 { (0, 1) } else { (1, 0) };
                let _ = write!(
                    roster,
                    "[[chair]]\nyear = {year}\nchair = \"{}\"\nvice_chair = \"{}\"\n",
                    ordinaries[chair][term], ordinaries[vice][term]
                );
            }
            out.write(&format!("members/{body}.toml"), &roster);
            for year in YEARS {
                for month in [*rng.pick(&[2, 3, 4, 5]), *rng.pick(&[9, 10, 11])] {
                    let _ = write!(
                        meetings.entry(year).or_default(),
                        "[[meeting]]\nbody = \"{body}\"\ndate = {}\n",
                        working_day(year, month)
                    );
                    out.stats.meetings += 1;
                }
            }
        }
        for c in 0..cases_per_county {
            let raised = working_day(2020 + rng.below(6) as i32, 2);
            let year = raised.year();
            let body = format!("organ-{county}-{}", rng.below(bodies_per_county));
            let decisions: String = parties
                .iter()
                .map(|p| format!("[[decision]]\nparty = \"{p}\"\ndate = {year}-09-15\noutcome = \"adopted\"\n"))
                .collect();
            out.write(
                &format!("cases/{year}/arende-{county}-{c}.toml"),
                &format!(
                    "title = \"Ärende {c}\"\nraised = {raised}\nraised_by = \"{region}\"\nconcerns = \"all\"\nagreement = \"{agreement}\"\n[[event]]\ndate = {}\nbody = \"{body}\"\naction = \"recommended\"\nreply_by = {year}-08-31\n{decisions}",
                    working_day(year, 3)
                ),
            );
            out.stats.cases += 1;
        }
    }
    for (year, text) in meetings {
        out.write(&format!("meetings/{year}.toml"), &text);
    }
    out.stats
}

/// One meetings file of `count` meetings of `body` (in a year with `count` working days,
/// dates repeat: several meetings a day are allowed), for the test and bench of one very
/// large file.
pub fn meetings_file(body: &str, year: i32, count: usize) -> String {
    let days: Vec<NaiveDate> = (1..=12)
        .flat_map(|m| (1..=31).filter_map(move |d| NaiveDate::from_ymd_opt(year, m, d)))
        .filter(|d| !samverkan::calendar::is_non_working_day(*d))
        .collect();
    let mut text = String::with_capacity(count * 80);
    for i in 0..count {
        let _ = write!(
            text,
            "[[meeting]]\nbody = \"{body}\"\ndate = {}T{:02}:{:02}:00\nplace = \"Sal {}\"\n",
            days[i % days.len()],
            8 + (i / days.len()) % 10,
            (i / days.len() / 10) % 60,
            i % 7
        );
    }
    text
}
