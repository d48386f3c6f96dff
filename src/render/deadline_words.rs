//! The deadlines and notice views in words, in the output language: what every renderer of
//! those views (table, Markdown, CSV, iCalendar, and JSON in English) prints.

use chrono::NaiveDate;

use crate::i18n::{self, Lang};
use crate::tr;
use crate::views::deadlines::{DeadlineKind, Subject};
use crate::views::notice::{Note, Notice};

/// The words for a kind of deadline.
pub fn kind(lang: Lang, kind: DeadlineKind) -> String {
    match kind {
        DeadlineKind::Notice => tr!(lang, "deadline-kind-notice"),
        DeadlineKind::NoticeHandled => tr!(lang, "deadline-kind-notice-handled"),
        DeadlineKind::NoticeRenewal => tr!(lang, "deadline-kind-notice-renewal"),
        DeadlineKind::NoticeEffective => tr!(lang, "deadline-kind-notice-effective"),
        DeadlineKind::Obligation => tr!(lang, "deadline-kind-obligation"),
        DeadlineKind::Reply => tr!(lang, "deadline-kind-reply"),
        DeadlineKind::FixedTermEnd => tr!(lang, "deadline-kind-fixed-term-end"),
        DeadlineKind::Nomination => tr!(lang, "deadline-kind-nomination"),
        DeadlineKind::ChairTerm => tr!(lang, "deadline-kind-chair-term"),
    }
}

/// The headers of the deadline columns every table shows: last day, act by, days left,
/// kind, subject.
pub fn columns(lang: Lang) -> Vec<String> {
    vec![
        tr!(lang, "deadlines-col-date"),
        tr!(lang, "deadlines-col-act-by"),
        tr!(lang, "deadlines-col-days-left"),
        tr!(lang, "deadlines-col-kind"),
        tr!(lang, "deadlines-col-subject"),
    ]
}

/// `-147 (overdue)`, `0 (today)`, `41`.
pub fn days_left(lang: Lang, days: i64) -> String {
    match days {
        n if n < 0 => tr!(lang, "days-left-overdue", days = n),
        0 => tr!(lang, "days-left-today"),
        n => n.to_string(),
    }
}

/// One party by name, or "each party (16)".
/// Parties a duty's entry names before it counts the rest.
const PARTIES_NAMED: usize = 6;

fn parties(lang: Lang, names: &[String]) -> String {
    tr!(
        lang,
        "deadline-parties",
        count = names.len(),
        name = names.first().map_or("", String::as_str)
    )
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// What a deadline is about.
pub fn subject(lang: Lang, subject: &Subject) -> String {
    match subject {
        Subject::FixedTermEnd { title } => tr!(lang, "subject-fixed-term-end", title = title),
        Subject::NoticeEffective {
            party_name,
            title,
            received,
            agreement_ends,
        } => {
            let (party, title, received) = (party_name.as_str(), title.as_str(), iso(*received));
            if *agreement_ends {
                tr!(
                    lang,
                    "subject-notice-effective-ends",
                    party = party,
                    title = title,
                    received = received
                )
            } else {
                tr!(
                    lang,
                    "subject-notice-effective",
                    party = party,
                    title = title,
                    received = received
                )
            }
        }
        Subject::Notice {
            party_names,
            title,
            out_by,
            months,
        } => tr!(
            lang,
            "subject-notice",
            parties = parties(lang, party_names),
            title = title.as_str(),
            out_by = iso(*out_by),
            months = *months
        ),
        Subject::NoticeHandled {
            party_names,
            title,
            body_name,
            out_by,
            months,
            latest_handling,
            meeting,
        } => {
            let (parties, title, body) = (
                parties(lang, party_names),
                title.as_str(),
                body_name.as_str(),
            );
            let (out_by, handling) = (iso(*out_by), iso(*latest_handling));
            match meeting {
                Some(meeting) => tr!(
                    lang,
                    "subject-notice-handled-meeting",
                    parties = parties,
                    title = title,
                    body = body,
                    out_by = out_by,
                    months = *months,
                    meeting = iso(*meeting),
                    handling = handling
                ),
                None => tr!(
                    lang,
                    "subject-notice-handled-calendar",
                    parties = parties,
                    title = title,
                    body = body,
                    out_by = out_by,
                    months = *months
                ),
            }
        }
        Subject::NoticeRenewal {
            party_names,
            title,
            term_end,
            renewal_months,
        } => tr!(
            lang,
            "subject-notice-renewal",
            parties = parties(lang, party_names),
            title = title.as_str(),
            term_end = iso(*term_end),
            renewal = *renewal_months
        ),
        Subject::Obligation { title, owner_name } => tr!(
            lang,
            "subject-obligation",
            title = title.as_str(),
            owner = owner_name.as_str()
        ),
        Subject::PartyDuty {
            title,
            party_names,
            parties_bound,
        } => {
            let not_done = if party_names.len() == *parties_bound {
                parties(lang, party_names)
            } else {
                let shown = party_names
                    .iter()
                    .take(PARTIES_NAMED)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                match party_names.len().saturating_sub(PARTIES_NAMED) {
                    0 => shown,
                    more => tr!(lang, "deadline-parties-more", names = shown, more = more),
                }
            };
            tr!(
                lang,
                "subject-obligation-parties",
                title = title.as_str(),
                parties = not_done
            )
        }
        Subject::Reply {
            case_title,
            action,
            body_name,
            date,
            undecided_names,
        } => tr!(
            lang,
            "subject-reply",
            action = *action,
            case = case_title.as_str(),
            body = body_name.as_str(),
            date = crate::i18n::day_or_month(lang, *date),
            undecided = undecided_names.join(", ")
        ),
        Subject::Nomination {
            party_name,
            member,
            role,
            body_name,
            last_day,
        } => tr!(
            lang,
            "subject-nomination",
            party = party_name.as_str(),
            member = member.as_str(),
            role = *role,
            body = body_name.as_str(),
            last_day = iso(*last_day)
        ),
        Subject::ChairTerm {
            body_name,
            term,
            planned_side,
        } => match planned_side {
            Some(side) => tr!(
                lang,
                "subject-chair-term-planned",
                body = body_name.as_str(),
                year = term.label(),
                side = *side
            ),
            None => tr!(
                lang,
                "subject-chair-term",
                body = body_name.as_str(),
                year = term.label()
            ),
        },
    }
}

/// A note to a notice answer.
pub fn note(lang: Lang, note: &Note) -> String {
    match note {
        Note::AlreadyGiven {
            party,
            received,
            ends: Some(ends),
        } => tr!(
            lang,
            "note-already-given",
            party = party.as_str(),
            received = iso(*received),
            ends = iso(*ends)
        ),
        Note::AlreadyGiven {
            party,
            received,
            ends: None,
        } => tr!(
            lang,
            "note-already-given-pending",
            party = party.as_str(),
            received = iso(*received)
        ),
        Note::Pending {
            body,
            given,
            months,
        } => tr!(
            lang,
            "note-pending",
            body = body.as_str(),
            given = iso(*given),
            months = *months
        ),
        Note::AgreementEndsFirst { ends } => {
            tr!(lang, "note-agreement-ends-first", ends = iso(*ends))
        }
        Note::ReachMeeting {
            body,
            latest_handling,
            meeting,
        } => tr!(
            lang,
            "note-reach-meeting",
            body = body.as_str(),
            handling = iso(*latest_handling),
            meeting = iso(*meeting)
        ),
        Note::DependsOnCalendar {
            body,
            latest_handling,
        } => tr!(
            lang,
            "note-depends-on-calendar",
            body = body.as_str(),
            handling = iso(*latest_handling)
        ),
        Note::NoMeetingInTime {
            body,
            latest_handling,
        } => tr!(
            lang,
            "note-no-meeting-in-time",
            body = body.as_str(),
            handling = iso(*latest_handling)
        ),
        Note::NoMeetingAfterToday { body, today } => tr!(
            lang,
            "note-no-meeting-after-today",
            body = body.as_str(),
            today = iso(*today)
        ),
        Note::BeforeEffective { effective } => {
            tr!(lang, "note-before-effective", effective = iso(*effective))
        }
        Note::FirstTermEndsLater { term_end } => {
            tr!(
                lang,
                "note-first-term-ends-later",
                term_end = iso(*term_end)
            )
        }
    }
}

/// The notes of an answer as one text, or None.
pub fn notes(lang: Lang, notes: &[Note]) -> Option<String> {
    (!notes.is_empty()).then(|| {
        notes
            .iter()
            .map(|n| note(lang, n))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The notice answer as labelled rows, for the table renderer.
pub fn notice_rows(lang: Lang, view: &Notice, today: NaiveDate) -> Vec<(String, String)> {
    let day = |d: NaiveDate| i18n::day(lang, d);
    let terms = view.terms();
    let mut rows = vec![
        (
            tr!(lang, "notice-label-agreement"),
            format!("{} ({})", terms.agreement_title, terms.agreement),
        ),
        (
            tr!(lang, "notice-label-party"),
            format!("{} ({})", terms.party_name, terms.party),
        ),
        (
            tr!(lang, "notice-label-terms"),
            match (&terms.handled_by, terms.renewal_months) {
                (_, Some(renewal)) => tr!(
                    lang,
                    "notice-terms-renewal",
                    months = terms.notice_months,
                    renewal = renewal
                ),
                (Some(body), None) => tr!(
                    lang,
                    "notice-terms-handled",
                    months = terms.notice_months,
                    body = terms.handled_by_name.as_deref().unwrap_or(body),
                    id = body.as_str()
                ),
                (None, None) => tr!(lang, "notice-terms-received", months = terms.notice_months),
            },
        ),
    ];
    let unknown = || tr!(lang, "notice-unknown");
    match view {
        Notice::Given(g) => {
            rows.push((tr!(lang, "notice-label-given"), day(g.given)));
            if g.terms.handled_by.is_some() {
                rows.push((
                    tr!(lang, "notice-label-handled"),
                    g.handled.map_or_else(unknown, day),
                ));
            }
            rows.push((
                tr!(lang, "notice-label-ends"),
                g.ends.map_or_else(unknown, day),
            ));
        }
        Notice::LeaveBy(l) => {
            rows.push((tr!(lang, "notice-label-out-by"), day(l.leave_by)));
            if let Some(h) = l.latest_handling {
                rows.push((tr!(lang, "notice-label-latest-handling"), day(h)));
                rows.push((
                    tr!(lang, "notice-label-meeting"),
                    l.meeting
                        .map_or_else(|| tr!(lang, "notice-none-recorded"), day),
                ));
            }
            rows.push((
                tr!(lang, "notice-label-latest-notice"),
                day(l.latest_notice),
            ));
            rows.push((
                tr!(lang, "notice-label-act-by"),
                if l.latest_notice_adjusted == l.latest_notice {
                    day(l.latest_notice_adjusted)
                } else {
                    tr!(
                        lang,
                        "notice-act-by-moved",
                        act_by = day(l.latest_notice_adjusted),
                        latest = iso(l.latest_notice)
                    )
                },
            ));
            if l.passed {
                rows.push((
                    tr!(lang, "notice-label-passed"),
                    tr!(
                        lang,
                        "notice-passed",
                        act_by = day(l.latest_notice_adjusted)
                    ),
                ));
                rows.push((
                    tr!(lang, "notice-label-earliest-end"),
                    l.earliest_end.map_or_else(unknown, |end| {
                        tr!(
                            lang,
                            "notice-earliest-end",
                            end = day(end),
                            today = iso(today)
                        )
                    }),
                ));
            } else {
                rows.push((
                    tr!(lang, "notice-label-days-left"),
                    days_left(lang, (l.latest_notice_adjusted - today).num_days()),
                ));
            }
        }
    }
    if let Some(notes) = notes(lang, view.notes()) {
        rows.push((tr!(lang, "notice-label-note"), notes));
    }
    rows
}
