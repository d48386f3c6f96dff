//! Case rules: how a case travels between bodies and who still owes a reply.

use chrono::NaiveDate;

use super::{Context, rule};
use crate::finding::Finding;
use crate::model::body::Power;
use crate::model::case::{Action, Case, Concerns, Outcome, Scope};
use crate::model::date::DayOrMonth;
use crate::model::party::PartyKind;
use crate::model::{Entity, Registry};
use crate::msg;

rule!(CASE_EVENT_ORDER, "case-event-order", "cases", Error);
rule!(CASE_NOT_PREPARED, "case-not-prepared", "cases", Error);
rule!(ADVISORY_DECISION, "advisory-decision", "cases", Error);
rule!(REPLY_OVERDUE, "reply-overdue", "cases", Warn);
rule!(BILATERAL_QUESTION, "bilateral-question", "cases", Warn);
rule!(PARTY_EVENT_FOREIGN, "party-event-foreign", "cases", Error);

pub static RULES: &[&super::Rule] = &[
    &CASE_EVENT_ORDER,
    &CASE_NOT_PREPARED,
    &ADVISORY_DECISION,
    &REPLY_OVERDUE,
    &BILATERAL_QUESTION,
    &PARTY_EVENT_FOREIGN,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for case in ctx.reg.cases.values() {
        event_order(case, out);
        preparation_and_power(ctx.reg, case, out);
        replies(ctx, case, out);
        bilateral(ctx.reg, case, out);
        party_events(ctx.reg, case, out);
    }
}

/// An action in a party's own organisation belongs to the case only if that party is a
/// party or an association of the case's agreement.
fn party_events(reg: &Registry, case: &Entity<Case>, out: &mut Vec<Finding>) {
    let first_body = case.value.event.iter().find_map(|e| e.get_ref().body_id());
    let Some(agreement_id) = case_agreement(reg, &case.value, first_body) else {
        return;
    };
    let Some(agreement) = reg.agreements.get(agreement_id) else {
        return;
    };
    for e in &case.value.event {
        let Some(party) = &e.get_ref().party else {
            continue;
        };
        let id = party.get_ref();
        if !reg.parties.contains_key(id) {
            continue; // dangling-reference says it
        }
        if !reg.is_agreement_party(&agreement.value, id) && !agreement.value.has_association(id) {
            out.push(PARTY_EVENT_FOREIGN.finding(
                case.at(party),
                msg!("party-event-foreign", party = id, agreement = agreement_id),
            ));
        }
    }
}

/// Dates given as a month mean some day of it: an order is wrong only if it is wrong for
/// every day of the months involved (an event's last possible day before the earliest
/// possible day of what must come first).
fn event_order(case: &Entity<Case>, out: &mut Vec<Finding>) {
    let raised = case.value.raised.get_ref();
    // The event with the latest earliest possible day so far.
    let mut previous: Option<DayOrMonth> = None;
    for e in &case.value.event {
        let date = e.get_ref().date.get_ref();
        if date.last() < raised.first() {
            out.push(CASE_EVENT_ORDER.finding(
                case.at(&e.get_ref().date),
                msg!(
                    "event-before-raised",
                    date = date.to_string(),
                    raised = raised.to_string()
                ),
            ));
        } else if let Some(prev) = previous
            && date.last() < prev.first()
        {
            out.push(CASE_EVENT_ORDER.finding(
                case.at(&e.get_ref().date),
                msg!(
                    "event-out-of-order",
                    date = date.to_string(),
                    previous = prev.to_string()
                ),
            ));
        }
        previous =
            Some(previous.map_or(*date, |p| if date.first() > p.first() { *date } else { p }));
    }
}

fn preparation_and_power(reg: &Registry, case: &Entity<Case>, out: &mut Vec<Finding>) {
    let events = &case.value.event;
    for e in events {
        let e = e.get_ref();
        // A party's own action is under no body's power or preparation.
        let Some((body_at, body)) = e
            .body
            .as_ref()
            .and_then(|b| reg.bodies.get(b.get_ref()).map(|body| (b, body)))
        else {
            continue;
        };
        // An advisory body recommends; it may still settle how the cooperation works.
        if *e.action.get_ref() == Action::Decided
            && *body.value.power.get_ref() == Power::Advisory
            && e.scope == Scope::Substance
        {
            out.push(ADVISORY_DECISION.finding(
                case.at(&e.action),
                msg!("advisory-decision", body = body_at.get_ref()),
            ));
        }
        if let Some(preparer) = &body.value.prepared_by {
            let prepared = events.iter().any(|p| {
                let p = p.get_ref();
                p.body_id() == Some(preparer.get_ref().as_str())
                    && *p.action.get_ref() == Action::Prepared
                    // Prepared on or before the event on some day the months allow.
                    && p.date.get_ref().first() <= e.date.get_ref().last()
            });
            if !prepared {
                out.push(CASE_NOT_PREPARED.finding(
                    case.at(body_at),
                    msg!(
                        "case-not-prepared",
                        body = body_at.get_ref(),
                        date = e.date.get_ref().to_string(),
                        preparer = preparer.get_ref()
                    ),
                ));
            }
        }
    }
}

/// Parties that must reply to a recommendation in this case.
pub fn must_reply<'a>(
    reg: &'a Registry,
    case: &'a Case,
    agreement: Option<&'a str>,
) -> Vec<&'a str> {
    match case.concerns.get_ref() {
        Concerns::Parties(parties) => parties.iter().map(|p| p.get_ref().as_str()).collect(),
        Concerns::All => agreement
            .and_then(|a| reg.agreements.get(a))
            .map(|a| {
                reg.agreement_parties(&a.value)
                    .iter()
                    .map(|p| p.get_ref().as_str())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// A party is undecided with no decision, or only pending ones.
pub fn undecided<'a>(case: &Case, parties: &[&'a str]) -> Vec<&'a str> {
    undecided_as_of(case, parties, NaiveDate::MAX)
}

/// [`undecided`] as the registry stood on `day`: decisions after it do not count yet.
pub fn undecided_as_of<'a>(case: &Case, parties: &[&'a str], day: NaiveDate) -> Vec<&'a str> {
    parties
        .iter()
        .copied()
        .filter(|p| {
            !case.decision.iter().any(|d| {
                let d = d.get_ref();
                d.party.get_ref() == p
                    && *d.outcome.get_ref() != Outcome::Pending
                    // A decision dated by month counts from the month's first day: the
                    // party is not called undecided on a day it may already have decided.
                    && d.date.get_ref().first() <= day
            })
        })
        .collect()
}

/// The agreement a case falls under: its own `agreement`, else that of the body where it
/// was recommended.
pub fn case_agreement<'a>(
    reg: &'a Registry,
    case: &'a Case,
    body: Option<&str>,
) -> Option<&'a str> {
    case.agreement
        .as_ref()
        .map(|a| a.get_ref().as_str())
        .or_else(|| {
            reg.bodies
                .get(body?)
                .map(|b| b.value.agreement.get_ref().as_str())
        })
}

fn replies(ctx: &Context, case: &Entity<Case>, out: &mut Vec<Finding>) {
    let calendar = ctx.reg.calendar();
    for e in &case.value.event {
        let e = e.get_ref();
        let Some(reply_by) = &e.reply_by else {
            continue;
        };
        let adjusted = calendar.adjust(reply_by.get_ref().0);
        if ctx.today <= adjusted {
            continue;
        }
        let agreement = case_agreement(ctx.reg, &case.value, e.body_id());
        let parties = must_reply(ctx.reg, &case.value, agreement);
        let waiting = undecided(&case.value, &parties);
        if !waiting.is_empty() {
            let shown = if adjusted == reply_by.get_ref().0 {
                msg!("due-date", date = reply_by.get_ref().to_string())
            } else {
                msg!(
                    "due-date-adjusted",
                    date = reply_by.get_ref().to_string(),
                    adjusted = adjusted.to_string()
                )
            };
            out.push(REPLY_OVERDUE.finding(
                case.at(reply_by),
                msg!("reply-overdue", due = shown, parties = waiting.join(", ")),
            ));
        }
    }
}

fn bilateral(reg: &Registry, case: &Entity<Case>, out: &mut Vec<Finding>) {
    let Concerns::Parties(parties) = case.value.concerns.get_ref() else {
        return;
    };
    let [only] = parties.as_slice() else { return };
    let only = only.get_ref();
    if reg.parties.get(only).map(|p| *p.value.kind.get_ref()) != Some(PartyKind::Municipality) {
        return;
    }
    let county_wide = case.value.event.iter().find_map(|e| {
        let at = e.get_ref().body.as_ref()?;
        reg.bodies
            .get(at.get_ref())
            .is_some_and(|b| reg.constituency(&b.value).len() > 2)
            .then_some(at)
    });
    if let Some(at) = county_wide {
        out.push(BILATERAL_QUESTION.finding(
            case.at(at),
            msg!("bilateral-question", party = only, body = at.get_ref()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date, with};

    const BASE: &[(&str, &str)] = &[
        ("registry.toml", "name = \"T\"\n"),
        ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n"),
        ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
        ("parties/l.toml", "name = \"L\"\nkind = \"municipality\"\n"),
        (
            "agreements/a.toml",
            "title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2020-01-01\n",
        ),
        (
            "bodies/lsg.toml",
            "name = \"LSG\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\n[seats]\n",
        ),
        (
            "bodies/samrad.toml",
            "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2020-01-01\nprepared_by = \"lsg\"\n[seats]\n",
        ),
    ];

    fn case(concerns: &str, events: &str, decisions: &str) -> String {
        format!(
            "title = \"C\"\nraised = 2026-02-02\nraised_by = \"k\"\nconcerns = {concerns}\nagreement = \"a\"\n{events}{decisions}"
        )
    }

    fn event(date: &str, body: &str, action: &str) -> String {
        format!("[[event]]\ndate = {date}\nbody = \"{body}\"\naction = \"{action}\"\n")
    }

    fn check(text: &str, today: chrono::NaiveDate) -> Vec<(String, String, usize)> {
        codes(&with(BASE, &[("cases/2026/c.toml", text)]), today)
    }

    fn today() -> chrono::NaiveDate {
        date(2026, 11, 25)
    }

    fn found(line: usize, code: &str) -> Vec<(String, String, usize)> {
        vec![(code.into(), "cases/2026/c.toml".into(), line)]
    }

    #[test]
    fn a_case_goes_through_its_preparing_body_first() {
        let prepared = [
            event("2026-02-10", "lsg", "prepared"),
            event("2026-03-20", "samrad", "discussed"),
        ]
        .concat();
        assert_eq!(check(&case("\"all\"", &prepared, ""), today()), vec![]);
        let skipped = event("2026-03-20", "samrad", "discussed");
        assert_eq!(
            check(&case("\"all\"", &skipped, ""), today()),
            found(8, "case-not-prepared")
        );
        // Prepared later than the event does not count.
        let late = [
            event("2026-03-20", "samrad", "discussed"),
            event("2026-04-10", "lsg", "prepared"),
        ]
        .concat();
        assert_eq!(
            check(&case("\"all\"", &late, ""), today()),
            found(8, "case-not-prepared")
        );
    }

    #[test]
    fn a_month_is_out_of_order_only_if_every_day_of_it_is() {
        // Raised 2026-02-02; an event "2026-02" may be on or after that day.
        let same_month = [
            event("\"2026-02\"", "lsg", "prepared"),
            event("2026-02-10", "samrad", "discussed"),
        ]
        .concat();
        assert_eq!(check(&case("\"all\"", &same_month, ""), today()), vec![]);
        // An event in the month before the case was raised is before it on every day.
        let before = [
            event("\"2026-01\"", "lsg", "prepared"),
            event("2026-02-10", "samrad", "discussed"),
        ]
        .concat();
        assert_eq!(
            check(&case("\"all\"", &before, ""), today()),
            found(7, "case-event-order")
        );
        // A day in March after an event dated "2026-03": fine; a day in February: not.
        let after_month = [
            event("\"2026-03\"", "lsg", "prepared"),
            event("2026-03-01", "samrad", "discussed"),
        ]
        .concat();
        assert_eq!(check(&case("\"all\"", &after_month, ""), today()), vec![]);
        let wrong = [
            event("\"2026-03\"", "lsg", "prepared"),
            event("2026-02-27", "lsg", "discussed"),
        ]
        .concat();
        assert_eq!(
            check(&case("\"all\"", &wrong, ""), today()),
            found(11, "case-event-order")
        );
    }

    #[test]
    fn a_decision_dated_by_month_counts_from_the_months_first_day() {
        let recommended = "[[event]]\ndate = 2026-02-10\nbody = \"lsg\"\naction = \"prepared\"\n[[event]]\ndate = 2026-03-20\nbody = \"samrad\"\naction = \"recommended\"\n";
        let c = case(
            "[\"k\"]",
            recommended,
            "[[decision]]\nparty = \"k\"\ndate = \"2026-05\"\noutcome = \"adopted\"\n",
        );
        let (reg, _) = crate::load::load_texts(with(BASE, &[("cases/2026/c.toml", &c)]));
        let case = &reg.cases["c"].value;
        assert_eq!(
            super::undecided_as_of(case, &["k"], date(2026, 4, 30)),
            vec!["k"]
        );
        assert!(super::undecided_as_of(case, &["k"], date(2026, 5, 1)).is_empty());
    }

    #[test]
    fn events_run_forward_from_when_the_case_was_raised() {
        let before_raised = event("2026-01-15", "lsg", "discussed");
        assert_eq!(
            check(&case("\"all\"", &before_raised, ""), today()),
            found(7, "case-event-order")
        );
        let backwards = [
            event("2026-03-01", "lsg", "discussed"),
            event("2026-02-20", "lsg", "prepared"),
        ]
        .concat();
        assert_eq!(
            check(&case("\"all\"", &backwards, ""), today()),
            found(11, "case-event-order")
        );
    }

    #[test]
    fn an_advisory_body_does_not_decide() {
        let decided = event("2026-03-01", "lsg", "decided");
        assert_eq!(
            check(&case("\"all\"", &decided, ""), today()),
            found(9, "advisory-decision")
        );
    }

    #[test]
    fn replies_are_overdue_after_the_adjusted_reply_day_while_a_party_is_undecided() {
        // 2026-06-19 is midsommarafton: replies are due by Monday 2026-06-22.
        let recommended = [
            event("2026-02-10", "lsg", "prepared"),
            event("2026-03-20", "samrad", "recommended"),
            "reply_by = 2026-06-19\n".to_owned(),
        ]
        .concat();
        let decision = |party: &str, outcome: &str| {
            format!(
                "[[decision]]\nparty = \"{party}\"\ndate = 2026-05-01\noutcome = \"{outcome}\"\n"
            )
        };
        let partly = [decision("k", "adopted"), decision("l", "pending")].concat();
        let text = case("[\"k\", \"l\"]", &recommended, &partly);
        assert_eq!(check(&text, date(2026, 6, 22)), vec![]);
        assert_eq!(check(&text, date(2026, 6, 23)), found(14, "reply-overdue"));
        let all = [decision("k", "adopted"), decision("l", "rejected")].concat();
        assert_eq!(
            check(&case("[\"k\", \"l\"]", &recommended, &all), today()),
            vec![]
        );
    }

    #[test]
    fn a_question_for_one_municipality_stays_out_of_county_wide_bodies() {
        let at_lsg = event("2026-02-10", "lsg", "discussed");
        assert_eq!(
            check(&case("[\"k\"]", &at_lsg, ""), today()),
            found(8, "bilateral-question")
        );
        assert_eq!(check(&case("[\"k\", \"l\"]", &at_lsg, ""), today()), vec![]);
        // A case about the region alone is no single-municipality case.
        assert_eq!(check(&case("[\"r\"]", &at_lsg, ""), today()), vec![]);
    }

    fn party_event(date: &str, party: &str, action: &str) -> String {
        format!("[[event]]\ndate = {date}\nparty = \"{party}\"\naction = \"{action}\"\n")
    }

    /// BASE with an association `g` of k and l that agreement `a` lists, and one it does not.
    fn with_associations(case_text: &str) -> Vec<(String, String, usize)> {
        let files = with(
            BASE,
            &[
                (
                    "agreements/a.toml",
                    "title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\nassociations = [\"g\"]\neffective = 2020-01-01\n",
                ),
                (
                    "parties/g.toml",
                    "name = \"G\"\nkind = \"association\"\nmembers = [\"k\", \"l\"]\n",
                ),
                ("parties/h.toml", "name = \"H\"\nkind = \"association\"\n"),
                ("cases/2026/c.toml", case_text),
            ],
        );
        codes(&files, today())
    }

    #[test]
    fn a_party_event_needs_a_party_or_association_of_the_agreement() {
        let own = [
            party_event("2026-02-05", "g", "prepared"),
            party_event("2026-02-06", "k", "discussed"),
            event("2026-02-10", "lsg", "prepared"),
        ]
        .concat();
        assert_eq!(with_associations(&case("\"all\"", &own, "")), vec![]);
        let foreign = party_event("2026-02-05", "h", "prepared");
        assert_eq!(
            with_associations(&case("\"all\"", &foreign, "")),
            found(8, "party-event-foreign")
        );
    }

    #[test]
    fn a_party_event_is_under_no_body_preparation_or_power() {
        // A decision in a party's own line organisation: no advisory body decided, and
        // the samråd's preparer is not asked for.
        let events = [
            party_event("2026-02-05", "k", "decided"),
            event("2026-02-10", "lsg", "prepared"),
            event("2026-03-20", "samrad", "recommended"),
        ]
        .concat();
        assert_eq!(check(&case("\"all\"", &events, ""), today()), vec![]);
        // One county-wide body event still makes a one-municipality case bilateral-question.
        let single = [
            party_event("2026-02-05", "k", "prepared"),
            event("2026-02-10", "lsg", "discussed"),
        ]
        .concat();
        assert_eq!(
            check(&case("[\"k\"]", &single, ""), today()),
            found(12, "bilateral-question")
        );
    }

    #[test]
    fn an_event_is_at_a_body_or_in_a_party_never_both_nor_neither() {
        let both =
            "[[event]]\ndate = 2026-02-05\nbody = \"lsg\"\nparty = \"k\"\naction = \"discussed\"\n";
        assert_eq!(
            check(&case("\"all\"", both, ""), today()),
            found(9, "schema")
        );
        let neither = "[[event]]\ndate = 2026-02-05\naction = \"discussed\"\n";
        assert_eq!(
            check(&case("\"all\"", neither, ""), today()),
            found(8, "schema")
        );
        let unknown = party_event("2026-02-05", "nobody", "discussed");
        assert_eq!(
            check(&case("\"all\"", &unknown, ""), today()),
            found(8, "dangling-reference")
        );
    }
}
