//! Dates as the registry writes them: TOML local dates, and for meetings local date-times.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, de};
use toml::value::Datetime;

/// A calendar day (a TOML local date such as `2026-03-20`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

fn to_naive_date(d: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Datetime::deserialize(deserializer)?;
        match (value.date, value.time, value.offset) {
            (Some(date), None, None) => to_naive_date(date)
                .map(Date)
                .ok_or_else(|| de::Error::custom(format!("{value} is not a day of the calendar"))),
            _ => Err(de::Error::custom(format!(
                "expected a local date such as 2026-03-20, found {value}"
            ))),
        }
    }
}

/// When a meeting takes place: a day, or a day and a local time (Europe/Stockholm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingTime {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl MeetingTime {
    pub fn date_time(self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }
}

impl fmt::Display for MeetingTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(
                f,
                "{}T{}",
                self.date.format("%Y-%m-%d"),
                t.format("%H:%M:%S")
            ),
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

impl<'de> Deserialize<'de> for MeetingTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Datetime::deserialize(deserializer)?;
        let invalid = || de::Error::custom(format!("{value} is not a day of the calendar"));
        match (value.date, value.time, value.offset) {
            (Some(date), time, None) => {
                let date = to_naive_date(date).ok_or_else(invalid)?;
                let time = match time {
                    Some(t) => Some(
                        NaiveTime::from_hms_nano_opt(
                            u32::from(t.hour),
                            u32::from(t.minute),
                            u32::from(t.second.unwrap_or(0)),
                            t.nanosecond.unwrap_or(0),
                        )
                        .ok_or_else(|| de::Error::custom(format!("{value} is not a valid time")))?,
                    ),
                    None => None,
                };
                Ok(MeetingTime { date, time })
            }
            _ => Err(de::Error::custom(format!(
                "expected a local date (2026-03-20) or local date-time (2026-03-20T09:30:00) without a time zone, found {value}"
            ))),
        }
    }
}

/// A day, or where the sources give only a month, a month (`"2020-11"`): some day of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOrMonth {
    Day(NaiveDate),
    /// The first day of the month.
    Month(NaiveDate),
}

impl DayOrMonth {
    /// The first day it may be.
    pub fn first(self) -> NaiveDate {
        match self {
            DayOrMonth::Day(d) | DayOrMonth::Month(d) => d,
        }
    }

    /// The last day it may be: a duty due in a month is due on its last day.
    pub fn last(self) -> NaiveDate {
        match self {
            DayOrMonth::Day(d) => d,
            DayOrMonth::Month(first) => first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(first),
        }
    }
}

impl fmt::Display for DayOrMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayOrMonth::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DayOrMonth::Month(d) => write!(f, "{}", d.format("%Y-%m")),
        }
    }
}

/// JSON writes a month as `"YYYY-MM"` and a day as `"YYYY-MM-DD"`: never an invented day.
impl serde::Serialize for DayOrMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `"YYYY-MM"` as the first day of that month; None for anything else (`"2020-13"`).
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (year, month) = s.split_once('-')?;
    if year.len() != 4
        || month.len() != 2
        || !(year.bytes().chain(month.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

impl<'de> Deserialize<'de> for DayOrMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Day(Date),
            Month(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Day(d) => Ok(DayOrMonth::Day(d.0)),
            Raw::Month(s) => parse_month(&s).map(DayOrMonth::Month).ok_or_else(|| {
                de::Error::custom(format!(
                    "{s:?} is not a month; expected a date such as 2020-04-30 or a month such as \"2020-11\""
                ))
            }),
        }
    }
}

#[cfg(test)]
mod day_or_month_tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Doc {
        when: DayOrMonth,
    }

    fn when(text: &str) -> Result<DayOrMonth, String> {
        toml::from_str::<Doc>(text)
            .map(|d| d.when)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_day_or_a_month() {
        let day = NaiveDate::from_ymd_opt(2020, 4, 30).unwrap();
        assert_eq!(when("when = 2020-04-30"), Ok(DayOrMonth::Day(day)));
        let month = when("when = \"2020-11\"").unwrap();
        assert_eq!(month.first(), NaiveDate::from_ymd_opt(2020, 11, 1).unwrap());
        assert_eq!(month.last(), NaiveDate::from_ymd_opt(2020, 11, 30).unwrap());
        assert_eq!(month.to_string(), "2020-11");
        assert_eq!(
            when("when = \"2024-02\"").unwrap().last(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        for bad in [
            "\"2020-13\"",
            "\"2020-1\"",
            "\"hösten 2020\"",
            "\"2020-11-01\"",
            "2020-11-01T10:00:00",
        ] {
            assert!(when(&format!("when = {bad}")).is_err(), "{bad}");
        }
    }
}
