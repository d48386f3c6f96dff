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
