//! Never panic on user input: arbitrary text, and the bundled registry's files cut and
//! spliced at random, go through loading and every rule without a panic.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;

#[path = "support/exercise.rs"]
mod exercise;
use exercise::check_all;

const PATHS: &[&str] = &[
    "registry.toml",
    "parties/umea.toml",
    "agreements/vasterbotten-samverkansstruktur.toml",
    "bodies/samrad-vard-omsorg.toml",
    "members/samrad-vard-omsorg.toml",
    "meetings/2026.toml",
    "cases/2026/x.toml",
];

fn bundled(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("registry")
            .join(path),
    )
    .unwrap_or_default()
}

fn today() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_in_any_file_never_panics(index in 0..PATHS.len(), text in "\\PC{0,400}", today in today()) {
        check_all(&[(PATHS[index], &text)], today);
    }

    #[test]
    fn a_registry_file_cut_and_spliced_never_panics(
        index in 0..PATHS.len() - 1,
        cut in 0usize..4000,
        len in 0usize..200,
        insert in "[\\[\\]={}\"0-9a-z\\-\\n ,.]{0,40}",
        today in today(),
    ) {
        let path = PATHS[index];
        let original = bundled(path);
        let mut text: String = original.chars().take(cut).collect();
        text.push_str(&insert);
        text.extend(original.chars().skip(cut + len));
        // The other files stay as they are, so the damage meets the whole model.
        let others: Vec<(&str, String)> =
            PATHS.iter().filter(|p| **p != path).map(|p| (*p, bundled(p))).collect();
        let mut files: Vec<(&str, &str)> = others.iter().map(|(p, t)| (*p, t.as_str())).collect();
        files.push((path, &text));
        check_all(&files, today);
    }
}

#[test]
fn extreme_numbers_and_dates_never_panic() {
    let extremes = [
        (
            "members/samrad-vard-omsorg.toml",
            "[[chair]]\nyear = 2147483647\nchair = \"A\"\n[[chair]]\nyear = -2147483648\nchair = \"A\"\n[[chair]]\nyear = 2147483646\nchair = \"A\"\n",
        ),
        (
            "members/samrad-vard-omsorg.toml",
            "[[member]]\nname = \"A\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 0000-01-01\nto = 9999-12-31\n",
        ),
        (
            "agreements/vasterbotten-samverkansstruktur.toml",
            "title = \"A\"\nparties = [\"umea\"]\neffective = 9999-12-31\n[termination]\nnotice_months = 4294967295\n[[notice]]\nparty = \"umea\"\nreceived = 9999-12-31\n[[obligation]]\nid = \"x\"\ntitle = \"X\"\nowner = \"umea\"\nevery_months = 4294967295\n",
        ),
        (
            "bodies/samrad-vard-omsorg.toml",
            "name = \"S\"\nagreement = \"vasterbotten-samverkansstruktur\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 0000-01-01\n[seats]\ndefault = { ordinary = 4294967295, substitutes = 0 }\n[meetings]\nper_year_min = 4294967295\nlast_of_year = \"ledningsdialog\"\n[chair]\nrule = \"alternate-sides\"\n",
        ),
        (
            "meetings/9999.toml",
            "[[meeting]]\nbody = \"samrad-vard-omsorg\"\ndate = 9999-12-31T23:59:59.999999\n",
        ),
        (
            "cases/2026/x.toml",
            "title = \"X\"\nraised = 9999-12-31\nraised_by = \"umea\"\nconcerns = \"all\"\n[[event]]\ndate = 0000-01-01\nbody = \"samrad-vard-omsorg\"\naction = \"recommended\"\nreply_by = 9999-12-31\n",
        ),
    ];
    let base: Vec<(&str, String)> = PATHS.iter().map(|p| (*p, bundled(p))).collect();
    for today in [
        NaiveDate::MIN,
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        NaiveDate::MAX,
    ] {
        for (path, text) in extremes {
            let mut files: Vec<(&str, &str)> = base
                .iter()
                .filter(|(p, _)| *p != path)
                .map(|(p, t)| (*p, t.as_str()))
                .collect();
            files.push((path, text));
            check_all(&files, today);
        }
        let all: Vec<(&str, &str)> = extremes.to_vec();
        check_all(&all, today);
    }
}
