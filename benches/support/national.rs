//! The generated national registry: 21 regions, 290 municipalities and, at scale 1, about
//! 2,100 bodies, 126,000 roster entries, 29,400 meetings and 10,500 cases (15,040 files).
//! Scale N multiplies the bodies (and so their members and meetings) and the cases.
//!
//! Shared by `examples/generate.rs` and `benches/check.rs` (both include it with `#[path]`),
//! so that the registry the bench measures is the one anybody can generate and time.
//! Every run with the same scale and seed writes the same bytes, and the result is clean at
//! 2026-11-25: no errors and no warnings.
//!
//! Format 2 structures are generated alongside: each county has an association of its
//! municipalities, an annex and a renewing fixed-term agreement, duties of each party (one
//! yearly), a cost split and month dates; one body in ten of each shape caps the municipal
//! side with pooled substitutes and seats the association, serves only part of the county,
//! has a two-year chair with a secretary and an observer, or records attendance.

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
        let association = format!("forbund-{county}");
        let parties: Vec<String> = std::iter::once(region.clone())
            .chain(municipalities.iter().cloned())
            .collect();
        let quoted = |ids: &[String]| {
            ids.iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        // The county's association of municipalities (a kommunförbund) gathers them all,
        // appoints and prepares without being a party.
        out.write(
            &format!("parties/{association}.toml"),
            &format!(
                "name = \"Kommunförbundet {county}\"\nkind = \"association\"\nmembers = [{}]\n",
                quoted(&municipalities)
            ),
        );
        // Each party names its representatives by a day, and decides its local plan every
        // year by 31 March; every one has done both.
        let names_done: String = parties
            .iter()
            .map(|p| format!("{p} = [2020-04-2{}]", rng.below(8) + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let plans_done: String = parties
            .iter()
            .map(|p| {
                let days: Vec<String> = YEARS.map(|y| working_day(y, 3).to_string()).collect();
                format!("{p} = [{}]", days.join(", "))
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.write(
            &format!("agreements/{agreement}.toml"),
            &format!(
                "title = \"Överenskommelse {county}\"\nparties = [{}]\nassociations = [\"{association}\"]\nsigned = \"2019-11\"\neffective = 2020-01-01\n[termination]\nnotice_months = 12\n\n[[obligation]]\nid = \"names\"\ntitle = \"Utse ledamöter och ersättare\"\nowner = \"each-party\"\ndue = 2020-04-30\ndone_by = {{ {names_done} }}\n\n[[obligation]]\nid = \"local-plan\"\ntitle = \"Besluta lokal handlingsplan\"\nowner = \"each-party\"\ndue_each_year = \"03-31\"\ndone_by = {{ {plans_done} }}\n\n[[cost]]\ntitle = \"Samordnare\"\nsplit = {{ region = 50, municipality = 50 }}\namount_sek = 1600000\n",
                quoted(&parties)
            ),
        );
        // An annex of the agreement (its parties are the main agreement's), and a fixed-term
        // agreement of the region and one municipality that renews every two years.
        out.write(
            &format!("agreements/bilaga-{county}.toml"),
            &format!(
                "title = \"Bilaga {county}\"\npart_of = \"{agreement}\"\neffective = 2020-01-01\n"
            ),
        );
        out.write(
            &format!("agreements/ramavtal-{county}.toml"),
            &format!(
                "title = \"Ramavtal {county}\"\nparties = [\"{region}\", \"{}\"]\neffective = 2020-01-01\nends = 2021-12-31\n[renewal]\nmonths = 24\nnotice_months = 12\n",
                municipalities[0]
            ),
        );
        for b in 0..bodies_per_county {
            let body = format!("organ-{county}-{b}");
            // One body in ten of each format-2 shape: a cap for the municipal side with
            // pooled substitutes and a seat for the association; a sub-county body; a chair
            // for two years with a secretary and an observer; attendance at its meetings.
            let shape = b % 10;
            let body_parties: Vec<String> = if shape == 2 {
                parties[..1 + municipalities.len().div_ceil(2)].to_vec()
            } else {
                parties.clone()
            };
            // The municipal side's seats: one per municipality and the association's one.
            let side_total = body_parties.len();
            let mut extra = String::new();
            let mut chair_rule = String::from("[chair]\nrule = \"alternate-sides\"\n");
            match shape {
                1 => {
                    let _ = write!(
                        extra,
                        "by_side = {{ municipality = {{ ordinary = {side_total}, substitutes = {side_total} }} }}\nby_group = {{ {association} = {{ ordinary = {side_total}, substitutes = {side_total} }} }}\nsubstitutes = \"pooled\"\n"
                    );
                }
                3 => chair_rule.push_str("term = \"two-years\"\n"),
                _ => {}
            }
            let constituency = if shape == 2 {
                format!(
                    "parties = [{}]\nsecretariat = \"{region}\"\n",
                    quoted(&body_parties)
                )
            } else {
                String::new()
            };
            out.write(
                &format!("bodies/{body}.toml"),
                &format!(
                    "name = \"Organ {b}\"\nagreement = \"{agreement}\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n{constituency}[seats]\nevery_party = true\ndefault = {{ ordinary = 1, substitutes = 1 }}\nby_kind = {{ region = {{ ordinary = 3, substitutes = 3 }} }}\n{extra}{chair_rule}[meetings]\nper_year_min = 2\n"
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
            // Two terms per seat, the second from `second` on: 2023, or for a chair of
            // two years 2022, so that each chair term falls within one roster term.
            let second = if shape == 3 { 2022 } else { 2023 };
            let first_to = format!("{}-12-31", second - 1);
            let second_from = format!("{second}-01-01");
            let mut ordinaries = vec![[String::new(), String::new()]; body_parties.len()];
            let mut substitutes = vec![String::new(); body_parties.len()];
            for (i, p) in body_parties.iter().enumerate() {
                for (term, from, to) in [
                    (1, "2020-01-01", Some(first_to.as_str())),
                    (2, second_from.as_str(), None),
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
                        match role {
                            "ordinary" => ordinaries[i][term - 1] = holder,
                            _ if term == 2 => substitutes[i] = holder,
                            _ => {}
                        }
                        out.stats.members += 1;
                    }
                }
            }
            match shape {
                1 => {
                    let _ = write!(
                        roster,
                        "[[member]]\nname = \"Förbundets ledamot {b}\"\nparty = \"{association}\"\nrole = \"ordinary\"\nfrom = 2020-01-01\n"
                    );
                    out.stats.members += 1;
                }
                3 => {
                    let _ = write!(
                        roster,
                        "[[member]]\nname = \"Sekreterare {b}\"\nrole = \"secretary\"\norganisation = \"Regionens kansli\"\nfrom = 2020-01-01\n\n[[member]]\nname = \"Observatör {b}\"\nparty = \"{association}\"\nrole = \"observer\"\nfrom = 2020-01-01\n"
                    );
                    out.stats.members += 2;
                }
                _ => {}
            }
            for year in YEARS {
                // A two-year chair is recorded in the first year of each term.
                if shape == 3 && year % 2 == 1 {
                    continue;
                }
                let term = if year < second { 0 } else { 1 };
                let turn = if shape == 3 { year / 2 } else { year };
                // The chair alternates between the region's side and the municipalities'.
                let (chair, vice) = if turn % 2 == 0 { (0, 1) } else { (1, 0) };
                let _ = write!(
                    roster,
                    "[[chair]]\nyear = {year}\nchair = \"{}\"\nvice_chair = \"{}\"\n",
                    ordinaries[chair][term], ordinaries[vice][term]
                );
            }
            out.write(&format!("members/{body}.toml"), &roster);
            for year in YEARS {
                for month in [*rng.pick(&[2, 3, 4, 5]), *rng.pick(&[9, 10, 11])] {
                    let entry = meetings.entry(year).or_default();
                    let _ = write!(
                        entry,
                        "[[meeting]]\nbody = \"{body}\"\ndate = {}\n",
                        working_day(year, month)
                    );
                    // From 2023 (one roster term), a municipality's member was away and its
                    // substitute sat in.
                    if shape == 4 && year >= 2023 {
                        let i = 1 + rng.below(body_parties.len() - 1);
                        let _ = write!(
                            entry,
                            "absent = [\"{}\"]\nsubstitutes = [\"{}\"]\nminutes = \"Protokoll {year}-{month:02}\"\n",
                            ordinaries[i][1], substitutes[i]
                        );
                    }
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
            // One case in five is known only by its month, and the association prepared it.
            let (raised, prepared) = if c % 5 == 0 {
                (
                    format!("\"{year}-02\""),
                    format!(
                        "[[event]]\ndate = {}\nparty = \"{association}\"\naction = \"prepared\"\n",
                        working_day(year, 3)
                    ),
                )
            } else {
                (raised.to_string(), String::new())
            };
            out.write(
                &format!("cases/{year}/arende-{county}-{c}.toml"),
                &format!(
                    "title = \"Ärende {c}\"\nraised = {raised}\nraised_by = \"{region}\"\nconcerns = \"all\"\nagreement = \"{agreement}\"\n{prepared}[[event]]\ndate = {}\nbody = \"{body}\"\naction = \"recommended\"\nreply_by = {year}-08-31\n{decisions}",
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
