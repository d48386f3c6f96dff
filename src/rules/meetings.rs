//! Meeting rules: how often bodies meet, how a year ends, and when meetings may be held.

use chrono::{Datelike, NaiveDate};

use super::{Context, rule};
use crate::calendar;
use crate::finding::Finding;
use crate::model::{Body, Entity, MeetingEntry, Registry};
use crate::msg;

rule!(TOO_FEW_MEETINGS, "too-few-meetings", "meetings", Error);
rule!(LAST_MEETING_KIND, "last-meeting-kind", "meetings", Error);
rule!(
    MEETING_INACTIVE_BODY,
    "meeting-inactive-body",
    "meetings",
    Error
);
rule!(MEETING_ON_HOLIDAY, "meeting-on-holiday", "meetings", Warn);

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
            msg!(
                "meeting-wrong-file",
                date = meeting.date.get_ref().to_string(),
                file_year = m.file_year.to_string(),
                year = day.year().to_string()
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
                msg!(
                    "meeting-before-established",
                    body = &body.id,
                    date = meeting.date.get_ref().to_string(),
                    established = established.to_string()
                ),
            ));
        } else if let Some(ends) = &b.ends
            && day > ends.get_ref().0
            && agreement_end.is_none_or(|end| day <= end)
        {
            // After the agreement's end it is body-outlives-agreement alone.
            out.push(MEETING_INACTIVE_BODY.finding(
                m.at(&meeting.date),
                msg!(
                    "meeting-after-body-end",
                    body = &body.id,
                    date = meeting.date.get_ref().to_string(),
                    ends = ends.get_ref().to_string()
                ),
            ));
        }
    }
    // Holidays by their Swedish names, in every language.
    let what: Option<crate::finding::Arg> = match calendar::swedish_holiday(day) {
        Some(holiday) => Some(holiday.into()),
        None => match day.weekday() {
            chrono::Weekday::Sat => Some(msg!("day-saturday").into()),
            chrono::Weekday::Sun => Some(msg!("day-sunday").into()),
            _ => None,
        },
    };
    if let Some(what) = what {
        out.push(MEETING_ON_HOLIDAY.finding(
            m.at(&meeting.date),
            msg!(
                "meeting-on-holiday",
                body = meeting.body.get_ref(),
                date = meeting.date.get_ref().to_string(),
                day = what
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
                msg!(
                    "too-few-meetings",
                    body = body_id,
                    count = of_year.len(),
                    year = year.to_string(),
                    min = min.get_ref().to_string()
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
                        msg!(
                            "last-meeting-kind",
                            body = body_id,
                            year = year.to_string(),
                            date = meeting.date.get_ref().to_string(),
                            kind = meeting.kind().as_str(),
                            expected = kind.get_ref().as_str()
                        ),
                    ));
                }
                Some(_) => {}
                None => out.push(LAST_MEETING_KIND.finding(
                    body.at(kind),
                    msg!(
                        "last-meeting-missing",
                        body = body_id,
                        year = year.to_string(),
                        expected = kind.get_ref().as_str()
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
