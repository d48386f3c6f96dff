//! How long an agreement binds its parties: notices, their end dates, the agreement's end.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Registry;
use super::agreement::{Agreement, CountedFrom, Notice};
use crate::calendar::add_months;

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

/// The last day in force for the party that gave the notice.
pub fn notice_end(reg: &Registry, agreement: &Agreement, notice: &Notice) -> Option<NaiveDate> {
    let months = *agreement
        .termination
        .as_ref()?
        .get_ref()
        .notice_months
        .get_ref();
    notice_start(reg, agreement, notice).map(|start| add_months(start, months))
}

/// The last day each party that gave notice is bound (its earliest notice end).
pub fn party_exits(reg: &Registry, agreement: &Agreement) -> BTreeMap<String, NaiveDate> {
    let mut exits: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for notice in &agreement.notice {
        let notice = notice.get_ref();
        let party = notice.party.get_ref();
        if !agreement.has_party(party) {
            continue;
        }
        if let Some(end) = notice_end(reg, agreement, notice) {
            exits
                .entry(party.clone())
                .and_modify(|e| *e = (*e).min(end))
                .or_insert(end);
        }
    }
    exits
}

/// The agreement's last day: `ends` for a fixed-term agreement; for an open-ended one the
/// day the second-to-last remaining party's notice takes effect; otherwise None.
pub fn agreement_end(reg: &Registry, agreement: &Agreement) -> Option<NaiveDate> {
    if let Some(ends) = &agreement.ends {
        return Some(ends.get_ref().0);
    }
    let mut parties: Vec<&str> = agreement
        .parties
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
}
