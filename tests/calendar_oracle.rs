//! Checks `samverkan::calendar` against fixtures generated once by
//! `tests/oracle/generate.py` from python `holidays` (Sweden) and
//! `dateutil.relativedelta`, libraries nobody on this project wrote.
//!
//! Known gap: `holidays.Sweden` starts in 1953 (Lag 1952:48), so the holiday
//! fixture covers 1953–2100; for 1950–1952 the Rust code applies the 1953
//! rules proleptically and only the absence of fixture rows is checked.
//! Historical law (nationaldagen from 2005, annandag pingst to 2004, Marie
//! bebådelsedag to 1989) agrees between the library and the Rust code.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use samverkan::calendar::{
    add_months, is_non_working_day, latest_start_for_end, swedish_holiday, swedish_holidays,
};

const HOLIDAYS_CSV: &str = include_str!("oracle/holidays_se.csv");
const MONTH_ADD_CSV: &str = include_str!("oracle/month_add.csv");

/// Years the spec asks about.
const FIRST_YEAR: i32 = 1950;
const LAST_YEAR: i32 = 2100;
/// First year `holidays.Sweden` knows.
const FIRST_ORACLE_YEAR: i32 = 1953;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

/// Data rows of a fixture, split on commas, after checking its header.
fn rows<'a>(csv: &'a str, header: &str) -> Vec<Vec<&'a str>> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(header), "fixture header");
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').collect())
        .collect()
}

/// Fixture holidays by year, each year's list sorted by (date, name).
fn fixture_holidays() -> BTreeMap<i32, Vec<(NaiveDate, String)>> {
    let mut by_year: BTreeMap<i32, Vec<(NaiveDate, String)>> = BTreeMap::new();
    for row in rows(HOLIDAYS_CSV, "date,name") {
        let [day, name] = row[..] else {
            panic!("holidays_se.csv: bad row {row:?}")
        };
        let day = date(day);
        by_year
            .entry(day.year())
            .or_default()
            .push((day, name.to_owned()));
    }
    for list in by_year.values_mut() {
        list.sort();
    }
    by_year
}

#[test]
fn holiday_fixture_covers_1953_to_2100() {
    let fixture = fixture_holidays();
    let years: Vec<i32> = fixture.keys().copied().collect();
    let want: Vec<i32> = (FIRST_ORACLE_YEAR..=LAST_YEAR).collect();
    assert_eq!(
        years, want,
        "fixture years changed: update FIRST_ORACLE_YEAR and the docs"
    );
}

#[test]
fn swedish_holidays_match_python_holidays_every_year() {
    let fixture = fixture_holidays();
    let mut failures = Vec::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        let Some(want) = fixture.get(&year) else {
            assert!(year < FIRST_ORACLE_YEAR, "fixture has no rows for {year}");
            continue;
        };
        let mut got: Vec<(NaiveDate, String)> = swedish_holidays(year)
            .into_iter()
            .map(|(d, n)| (d, n.to_owned()))
            .collect();
        got.sort();
        if &got != want {
            let missing: Vec<_> = want.iter().filter(|x| !got.contains(x)).collect();
            let extra: Vec<_> = got.iter().filter(|x| !want.contains(x)).collect();
            failures.push(format!(
                "{year}: missing from Rust {missing:?}; not in fixture {extra:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_day_classified_like_the_fixture() {
    // swedish_holiday / is_non_working_day agree with the fixture day by day:
    // a fixture date is a holiday and non-working, any other weekday is a
    // working day.
    let fixture = fixture_holidays();
    let mut failures = Vec::new();
    for (&year, list) in &fixture {
        let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        while day.year() == year {
            let names: Vec<&str> = list
                .iter()
                .filter(|(d, _)| *d == day)
                .map(|(_, n)| n.as_str())
                .collect();
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let got = swedish_holiday(day);
            match got {
                Some(name) if !names.contains(&name) => {
                    failures.push(format!("{day}: Rust says {name}, fixture {names:?}"))
                }
                None if !names.is_empty() => {
                    failures.push(format!("{day}: Rust says no holiday, fixture {names:?}"))
                }
                _ => {}
            }
            if is_non_working_day(day) != (weekend || !names.is_empty()) {
                failures.push(format!(
                    "{day}: is_non_working_day = {}, fixture {names:?}, weekend {weekend}",
                    is_non_working_day(day)
                ));
            }
            day = day.succ_opt().unwrap();
        }
    }
    assert!(
        failures.is_empty(),
        "{} days differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Month-addition cases `(start, months, expected)`.
fn month_cases() -> Vec<(NaiveDate, u32, NaiveDate)> {
    rows(MONTH_ADD_CSV, "start,months,expected")
        .into_iter()
        .map(|row| {
            let [start, months, expected] = row[..] else {
                panic!("month_add.csv: bad row {row:?}")
            };
            (date(start), months.parse().unwrap(), date(expected))
        })
        .collect()
}

#[test]
fn add_months_matches_dateutil_relativedelta() {
    let cases = month_cases();
    assert!(cases.len() >= 1000, "only {} month cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter(|&&(start, months, want)| add_months(start, months) != want)
        .map(|&(start, months, want)| {
            format!(
                "{start} + {months} months: Rust {}, dateutil {want}",
                add_months(start, months)
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn latest_start_for_end_consistent_with_dateutil_cases() {
    // If start + n = end per dateutil, the latest start for that end is at
    // least start, and the day after it overshoots.
    let mut failures = Vec::new();
    for (start, months, end) in month_cases() {
        let latest = latest_start_for_end(end, months);
        let next = latest.succ_opt().unwrap();
        if latest < start || add_months(latest, months) > end || add_months(next, months) <= end {
            failures.push(format!(
                "end {end}, {months} months: latest {latest} (dateutil start {start})"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
