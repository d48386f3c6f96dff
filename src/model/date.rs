//! Dates as the registry writes them: TOML local dates, and for meetings local date-times.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, de};
use toml::value::Datetime;

/// A TOML date-time as read: a plain local date (the registry's commonest value), parsed
/// once from its text, or anything else, parsed by `toml_datetime`.
enum Read {
    Plain(NaiveDate),
    Other(Datetime),
}

/// The names under which toml hands a date-time to serde: a struct of one field holding
/// the date-time's text (`toml_datetime`'s own `Deserialize` asks for it the same way).
pub(crate) const TOML_DATETIME: &str = "$__toml_private_Datetime";
pub(crate) const TOML_DATETIME_FIELD: &str = "$__toml_private_datetime";

/// `YYYY-MM-DD` as a calendar day; None for any other text (a date-time, an offset, a day
/// the calendar lacks), which `toml_datetime` then reads and the caller words.
fn plain_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// Whether `text` is a plain `YYYY-MM-DD` of the calendar, which TOML reads as that day.
pub(crate) fn is_plain_date(text: &str) -> bool {
    plain_date(text).is_some()
}

struct DatetimeText;

impl<'de> DeserializeSeed<'de> for DatetimeText {
    type Value = Read;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for DatetimeText {
    type Value = Read;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML date-time")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Read, E> {
        match plain_date(text) {
            Some(day) => Ok(Read::Plain(day)),
            None => text.parse().map(Read::Other).map_err(E::custom),
        }
    }
}

/// Reads a TOML date-time, and for [`DayOrMonth`] also a month string.
struct DatetimeOrMonth;

impl<'de> Visitor<'de> for DatetimeOrMonth {
    type Value = Result<Read, String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML date")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if map.next_key::<de::IgnoredAny>()?.is_none() {
            return Err(de::Error::custom("datetime key not found"));
        }
        map.next_value_seed(DatetimeText).map(Ok)
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Err(text.to_owned()))
    }
}

fn read_datetime<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Read, D::Error> {
    deserializer
        .deserialize_struct(TOML_DATETIME, &[TOML_DATETIME_FIELD], DatetimeOrMonth)?
        .map_err(|text| de::Error::custom(format!("expected a TOML date, found {text:?}")))
}

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

impl Date {
    /// A date-time that is not a plain `YYYY-MM-DD` (see [`plain_date`]): a local date
    /// whose day the calendar lacks, or something that is no local date at all.
    fn from_datetime<E: de::Error>(value: Datetime) -> Result<Date, E> {
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

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match read_datetime(deserializer)? {
            Read::Plain(day) => Ok(Date(day)),
            Read::Other(value) => Date::from_datetime(value),
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
        let value = match read_datetime(deserializer)? {
            Read::Plain(date) => return Ok(MeetingTime { date, time: None }),
            Read::Other(value) => value,
        };
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

/// JSON writes a day as `"2020-04-30"` and a month as `"2020-11"`, as the registry does.
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
        match deserializer.deserialize_any(DatetimeOrMonth)? {
            Ok(Read::Plain(day)) => Ok(DayOrMonth::Day(day)),
            Ok(Read::Other(value)) => Date::from_datetime(value).map(|d| DayOrMonth::Day(d.0)),
            Err(s) => parse_month(&s).map(DayOrMonth::Month).ok_or_else(|| {
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

    #[test]
    fn a_plain_date_is_read_from_its_text_and_anything_else_as_toml_datetime_reads_it() {
        assert_eq!(
            plain_date("2026-03-20"),
            NaiveDate::from_ymd_opt(2026, 3, 20)
        );
        for other in [
            "2026-02-30",
            "2026-03-20T09:30:00",
            "2026-3-200",
            "20260320xx",
        ] {
            assert_eq!(plain_date(other), None, "{other}");
        }
        #[derive(Debug, Deserialize)]
        struct Both {
            day: Date,
            at: MeetingTime,
            plain: MeetingTime,
        }
        let doc: Both =
            toml::from_str("day = 2026-03-20\nat = 2026-03-20T09:30:00\nplain = 2026-03-21\n")
                .unwrap();
        assert_eq!(doc.day.0, NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
        assert_eq!(doc.at.to_string(), "2026-03-20T09:30:00");
        assert_eq!(doc.plain.to_string(), "2026-03-21");
        let wrong = toml::from_str::<Both>(
            "day = 2026-03-20T09:30:00\nat = 2026-03-20\nplain = 2026-03-21\n",
        )
        .unwrap_err();
        assert!(
            wrong
                .message()
                .contains("expected a local date such as 2026-03-20, found 2026-03-20T09:30:00"),
            "{wrong}"
        );
    }

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
