//! The promise of a derived deadline, for any agreement, party and wanted end D: a notice
//! given on the reported day to act by ends on or before D, and one given on the next open
//! day does not (`notice --given` on each).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use samverkan::calendar::HolidayCalendar;
use samverkan::load::load_texts;
use samverkan::model::Registry;
use samverkan::views::notice::{Notice, Question, build};

fn day_from(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(offset)
}

/// An agreement between a region and two municipalities with `months` of notice, counted
/// from receipt or from handling by a body that meets on `meetings`.
fn registry(months: u32, handled: bool, meetings: &[NaiveDate], holidays: bool) -> Registry {
    let termination = if handled {
        format!(
            "[termination]\nnotice_months = {months}\ncounted_from = \"handled\"\nhandled_by = \"samrad\"\n"
        )
    } else {
        format!("[termination]\nnotice_months = {months}\n")
    };
    let mut files: Vec<(String, String)> = vec![
        (
            "registry.toml".into(),
            format!(
                "name = \"P\"\nholidays = \"{}\"\n",
                if holidays { "SE" } else { "none" }
            ),
        ),
        ("parties/r.toml".into(), "name = \"R\"\nkind = \"region\"\n".into()),
        ("parties/k.toml".into(), "name = \"K\"\nkind = \"municipality\"\n".into()),
        ("parties/l.toml".into(), "name = \"L\"\nkind = \"municipality\"\n".into()),
        (
            "agreements/a.toml".into(),
            format!("title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\n{termination}"),
        ),
        (
            "bodies/samrad.toml".into(),
            "name = \"S\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n".into(),
        ),
    ];
    let mut by_year: std::collections::BTreeMap<i32, String> = Default::default();
    for m in meetings {
        by_year
            .entry(chrono::Datelike::year(m))
            .or_default()
            .push_str(&format!("[[meeting]]\nbody = \"samrad\"\ndate = {m}\n"));
    }
    for (year, text) in by_year {
        files.push((format!("meetings/{year}.toml"), text));
    }
    let (reg, findings) = load_texts(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    assert!(findings.is_empty(), "{findings:?}");
    reg
}

fn ends(reg: &Registry, party: &str, given: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    match build(reg, "a", party, Question::Given(given), today).unwrap() {
        Notice::Given(g) => g.ends,
        Notice::LeaveBy(_) => unreachable!(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn acting_by_the_reported_day_is_in_time_and_a_day_later_is_not(
        months in 1u32..=36,
        handled in any::<bool>(),
        holidays in prop::bool::weighted(0.8),
        meetings in prop::collection::vec(0u64..365 * 10, 0..16),
        wanted in 365u64..365 * 10,
        today in 0u64..365 * 10,
        party in prop::sample::select(vec!["r", "k", "l"]),
    ) {
        let meetings: Vec<NaiveDate> = meetings.into_iter().map(day_from).collect();
        let reg = registry(months, handled, &meetings, holidays);
        let (wanted, today) = (day_from(wanted), day_from(today));
        let Notice::LeaveBy(answer) =
            build(&reg, "a", party, Question::LeaveBy(wanted), today).unwrap()
        else {
            unreachable!()
        };
        let act_by = answer.latest_notice_adjusted;
        let calendar = if holidays { HolidayCalendar::Swedish } else { HolidayCalendar::None };
        prop_assert!(act_by <= answer.latest_notice);
        prop_assert!(!calendar.is_closed(act_by) || act_by == NaiveDate::MIN);
        prop_assert_eq!(answer.passed, act_by < today);
        // In time: out on or before the wanted end, whenever the answer does not say it
        // depends on a meeting the calendar does not show.
        if !handled || answer.meeting.is_some() {
            let in_time = ends(&reg, party, act_by, today);
            prop_assert!(in_time.is_some_and(|end| end <= wanted), "{in_time:?} after {wanted}");
        }
        // One open day later: out after the wanted end, or not out at all yet.
        if let Some(later) = calendar.next_open_day(act_by) {
            let late = ends(&reg, party, later, today);
            prop_assert!(late.is_none_or(|end| end > wanted), "{later}: {late:?} by {wanted}");
        }
        // Passed: the earliest end a notice given today reaches.
        if answer.passed {
            let from_today = if handled {
                meetings.iter().filter(|m| **m > today).min().map(|m| {
                    samverkan::calendar::add_months(*m, months)
                })
            } else {
                Some(samverkan::calendar::add_months(today, months))
            };
            prop_assert_eq!(answer.earliest_end, from_today);
        } else {
            prop_assert_eq!(answer.earliest_end, None);
        }
    }
}
