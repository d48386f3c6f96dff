//! A registry with one very large file: every command finishes and exits as it should.
//! How long it takes and how much memory it needs is measured by `benches/national.sh`,
//! not here.

#[allow(dead_code)] // the national registry itself serves the example and the bench
#[path = "../../benches/support/national.rs"]
mod national;

use super::{Fixture, MINIMAL};

/// Meetings in the large file: about 7.5 MB, enough to show a cost out of proportion
/// (the whole file's toml tree was twenty times that) while a debug build reads it quickly.
const MEETINGS: usize = 100_000;

fn with_large_meetings_file(tail: &str) -> Fixture {
    let f = Fixture::new(MINIMAL);
    f.write(
        "bodies/samrad.toml",
        b"name = \"Samr\xc3\xa5d\"\nagreement = \"avtal\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n",
    );
    let mut text = national::meetings_file("samrad", 2026, MEETINGS);
    text.push_str(tail);
    f.write("meetings/2026.toml", text.as_bytes());
    f
}

#[test]
fn a_year_of_a_hundred_thousand_meetings_checks_clean_and_every_view_runs() {
    let f = with_large_meetings_file("");
    let out = f.cmd().arg("check").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors, 0 warnings"));
    for view in [&["graph"][..], &["roster", "samrad"], &["deadlines"]] {
        let out = f.cmd().args(view).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{view:?}");
        assert!(
            out.stderr.is_empty(),
            "{view:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = f
        .cmd()
        .args(["schedule", "--year", "2026", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // The header and one line per meeting at least.
    assert!(out.stdout.iter().filter(|b| **b == b'\n').count() > MEETINGS);
}

#[test]
fn a_problem_at_the_end_of_a_large_meetings_file_is_found_where_it_is() {
    let f = with_large_meetings_file(
        "[[meeting]]\nbody = \"samrad\"\ndate = 2026-05-04\nkind = \"fest\"\n",
    );
    let line = MEETINGS * 4 + 4;
    let out = f.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "meetings/2026.toml:{line}:8: error[schema]: `meeting[{}].kind` is \"fest\"",
            MEETINGS + 1
        )),
        "{stdout}"
    );
}
