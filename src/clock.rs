//! The one place the tool reads the clock: the default for `--today`.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

/// Today's date in Europe/Stockholm (CET, CEST from the last Sunday of March to the last
/// Sunday of October, switching at 01:00 UTC).
pub fn today_in_stockholm() -> NaiveDate {
    stockholm_date(Utc::now())
}

fn stockholm_date(now: DateTime<Utc>) -> NaiveDate {
    let year = now.year();
    let switch = |month: u32| {
        let last =
            NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
        let back = last.weekday().num_days_from_sunday();
        let sunday = last - Duration::days(i64::from(back));
        Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).expect("01:00 exists"))
    };
    let summer = now >= switch(3) && now < switch(10);
    let offset = if summer { 2 } else { 1 };
    (now + Duration::hours(offset)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_stockholm() {
        assert_eq!(
            stockholm_date(at("2026-11-24T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
        );
        assert_eq!(
            stockholm_date(at("2026-07-01T22:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 2).unwrap()
        );
        assert_eq!(
            stockholm_date(at("2026-07-01T21:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
    }

    #[test]
    fn summer_time_starts_on_the_last_sunday_of_march() {
        // 2026-03-29 is the last Sunday of March.
        assert_eq!(
            stockholm_date(at("2026-03-28T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(
            stockholm_date(at("2026-03-29T22:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 3, 30).unwrap()
        );
    }
}
