//! Month arithmetic and the Swedish calendar.
//!
//! Everything here is a pure function of its arguments: no clock is read, so
//! "today" is always passed in by the caller.
//!
//! # Month arithmetic
//!
//! A notice period of `n` months ends `n` calendar months after its start,
//! clamped to the last day of the target month (2025-08-31 + 6 months =
//! 2026-02-28). This is the same rule as chrono's `checked_add_months` and
//! python-dateutil's `relativedelta(months=n)`, which the oracle test uses.
//!
//! # Swedish holidays (historical law)
//!
//! [`swedish_holidays`] follows the law of each year from 1953 on, when
//! Lag (1952:48) om allmänna helgdagar moved midsommardagen and alla helgons
//! dag to Saturdays:
//!
//! * nationaldagen (6 June) is a public holiday from 2005, not before;
//! * annandag pingst is a public holiday up to and including 2004;
//! * Marie bebådelsedag (a Sunday in late March) is a public holiday up to
//!   and including 1989, when Lag (1989:253) dropped it. It always falls on a
//!   Sunday, so it never changes which days are working days.
//!
//! Before 1953 the rules of 1953 are applied proleptically (the older fixed
//! midsommardagen of 24 June etc. is not modelled); the registry holds no
//! agreements that old. The oracle fixture (`tests/oracle/holidays_se.csv`,
//! generated with python `holidays.Sweden`) covers 1953–2100, the range that
//! library supports.
//!
//! Besides the public holidays, midsommarafton, julafton and nyårsafton are
//! counted: Lag (1930:173) om beräkning av lagstadgad tid § 2 moves a last day
//! falling on them (or on a Saturday, Sunday or public holiday) to the next
//! working day. That wording is applied to all years.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// `holidays` setting of registry.toml
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HolidayCalendar {
    /// `holidays = "SE"`: Swedish weekends, public holidays and counted eves.
    #[default]
    Swedish,
    /// `holidays = "none"`: no date is ever moved.
    None,
}

impl HolidayCalendar {
    /// Lag (1930:173): a last day on a non-working day moves to the next working day. `None` calendar: unchanged.
    ///
    /// Saturates at `NaiveDate::MAX` (a nyårsafton) instead of overflowing.
    pub fn adjust(self, date: NaiveDate) -> NaiveDate {
        match self {
            HolidayCalendar::None => date,
            HolidayCalendar::Swedish => {
                let mut day = date;
                while is_non_working_day(day) {
                    match day.succ_opt() {
                        Some(next) => day = next,
                        None => break,
                    }
                }
                day
            }
        }
    }

    /// Whether `date` is closed: a Saturday, Sunday, public holiday or counted eve (never,
    /// under the `None` calendar).
    pub fn is_closed(self, date: NaiveDate) -> bool {
        self == HolidayCalendar::Swedish && is_non_working_day(date)
    }

    /// The day to act by for a derived deadline `date` (a latest day worked out backwards
    /// from a wanted end): the last day on or before it that is not closed. Moving it later,
    /// as [`Self::adjust`] does for set deadlines, would give a later end.
    ///
    /// Saturates at `NaiveDate::MIN` instead of overflowing.
    pub fn act_by(self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while self.is_closed(day) {
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => break,
            }
        }
        day
    }

    /// The first day after `date` that is not closed.
    pub fn next_open_day(self, date: NaiveDate) -> Option<NaiveDate> {
        let mut day = date.succ_opt()?;
        while self.is_closed(day) {
            day = day.succ_opt()?;
        }
        Some(day)
    }

    /// Parses the registry.toml value: `"SE"` or `"none"` (exact spelling).
    pub fn from_setting(value: &str) -> Option<HolidayCalendar> {
        match value {
            "SE" => Some(HolidayCalendar::Swedish),
            "none" => Some(HolidayCalendar::None),
            _ => None,
        }
    }

    /// The registry.toml spelling of this calendar; inverse of [`Self::from_setting`].
    pub fn setting(self) -> &'static str {
        match self {
            HolidayCalendar::Swedish => "SE",
            HolidayCalendar::None => "none",
        }
    }
}

/// `date` + `months` calendar months, clamped to the target month's last day.
///
/// Saturates at `NaiveDate::MAX` instead of panicking, so hostile registry
/// values cannot crash the CLI.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` − `months` calendar months, clamped to the target month's last day.
///
/// Saturates at `NaiveDate::MIN` instead of panicking.
pub fn sub_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// latest L such that add_months(L, months) <= end
///
/// Because of clamping, `add_months` is monotone but not injective
/// (2025-08-29, -30 and -31 + 6 months are all 2026-02-28), so this is not
/// simply `sub_months`: when `end` is the last day of its month, every day of
/// the start month qualifies and the answer is that month's last day.
///
/// Sums are taken exactly (the saturation of [`add_months`] is ignored). If no
/// such day exists in chrono's range, returns `NaiveDate::MIN`.
pub fn latest_start_for_end(end: NaiveDate, months: u32) -> NaiveDate {
    let Some(start) = end.checked_sub_months(Months::new(months)) else {
        return NaiveDate::MIN;
    };
    if end.day() == days_in_month(end.year(), end.month()) {
        last_day_of_month(start)
    } else {
        // `start` keeps end's day unless its month is shorter, in which case
        // it is already that month's last day; a later start would land in
        // the month after `end`'s.
        start
    }
}

/// Gregorian leap-year rule (2000 is leap, 2100 is not).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; panics for any other month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => panic!("month out of range: {month}"),
    }
}

fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    // Every day of an in-range month is in range (MIN is 1 Jan, MAX 31 Dec).
    NaiveDate::from_ymd_opt(
        date.year(),
        date.month(),
        days_in_month(date.year(), date.month()),
    )
    .expect("last day of an in-range month")
}

/// Easter Sunday of `year` by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher), used for all years, i.e. proleptically.
///
/// Floor division keeps it valid for negative years. Panics only if `year`
/// is outside chrono's `NaiveDate` range.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = n.div_euclid(31) as u32;
    let day = (n.rem_euclid(31) + 1) as u32;
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap_or_else(|| panic!("year {year} is outside chrono's NaiveDate range"))
}

/// Swedish name of the public holiday or counted eve on `date`, e.g. Some("midsommarafton"), Some("långfredagen"); None for ordinary days (weekends are not holidays by themselves).
///
/// Two holidays can coincide (första maj and Kristi himmelsfärdsdag in 2008,
/// nationaldagen and pingstdagen in 2049); then the fixed-date one is named,
/// i.e. the first of that date in [`swedish_holidays`].
pub fn swedish_holiday(date: NaiveDate) -> Option<&'static str> {
    year_holidays(date.year())
        .into_iter()
        .flatten()
        .find(|&(day, _)| day == date)
        .map(|(_, name)| name)
}

/// weekend, public holiday or counted eve
pub fn is_non_working_day(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || swedish_holiday(date).is_some()
}

/// all holidays and eves of a year, sorted, with names (used by views/tests)
///
/// Sorted by date; a date with two holidays (see [`swedish_holiday`]) appears
/// twice, fixed-date holiday first. Empty for a year outside chrono's range.
pub fn swedish_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut all: Vec<_> = year_holidays(year).into_iter().flatten().collect();
    // Stable: ties keep the table order, which lists fixed dates first.
    all.sort_by_key(|&(day, _)| day);
    all
}

/// Number of entries in the holiday table of one year.
const TABLE_LEN: usize = 18;

/// The holidays of `year`, unsorted, fixed-date ones first; `None` for a
/// holiday not in force that year. Allocation-free, so [`swedish_holiday`]
/// stays cheap in loops over days.
fn year_holidays(year: i32) -> [Option<(NaiveDate, &'static str)>; TABLE_LEN] {
    // Every holiday lies well inside its year; only a year outside chrono's
    // range has no dates at all.
    if year < NaiveDate::MIN.year() || year > NaiveDate::MAX.year() {
        return [None; TABLE_LEN];
    }
    let ymd = |month: u32, day: u32| {
        NaiveDate::from_ymd_opt(year, month, day).expect("holiday inside an in-range year")
    };
    let easter = easter_sunday(year);
    let easter_plus = |days: i64| {
        easter
            .checked_add_signed(chrono::TimeDelta::days(days))
            .expect("Easter-relative day inside an in-range year")
    };
    // Saturday 20–26 June and Saturday 31 Oct–6 Nov (Lag 1952:48).
    let midsommardagen = next_weekday_from(ymd(6, 20), Weekday::Sat);
    let alla_helgons_dag = next_weekday_from(ymd(10, 31), Weekday::Sat);
    // Lag 1952:48: the Sunday 22–28 March, or if that is palm Sunday or
    // Easter Sunday, the Sunday before palm Sunday.
    let marie_bebadelsedag = {
        let sunday = next_weekday_from(ymd(3, 22), Weekday::Sun);
        if sunday == easter_plus(-7) || sunday == easter {
            easter_plus(-14)
        } else {
            sunday
        }
    };
    let midsommarafton = midsommardagen
        .checked_sub_days(Days::new(1))
        .expect("19–25 June");

    [
        Some((ymd(1, 1), "nyårsdagen")),
        Some((ymd(1, 6), "trettondedag jul")),
        Some((ymd(5, 1), "första maj")),
        (year >= 2005).then(|| (ymd(6, 6), "nationaldagen")),
        Some((ymd(12, 24), "julafton")),
        Some((ymd(12, 25), "juldagen")),
        Some((ymd(12, 26), "annandag jul")),
        Some((ymd(12, 31), "nyårsafton")),
        (year <= 1989).then_some((marie_bebadelsedag, "Marie bebådelsedag")),
        Some((easter_plus(-2), "långfredagen")),
        Some((easter, "påskdagen")),
        Some((easter_plus(1), "annandag påsk")),
        Some((easter_plus(39), "Kristi himmelsfärdsdag")),
        Some((easter_plus(49), "pingstdagen")),
        (year <= 2004).then(|| (easter_plus(50), "annandag pingst")),
        Some((midsommarafton, "midsommarafton")),
        Some((midsommardagen, "midsommardagen")),
        Some((alla_helgons_dag, "alla helgons dag")),
    ]
}

/// The first `weekday` on or after `from` (within the following 6 days).
fn next_weekday_from(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(u64::from(ahead)))
        .expect("callers stay inside the year")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn parse(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    // ---- set and derived deadlines ----

    #[test]
    fn derived_deadlines_move_earlier_set_ones_later() {
        let se = HolidayCalendar::Swedish;
        // Nyårsafton 2026 (Thursday): set → Monday 2027-01-04, derived → Wednesday 12-30.
        assert_eq!(se.adjust(d(2026, 12, 31)), d(2027, 1, 4));
        assert_eq!(se.act_by(d(2026, 12, 31)), d(2026, 12, 30));
        // Midsommarafton 2027 is Friday 25 June: act by Thursday 24 June.
        assert_eq!(se.act_by(d(2027, 6, 25)), d(2027, 6, 24));
        // Easter 2027: långfredagen 26 March to annandag påsk 29 March → Thursday 25 March.
        assert_eq!(se.act_by(d(2027, 3, 29)), d(2027, 3, 25));
        // A Sunday → the Friday before; an open day stays.
        assert_eq!(se.act_by(d(2027, 2, 28)), d(2027, 2, 26));
        assert_eq!(se.act_by(d(2027, 3, 2)), d(2027, 3, 2));
        assert_eq!(
            HolidayCalendar::None.act_by(d(2026, 12, 31)),
            d(2026, 12, 31)
        );
        assert_eq!(se.act_by(NaiveDate::MIN), NaiveDate::MIN);
        assert_eq!(se.next_open_day(d(2026, 12, 30)), Some(d(2027, 1, 4)));
        assert_eq!(
            HolidayCalendar::None.next_open_day(d(2026, 12, 30)),
            Some(d(2026, 12, 31))
        );
        assert_eq!(se.next_open_day(NaiveDate::MAX), None);
    }

    // ---- month arithmetic ----

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months(d(2025, 8, 31), 6), d(2026, 2, 28));
        assert_eq!(add_months(d(2025, 8, 29), 6), d(2026, 2, 28));
        assert_eq!(add_months(d(2025, 1, 31), 3), d(2025, 4, 30));
        assert_eq!(add_months(d(2025, 3, 15), 0), d(2025, 3, 15));
        assert_eq!(add_months(d(2025, 11, 30), 1), d(2025, 12, 30));
        assert_eq!(add_months(d(2025, 11, 30), 14), d(2027, 1, 30));
    }

    #[test]
    fn add_months_leap_years() {
        assert_eq!(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
        assert_eq!(add_months(d(2023, 1, 31), 1), d(2023, 2, 28));
        assert_eq!(add_months(d(2100, 1, 31), 1), d(2100, 2, 28)); // 2100 not leap
        assert_eq!(add_months(d(2000, 1, 31), 1), d(2000, 2, 29)); // 2000 leap
        assert_eq!(add_months(d(1900, 1, 29), 1), d(1900, 2, 28));
        assert_eq!(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 2, 29), 48), d(2028, 2, 29));
        assert_eq!(add_months(d(2024, 2, 29), 1), d(2024, 3, 29));
        assert!(is_leap_year(2000) && is_leap_year(2024) && is_leap_year(1600));
        assert!(!is_leap_year(2100) && !is_leap_year(1900) && !is_leap_year(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
    }

    #[test]
    fn sub_months_clamps_to_month_end() {
        assert_eq!(sub_months(d(2026, 3, 31), 1), d(2026, 2, 28));
        assert_eq!(sub_months(d(2024, 3, 31), 1), d(2024, 2, 29));
        assert_eq!(sub_months(d(2026, 2, 28), 6), d(2025, 8, 28));
        assert_eq!(sub_months(d(2026, 1, 15), 13), d(2024, 12, 15));
        assert_eq!(sub_months(d(2026, 1, 15), 0), d(2026, 1, 15));
    }

    #[test]
    fn month_arithmetic_saturates_instead_of_panicking() {
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_months(d(2025, 1, 1), u32::MAX), NaiveDate::MAX);
        assert_eq!(add_months(NaiveDate::MIN, u32::MAX), NaiveDate::MAX);
        assert_eq!(sub_months(NaiveDate::MIN, 1), NaiveDate::MIN);
        assert_eq!(sub_months(d(2025, 1, 1), u32::MAX), NaiveDate::MIN);
        assert_eq!(sub_months(NaiveDate::MAX, u32::MAX), NaiveDate::MIN);
        assert_eq!(add_months(NaiveDate::MIN, 0), NaiveDate::MIN);
        assert_eq!(sub_months(NaiveDate::MAX, 0), NaiveDate::MAX);
    }

    #[test]
    fn latest_start_for_end_examples() {
        let cases = [
            // (end, months, latest start)
            ("2026-02-28", 6, "2025-08-31"),
            ("2026-02-27", 6, "2025-08-27"),
            ("2026-12-31", 12, "2025-12-31"),
            ("2027-02-27", 12, "2026-02-27"),
            ("2027-02-28", 12, "2026-02-28"),
            ("2024-02-29", 1, "2024-01-31"),
            ("2024-02-29", 12, "2023-02-28"),
            ("2025-02-28", 12, "2024-02-29"),
            ("2028-02-29", 48, "2024-02-29"),
            ("2025-03-30", 1, "2025-02-28"),
            ("2025-03-31", 1, "2025-02-28"),
            ("2025-04-30", 1, "2025-03-31"),
            ("2025-04-29", 1, "2025-03-29"),
            ("2100-02-28", 1, "2100-01-31"),
            ("2000-02-29", 1, "2000-01-31"),
            ("2000-02-28", 1, "2000-01-28"),
            ("2025-06-15", 0, "2025-06-15"),
            ("2025-06-30", 0, "2025-06-30"),
        ];
        for (end, months, want) in cases {
            let got = latest_start_for_end(parse(end), months);
            assert_eq!(got, parse(want), "end {end}, {months} months");
        }
    }

    #[test]
    fn latest_start_for_end_is_exact_over_a_range() {
        // For every end date 1999–2032 and 0–40 months: L works, L + 1 day does not.
        let mut end = d(1999, 1, 1);
        while end <= d(2032, 12, 31) {
            for months in 0..=40 {
                let l = latest_start_for_end(end, months);
                assert!(
                    add_months(l, months) <= end,
                    "end {end}, {months}: {l} too late"
                );
                let next = l.succ_opt().unwrap();
                assert!(
                    add_months(next, months) > end,
                    "end {end}, {months}: {next} also fits, {l} is not the latest"
                );
            }
            end = end.succ_opt().unwrap();
        }
    }

    #[test]
    fn latest_start_for_end_at_range_limits() {
        assert_eq!(latest_start_for_end(NaiveDate::MIN, 1), NaiveDate::MIN);
        assert_eq!(
            latest_start_for_end(d(2025, 1, 1), u32::MAX),
            NaiveDate::MIN
        );
        assert_eq!(latest_start_for_end(NaiveDate::MIN, 0), NaiveDate::MIN);
        assert_eq!(latest_start_for_end(NaiveDate::MAX, 0), NaiveDate::MAX);
        let l = latest_start_for_end(NaiveDate::MAX, 1);
        assert_eq!(l, d(NaiveDate::MAX.year(), 11, 30));
        // Nov 30 + 1 month is Dec 30; Dec 1 + 1 month would leave the range.
        assert_eq!(add_months(l, 1), d(NaiveDate::MAX.year(), 12, 30));
        // Earliest month of the range: exists, and is exact.
        let end = d(NaiveDate::MIN.year(), 2, 28);
        assert_eq!(
            latest_start_for_end(end, 1),
            d(NaiveDate::MIN.year(), 1, 31)
        );
    }

    // ---- Easter ----

    #[test]
    fn easter_known_dates() {
        for (year, want) in [
            (1818, "1818-03-22"), // earliest possible
            (2285, "2285-03-22"), // earliest possible
            (1943, "1943-04-25"), // latest possible
            (2038, "2038-04-25"), // latest possible
            (1886, "1886-04-25"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2008, "2008-03-23"),
            (2016, "2016-03-27"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2000, "2000-04-23"),
            (1961, "1961-04-02"),
            (1583, "1583-04-10"),
        ] {
            assert_eq!(easter_sunday(year), parse(want), "Easter {year}");
        }
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april_for_all_years() {
        for year in [NaiveDate::MIN.year(), -1, 0, 1, NaiveDate::MAX.year()]
            .into_iter()
            .chain(1500..=3000)
        {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sun, "{year}");
            assert!(e >= d(year, 3, 22) && e <= d(year, 4, 25), "{year}: {e}");
        }
    }

    // ---- holidays ----

    #[test]
    fn holidays_2025() {
        let got = swedish_holidays(2025);
        let want = [
            ("2025-01-01", "nyårsdagen"),
            ("2025-01-06", "trettondedag jul"),
            ("2025-04-18", "långfredagen"),
            ("2025-04-20", "påskdagen"),
            ("2025-04-21", "annandag påsk"),
            ("2025-05-01", "första maj"),
            ("2025-05-29", "Kristi himmelsfärdsdag"),
            ("2025-06-06", "nationaldagen"),
            ("2025-06-08", "pingstdagen"),
            ("2025-06-20", "midsommarafton"),
            ("2025-06-21", "midsommardagen"),
            ("2025-11-01", "alla helgons dag"),
            ("2025-12-24", "julafton"),
            ("2025-12-25", "juldagen"),
            ("2025-12-26", "annandag jul"),
            ("2025-12-31", "nyårsafton"),
        ];
        let want: Vec<_> = want.iter().map(|&(s, n)| (parse(s), n)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn historical_law_nationaldagen_annandag_pingst_marie_bebadelsedag() {
        // 2004: annandag pingst, no nationaldagen.
        assert_eq!(swedish_holiday(d(2004, 5, 31)), Some("annandag pingst"));
        assert_eq!(swedish_holiday(d(2004, 6, 6)), None);
        // 2005: nationaldagen, no annandag pingst (16 May 2005).
        assert_eq!(swedish_holiday(d(2005, 6, 6)), Some("nationaldagen"));
        assert_eq!(swedish_holiday(d(2005, 5, 16)), None);
        // Marie bebådelsedag up to 1989, never after.
        assert_eq!(swedish_holiday(d(1989, 3, 12)), Some("Marie bebådelsedag")); // Easter 26 Mar
        assert_eq!(swedish_holiday(d(1988, 3, 20)), Some("Marie bebådelsedag")); // 27th is palm Sunday
        assert_eq!(swedish_holiday(d(1988, 3, 27)), None);
        assert_eq!(swedish_holiday(d(1987, 3, 22)), Some("Marie bebådelsedag"));
        assert_eq!(swedish_holiday(d(1990, 3, 25)), None);
        for year in 1953..=1989 {
            let n = swedish_holidays(year)
                .iter()
                .filter(|&&(day, name)| {
                    name == "Marie bebådelsedag" && day.weekday() == Weekday::Sun
                })
                .count();
            assert_eq!(n, 1, "{year}");
        }
    }

    #[test]
    fn coinciding_holidays_are_all_listed() {
        // 2008: Kristi himmelsfärdsdag on första maj.
        assert_eq!(swedish_holiday(d(2008, 5, 1)), Some("första maj"));
        let may1: Vec<_> = swedish_holidays(2008)
            .into_iter()
            .filter(|&(day, _)| day == d(2008, 5, 1))
            .map(|(_, n)| n)
            .collect();
        assert_eq!(may1, ["första maj", "Kristi himmelsfärdsdag"]);
        // 2049: pingstdagen on nationaldagen.
        assert_eq!(swedish_holiday(d(2049, 6, 6)), Some("nationaldagen"));
        assert_eq!(
            swedish_holidays(2049)
                .iter()
                .filter(|&&(day, _)| day == d(2049, 6, 6))
                .count(),
            2
        );
    }

    #[test]
    fn midsommar_and_alla_helgons_bounds() {
        for year in 1900..=2200 {
            let list = swedish_holidays(year);
            let find = |name: &str| list.iter().find(|&&(_, n)| n == name).unwrap().0;
            let dagen = find("midsommardagen");
            let afton = find("midsommarafton");
            let alla = find("alla helgons dag");
            assert_eq!(dagen.weekday(), Weekday::Sat);
            assert!(
                dagen >= d(year, 6, 20) && dagen <= d(year, 6, 26),
                "{dagen}"
            );
            assert_eq!(afton.weekday(), Weekday::Fri);
            assert_eq!(afton.succ_opt(), Some(dagen));
            assert!(
                afton >= d(year, 6, 19) && afton <= d(year, 6, 25),
                "{afton}"
            );
            assert_eq!(alla.weekday(), Weekday::Sat);
            assert!(alla >= d(year, 10, 31) && alla <= d(year, 11, 6), "{alla}");
        }
        // The bounds themselves are reached.
        assert_eq!(swedish_holiday(d(2026, 6, 20)), Some("midsommardagen"));
        assert_eq!(swedish_holiday(d(2026, 6, 19)), Some("midsommarafton"));
        assert_eq!(swedish_holiday(d(2027, 6, 26)), Some("midsommardagen"));
        assert_eq!(swedish_holiday(d(2027, 6, 25)), Some("midsommarafton"));
        assert_eq!(swedish_holiday(d(2026, 10, 31)), Some("alla helgons dag"));
        assert_eq!(swedish_holiday(d(2027, 11, 6)), Some("alla helgons dag"));
    }

    #[test]
    fn easter_relative_holidays() {
        // 2026: Easter 5 April.
        assert_eq!(swedish_holiday(d(2026, 4, 3)), Some("långfredagen"));
        assert_eq!(swedish_holiday(d(2026, 4, 4)), None); // påskafton is not counted
        assert_eq!(swedish_holiday(d(2026, 4, 5)), Some("påskdagen"));
        assert_eq!(swedish_holiday(d(2026, 4, 6)), Some("annandag påsk"));
        assert_eq!(
            swedish_holiday(d(2026, 5, 14)),
            Some("Kristi himmelsfärdsdag")
        );
        assert_eq!(swedish_holiday(d(2026, 5, 24)), Some("pingstdagen"));
        assert_eq!(swedish_holiday(d(2026, 5, 25)), None); // annandag pingst gone since 2005
    }

    #[test]
    fn weekends_are_non_working_but_not_holidays() {
        let saturday = d(2026, 3, 7);
        assert_eq!(swedish_holiday(saturday), None);
        assert!(is_non_working_day(saturday));
        assert!(is_non_working_day(d(2026, 3, 8)));
        assert!(!is_non_working_day(d(2026, 3, 9)));
        assert!(is_non_working_day(d(2026, 12, 24))); // julafton, Thursday
        assert!(is_non_working_day(d(2025, 12, 31))); // nyårsafton, Wednesday
        assert!(!is_non_working_day(d(2026, 4, 30))); // valborgsmässoafton is not counted
    }

    #[test]
    fn list_and_lookup_agree_and_are_sorted() {
        for year in 1940..=2110 {
            let list = swedish_holidays(year);
            assert!(list.windows(2).all(|w| w[0].0 <= w[1].0), "{year} unsorted");
            for &(day, _) in &list {
                assert_eq!(day.year(), year);
                let first = list.iter().find(|&&(x, _)| x == day).unwrap().1;
                assert_eq!(swedish_holiday(day), Some(first), "{day}");
            }
            let mut day = d(year, 1, 1);
            while day.year() == year {
                let listed = list.iter().any(|&(x, _)| x == day);
                assert_eq!(swedish_holiday(day).is_some(), listed, "{day}");
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn holidays_at_range_limits_do_not_panic() {
        assert!(!swedish_holidays(NaiveDate::MIN.year()).is_empty());
        assert!(!swedish_holidays(NaiveDate::MAX.year()).is_empty());
        assert!(swedish_holidays(NaiveDate::MAX.year() + 1).is_empty());
        assert!(swedish_holidays(NaiveDate::MIN.year() - 1).is_empty());
        assert!(swedish_holidays(i32::MAX).is_empty());
        assert!(swedish_holidays(i32::MIN).is_empty());
        assert_eq!(swedish_holiday(NaiveDate::MAX), Some("nyårsafton"));
        assert_eq!(swedish_holiday(NaiveDate::MIN), Some("nyårsdagen"));
    }

    // ---- adjustment (Lag 1930:173) ----

    #[test]
    fn adjust_chains() {
        let se = HolidayCalendar::Swedish;
        // julafton (Thu) → juldagen, annandag jul, weekend → Monday 28th.
        assert_eq!(se.adjust(d(2026, 12, 24)), d(2026, 12, 28));
        // midsommarafton (Fri) → midsommardagen, Sunday → Monday.
        assert_eq!(se.adjust(d(2026, 6, 19)), d(2026, 6, 22));
        // långfredagen → påskafton, påskdagen, annandag påsk → Tuesday.
        assert_eq!(se.adjust(d(2026, 4, 3)), d(2026, 4, 7));
        // nyårsafton (Thu) → nyårsdagen (Fri), weekend → Monday 4 Jan.
        assert_eq!(se.adjust(d(2026, 12, 31)), d(2027, 1, 4));
        // Ordinary Saturday → Monday.
        assert_eq!(se.adjust(d(2026, 3, 7)), d(2026, 3, 9));
        // Kristi himmelsfärdsdag (Thu) → Friday (klämdag is a working day).
        assert_eq!(se.adjust(d(2026, 5, 14)), d(2026, 5, 15));
        // 2004 annandag pingst was a holiday, 2025's Whit Monday is not.
        assert_eq!(se.adjust(d(2004, 5, 30)), d(2004, 6, 1));
        assert_eq!(se.adjust(d(2025, 6, 9)), d(2025, 6, 9));
        // nationaldagen on a Friday from 2005 only.
        assert_eq!(se.adjust(d(2025, 6, 6)), d(2025, 6, 9));
        assert_eq!(se.adjust(d(2003, 6, 6)), d(2003, 6, 6));
        // Working days stay.
        assert_eq!(se.adjust(d(2026, 3, 10)), d(2026, 3, 10));
    }

    #[test]
    fn adjust_none_changes_nothing() {
        let none = HolidayCalendar::None;
        for day in [d(2026, 12, 24), d(2026, 3, 7), d(2026, 4, 3)] {
            assert_eq!(none.adjust(day), day);
        }
    }

    #[test]
    fn adjust_result_is_working_day_and_minimal() {
        let se = HolidayCalendar::Swedish;
        let mut day = d(1990, 1, 1);
        while day <= d(2040, 12, 31) {
            let out = se.adjust(day);
            assert!(!is_non_working_day(out), "{day} -> {out}");
            assert!(out >= day && (out - day).num_days() <= 5, "{day} -> {out}");
            let mut between = day;
            while between < out {
                assert!(
                    is_non_working_day(between),
                    "{day} skipped working {between}"
                );
                between = between.succ_opt().unwrap();
            }
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn adjust_saturates_at_max() {
        assert_eq!(
            HolidayCalendar::Swedish.adjust(NaiveDate::MAX),
            NaiveDate::MAX
        );
        assert_eq!(HolidayCalendar::None.adjust(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn settings_round_trip() {
        assert_eq!(HolidayCalendar::default(), HolidayCalendar::Swedish);
        for cal in [HolidayCalendar::Swedish, HolidayCalendar::None] {
            assert_eq!(HolidayCalendar::from_setting(cal.setting()), Some(cal));
        }
        assert_eq!(HolidayCalendar::from_setting("se"), None);
        assert_eq!(HolidayCalendar::from_setting(""), None);
    }
}
