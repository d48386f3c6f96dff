//! The arithmetic of an agreement's duties (`[[obligation]]`): when each falls due, and
//! which due days its completions meet, for its owner or for each party on its own.
//!
//! Month dates (`"2020-11"`) mean some day of the month, and a duty is never judged late
//! unless it is late whatever day that was: a duty due in a month is due on its last day,
//! a completion in a month meets any due day from the month's first day on, and a
//! completion in a month starts the next interval of an `every_months` duty at the
//! month's last day.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, de};

use super::Registry;
use super::agreement::{Agreement, Obligation};
use super::date::DayOrMonth;
use crate::calendar::{HolidayCalendar, add_months};

/// The `owner` words that are not ids.
pub const EACH_PARTY: &str = "each-party";
pub const PARTIES: &str = "parties";

/// A day of every year, `due_each_year = "03-31"`. Only days every year has: "02-29" is
/// refused (write "02-28" or "03-01"), so a yearly duty never changes day with leap years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// `"MM-DD"` for a day every year has; None otherwise ("02-30", "02-29", "3-31").
    pub fn parse(s: &str) -> Option<MonthDay> {
        let (month, day) = s.split_once('-')?;
        if month.len() != 2
            || day.len() != 2
            || !(month.bytes().chain(day.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (month, day) = (month.parse().ok()?, day.parse().ok()?);
        // 2023 is not a leap year: a day it has, every year has.
        NaiveDate::from_ymd_opt(2023, month, day)?;
        Some(MonthDay { month, day })
    }

    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// The first such day on or after `day`.
    pub fn on_or_after(self, day: NaiveDate) -> Option<NaiveDate> {
        self.in_year(day.year())
            .filter(|d| *d >= day)
            .or_else(|| self.in_year(day.year().checked_add(1)?))
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        MonthDay::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "{s:?} is not a day of every year; expected \"MM-DD\" such as \"03-31\""
            ))
        })
    }
}

/// Who must do a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    /// Every party, each on its own (completions per party in `done_by`).
    EachParty,
    /// All parties together: one completion in `done`.
    Parties,
    /// A body or a party.
    Id(&'a str),
}

/// When a duty falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Once, on `due`.
    Once(DayOrMonth),
    /// `every_months` after it was last done (or the agreement took effect).
    Every(u32),
    /// On that day of each year from the first one on or after `effective`.
    Yearly(MonthDay),
}

impl Obligation {
    pub fn owner_kind(&self) -> Owner<'_> {
        match self.owner.get_ref().as_str() {
            EACH_PARTY => Owner::EachParty,
            PARTIES => Owner::Parties,
            id => Owner::Id(id),
        }
    }

    /// None unless exactly one of `due`, `every_months` and `due_each_year` is given (the
    /// loader reports the obligation then).
    pub fn timing(&self) -> Option<Timing> {
        match (&self.due, &self.every_months, &self.due_each_year) {
            (Some(due), None, None) => Some(Timing::Once(*due.get_ref())),
            (None, Some(every), None) if *every.get_ref() > 0 => {
                Some(Timing::Every(*every.get_ref()))
            }
            (None, None, Some(day)) => Some(Timing::Yearly(*day.get_ref())),
            _ => None,
        }
    }
}

/// One due day of a duty, and the completion that met it, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The due day as written: a day, or a month (due on its last day).
    pub written: DayOrMonth,
    /// The last day, before moving off closed days.
    pub day: NaiveDate,
    /// The day to act by: `day` moved past closed days (Lag 1930:173).
    pub adjusted: NaiveDate,
    pub done: Option<DayOrMonth>,
}

impl Due {
    fn new(written: DayOrMonth, calendar: HolidayCalendar, done: Option<DayOrMonth>) -> Due {
        let day = written.last();
        Due {
            written,
            day,
            adjusted: calendar.adjust(day),
            done,
        }
    }

    /// Not met, and `today` is after the day to act by.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && today > self.adjusted
    }
}

/// The due days of a duty for one line of completions (the owner's `done`, or one
/// party's `done_by`), in order:
/// - `Once`: its one due day, met by any completion (the earliest);
/// - `Every`: one due day per completion, `every_months` after the previous one (or
///   `effective`), then the open one;
/// - `Yearly`: each day from the first on or after `effective` up to `until`, and on
///   past it up to the first one not met; a completion meets the first due day whose day to
///   act by is on or after it and that no earlier completion met.
pub fn dues(
    timing: Timing,
    effective: NaiveDate,
    completions: &[DayOrMonth],
    calendar: HolidayCalendar,
    until: NaiveDate,
) -> Vec<Due> {
    let mut done = completions.to_vec();
    done.sort_unstable_by_key(|d| (d.first(), d.last()));
    match timing {
        Timing::Once(due) => vec![Due::new(due, calendar, done.first().copied())],
        Timing::Every(months) => {
            let mut base = effective;
            let mut out = Vec::with_capacity(done.len() + 1);
            for d in done {
                out.push(Due::new(
                    DayOrMonth::Day(add_months(base, months)),
                    calendar,
                    Some(d),
                ));
                base = d.last();
            }
            out.push(Due::new(
                DayOrMonth::Day(add_months(base, months)),
                calendar,
                None,
            ));
            out
        }
        Timing::Yearly(day) => yearly(day, effective, &done, calendar, until),
    }
}

fn yearly(
    day: MonthDay,
    effective: NaiveDate,
    done: &[DayOrMonth],
    calendar: HolidayCalendar,
    until: NaiveDate,
) -> Vec<Due> {
    let mut out: Vec<Due> = Vec::new();
    let mut next = day.on_or_after(effective);
    let mut completions = done.iter().peekable();
    while let Some(due_day) = next {
        let mut due = Due::new(DayOrMonth::Day(due_day), calendar, None);
        // The earliest completion not spent yet meets this day if it came by the day to
        // act by; a later one waits for a later due day.
        due.done = completions.next_if(|c| c.first() <= due.adjusted).copied();
        out.push(due);
        // Past `until`, go on only while completions keep meeting the days.
        if due_day > until && due.done.is_none() {
            break;
        }
        next = due_day.year().checked_add(1).and_then(|y| day.in_year(y));
    }
    out
}

/// The parties an `each-party` duty binds, in the agreement's order (an annex's are its
/// main agreement's).
pub fn duty_parties<'a>(reg: &'a Registry, a: &'a Agreement) -> Vec<&'a str> {
    reg.agreement_parties(a)
        .iter()
        .map(|p| p.get_ref().as_str())
        .collect()
}

/// The due days of one line of completions: the owner's (`party` None) or one party's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track<'a> {
    pub party: Option<&'a str>,
    pub dues: Vec<Due>,
}

/// A duty's due days as the registry stood on `as_of` (completions after it do not count
/// yet), yearly ones listed up to `until`. An `each-party` duty has one line per party; a
/// party whose notice took effect before a due day owes nothing for it, and a yearly duty
/// falls due no more after the agreement's end.
pub fn tracks<'a>(
    reg: &'a Registry,
    agreement_id: &str,
    a: &'a Agreement,
    o: &'a Obligation,
    as_of: NaiveDate,
    until: NaiveDate,
) -> Vec<Track<'a>> {
    let Some(timing) = o.timing() else {
        return Vec::new();
    };
    let effective = a.effective.get_ref().0;
    let calendar = reg.calendar();
    let agreement_end = match timing {
        Timing::Yearly(_) => reg.agreement_end(agreement_id),
        Timing::Once(_) | Timing::Every(_) => None,
    };
    let line = |completions: Vec<DayOrMonth>, last_day: Option<NaiveDate>| -> Vec<Due> {
        let mut dues = dues(timing, effective, &completions, calendar, until);
        let last = match (last_day, agreement_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(last) = last {
            dues.retain(|d| d.day <= last);
        }
        dues
    };
    let happened = |d: &DayOrMonth| d.first() <= as_of;
    match o.owner_kind() {
        Owner::EachParty => {
            let done_by: BTreeMap<&str, &[crate::model::Spanned<DayOrMonth>]> = o
                .done_by
                .as_ref()
                .map(|d| {
                    d.get_ref()
                        .iter()
                        .map(|(k, v)| (k.get_ref().as_str(), v.as_slice()))
                        .collect()
                })
                .unwrap_or_default();
            duty_parties(reg, a)
                .into_iter()
                .map(|party| {
                    let completions = done_by
                        .get(party)
                        .map(|v| v.iter().map(|d| *d.get_ref()).filter(happened).collect())
                        .unwrap_or_default();
                    Track {
                        party: Some(party),
                        dues: line(completions, party_last_day(reg, a, party)),
                    }
                })
                .collect()
        }
        Owner::Parties | Owner::Id(_) => {
            let completions = o
                .done
                .iter()
                .map(|d| *d.get_ref())
                .filter(happened)
                .collect();
            vec![Track {
                party: None,
                dues: line(completions, None),
            }]
        }
    }
}

/// A party's last day bound by the agreement, by the notices it gave.
fn party_last_day(reg: &Registry, a: &Agreement, party: &str) -> Option<NaiveDate> {
    a.notice
        .iter()
        .map(|n| n.get_ref())
        .filter(|n| n.party.get_ref() == party)
        .filter_map(|n| super::terms::notice_end(reg, a, n))
        .min()
}

/// One due day of a duty across its lines: who met it and who did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDay<'a> {
    pub written: DayOrMonth,
    pub day: NaiveDate,
    pub adjusted: NaiveDate,
    /// The parties (or, for a duty of one owner, the one line `None`) that have not met it.
    pub not_done: Vec<Option<&'a str>>,
    /// Who met it, and when.
    pub done: Vec<(Option<&'a str>, DayOrMonth)>,
}

/// The lines' due days merged by day, in date order: an `each-party` duty due on one day
/// is one entry naming every party not done.
pub fn due_days<'a>(tracks: &[Track<'a>]) -> Vec<DueDay<'a>> {
    let mut days: BTreeMap<NaiveDate, DueDay<'a>> = BTreeMap::new();
    for t in tracks {
        for d in &t.dues {
            let entry = days.entry(d.day).or_insert_with(|| DueDay {
                written: d.written,
                day: d.day,
                adjusted: d.adjusted,
                not_done: Vec::new(),
                done: Vec::new(),
            });
            match d.done {
                Some(done) => entry.done.push((t.party, done)),
                None => entry.not_done.push(t.party),
            }
        }
    }
    days.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn d(s: &str) -> DayOrMonth {
        DayOrMonth::Day(day(s))
    }

    fn month(s: &str) -> DayOrMonth {
        DayOrMonth::Month(crate::model::date::parse_month(s).unwrap())
    }

    fn yearly(md: &str) -> Timing {
        Timing::Yearly(MonthDay::parse(md).unwrap())
    }

    /// (due day, met by) of each due day.
    fn met(dues: &[Due]) -> Vec<(NaiveDate, Option<DayOrMonth>)> {
        dues.iter().map(|d| (d.day, d.done)).collect()
    }

    const NONE: HolidayCalendar = HolidayCalendar::None;

    #[test]
    fn a_yearly_day_is_one_every_year_has() {
        assert_eq!(
            MonthDay::parse("03-31"),
            Some(MonthDay { month: 3, day: 31 })
        );
        assert_eq!(MonthDay::parse("02-28").unwrap().to_string(), "02-28");
        for bad in [
            "02-29", "02-30", "04-31", "13-01", "00-10", "3-31", "03-1", "03/31", "", "0a-01",
        ] {
            assert_eq!(MonthDay::parse(bad), None, "{bad}");
        }
        let march = MonthDay::parse("03-31").unwrap();
        assert_eq!(
            march.on_or_after(day("2020-03-31")),
            Some(day("2020-03-31"))
        );
        assert_eq!(
            march.on_or_after(day("2020-04-01")),
            Some(day("2021-03-31"))
        );
    }

    #[test]
    fn a_one_off_duty_due_in_a_month_is_due_on_its_last_day_and_any_completion_meets_it() {
        let dues = dues(
            Timing::Once(month("2020-11")),
            day("2020-01-01"),
            &[],
            NONE,
            day("2030-01-01"),
        );
        assert_eq!(met(&dues), vec![(day("2020-11-30"), None)]);
        assert_eq!(dues[0].written, month("2020-11"));
        assert!(!dues[0].overdue(day("2020-11-30")));
        assert!(dues[0].overdue(day("2020-12-01")));
        // Late is still done: the duty is not overdue any more.
        let late = [d("2021-02-01"), d("2020-12-05")];
        let dues = super::dues(
            Timing::Once(d("2020-04-30")),
            day("2020-01-01"),
            &late,
            NONE,
            day("2020-01-01"),
        );
        assert_eq!(met(&dues), vec![(day("2020-04-30"), Some(d("2020-12-05")))]);
    }

    #[test]
    fn a_one_off_due_day_on_a_closed_day_moves_to_the_next_open_day() {
        // 2020-11-28 is a Saturday.
        let dues = dues(
            Timing::Once(d("2020-11-28")),
            day("2020-01-01"),
            &[],
            HolidayCalendar::Swedish,
            day("2030-01-01"),
        );
        assert_eq!(dues[0].adjusted, day("2020-11-30"));
    }

    #[test]
    fn a_recurring_duty_done_in_a_month_counts_from_the_months_last_day() {
        let dues = dues(
            Timing::Every(12),
            day("2020-01-01"),
            &[month("2021-05")],
            NONE,
            day("2020-01-01"),
        );
        assert_eq!(
            met(&dues),
            vec![
                (day("2021-01-01"), Some(month("2021-05"))),
                (day("2022-05-31"), None)
            ]
        );
    }

    #[test]
    fn yearly_due_days_start_at_the_first_on_or_after_effective_and_each_completion_meets_one() {
        let done = [
            d("2021-03-15"),
            d("2022-04-10"),
            d("2023-01-10"),
            d("2023-02-01"),
        ];
        let dues = dues(
            yearly("03-31"),
            day("2020-05-01"),
            &done,
            NONE,
            day("2023-06-01"),
        );
        assert_eq!(
            met(&dues),
            vec![
                (day("2021-03-31"), Some(d("2021-03-15"))),
                // Done late: 2022's due day is missed, the completion meets 2023's ...
                (day("2022-03-31"), None),
                (day("2023-03-31"), Some(d("2022-04-10"))),
                // ... and the two early ones of 2023 meet 2024 and 2025 in turn.
                (day("2024-03-31"), Some(d("2023-01-10"))),
                (day("2025-03-31"), Some(d("2023-02-01"))),
                (day("2026-03-31"), None),
            ]
        );
    }

    #[test]
    fn yearly_due_days_are_listed_up_to_until_and_the_next_one() {
        let dues = dues(
            yearly("03-31"),
            day("2020-03-31"),
            &[],
            NONE,
            day("2022-03-31"),
        );
        let days: Vec<NaiveDate> = dues.iter().map(|d| d.day).collect();
        assert_eq!(
            days,
            vec![
                day("2020-03-31"),
                day("2021-03-31"),
                day("2022-03-31"),
                day("2023-03-31")
            ]
        );
    }

    #[test]
    fn a_completion_on_the_moved_day_or_in_the_month_meets_the_yearly_due_day() {
        // 2024-03-31 is påskdagen and 04-01 annandag påsk: the day to act by is 2024-04-02.
        let dues = dues(
            yearly("03-31"),
            day("2024-01-01"),
            &[d("2024-04-02")],
            HolidayCalendar::Swedish,
            day("2024-12-31"),
        );
        assert_eq!(dues[0].adjusted, day("2024-04-02"));
        assert_eq!(dues[0].done, Some(d("2024-04-02")));
        // Done "some day of March 2021": it may have been by the 15th, so it meets it.
        let dues = super::dues(
            yearly("03-15"),
            day("2021-01-01"),
            &[month("2021-03")],
            NONE,
            day("2021-12-31"),
        );
        assert_eq!(dues[0].done, Some(month("2021-03")));
    }

    proptest::proptest! {
        /// Every completion meets exactly one due day, never one whose day to act by is
        /// before it, and the due days met come in the completions' order.
        #[test]
        fn each_yearly_completion_meets_one_due_day_on_or_after_it(
            offsets in proptest::collection::vec(0u32..3000, 0..12),
            md in (1u32..=12, 1u32..=28),
        ) {
            let effective = day("2018-06-15");
            let done: Vec<DayOrMonth> = offsets
                .iter()
                .map(|o| DayOrMonth::Day(effective + chrono::Days::new(u64::from(*o))))
                .collect();
            let timing = Timing::Yearly(MonthDay { month: md.0, day: md.1 });
            // `until` after every completion: past it, the listing stops at the first day
            // not met, and completions later than that meet days it does not list.
            let dues = dues(timing, effective, &done, HolidayCalendar::Swedish, day("2027-01-01"));
            let met: Vec<&Due> = dues.iter().filter(|d| d.done.is_some()).collect();
            proptest::prop_assert_eq!(met.len(), done.len());
            for due in &met {
                proptest::prop_assert!(due.done.unwrap().first() <= due.adjusted);
            }
            let mut sorted = done.clone();
            sorted.sort_unstable_by_key(|d| d.first());
            let in_order: Vec<DayOrMonth> = met.iter().map(|d| d.done.unwrap()).collect();
            proptest::prop_assert_eq!(in_order, sorted);
            // Due days are one year apart, from the first on or after `effective`.
            proptest::prop_assert!(dues[0].day >= effective);
            for pair in dues.windows(2) {
                proptest::prop_assert_eq!(pair[1].day.year(), pair[0].day.year() + 1);
            }
        }
    }
}
