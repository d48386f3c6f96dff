//! Checks `notice --leave-by` on the bundled registry against fixtures generated once by
//! `tests/oracle/generate_notice.py` with python `holidays` (Sweden) and
//! `dateutil.relativedelta`: the latest notice, the day to act by (a derived deadline,
//! moved earlier past closed days), whether it has passed and the earliest end still
//! reachable, for every open-ended agreement and party and 41 wanted ends.

use std::path::Path;

use chrono::NaiveDate;
use samverkan::model::Registry;
use samverkan::views::notice::{Notice, Question, build};

const FIXTURE: &str = include_str!("oracle/notice_leave_by.csv");

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

fn bundled() -> Registry {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registry");
    let files = samverkan::load::dir::read(&root).expect("the bundled registry reads");
    let (reg, findings) = samverkan::load::load(files);
    assert!(findings.is_empty(), "{findings:?}");
    reg
}

#[test]
fn leave_by_agrees_with_the_oracle() {
    let reg = bundled();
    let mut lines = FIXTURE.lines();
    assert_eq!(
        lines.next(),
        Some("agreement,party,leave_by,today,latest_notice,act_by,passed,earliest_end")
    );
    let mut rows = 0;
    let mut moved = 0;
    for line in lines {
        let [
            agreement,
            party,
            leave_by,
            today,
            latest,
            act_by,
            passed,
            earliest,
        ] = line.split(',').collect::<Vec<_>>()[..]
        else {
            panic!("bad row {line:?}")
        };
        let answer = build(
            &reg,
            agreement,
            party,
            Question::LeaveBy(date(leave_by)),
            date(today),
        )
        .unwrap_or_else(|e| panic!("{line}: {e}"));
        let Notice::LeaveBy(l) = answer else {
            panic!("{line}: not a leave-by answer")
        };
        let expected = (
            date(latest),
            date(act_by),
            passed == "true",
            (!earliest.is_empty()).then(|| date(earliest)),
        );
        let got = (
            l.latest_notice,
            l.latest_notice_adjusted,
            l.passed,
            l.earliest_end,
        );
        assert_eq!(got, expected, "{line}");
        rows += 1;
        moved += usize::from(l.latest_notice != l.latest_notice_adjusted);
    }
    // Both agreements, every party, and days to act by that a closed day moved.
    assert!(rows >= 2 * 16 * 40, "{rows} rows");
    assert!(moved > 100, "{moved} moved days");
}
