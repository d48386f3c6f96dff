//! Meeting rules: how often bodies meet, how a year ends, and when meetings may be held.

use chrono::{Datelike, NaiveDate};

use super::{Context, rule};
use crate::calendar;
use crate::finding::Finding;
use crate::model::{Body, Entity, MeetingEntry, Registry};

rule!(
    TOO_FEW_MEETINGS,
    "too-few-meetings",
    "meetings",
    Error,
    "a finished year has fewer meetings than `per_year_min`"
);
rule!(
    LAST_MEETING_KIND,
    "last-meeting-kind",
    "meetings",
    Error,
    "a finished year's last meeting is not of kind `last_of_year`"
);
rule!(
    MEETING_INACTIVE_BODY,
    "meeting-inactive-body",
    "meetings",
    Error,
    "a meeting outside its body's active period, or filed under another year"
);
rule!(
    MEETING_ON_HOLIDAY,
    "meeting-on-holiday",
    "meetings",
    Warn,
    "a meeting on a weekend or Swedish public holiday or eve"
);

pub static RULES: &[&super::Rule] = &[
    &TOO_FEW_MEETINGS,
    &LAST_MEETING_KIND,
    &MEETING_INACTIVE_BODY,
    &MEETING_ON_HOLIDAY,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for m in &ctx.reg.meetings {
        meeting_dates(ctx.reg, m, out);
    }
    for (body_id, body) in &ctx.reg.bodies {
        yearly(ctx, body_id, body, out);
    }
}

fn meeting_dates(reg: &Registry, m: &MeetingEntry, out: &mut Vec<Finding>) {
    let meeting = m.get();
    let day = meeting.day();
    if day.year() != m.file_year {
        out.push(MEETING_INACTIVE_BODY.finding(
            m.at(&meeting.date),
            format!(
                "a meeting on {} is filed in meetings/{}.toml; move it to meetings/{}.toml",
                meeting.date.get_ref(),
                m.file_year,
                day.year()
            ),
        ));
    }
    if let Some(body) = reg.bodies.get(meeting.body.get_ref()) {
        let b = &body.value;
        let agreement_end = reg.agreement_end(b.agreement.get_ref());
        let established = b.established.get_ref().0;
        if day < established {
            out.push(MEETING_INACTIVE_BODY.finding(
                m.at(&meeting.date),
                format!(
                    "{} meets on {}, before it was established on {established}",
                    body.id,
                    meeting.date.get_ref()
                ),
            ));
        } else if let Some(ends) = &b.ends
            && day > ends.get_ref().0
            && agreement_end.is_none_or(|end| day <= end)
        {
            // After the agreement's end it is body-outlives-agreement alone.
            out.push(MEETING_INACTIVE_BODY.finding(
                m.at(&meeting.date),
                format!(
                    "{} meets on {}, after it ended on {}",
                    body.id,
                    meeting.date.get_ref(),
                    ends.get_ref()
                ),
            ));
        }
    }
    let what = match calendar::swedish_holiday(day) {
        Some(holiday) => Some(holiday.to_owned()),
        None => match day.weekday() {
            chrono::Weekday::Sat => Some("a Saturday".to_owned()),
            chrono::Weekday::Sun => Some("a Sunday".to_owned()),
            _ => None,
        },
    };
    if let Some(what) = what {
        out.push(MEETING_ON_HOLIDAY.finding(
            m.at(&meeting.date),
            format!(
                "{} meets on {}, which is {what}",
                meeting.body.get_ref(),
                meeting.date.get_ref()
            ),
        ));
    }
}

/// Years that ended before today and during all of which the body was active.
fn finished_years(reg: &Registry, body: &Body, today: NaiveDate) -> impl Iterator<Item = i32> {
    let (start, end) = reg.body_active(body);
    let first = if start.ordinal() == 1 {
        start.year()
    } else {
        start.year() + 1
    };
    let last_done = today.year() - 1;
    let last = end.map_or(last_done, |e| {
        let full = if e.month() == 12 && e.day() == 31 {
            e.year()
        } else {
            e.year() - 1
        };
        full.min(last_done)
    });
    first..=last
}

fn yearly(ctx: &Context, body_id: &str, body: &Entity<Body>, out: &mut Vec<Finding>) {
    let Some(rule) = &body.value.meetings else {
        return;
    };
    let rule = rule.get_ref();
    if rule.per_year_min.is_none() && rule.last_of_year.is_none() {
        return;
    }
    let meetings: Vec<&MeetingEntry> = ctx.reg.meetings_of(body_id).collect();
    for year in finished_years(ctx.reg, &body.value, ctx.today) {
        let from = meetings.partition_point(|m| m.get().day().year() < year);
        let to = meetings.partition_point(|m| m.get().day().year() <= year);
        let of_year = &meetings[from..to];
        if let Some(min) = &rule.per_year_min
            && (of_year.len() as u64) < u64::from(*min.get_ref())
        {
            out.push(TOO_FEW_MEETINGS.finding(
                body.at(min),
                format!(
                    "{body_id} met {} time{} in {year}; it meets at least {} times a year",
                    of_year.len(),
                    if of_year.len() == 1 { "" } else { "s" },
                    min.get_ref()
                ),
            ));
        }
        if let Some(kind) = &rule.last_of_year {
            match of_year.last() {
                Some(last) if last.get().kind() != *kind.get_ref() => {
                    let meeting = last.get();
                    let at = meeting
                        .kind
                        .as_ref()
                        .map_or_else(|| last.at(&meeting.date), |k| last.at(k));
                    out.push(LAST_MEETING_KIND.finding(
                        at,
                        format!(
                            "the last meeting of {body_id} in {year} ({}) is of kind \"{}\"; the year ends with a \"{}\"",
                            meeting.date.get_ref(),
                            meeting.kind().as_str(),
                            kind.get_ref().as_str()
                        ),
                    ));
                }
                Some(_) => {}
                None => out.push(LAST_MEETING_KIND.finding(
                    body.at(kind),
                    format!(
                        "{body_id} has no meeting in {year}; the year ends with a \"{}\"",
                        kind.get_ref().as_str()
                    ),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date};

    const BASE: &[(&str, &str)] = &[
        ("registry.toml", "name = \"T\"\n"),
        ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
        ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
        (
            "agreements/a.toml",
            "title = \"A\"\nparties = [\"r\", \"k\"]\neffective = 2020-01-01\n",
        ),
        (
            "bodies/s.toml",
            "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-03-01\n[seats]\ndefault = { ordinary = 1, substitutes = 1 }\n[meetings]\nper_year_min = 1\n",
        ),
    ];

    #[test]
    fn only_years_the_body_was_active_throughout_and_that_are_over_count() {
        // Established in March 2024: 2024 is not a full year; 2025 is over by 2026-06-01.
        let found = codes(BASE, date(2026, 6, 1));
        assert_eq!(
            found,
            vec![(
                "too-few-meetings".to_owned(),
                "bodies/s.toml".to_owned(),
                10
            )]
        );
        // On 2025-12-31 no year is finished yet.
        assert!(codes(BASE, date(2025, 12, 31)).is_empty());
    }
}
