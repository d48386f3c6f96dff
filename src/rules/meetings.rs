//! Meeting rules: how often bodies meet, how a year ends, and when meetings may be held.

use chrono::{Datelike, NaiveDate};

use super::{Context, rule};
use crate::calendar;
use crate::finding::Finding;
use crate::model::attendance::{self, RosterIndex};
use crate::model::{Body, Entity, MeetingEntry, Registry};
use crate::msg;
use crate::rules::loading::DANGLING_REFERENCE;

rule!(TOO_FEW_MEETINGS, "too-few-meetings", "meetings", Error);
rule!(LAST_MEETING_KIND, "last-meeting-kind", "meetings", Error);
rule!(
    MEETING_INACTIVE_BODY,
    "meeting-inactive-body",
    "meetings",
    Error
);
rule!(MEETING_ON_HOLIDAY, "meeting-on-holiday", "meetings", Warn);
rule!(
    SUBSTITUTE_WITHOUT_ABSENCE,
    "substitute-without-absence",
    "meetings",
    Warn
);
rule!(PARTY_UNREPRESENTED, "party-unrepresented", "meetings", Warn);

pub static RULES: &[&super::Rule] = &[
    &TOO_FEW_MEETINGS,
    &LAST_MEETING_KIND,
    &MEETING_INACTIVE_BODY,
    &MEETING_ON_HOLIDAY,
    &SUBSTITUTE_WITHOUT_ABSENCE,
    &PARTY_UNREPRESENTED,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for m in &ctx.reg.meetings {
        meeting_dates(ctx.reg, m, out);
    }
    for (body_id, body) in &ctx.reg.bodies {
        yearly(ctx, body_id, body, out);
        attendance(ctx.reg, body_id, body, out);
    }
}

/// Attendance (format 2), at the meetings that record it: every name is a seat of the body
/// that day (`absent` an ordinary member or an ex officio place, `substitutes` a substitute;
/// anyone else is a `dangling-reference`, the rule for a person who does not exist), a
/// substitute sits in only for someone away, and every party is represented.
fn attendance(reg: &Registry, body_id: &str, body: &Entity<Body>, out: &mut Vec<Finding>) {
    let mut meetings = reg
        .meetings_of(body_id)
        .filter(|m| m.get().records_attendance())
        .peekable();
    if meetings.peek().is_none() {
        return;
    }
    let index = RosterIndex::new(reg, body_id);
    for m in meetings {
        let Some(seen) = attendance::attendance(reg, &body.value, &index, m.get()) else {
            continue;
        };
        let day = m.get().day().to_string();
        for e in seen.absent.iter().filter(|e| e.party.is_none()) {
            out.push(DANGLING_REFERENCE.finding(
                m.at(e.name),
                msg!(
                    "attendance-absent-unknown",
                    name = e.name.get_ref(),
                    body = body_id,
                    day = &day
                ),
            ));
        }
        for e in seen.substitutes.iter().filter(|e| e.party.is_none()) {
            out.push(DANGLING_REFERENCE.finding(
                m.at(e.name),
                msg!(
                    "attendance-substitute-unknown",
                    name = e.name.get_ref(),
                    body = body_id,
                    day = &day
                ),
            ));
        }
        for name in &seen.without_absence {
            out.push(SUBSTITUTE_WITHOUT_ABSENCE.finding(
                m.at(*name),
                msg!(
                    "substitute-without-absence",
                    name = name.get_ref(),
                    body = body_id,
                    day = &day
                ),
            ));
        }
        for (party, first) in &seen.unrepresented {
            out.push(PARTY_UNREPRESENTED.finding(
                m.at(*first),
                msg!(
                    "party-unrepresented",
                    party = *party,
                    body = body_id,
                    day = &day
                ),
            ));
        }
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

#[cfg(test)]
mod attendance_tests {
    use crate::rules::testing::{codes, date, with};

    /// Two municipalities (one with a paired substitute) and a region, every party seated;
    /// `seats` is added to the body's `[seats]`.
    fn registry(seats: &str, meeting: &str) -> Vec<(String, String, usize)> {
        let body = format!(
            "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n\
             [seats]\nevery_party = true\ndefault = {{ ordinary = 2, substitutes = 2 }}\n{seats}\
             ex_officio = [{{ role = \"chair\", of = \"b\" }}]\n"
        );
        let roster = "[[member]]\nname = \"R1\"\nparty = \"r\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\
            [[member]]\nname = \"K1\"\nparty = \"k\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\
            [[member]]\nname = \"K2\"\nparty = \"k\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\
            [[member]]\nname = \"KS\"\nparty = \"k\"\nrole = \"substitute\"\nfrom = 2024-01-01\nsubstitute_for = \"K1\"\n\
            [[member]]\nname = \"L1\"\nparty = \"l\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\
            [[member]]\nname = \"LS\"\nparty = \"l\"\nrole = \"substitute\"\nfrom = 2024-01-01\n\
            [[member]]\nname = \"Sekr\"\nrole = \"secretary\"\nfrom = 2024-01-01\n";
        let meetings = format!("[[meeting]]\nbody = \"s\"\ndate = 2026-03-20\n{meeting}");
        let base = [
            ("registry.toml", "name = \"T\"\n"),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
            ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
            ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n"),
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\n",
            ),
            (
                "bodies/b.toml",
                "name = \"B\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n\
                 [seats]\ndefault = { ordinary = 1, substitutes = 0 }\n[chair]\nrule = \"elected\"\n",
            ),
            (
                "members/b.toml",
                "[[member]]\nname = \"BR\"\nparty = \"r\"\nrole = \"ordinary\"\nfrom = 2024-01-01\n\
                 [[chair]]\nyear = 2024\nchair = \"BR\"\n[[chair]]\nyear = 2025\nchair = \"BR\"\n[[chair]]\nyear = 2026\nchair = \"BR\"\n",
            ),
        ];
        codes(
            &with(
                &base,
                &[
                    ("bodies/s.toml", &body),
                    ("members/s.toml", roster),
                    ("meetings/2026.toml", &meetings),
                ],
            ),
            date(2026, 11, 25),
        )
    }

    fn found(seats: &str, meeting: &str) -> Vec<(String, usize)> {
        registry(seats, meeting)
            .into_iter()
            .map(|(code, _, line)| (code, line))
            .collect()
    }

    fn one(code: &str, line: usize) -> Vec<(String, usize)> {
        vec![(code.to_owned(), line)]
    }

    #[test]
    fn a_meeting_without_attendance_is_not_judged() {
        assert_eq!(found("", ""), vec![]);
        assert_eq!(found("", "minutes = \"Protokoll\"\n"), vec![]);
    }

    #[test]
    fn a_substitute_sits_in_for_the_member_they_are_paired_with() {
        assert_eq!(
            found("", "absent = [\"K1\"]\nsubstitutes = [\"KS\"]\n"),
            vec![]
        );
        // K2 is of the same party, but KS stands in for K1.
        assert_eq!(
            found("", "absent = [\"K2\"]\nsubstitutes = [\"KS\"]\n"),
            one("substitute-without-absence", 5)
        );
        // An unpaired substitute covers any member of the party.
        assert_eq!(
            found("", "absent = [\"L1\"]\nsubstitutes = [\"LS\"]\n"),
            vec![]
        );
        assert_eq!(
            found("", "substitutes = [\"LS\"]\n"),
            one("substitute-without-absence", 4)
        );
    }

    #[test]
    fn pooled_substitutes_cover_any_absence_of_their_side() {
        // L's substitute sits in for K's member: wrong under per-party, fine when pooled,
        // but K stays unrepresented only if all its members are away (K2 is there).
        let meeting = "absent = [\"K2\"]\nsubstitutes = [\"LS\"]\n";
        assert_eq!(found("", meeting), one("substitute-without-absence", 5));
        assert_eq!(found("substitutes = \"pooled\"\n", meeting), vec![]);
        // The region's absence does not cover a municipal substitute.
        assert_eq!(
            found(
                "substitutes = \"pooled\"\n",
                "absent = [\"R1\"]\nsubstitutes = [\"LS\"]\n"
            ),
            vec![
                ("party-unrepresented".to_owned(), 4),
                ("substitute-without-absence".to_owned(), 5)
            ]
        );
    }

    #[test]
    fn a_party_whose_members_are_all_away_with_no_substitute_is_unrepresented() {
        assert_eq!(
            found("", "absent = [\"K1\", \"K2\"]\n"),
            one("party-unrepresented", 4)
        );
        assert_eq!(
            found("", "absent = [\"K1\", \"K2\"]\nsubstitutes = [\"KS\"]\n"),
            vec![]
        );
        assert_eq!(found("", "absent = [\"K1\"]\n"), vec![]);
    }

    #[test]
    fn a_name_that_holds_no_such_seat_that_day_is_a_dangling_reference() {
        // Nobody of that name; a substitute listed as absent; a secretary listed as a
        // substitute who sat in.
        assert_eq!(
            found("", "absent = [\"Okänd\"]\n"),
            one("dangling-reference", 4)
        );
        assert_eq!(
            found("", "absent = [\"KS\"]\n"),
            one("dangling-reference", 4)
        );
        assert_eq!(
            found("", "substitutes = [\"Sekr\"]\n"),
            one("dangling-reference", 4)
        );
        // The ex officio place is held by the chair of body b, who may be away.
        assert_eq!(found("", "absent = [\"BR\"]\n"), vec![]);
    }

    #[test]
    fn an_arbetsutskott_is_its_source_bodys_chair_and_vice_chair() {
        let files = [
            ("registry.toml", "name = \"T\"\n"),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"r\"]\neffective = 2020-01-01\n",
            ),
            (
                "bodies/b.toml",
                "name = \"B\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2026-01-01\n\
                 [seats]\ndefault = { ordinary = 2, substitutes = 0 }\n[chair]\nrule = \"elected\"\n",
            ),
            (
                "members/b.toml",
                "[[member]]\nname = \"Ordf\"\nparty = \"r\"\nrole = \"ordinary\"\nfrom = 2026-01-01\n\
                 [[member]]\nname = \"Vice\"\nparty = \"r\"\nrole = \"ordinary\"\nfrom = 2026-01-01\n\
                 [[chair]]\nyear = 2026\nchair = \"Ordf\"\nvice_chair = \"Vice\"\n",
            ),
            (
                "bodies/au.toml",
                "name = \"AU\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2026-01-01\nchairs_of = \"b\"\n",
            ),
        ];
        let with_meeting = |absent: &str| {
            let meeting =
                format!("[[meeting]]\nbody = \"au\"\ndate = 2026-03-20\nabsent = [\"{absent}\"]\n");
            codes(
                &with(&files, &[("meetings/2026.toml", &meeting)]),
                date(2026, 11, 25),
            )
        };
        assert_eq!(with_meeting("Vice"), vec![]);
        assert_eq!(
            with_meeting("Okänd"),
            vec![(
                "dangling-reference".to_owned(),
                "meetings/2026.toml".to_owned(),
                4
            )]
        );
    }
}
