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
