//! How long an agreement binds its parties: notices, their end dates, the agreement's end.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Registry;
use super::agreement::{Agreement, CountedFrom, Notice};
use crate::calendar::{add_months, latest_start_for_end};

/// The day a notice starts to count: `received`, or under `counted_from = "handled"` the
/// recorded `handled` date or else the first meeting of `handled_by` on or after receipt.
/// None while the notice waits for that meeting.
pub fn notice_start(reg: &Registry, agreement: &Agreement, notice: &Notice) -> Option<NaiveDate> {
    let received = notice.received.get_ref().0;
    let termination = agreement.termination.as_ref()?.get_ref();
    match termination.counted_from {
        CountedFrom::Received => Some(received),
        CountedFrom::Handled => notice.handled.as_ref().map(|h| h.get_ref().0).or_else(|| {
            let body = termination.handled_by.as_ref()?.get_ref();
            first_meeting_on_or_after(reg, body, received)
        }),
    }
}

/// The first meeting day of a body on or after `day`.
pub fn first_meeting_on_or_after(reg: &Registry, body: &str, day: NaiveDate) -> Option<NaiveDate> {
    let days = reg.meeting_days(body);
    days.get(days.partition_point(|d| *d < day)).copied()
}

/// The last meeting day of a body on or before `day`.
pub fn last_meeting_on_or_before(reg: &Registry, body: &str, day: NaiveDate) -> Option<NaiveDate> {
    let days = reg.meeting_days(body);
    days[..days.partition_point(|d| *d <= day)].last().copied()
}

/// How a party of an agreement gives notice: `notice_months`, and the body whose handling
/// starts the period (None: it counts from receipt). None: the agreement has no
/// `[termination]`.
pub fn notice_terms(agreement: &Agreement) -> Option<(u32, Option<&str>)> {
    let termination = agreement.termination.as_ref()?.get_ref();
    let handled_by = match termination.counted_from {
        CountedFrom::Received => None,
        CountedFrom::Handled => Some(termination.handled_by.as_ref()?.get_ref().as_str()),
    };
    Some((*termination.notice_months.get_ref(), handled_by))
}

/// The latest notice that still gets a party out by a wanted end: a derived deadline (see
/// `docs/format.md`), never moved later for closed days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestNotice {
    /// L: the notice must be received by this day (counted from handling: in time for this
    /// meeting, or this handling day when the calendar does not cover it).
    pub latest_notice: NaiveDate,
    /// The day to act by: the last day on or before L that is not closed.
    pub act_by: NaiveDate,
    /// Counted from handling: H, the latest day the body can handle the notice.
    pub latest_handling: Option<NaiveDate>,
    /// Counted from handling, when a meeting is recorded after H: the body's last recorded
    /// meeting on or before H. None: L is H itself and depends on the meeting calendar.
    pub meeting: Option<NaiveDate>,
    /// Counted from handling: a meeting is recorded after H, so the calendar says which
    /// meeting is the last to handle the notice in time (None of them, when `meeting` is
    /// None: one would have to be added).
    pub calendar_covers: bool,
}

/// The latest notice to be out by `wanted_end` under `months` of notice, counted from
/// receipt or from handling by `handled_by`.
pub fn latest_notice(
    reg: &Registry,
    months: u32,
    handled_by: Option<&str>,
    wanted_end: NaiveDate,
) -> LatestNotice {
    let latest = latest_start_for_end(wanted_end, months);
    let (latest_notice, latest_handling, meeting) = match handled_by {
        None => (latest, None, None),
        Some(body) => {
            // The recorded calendar answers only if it reaches past H: a meeting added
            // between the last recorded one and H would give more time.
            let covered = first_meeting_after(reg, body, latest).is_some();
            let meeting = last_meeting_on_or_before(reg, body, latest).filter(|_| covered);
            (meeting.unwrap_or(latest), Some(latest), meeting)
        }
    };
    LatestNotice {
        latest_notice,
        act_by: reg.calendar().act_by(latest_notice),
        latest_handling,
        meeting,
        calendar_covers: handled_by.is_some_and(|body| {
            latest_handling.is_some_and(|h| first_meeting_after(reg, body, h).is_some())
        }),
    }
}

/// The end a notice received on `day` reaches: `months` after receipt, or after the first
/// recorded meeting of `handled_by` after `day` (None while none is recorded).
pub fn end_of_notice_given(
    reg: &Registry,
    months: u32,
    handled_by: Option<&str>,
    day: NaiveDate,
) -> Option<NaiveDate> {
    let start = match handled_by {
        None => day,
        Some(body) => first_meeting_on_or_after(reg, body, day)?,
    };
    Some(add_months(start, months))
}

/// The earliest end a notice given on `today` reaches: as [`end_of_notice_given`], but a
/// notice given today can be handled no earlier than the first meeting after today.
pub fn earliest_end(
    reg: &Registry,
    months: u32,
    handled_by: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match handled_by {
        None => Some(add_months(today, months)),
        Some(body) => first_meeting_after(reg, body, today).map(|m| add_months(m, months)),
    }
}

/// The first meeting day of a body after `day`.
pub fn first_meeting_after(reg: &Registry, body: &str, day: NaiveDate) -> Option<NaiveDate> {
    let days = reg.meeting_days(body);
    days.get(days.partition_point(|d| *d <= day)).copied()
}

/// The last day in force for the party that gave the notice: on a renewing agreement, the
/// end of the term the notice stops; else `notice_months` after the notice counts.
pub fn notice_end(reg: &Registry, agreement: &Agreement, notice: &Notice) -> Option<NaiveDate> {
    if agreement.renewal.is_some() {
        return renewal_exit(agreement, notice.received.get_ref().0);
    }
    let months = *agreement
        .termination
        .as_ref()?
        .get_ref()
        .notice_months
        .get_ref();
    notice_start(reg, agreement, notice).map(|start| add_months(start, months))
}

/// The last day of a fixed term: `ends`, or the latest `[[extension]]`'s `until`. None for
/// an open-ended agreement (an extension without `ends` is `renewal-without-term`).
pub fn fixed_term_end(agreement: &Agreement) -> Option<NaiveDate> {
    let ends = agreement.ends.as_ref()?.get_ref().0;
    Some(
        agreement
            .extension
            .iter()
            .map(|e| e.get_ref().until.get_ref().0)
            .fold(ends, NaiveDate::max),
    )
}

/// A renewing agreement's terms: (months a term lasts, notice months before a term's end).
fn renewal_terms(agreement: &Agreement) -> Option<(u32, u32)> {
    let renewal = agreement.renewal.as_ref()?.get_ref();
    Some((*renewal.months.get_ref(), *renewal.notice_months.get_ref()))
}

/// The last days of a renewing agreement's terms, from the fixed term's on: each `months`
/// after the first (counted from it, so a 29 February comes back in leap years).
fn term_ends(agreement: &Agreement) -> impl Iterator<Item = NaiveDate> {
    let first = fixed_term_end(agreement);
    let months = renewal_terms(agreement).map_or(0, |(months, _)| months);
    (0u32..)
        .map_while(move |k| Some(add_months(first?, k.checked_mul(months)?)))
        // A term end saturated at the calendar's end repeats: stop there.
        .scan(None, |previous, end| {
            if *previous == Some(end) {
                None
            } else {
                *previous = Some(end);
                Some(end)
            }
        })
}

/// The first term end on or after `day` (None: not a renewing agreement).
pub fn term_end_on_or_after(agreement: &Agreement, day: NaiveDate) -> Option<NaiveDate> {
    renewal_terms(agreement)?;
    term_ends(agreement).find(|end| *end >= day)
}

/// A term's latest notice day L: the latest L with L + notice months ≤ the term's end.
pub fn term_latest_notice(agreement: &Agreement, term_end: NaiveDate) -> Option<NaiveDate> {
    let (_, notice_months) = renewal_terms(agreement)?;
    Some(latest_start_for_end(term_end, notice_months))
}

/// The term end at which a notice received on `received` takes effect: the first whose
/// latest notice day it meets.
pub fn renewal_exit(agreement: &Agreement, received: NaiveDate) -> Option<NaiveDate> {
    let (_, notice_months) = renewal_terms(agreement)?;
    term_ends(agreement).find(|end| received <= latest_start_for_end(*end, notice_months))
}

/// The latest term end on or before `day`, if any.
pub fn term_end_on_or_before(agreement: &Agreement, day: NaiveDate) -> Option<NaiveDate> {
    renewal_terms(agreement)?;
    term_ends(agreement).take_while(|end| *end <= day).last()
}

/// The last day each party that gave notice is bound (its earliest notice end). In an
/// annex, a party's notice on the main agreement ends its part in the annex too: the
/// earlier of the two ends counts.
pub fn party_exits(reg: &Registry, agreement: &Agreement) -> BTreeMap<String, NaiveDate> {
    let mut exits: BTreeMap<String, NaiveDate> = BTreeMap::new();
    let chain = std::iter::once(agreement).chain(reg.main_agreements(agreement).map(|(_, a)| a));
    for bound in chain {
        for notice in &bound.notice {
            let notice = notice.get_ref();
            let party = notice.party.get_ref();
            if !reg.is_agreement_party(bound, party) || !reg.is_agreement_party(agreement, party) {
                continue;
            }
            if let Some(end) = notice_end(reg, bound, notice) {
                exits
                    .entry(party.clone())
                    .and_modify(|e| *e = (*e).min(end))
                    .or_insert(end);
            }
        }
    }
    exits
}

/// The agreement's last day: a fixed term's end (`ends` or its latest extension); for an
/// open-ended or renewing one the day the second-to-last remaining party's notice takes
/// effect; otherwise None.
pub fn agreement_end(reg: &Registry, agreement: &Agreement) -> Option<NaiveDate> {
    if agreement.renewal.is_none()
        && let Some(end) = fixed_term_end(agreement)
    {
        return Some(end);
    }
    let mut parties: Vec<&str> = reg
        .agreement_parties(agreement)
        .iter()
        .map(|p| p.get_ref().as_str())
        .collect();
    parties.sort_unstable();
    parties.dedup();
    let mut exits: Vec<NaiveDate> = party_exits(reg, agreement).into_values().collect();
    exits.sort_unstable();
    // With n parties the agreement ends once n - 1 of them have left.
    let needed = parties.len().checked_sub(1)?;
    if needed == 0 {
        return None;
    }
    exits.get(needed - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_texts;

    fn registry(termination: &str, notices: &str, meetings: &str) -> Registry {
        let files = [
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n".to_owned()),
            ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n".to_owned()),
            ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n".to_owned()),
            (
                "agreements/a.toml",
                format!("title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\n{termination}{notices}"),
            ),
            (
                "bodies/s.toml",
                "name = \"S\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n".to_owned(),
            ),
            ("meetings/2026.toml", meetings.to_owned()),
        ];
        load_texts(files.iter().map(|(path, text)| (*path, text.as_str()))).0
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const HANDLED: &str =
        "[termination]\nnotice_months = 12\ncounted_from = \"handled\"\nhandled_by = \"s\"\n";
    const MEETINGS: &str = "[[meeting]]\nbody = \"s\"\ndate = 2026-03-20\n[[meeting]]\nbody = \"s\"\ndate = 2026-06-12T09:30:00\n";

    #[test]
    fn a_notice_counts_from_the_next_meeting_of_the_handling_body() {
        let reg = registry(
            HANDLED,
            "[[notice]]\nparty = \"k\"\nreceived = 2026-03-21\n",
            MEETINGS,
        );
        let a = &reg.agreements["a"].value;
        let notice = a.notice[0].get_ref();
        assert_eq!(notice_start(&reg, a, notice), Some(day(2026, 6, 12)));
        assert_eq!(notice_end(&reg, a, notice), Some(day(2027, 6, 12)));
        // One party of three leaving does not end the agreement.
        assert_eq!(reg.agreement_end("a"), None);
    }

    #[test]
    fn a_notice_waits_while_no_meeting_is_recorded() {
        let reg = registry(
            HANDLED,
            "[[notice]]\nparty = \"k\"\nreceived = 2026-07-01\n",
            MEETINGS,
        );
        let a = &reg.agreements["a"].value;
        assert_eq!(notice_end(&reg, a, a.notice[0].get_ref()), None);
    }

    #[test]
    fn a_recorded_handling_date_wins_over_the_meeting_calendar() {
        let reg = registry(
            HANDLED,
            "[[notice]]\nparty = \"k\"\nreceived = 2026-03-02\nhandled = 2026-03-05\n",
            MEETINGS,
        );
        let a = &reg.agreements["a"].value;
        assert_eq!(
            notice_end(&reg, a, a.notice[0].get_ref()),
            Some(day(2027, 3, 5))
        );
    }

    #[test]
    fn the_agreement_ends_when_the_second_to_last_party_is_out() {
        let notices = "[[notice]]\nparty = \"k\"\nreceived = 2025-08-31\n[[notice]]\nparty = \"l\"\nreceived = 2026-01-15\n[[notice]]\nparty = \"l\"\nreceived = 2026-02-01\n";
        let reg = registry("[termination]\nnotice_months = 6\n", notices, "");
        let a = &reg.agreements["a"].value;
        // 2025-08-31 + 6 months is clamped to the end of February.
        assert_eq!(party_exits(&reg, a)["k"], day(2026, 2, 28));
        // A party's earliest notice counts.
        assert_eq!(party_exits(&reg, a)["l"], day(2026, 7, 15));
        assert_eq!(reg.agreement_end("a"), Some(day(2026, 7, 15)));
    }

    fn renewing(extra: &str) -> Registry {
        let files = [
            (
                "parties/r.toml",
                "name = \"R\"\nkind = \"region\"\n".to_owned(),
            ),
            (
                "parties/k.toml",
                "name = \"K\"\nkind = \"municipality\"\n".to_owned(),
            ),
            (
                "agreements/a.toml",
                format!(
                    "title = \"A\"\nparties = [\"r\", \"k\"]\neffective = 2018-01-01\nends = 2020-12-31\n\
                     [renewal]\nmonths = 24\nnotice_months = 12\n{extra}"
                ),
            ),
        ];
        load_texts(files.iter().map(|(path, text)| (*path, text.as_str()))).0
    }

    #[test]
    fn a_renewing_term_goes_on_until_notice_stops_it() {
        let reg = renewing("");
        let a = &reg.agreements["a"].value;
        // Terms end 2020-12-31, 2022-12-31, 2024-12-31 …; none ends while no one gives notice.
        assert_eq!(
            term_end_on_or_after(a, day(2021, 1, 1)),
            Some(day(2022, 12, 31))
        );
        assert_eq!(
            term_end_on_or_after(a, day(2026, 11, 25)),
            Some(day(2026, 12, 31))
        );
        assert_eq!(
            term_end_on_or_before(a, day(2026, 11, 25)),
            Some(day(2024, 12, 31))
        );
        assert_eq!(
            term_latest_notice(a, day(2026, 12, 31)),
            Some(day(2025, 12, 31))
        );
        assert_eq!(reg.agreement_end("a"), None);
        // A notice on a term's latest notice day stops it at that term's end; a day later,
        // at the next one.
        assert_eq!(renewal_exit(a, day(2025, 12, 31)), Some(day(2026, 12, 31)));
        assert_eq!(renewal_exit(a, day(2026, 1, 1)), Some(day(2028, 12, 31)));
        // With two parties, one notice ends the agreement.
        let reg = renewing("[[notice]]\nparty = \"k\"\nreceived = 2026-01-10\n");
        assert_eq!(reg.agreement_end("a"), Some(day(2028, 12, 31)));
    }

    #[test]
    fn an_extension_moves_the_fixed_term_and_the_terms_after_it() {
        let reg = renewing("[[extension]]\nuntil = 2021-06-30\ndecided = \"2020-11\"\n");
        let a = &reg.agreements["a"].value;
        assert_eq!(fixed_term_end(a), Some(day(2021, 6, 30)));
        assert_eq!(
            term_end_on_or_after(a, day(2021, 7, 1)),
            Some(day(2023, 6, 30))
        );
    }

    #[test]
    fn a_notice_on_the_main_agreement_ends_the_partys_part_in_its_annex() {
        let mut files = vec![
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n".to_owned()),
            ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n".to_owned()),
            ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n".to_owned()),
            (
                "agreements/main.toml",
                "title = \"M\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\n\
                 [termination]\nnotice_months = 12\n[[notice]]\nparty = \"k\"\nreceived = 2026-03-01\n"
                    .to_owned(),
            ),
            (
                "agreements/annex.toml",
                "title = \"A\"\npart_of = \"main\"\neffective = 2021-01-01\n\
                 [termination]\nnotice_months = 6\n[[notice]]\nparty = \"l\"\nreceived = 2026-03-01\n\
                 [[notice]]\nparty = \"k\"\nreceived = 2026-12-01\n"
                    .to_owned(),
            ),
        ];
        let load = |files: &[(&str, String)]| {
            load_texts(files.iter().map(|(path, text)| (*path, text.as_str()))).0
        };
        let reg = load(&files);
        let annex = &reg.agreements["annex"].value;
        let exits = party_exits(&reg, annex);
        // k's notice on the main agreement (out 2027-03-01) comes before its own on the annex.
        assert_eq!(exits["k"], day(2027, 3, 1));
        assert_eq!(exits["l"], day(2026, 9, 1));
        // Two of three parties out: the annex ends; the main agreement goes on.
        assert_eq!(reg.agreement_end("annex"), Some(day(2027, 3, 1)));
        assert_eq!(reg.agreement_end("main"), None);

        // The main agreement ending ends its annex at the latest then.
        files[3].1 = files[3].1.replace(
            "notice_months = 12\n",
            "notice_months = 12\n[[notice]]\nparty = \"l\"\nreceived = 2026-01-15\n",
        );
        files[4].1 =
            "title = \"A\"\npart_of = \"main\"\neffective = 2021-01-01\nends = 2030-12-31\n"
                .to_owned();
        let reg = load(&files);
        assert_eq!(reg.agreement_end("main"), Some(day(2027, 3, 1)));
        assert_eq!(reg.agreement_end("annex"), Some(day(2027, 3, 1)));
        assert_eq!(reg.agreement_own_end("annex"), Some(day(2030, 12, 31)));
    }
}
