//! Words for people that several renderers share, in the output language: roles, sides,
//! statuses, event sentences. Each comes from the catalogue (`locales/*/views.ftl`).

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::body::ChairRole;
use crate::model::chair_term::ChairTerm;
use crate::model::date::DayOrMonth;
use crate::tr;
use crate::views::diff::Change;
use crate::views::graph::{EdgeKind, LinkKind};
use crate::views::roster::{Seat, SeatKind, Vacancy};
use crate::views::rotation::RotationYear;
use crate::views::schedule::{DutyOwner, EventKind, TermChair, What};

/// The headers of a roster's seat columns: party, name, role, from, to, chair, notes.
pub fn roster_columns(lang: Lang) -> Vec<String> {
    vec![
        tr!(lang, "col-party"),
        tr!(lang, "col-name"),
        tr!(lang, "col-role"),
        tr!(lang, "col-from"),
        tr!(lang, "col-to"),
        tr!(lang, "col-chair"),
        tr!(lang, "col-notes"),
    ]
}

/// `ordinarie ledamot`, `ersättare`, `självskriven`, `adjungerad`.
pub fn seat_kind(lang: Lang, kind: SeatKind) -> String {
    match kind {
        SeatKind::Ordinary => tr!(lang, "role-ordinary"),
        SeatKind::Substitute => tr!(lang, "role-substitute"),
        SeatKind::ExOfficio => tr!(lang, "role-ex-officio"),
        SeatKind::Adjunct => tr!(lang, "role-adjunct"),
        SeatKind::Observer => tr!(lang, "role-observer"),
        SeatKind::Secretary => tr!(lang, "role-secretary"),
    }
}

/// An office a derived place follows: `chair` → `ordförande`, `vice-chair` → `vice ordförande`.
pub fn office(lang: Lang, office: &str) -> String {
    match office {
        "vice-chair" => tr!(lang, "office-vice-chair"),
        _ => tr!(lang, "office-chair"),
    }
}

/// `självskriven, ordförande i Beredning barn och unga`, `ersättare`, …
pub fn role(lang: Lang, kind: SeatKind, of_role: Option<&str>, of_name: Option<&str>) -> String {
    let role = seat_kind(lang, kind);
    match (of_role, of_name) {
        (Some(r), Some(n)) => tr!(
            lang,
            "role-of",
            role = role,
            office = office(lang, r),
            body = n
        ),
        _ => role,
    }
}

/// A vacancy's place: the party's seat, or a derived place nobody holds.
pub fn vacancy_role(lang: Lang, v: &Vacancy) -> String {
    role(
        lang,
        v.role,
        v.of_role,
        v.of_name.as_deref().or(v.of.as_deref()),
    )
}

/// A seat's row in [`roster_columns`]' order, in plain words: each renderer escapes the
/// cells for its medium.
pub fn seat_cells(lang: Lang, s: &Seat) -> Vec<String> {
    vec![
        s.party_name.clone().unwrap_or_default(),
        s.name.clone(),
        role(
            lang,
            s.role,
            s.of_role,
            s.of_name.as_deref().or(s.of.as_deref()),
        ),
        s.from.to_string(),
        s.to.map(|d| d.to_string()).unwrap_or_default(),
        marks(lang, s),
        seat_notes(lang, s),
    ]
}

/// `ordförande`, `vice ordförande` or nothing.
pub fn marks(lang: Lang, seat: &Seat) -> String {
    match (seat.chair, seat.vice_chair) {
        (true, _) => tr!(lang, "office-chair"),
        (false, true) => tr!(lang, "office-vice-chair"),
        _ => String::new(),
    }
}

/// What a seat's notes column says: the function, whom a substitute stands in for, the
/// organisation of a person without a party, and a coordinator's role in the agreement.
pub fn seat_notes(lang: Lang, seat: &Seat) -> String {
    let mut notes = Vec::new();
    if let Some(f) = &seat.function {
        notes.push(f.clone());
    }
    if let Some(s) = &seat.substitute_for {
        notes.push(tr!(lang, "seat-for", name = s.as_str()));
    }
    if let Some(o) = &seat.organisation {
        notes.push(o.clone());
    }
    match seat.agreement_role {
        Some("partner-coordinator") => notes.push(tr!(lang, "seat-partner-coordinator")),
        Some(_) => notes.push(tr!(lang, "seat-coordinator")),
        None => {}
    }
    notes.join("; ")
}

/// The sentence under a body's heading about its chair rule.
pub fn chair_rule_line(lang: Lang, rule: Option<&str>) -> Option<String> {
    match rule? {
        "alternate-sides" => Some(tr!(lang, "chair-rule-alternate-sides")),
        "elected" => Some(tr!(lang, "chair-rule-elected")),
        "host" => Some(tr!(lang, "chair-rule-host")),
        "fixed-side" => Some(tr!(lang, "chair-rule-fixed-side")),
        _ => None,
    }
}

/// The sentence about a rotation's chair rule: as [`chair_rule_line`], but under
/// `alternate-sides` with terms longer than a year the side switches every term.
pub fn rotation_rule_line(lang: Lang, rule: Option<&str>, term: &str) -> Option<String> {
    match rule {
        Some("alternate-sides") if term != "calendar-year" => {
            Some(tr!(lang, "chair-rule-alternate-sides-term"))
        }
        _ => chair_rule_line(lang, rule),
    }
}

/// The sentence about a chair term longer than a year; None for calendar years.
pub fn term_line(lang: Lang, term: &str) -> Option<String> {
    (term != "calendar-year").then(|| tr!(lang, "rotation-term", term = term))
}

/// The header of a rotation's first column: the year, or the term when terms are longer.
pub fn term_column(lang: Lang, term: &str, csv: bool) -> String {
    match (term == "calendar-year", csv) {
        (true, false) => tr!(lang, "col-year"),
        (true, true) => tr!(lang, "csv-year"),
        (false, false) => tr!(lang, "col-term"),
        (false, true) => tr!(lang, "csv-term"),
    }
}

/// A rotation row's term: `2026`, or `2023–2026`.
pub fn term_label(year: &RotationYear) -> String {
    ChairTerm {
        first: year.term_start,
        last: year.term_end,
    }
    .label()
}

/// A side keyword (`region`, `municipality`) as people say it: `regionsidan`, `kommunsidan`.
pub fn side(lang: Lang, side: &str) -> String {
    match side {
        "region" => tr!(lang, "side-region"),
        "municipality" => tr!(lang, "side-municipality"),
        other => other.to_owned(),
    }
}

/// An optional side, or empty.
pub fn opt_side(lang: Lang, s: Option<&str>) -> String {
    s.map(|s| side(lang, s)).unwrap_or_default()
}

/// A rotation year's status: recorded (with an extension), planned, or neither.
pub fn rotation_status(
    lang: Lang,
    recorded: bool,
    extension: Option<&str>,
    planned: bool,
) -> String {
    match (recorded, extension) {
        (true, Some(e)) => tr!(lang, "rotation-recorded-extended", extension = e),
        (true, None) => tr!(lang, "rotation-recorded"),
        (false, _) if planned => tr!(lang, "rotation-planned"),
        (false, _) => tr!(lang, "rotation-not-recorded"),
    }
}

pub fn event_kind(lang: Lang, kind: EventKind) -> String {
    match kind {
        EventKind::ChairTerm => tr!(lang, "event-kind-chair-term"),
        EventKind::Meeting => tr!(lang, "event-kind-meeting"),
        EventKind::Obligation => tr!(lang, "event-kind-obligation"),
        EventKind::NoticeEffective => tr!(lang, "event-kind-notice-effective"),
        EventKind::AgreementEnd => tr!(lang, "event-kind-agreement-end"),
        EventKind::BodyEnd => tr!(lang, "event-kind-body-end"),
    }
}

/// A meeting kind keyword (`extra`, `seminar` …) as people say it.
pub fn meeting_kind(lang: Lang, kind: &str) -> String {
    match kind {
        "ordinary" => tr!(lang, "meeting-kind-ordinary"),
        "extra" => tr!(lang, "meeting-kind-extra"),
        "ledningsdialog" => tr!(lang, "meeting-kind-ledningsdialog"),
        "seminar" => tr!(lang, "meeting-kind-seminar"),
        "bilateral" => tr!(lang, "meeting-kind-bilateral"),
        other => other.to_owned(),
    }
}

/// What a schedule event is about, as a sentence.
/// Whom a duty's event is about, in words: "varje part (16)", "parterna tillsammans" or names.
fn duty_owner(lang: Lang, owner: &DutyOwner) -> String {
    match owner {
        DutyOwner::Named(name) => name.clone(),
        DutyOwner::EachParty(count) => tr!(lang, "deadline-parties", count = *count, name = ""),
        DutyOwner::Together => tr!(lang, "report-owner-parties"),
    }
}

pub fn event(lang: Lang, what: &What) -> String {
    match what {
        What::Meeting { body, kind: None } => body.clone(),
        What::Meeting {
            body,
            kind: Some(kind),
        } => tr!(
            lang,
            "event-meeting-kind",
            body = body.as_str(),
            kind = meeting_kind(lang, kind)
        ),
        What::ChairTerm { body, term, chair } => {
            let body = body.as_str();
            let year = term.label();
            match chair {
                TermChair::Recorded {
                    chair,
                    vice_chair: Some(vice),
                } => tr!(
                    lang,
                    "event-chair-term-vice",
                    body = body,
                    year = year.as_str(),
                    chair = chair.as_str(),
                    vice = vice.as_str()
                ),
                TermChair::Recorded {
                    chair,
                    vice_chair: None,
                } => tr!(
                    lang,
                    "event-chair-term",
                    body = body,
                    year = year.as_str(),
                    chair = chair.as_str()
                ),
                TermChair::Planned { side: s, rule } => tr!(
                    lang,
                    "event-chair-term-planned",
                    body = body,
                    year = year.as_str(),
                    side = side(lang, s.as_str()),
                    rule = *rule
                ),
                TermChair::Unknown => {
                    tr!(
                        lang,
                        "event-chair-term-unknown",
                        body = body,
                        year = year.as_str()
                    )
                }
            }
        }
        What::Obligation {
            title,
            owner,
            due,
            done,
        } => match done {
            Some(done @ DayOrMonth::Month(_)) => tr!(
                lang,
                "event-obligation-done-month",
                title = title.as_str(),
                owner = duty_owner(lang, owner),
                date = crate::i18n::day_or_month(lang, *due),
                month = crate::i18n::day_or_month(lang, *done)
            ),
            Some(_) => tr!(
                lang,
                "event-obligation-done",
                title = title.as_str(),
                owner = duty_owner(lang, owner),
                date = crate::i18n::day_or_month(lang, *due)
            ),
            None if matches!(due, DayOrMonth::Month(_)) => tr!(
                lang,
                "event-obligation-due-month",
                title = title.as_str(),
                owner = duty_owner(lang, owner),
                month = crate::i18n::day_or_month(lang, *due)
            ),
            None => tr!(
                lang,
                "event-obligation-not-done",
                title = title.as_str(),
                owner = duty_owner(lang, owner)
            ),
        },
        What::NoticeEffective {
            party,
            agreement,
            received,
        } => tr!(
            lang,
            "event-notice-effective",
            party = party.as_str(),
            agreement = agreement.as_str(),
            date = received.to_string()
        ),
        What::AgreementEnd {
            agreement,
            fixed_term: true,
        } => tr!(
            lang,
            "event-agreement-end-fixed",
            agreement = agreement.as_str()
        ),
        What::AgreementEnd {
            agreement,
            fixed_term: false,
        } => tr!(
            lang,
            "event-agreement-end-notice",
            agreement = agreement.as_str()
        ),
        What::BodyEnd { body } => tr!(lang, "event-body-end", body = body.as_str()),
    }
}

/// ` (sista dag flyttad till fre 2027-01-04)` after an event whose last day moved.
pub fn adjusted_note(lang: Lang, adjusted: NaiveDate) -> String {
    format!(
        " ({})",
        tr!(
            lang,
            "schedule-adjusted",
            day = crate::i18n::day(lang, adjusted)
        )
    )
}

/// A case event's action keyword (`recommended` …) as people say it.
pub fn case_action(lang: Lang, action: &str) -> String {
    match action {
        "raised" => tr!(lang, "case-action-raised"),
        "prepared" => tr!(lang, "case-action-prepared"),
        "discussed" => tr!(lang, "case-action-discussed"),
        "recommended" => tr!(lang, "case-action-recommended"),
        "decided" => tr!(lang, "case-action-decided"),
        "escalated" => tr!(lang, "case-action-escalated"),
        "referred" => tr!(lang, "case-action-referred"),
        "closed" => tr!(lang, "case-action-closed"),
        "withdrawn" => tr!(lang, "case-action-withdrawn"),
        other => other.to_owned(),
    }
}

pub fn change(lang: Lang, change: Change) -> String {
    match change {
        Change::Added => tr!(lang, "change-added"),
        Change::Removed => tr!(lang, "change-removed"),
        Change::Modified => tr!(lang, "change-modified"),
    }
}

/// `error` / `warning` → `fel` / `varning`.
pub fn severity(lang: Lang, severity: &str) -> String {
    match severity {
        "error" => tr!(lang, "severity-error"),
        "warning" => tr!(lang, "severity-warning"),
        other => other.to_owned(),
    }
}

/// What a graph edge means, read from → to.
pub fn edge(lang: Lang, kind: EdgeKind) -> String {
    match kind {
        EdgeKind::ReportsTo => tr!(lang, "edge-reports-to"),
        EdgeKind::Prepares => tr!(lang, "edge-prepares"),
        EdgeKind::EscalatesTo => tr!(lang, "edge-escalates-to"),
        EdgeKind::ChairsOf => tr!(lang, "edge-chairs-of"),
        EdgeKind::ExOfficio(ChairRole::Chair) => tr!(lang, "edge-chair-sits-in"),
        EdgeKind::ExOfficio(ChairRole::ViceChair) => tr!(lang, "edge-vice-chair-sits-in"),
        EdgeKind::Adjunct(ChairRole::Chair) => tr!(lang, "edge-chair-co-opted"),
        EdgeKind::Adjunct(ChairRole::ViceChair) => tr!(lang, "edge-vice-chair-co-opted"),
    }
}

pub fn link(lang: Lang, kind: LinkKind) -> String {
    match kind {
        LinkKind::Gathers => tr!(lang, "edge-gathers"),
        LinkKind::ActsIn => tr!(lang, "edge-acts-in"),
        LinkKind::Serves => tr!(lang, "edge-serves"),
    }
}

/// A yes/no cell of a CSV row.
pub fn boolean(lang: Lang, value: bool) -> String {
    if value {
        tr!(lang, "csv-true")
    } else {
        tr!(lang, "csv-false")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_use_the_terms_of_the_agreements() {
        assert_eq!(
            role(
                Lang::Sv,
                SeatKind::ExOfficio,
                Some("vice-chair"),
                Some("Beredning")
            ),
            "självskriven, vice ordförande i Beredning"
        );
        assert_eq!(
            role(
                Lang::En,
                SeatKind::ExOfficio,
                Some("vice-chair"),
                Some("Beredning")
            ),
            "ex officio, vice chair of Beredning"
        );
        assert_eq!(seat_kind(Lang::Sv, SeatKind::Ordinary), "ordinarie ledamot");
        assert_eq!(seat_kind(Lang::Sv, SeatKind::Substitute), "ersättare");
        assert_eq!(side(Lang::Sv, "municipality"), "kommunsidan");
    }

    #[test]
    fn english_event_sentences_match_the_json_subject() {
        use crate::model::party::Side;
        let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        let cases = [
            What::Meeting {
                body: "Samråd".into(),
                kind: Some("extra"),
            },
            What::ChairTerm {
                body: "Samråd".into(),
                term: ChairTerm {
                    first: 2027,
                    last: 2027,
                },
                chair: TermChair::Planned {
                    side: Side::Region,
                    rule: "alternate-sides",
                },
            },
            What::ChairTerm {
                body: "Samråd".into(),
                term: ChairTerm {
                    first: 2026,
                    last: 2026,
                },
                chair: TermChair::Recorded {
                    chair: "A".into(),
                    vice_chair: Some("B".into()),
                },
            },
            What::ChairTerm {
                body: "S".into(),
                term: ChairTerm {
                    first: 2026,
                    last: 2026,
                },
                chair: TermChair::Unknown,
            },
            What::Obligation {
                title: "T".into(),
                owner: DutyOwner::Named("O".into()),
                due: DayOrMonth::Day(d),
                done: Some(DayOrMonth::Day(d)),
            },
            What::Obligation {
                title: "T".into(),
                owner: DutyOwner::Named("O".into()),
                due: DayOrMonth::Day(d),
                done: None,
            },
            What::Obligation {
                title: "T".into(),
                owner: DutyOwner::Named("O".into()),
                due: DayOrMonth::Month(d),
                done: None,
            },
            What::Obligation {
                title: "T".into(),
                owner: DutyOwner::Named("O".into()),
                due: DayOrMonth::Month(d),
                done: Some(DayOrMonth::Month(d)),
            },
            What::NoticeEffective {
                party: "P".into(),
                agreement: "A".into(),
                received: d,
            },
            What::AgreementEnd {
                agreement: "A".into(),
                fixed_term: false,
            },
            What::BodyEnd { body: "B".into() },
        ];
        for what in cases {
            assert_eq!(event(Lang::En, &what), what.english(), "{what:?}");
        }
    }

    #[test]
    fn swedish_event_sentences() {
        use crate::model::party::Side;
        let what = What::ChairTerm {
            body: "Samråd".into(),
            term: ChairTerm {
                first: 2027,
                last: 2027,
            },
            chair: TermChair::Planned {
                side: Side::Region,
                rule: "alternate-sides",
            },
        };
        assert_eq!(
            event(Lang::Sv, &what),
            "Samråd: ordförandeskapets period 2027 börjar; planerad: ordförande från regionsidan (regeln alternate-sides), ingen registrerad ännu"
        );
    }
}
