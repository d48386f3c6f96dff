//! The schedule and the deadlines as iCalendar (RFC 5545) for calendar applications.
//!
//! - One `VEVENT` per event; its `UID` is the view's stable id + `@samverkan`, so
//!   importing the file again updates events instead of doubling them.
//! - `DTSTAMP` is midnight UTC of `--today`, never the clock: the same registry and
//!   `--today` give byte-identical output.
//! - Days are all-day events (`VALUE=DATE`, `DTEND` the day after); a meeting with a time
//!   starts at that local time in Europe/Stockholm, described by a `VTIMEZONE`.
//! - Text values are escaped (`\\`, `\;`, `\,`, `\n`), control characters made visible,
//!   lines end in CRLF and are folded at 75 octets without splitting a character.
//! - A deadline sits on its day to act by.

use chrono::{NaiveDate, NaiveDateTime};

use super::deadline_words;
use super::sanitize::terminal;
use super::words;
use crate::i18n::Lang;
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::schedule::{EventKind, Schedule};

const PRODID: &str = "-//samverkan//samverkan//SV";

const STOCKHOLM: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// An iCalendar document being written, line by line.
struct Calendar {
    out: String,
    stamp: String,
}

/// One event before it is written.
struct Vevent<'a> {
    uid: &'a str,
    date: NaiveDate,
    start: Option<NaiveDateTime>,
    /// A timed event's end; every timed event has one.
    end: Option<NaiveDateTime>,
    summary: &'a str,
    location: Option<&'a str>,
    description: Vec<String>,
    category: &'a str,
    /// Deadlines and term starts do not take up time.
    transparent: bool,
}

impl Calendar {
    fn new(name: Option<&str>, today: NaiveDate, timed: bool) -> Calendar {
        let mut cal = Calendar {
            out: String::new(),
            stamp: format!("{}T000000Z", today.format("%Y%m%d")),
        };
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!("PRODID:{PRODID}"),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] {
            cal.line(line);
        }
        if let Some(name) = name {
            cal.line(&format!("X-WR-CALNAME:{}", text(name)));
        }
        if timed {
            cal.line("X-WR-TIMEZONE:Europe/Stockholm");
            for line in STOCKHOLM {
                cal.line(line);
            }
        }
        cal
    }

    /// Writes a content line, folded to 75 octets a line (RFC 5545 § 3.1), never inside
    /// a character or between a backslash and the character it escapes. A physical line
    /// never ends in a blank: blanks before a fold move to the next line, because some
    /// readers trim line ends before unfolding.
    fn line(&mut self, line: &str) {
        let mut current = String::new();
        // The first physical line holds 75 octets; the others 74 after their leading blank.
        let mut limit = 75;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            let mut unit = String::from(c);
            if c == '\\'
                && let Some(next) = chars.next()
            {
                unit.push(next);
            }
            if current.len() + unit.len() > limit {
                let blanks = current.len() - current.trim_end_matches(' ').len();
                let carry = if blanks < current.len() {
                    current.split_off(current.len() - blanks)
                } else {
                    String::new()
                };
                self.out.push_str(&current);
                self.out.push_str("\r\n ");
                current = carry;
                limit = 74;
            }
            current.push_str(&unit);
        }
        self.out.push_str(&current);
        self.out.push_str("\r\n");
    }

    fn event(&mut self, e: &Vevent) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", text(&format!("{}@samverkan", e.uid))));
        self.line(&format!("DTSTAMP:{}", self.stamp));
        match e.start {
            Some(start) => {
                self.line(&format!(
                    "DTSTART;TZID=Europe/Stockholm:{}",
                    start.format("%Y%m%dT%H%M%S")
                ));
                let end = e.end.unwrap_or(start);
                self.line(&format!(
                    "DTEND;TZID=Europe/Stockholm:{}",
                    end.format("%Y%m%dT%H%M%S")
                ));
            }
            None => {
                self.line(&format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")));
                let end = e.date.succ_opt().unwrap_or(e.date);
                self.line(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
            }
        }
        self.line(&format!("SUMMARY:{}", text(e.summary)));
        if let Some(location) = e.location {
            self.line(&format!("LOCATION:{}", text(location)));
        }
        if !e.description.is_empty() {
            let lines: Vec<String> = e.description.iter().map(|l| text(l)).collect();
            self.line(&format!("DESCRIPTION:{}", lines.join("\\n")));
        }
        self.line(&format!("CATEGORIES:{}", text(e.category)));
        if e.transparent {
            self.line("TRANSP:TRANSPARENT");
        }
        self.line("END:VEVENT");
    }

    fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

/// A TEXT value (RFC 5545 § 3.3.11): controls made visible, then `\ ; ,` escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in terminal(s).chars() {
        if matches!(c, '\\' | ';' | ',') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn schedule(view: &Schedule, name: Option<&str>, today: NaiveDate, lang: Lang) -> String {
    let timed = view.events.iter().any(|e| e.start.is_some());
    let mut cal = Calendar::new(name, today, timed);
    for e in &view.events {
        let mut description = Vec::new();
        if let Some(b) = &e.body_name {
            description.push(tr!(lang, "ics-body", body = b.as_str()));
        }
        if let Some(k) = e.meeting_kind {
            description.push(tr!(
                lang,
                "ics-meeting-kind",
                kind = words::meeting_kind(lang, k)
            ));
        }
        if let Some(h) = e.host_name.as_ref().or(e.host.as_ref()) {
            description.push(tr!(lang, "ics-host", host = h.as_str()));
        }
        if let Some(c) = &e.chair {
            description.push(tr!(lang, "ics-chair", chair = c.as_str()));
        }
        if let Some(a) = e.adjusted.filter(|a| *a != e.date && e.done.is_none()) {
            description.push(tr!(lang, "ics-adjusted", date = a.to_string()));
        }
        let summary = words::event(lang, &e.what);
        let category = words::event_kind(lang, e.kind);
        cal.event(&Vevent {
            uid: &e.id,
            date: e.date,
            start: e.start,
            end: e.end,
            summary: &summary,
            location: e.place.as_deref(),
            description,
            category: &category,
            transparent: e.kind != EventKind::Meeting,
        });
    }
    cal.finish()
}

pub fn deadlines(view: &Deadlines, name: Option<&str>, lang: Lang) -> String {
    let mut cal = Calendar::new(name, view.today, false);
    for d in &view.deadlines {
        let mut description = vec![tr!(
            lang,
            "deadlines-ics-kind",
            kind = deadline_words::kind(lang, d.kind)
        )];
        description.push(if d.adjusted == d.date {
            tr!(lang, "deadlines-ics-date", date = d.date.to_string())
        } else {
            tr!(
                lang,
                "deadlines-ics-act-by",
                date = d.date.to_string(),
                act_by = d.adjusted.to_string()
            )
        });
        description.push(tr!(
            lang,
            "deadlines-ics-days-left",
            today = view.today.to_string(),
            days = d.days_left
        ));
        let summary = deadline_words::subject(lang, &d.subject);
        cal.event(&Vevent {
            uid: &d.id,
            date: d.adjusted,
            start: None,
            end: None,
            summary: &summary,
            location: None,
            description,
            category: d.kind.as_str(),
            transparent: true,
        });
    }
    cal.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a;b,c\\d"), "a\\;b\\,c\\\\d");
        assert_eq!(text("rad\nny"), "rad\\\\nny");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut cal = Calendar {
            out: String::new(),
            stamp: String::new(),
        };
        let line = format!("SUMMARY:{}", "å".repeat(80));
        cal.line(&line);
        for l in cal.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = cal.out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn folded_lines_do_not_end_in_blanks() {
        let mut cal = Calendar {
            out: String::new(),
            stamp: String::new(),
        };
        cal.line(&format!("SUMMARY:{} Dahl", "a".repeat(66)));
        assert_eq!(cal.out, format!("SUMMARY:{}\r\n  Dahl\r\n", "a".repeat(66)));
    }

    #[test]
    fn folding_keeps_escapes_whole() {
        let mut cal = Calendar {
            out: String::new(),
            stamp: String::new(),
        };
        cal.line(&format!("SUMMARY:{}\\,x", "a".repeat(66)));
        assert_eq!(cal.out, format!("SUMMARY:{}\r\n \\,x\r\n", "a".repeat(66)));
    }
}
