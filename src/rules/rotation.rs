//! Rotation rules: who chairs a body each chair term (a calendar year unless `[chair] term`
//! says otherwise), and from which side.

use std::collections::BTreeMap;

// FxHash: keyed by the registry's own names, looked up for every member of every body.
use rustc_hash::FxHashMap as HashMap;

use crate::model::Spanned;
use chrono::{Datelike, NaiveDate};

use super::{Context, rule};
use crate::finding::Finding;
use crate::model::agreement::RoleKind;
use crate::model::body::{ChairKind, Extension, Term};
use crate::model::chair_term::{self, ChairTerm};
use crate::model::party::Side;
use crate::model::roster::{ChairYear, Member, SeatRole};
use crate::model::{Body, Entity, Registry, Roster};
use crate::msg;
use crate::rules::loading::SCHEMA;
use crate::rules::representation::first_day_uncovered;

rule!(CHAIR_MISSING, "chair-missing", "rotation", Warn);
rule!(CHAIR_SAME_SIDE, "chair-same-side", "rotation", Error);
rule!(CHAIR_NOT_MEMBER, "chair-not-member", "rotation", Error);
rule!(CHAIR_NOT_ROTATED, "chair-not-rotated", "rotation", Error);
rule!(CHAIR_WRONG_SIDE, "chair-wrong-side", "rotation", Error);
rule!(CHAIR_TERM_START, "chair-term-start", "rotation", Error);
rule!(CHAIR_WITHOUT_SEAT, "chair-without-seat", "rotation", Error);
rule!(HOST_CHAIR, "host-chair", "rotation", Error);
rule!(
    HOST_NOT_ALTERNATING,
    "host-not-alternating",
    "rotation",
    Error
);

pub static RULES: &[&super::Rule] = &[
    &CHAIR_MISSING,
    &CHAIR_SAME_SIDE,
    &CHAIR_NOT_MEMBER,
    &CHAIR_NOT_ROTATED,
    &CHAIR_WRONG_SIDE,
    &CHAIR_TERM_START,
    &CHAIR_WITHOUT_SEAT,
    &HOST_CHAIR,
    &HOST_NOT_ALTERNATING,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (body_id, body) in &ctx.reg.bodies {
        let Some(rule) = &body.value.chair else {
            continue;
        };
        let roster = ctx.reg.rosters.get(body_id);
        match rule.get_ref().rule.get_ref() {
            ChairKind::Host => {
                if let Some(roster) = roster {
                    for c in &roster.value.chair {
                        out.push(SCHEMA.finding(
                            roster.at(&c.get_ref().year),
                            msg!("schema-host-chair-recorded", body = body_id),
                        ));
                    }
                }
                hosts(ctx.reg, body_id, body, out);
            }
            kind @ (ChairKind::AlternateSides | ChairKind::Elected) => {
                let alternate = *kind == ChairKind::AlternateSides;
                chairs(ctx, body_id, body, roster, alternate, None, out);
            }
            ChairKind::FixedSide => match &rule.get_ref().side {
                Some(side) => {
                    chairs(
                        ctx,
                        body_id,
                        body,
                        roster,
                        false,
                        Some(*side.get_ref()),
                        out,
                    );
                }
                None => out.push(SCHEMA.finding(
                    body.at(&rule.get_ref().rule),
                    msg!("schema-fixed-side-without-side", body = body_id),
                )),
            },
        }
    }
}

/// The first day of `first..=last` a person holds no ordinary seat, if any.
fn first_day_without_seat(
    seats: &[&Member],
    first: NaiveDate,
    last: NaiveDate,
) -> Option<NaiveDate> {
    let ordinary: Vec<&Member> = seats
        .iter()
        .filter(|m| *m.role.get_ref() == SeatRole::Ordinary)
        .copied()
        .collect();
    first_day_uncovered(&ordinary, first, last)
}

fn chairs(
    ctx: &Context,
    body_id: &str,
    body: &Entity<Body>,
    roster: Option<&Entity<Roster>>,
    alternate: bool,
    fixed: Option<Side>,
    out: &mut Vec<Finding>,
) {
    let reg = ctx.reg;
    let extension = body
        .value
        .chair
        .as_ref()
        .map_or(Extension::Decision, |c| c.get_ref().extension);
    let term_rule = chair_term::term_rule(&body.value);
    // Messages about longer terms name the term; calendar years keep their words.
    let by_term = term_rule != Term::CalendarYear;
    let active = reg.body_active(&body.value);
    let mut by_name: HashMap<&str, Vec<&Member>> = HashMap::default();
    // The entry that covers each term, by the term's first year (see `entry_for_term`).
    let mut terms: BTreeMap<i32, (ChairTerm, &Spanned<ChairYear>)> = BTreeMap::new();
    if let Some(roster) = roster {
        for m in &roster.value.member {
            by_name
                .entry(m.get_ref().name.get_ref())
                .or_default()
                .push(m.get_ref());
        }
        for c in &roster.value.chair {
            let year = *c.get_ref().year.get_ref();
            let term = chair_term::body_term(&body.value, year);
            // Entries for years the body is not active in say nothing about its chairs.
            if year < active.0.year() || chair_term::active_days(term, active).is_none() {
                continue;
            }
            if term.first != year {
                out.push(CHAIR_TERM_START.finding(
                    roster.at(&c.get_ref().year),
                    msg!(
                        "chair-term-start",
                        year = year.to_string(),
                        body = body_id,
                        rule = term_rule.as_str(),
                        term = term.label(),
                        start = term.first.to_string()
                    ),
                ));
            }
            let covering = terms.entry(term.first).or_insert((term, c));
            if year < *covering.1.get_ref().year.get_ref() {
                covering.1 = c;
            }
        }
    }
    let missing_at = roster.map_or_else(
        || body.at(body.value.chair.as_ref().expect("has a chair rule")),
        |r| r.whole_file(),
    );

    // chair-missing: every active term up to today's.
    for term in chair_term::body_terms(&body.value, active.0.year(), ctx.today.year()) {
        if chair_term::active_days(term, active).is_none() {
            continue;
        }
        match terms.get(&term.first) {
            None if by_term => out.push(CHAIR_MISSING.finding(
                missing_at.clone(),
                msg!(
                    "chair-missing-term",
                    body = body_id,
                    term = term.label(),
                    year = term.first.to_string()
                ),
            )),
            None => out.push(CHAIR_MISSING.finding(
                missing_at.clone(),
                msg!("chair-missing", body = body_id, year = term.label()),
            )),
            Some((_, c)) if alternate && c.get_ref().vice_chair.is_none() => {
                out.push(
                    CHAIR_MISSING.finding(
                        roster
                            .expect("a recorded term has a roster")
                            .at(&c.get_ref().year),
                        msg!("vice-chair-missing", body = body_id, year = term.label()),
                    ),
                );
            }
            Some(_) => {}
        }
    }

    let Some(roster) = roster else { return };
    // The side each recorded term's chair sits for, for the rotation check.
    let mut chair_sides: Vec<(ChairTerm, Side, &ChairYear)> = Vec::new();
    for (term, c) in terms.values() {
        let c = c.get_ref();
        let Some((first, last)) = chair_term::active_days(*term, active) else {
            continue;
        };
        let label = term.label();
        let mut sides = [None, None];
        for (i, person) in [Some(&c.chair), c.vice_chair.as_ref()]
            .into_iter()
            .enumerate()
        {
            let Some(person) = person else { continue };
            let seats = by_name
                .get(person.get_ref().as_str())
                .map_or(&[][..], |v| v.as_slice());
            if let Some(day) = first_day_without_seat(seats, first, last) {
                let role = if i == 0 { "chair" } else { "vice-chair" };
                // One fault, one finding: a person listed without a seat that year is
                // chair-without-seat, not also chair-not-member.
                if let Some(without) = seats.iter().find(|m| {
                    !m.role.get_ref().holds_seat()
                        && m.from() <= last
                        && m.to().is_none_or(|t| first <= t)
                }) {
                    out.push(CHAIR_WITHOUT_SEAT.finding(
                        roster.at(person),
                        msg!(
                            "chair-without-seat",
                            role = role,
                            name = person.get_ref(),
                            year = label.clone(),
                            body = body_id,
                            seat_role = without.role.get_ref().as_str()
                        ),
                    ));
                    continue;
                }
                let message = if by_term {
                    msg!(
                        "chair-not-member-term",
                        role = role,
                        name = person.get_ref(),
                        term = label.clone(),
                        body = body_id,
                        day = day.to_string()
                    )
                } else {
                    msg!(
                        "chair-not-member",
                        role = role,
                        name = person.get_ref(),
                        year = label.clone(),
                        body = body_id,
                        day = day.to_string()
                    )
                };
                out.push(CHAIR_NOT_MEMBER.finding(roster.at(person), message));
                continue;
            }
            let party = seats
                .iter()
                .filter(|m| m.serves_on(first))
                .find_map(|m| match m.seat() {
                    Some((SeatRole::Ordinary, party)) => Some(party),
                    _ => None,
                });
            if let Some(party) = party {
                sides[i] = reg.party_side(party);
                if alternate
                    && sides[i].is_none()
                    && let Some(p) = reg.parties.get(party)
                {
                    out.push(SCHEMA.finding(
                        p.at(&p.value.kind),
                        msg!(
                            "schema-chair-party-without-side",
                            party = party,
                            kind = p.value.kind.get_ref().as_str(),
                            body = body_id
                        ),
                    ));
                }
            }
        }
        if let Some(fixed) = fixed {
            if let Some(side) = sides[0].filter(|s| *s != fixed) {
                out.push(CHAIR_WRONG_SIDE.finding(
                    roster.at(&c.chair),
                    msg!(
                        "chair-wrong-side",
                        name = c.chair.get_ref(),
                        year = label.clone(),
                        side = side.as_str(),
                        fixed = fixed.as_str()
                    ),
                ));
            }
            if let (Some(vice), Some(side)) = (&c.vice_chair, sides[1])
                && side == fixed
            {
                out.push(CHAIR_WRONG_SIDE.finding(
                    roster.at(vice),
                    msg!(
                        "vice-chair-wrong-side",
                        name = vice.get_ref(),
                        year = label.clone(),
                        fixed = fixed.as_str()
                    ),
                ));
            }
        }
        if !alternate {
            continue;
        }
        if let ([Some(chair_side), Some(vice_side)], Some(vice)) = (sides, &c.vice_chair)
            && chair_side == vice_side
        {
            out.push(CHAIR_SAME_SIDE.finding(
                roster.at(vice),
                msg!(
                    "chair-same-side",
                    chair = c.chair.get_ref(),
                    vice_chair = vice.get_ref(),
                    year = label.clone(),
                    side = chair_side.as_str()
                ),
            ));
        }
        if let Some(side) = sides[0] {
            chair_sides.push((*term, side, c));
        }
    }

    // Terms are in order (`terms` is keyed by their first year); the side switches between
    // one term and the next.
    for pair in chair_sides.windows(2) {
        let [(last_term, last_side, _), (term, side, c)] = pair else {
            continue;
        };
        if last_term.last.checked_add(1) != Some(term.first) || side != last_side {
            continue;
        }
        let problem = match (&c.extension, extension) {
            (None, _) if by_term => Some(msg!(
                "chair-not-rotated-term",
                side = side.as_str(),
                body = body_id,
                last_term = last_term.label(),
                term = term.label()
            )),
            (None, _) => Some(msg!(
                "chair-not-rotated",
                side = side.as_str(),
                body = body_id,
                last_year = last_term.label(),
                year = term.label()
            )),
            (Some(_), Extension::Never) => Some(msg!(
                "chair-extension-never",
                body = body_id,
                side = side.as_str(),
                year = term.label()
            )),
            (Some(e), Extension::UnanimousDecision) if !e.get_ref().unanimous => Some(msg!(
                "chair-extension-not-unanimous",
                body = body_id,
                year = term.label()
            )),
            _ => None,
        };
        if let Some(message) = problem {
            let at = c
                .extension
                .as_ref()
                .map_or_else(|| roster.at(&c.chair), |e| roster.at(e));
            out.push(CHAIR_NOT_ROTATED.finding(at, message));
        }
    }
}

fn hosts(reg: &Registry, body_id: &str, body: &Entity<Body>, out: &mut Vec<Finding>) {
    let Some(agreement) = reg.body_agreement(&body.value) else {
        return;
    };
    let mut previous: Option<&str> = None;
    for m in reg.meetings_of(body_id) {
        let meeting = m.get();
        let Some(host) = meeting.host.as_deref() else {
            out.push(HOST_CHAIR.finding(
                m.at(&meeting.date),
                msg!(
                    "host-missing",
                    date = meeting.date.get_ref().to_string(),
                    body = body_id
                ),
            ));
            previous = None;
            continue;
        };
        let host_id = host.get_ref().as_str();
        if !reg.is_agreement_party(&agreement.value, host_id) {
            if reg.parties.contains_key(host_id) {
                out.push(HOST_CHAIR.finding(
                    m.at(host),
                    msg!("host-not-party", host = host_id, agreement = &agreement.id),
                ));
            }
        } else if !agreement.value.role.iter().any(|r| {
            let r = r.get_ref();
            *r.role.get_ref() == RoleKind::PartnerOwner
                && r.party.get_ref() == host_id
                && r.covers(meeting.day())
        }) {
            out.push(HOST_CHAIR.finding(
                m.at(host),
                msg!(
                    "host-without-owner",
                    host = host_id,
                    date = meeting.date.get_ref().to_string(),
                    agreement = &agreement.id
                ),
            ));
        }
        if previous == Some(host_id) {
            out.push(HOST_NOT_ALTERNATING.finding(
                m.at(host),
                msg!(
                    "host-not-alternating",
                    host = host_id,
                    body = body_id,
                    date = meeting.date.get_ref().to_string()
                ),
            ));
        }
        previous = Some(host_id);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date, with};

    fn base(extension: &str) -> Vec<(&'static str, String)> {
        base_with(extension, "calendar-year")
    }

    fn base_with(extension: &str, term: &str) -> Vec<(&'static str, String)> {
        vec![
            ("registry.toml", "name = \"T\"\n".into()),
            ("parties/r.toml", "name = \"R\"\nkind = \"region\"\n".into()),
            (
                "parties/k.toml",
                "name = \"K\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "parties/l.toml",
                "name = \"L\"\nkind = \"municipality\"\n".into(),
            ),
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"r\", \"k\", \"l\"]\neffective = 2025-01-01\n".into(),
            ),
            (
                "bodies/s.toml",
                format!(
                    "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2025-01-01\n[seats]\ndefault = {{ ordinary = 1, substitutes = 1 }}\n[chair]\nrule = \"alternate-sides\"\nextension = \"{extension}\"\nterm = \"{term}\"\n"
                ),
            ),
        ]
    }

    const MEMBERS: &str = "[[member]]\nname = \"Rut\"\nparty = \"r\"\nrole = \"ordinary\"\nfrom = 2025-01-01\n\
        [[member]]\nname = \"Kim\"\nparty = \"k\"\nrole = \"ordinary\"\nfrom = 2025-01-01\n\
        [[member]]\nname = \"Lo\"\nparty = \"l\"\nrole = \"ordinary\"\nfrom = 2025-01-01\nto = 2026-06-30\n";

    fn check(extension: &str, chairs: &str) -> Vec<(String, String, usize)> {
        let roster = format!("{MEMBERS}{chairs}");
        let files = base(extension);
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        codes(
            &with(&files, &[("members/s.toml", &roster)]),
            date(2026, 11, 25),
        )
    }

    fn check_terms(
        term: &str,
        chairs: &str,
        today: chrono::NaiveDate,
    ) -> Vec<(String, String, usize)> {
        let roster = format!("{MEMBERS}{chairs}");
        let files = base_with("decision", term);
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        codes(&with(&files, &[("members/s.toml", &roster)]), today)
    }

    /// Line of a chair entry's `chair` key: members take 16 lines, each entry four.
    fn chair_line(entry: usize) -> usize {
        16 + entry * 4 + 3
    }

    #[test]
    fn sides_that_switch_every_year_pass() {
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2026\nchair = \"Kim\"\nvice_chair = \"Rut\"\n";
        assert_eq!(check("decision", chairs), vec![]);
    }

    #[test]
    fn the_same_side_two_years_running_needs_an_extension() {
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2026\nchair = \"Rut\"\nvice_chair = \"Kim\"\n";
        assert_eq!(
            check("decision", chairs),
            vec![(
                "chair-not-rotated".into(),
                "members/s.toml".into(),
                chair_line(1)
            )]
        );
        let extended = chairs.replace(
            "year = 2026\nchair = \"Rut\"\nvice_chair = \"Kim\"\n",
            "year = 2026\nchair = \"Rut\"\nvice_chair = \"Kim\"\nextension = { decision = \"§ 5\" }\n",
        );
        assert_eq!(check("decision", &extended), vec![]);
        // Unanimity is needed where the body says so, and nothing helps under "never".
        let ext_line = chair_line(1) + 2;
        assert_eq!(
            check("unanimous-decision", &extended),
            vec![(
                "chair-not-rotated".into(),
                "members/s.toml".into(),
                ext_line
            )]
        );
        let unanimous = extended.replace(
            "{ decision = \"§ 5\" }",
            "{ decision = \"§ 5\", unanimous = true }",
        );
        assert_eq!(check("unanimous-decision", &unanimous), vec![]);
        assert_eq!(
            check("never", &unanimous),
            vec![(
                "chair-not-rotated".into(),
                "members/s.toml".into(),
                ext_line
            )]
        );
    }

    #[test]
    fn chair_and_vice_chair_from_one_side_is_an_error() {
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Kim\"\nvice_chair = \"Lo\"\n[[chair]]\nyear = 2026\nchair = \"Rut\"\nvice_chair = \"Kim\"\n";
        assert_eq!(
            check("decision", chairs),
            vec![(
                "chair-same-side".into(),
                "members/s.toml".into(),
                chair_line(0) + 1
            )]
        );
    }

    #[test]
    fn a_chair_must_hold_an_ordinary_seat_all_year() {
        // Lo leaves on 2026-06-30 but is recorded as 2026's chair.
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2026\nchair = \"Lo\"\nvice_chair = \"Rut\"\n";
        assert_eq!(
            check("decision", chairs),
            vec![(
                "chair-not-member".into(),
                "members/s.toml".into(),
                chair_line(1)
            )]
        );
    }

    #[test]
    fn a_person_without_a_seat_named_chair_is_chair_without_seat_only() {
        let secretary = "[[member]]\nname = \"Sam\"\nrole = \"secretary\"\nfrom = 2025-01-01\n";
        let chairs = format!(
            "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2026\nchair = \"Kim\"\nvice_chair = \"Sam\"\n{secretary}"
        );
        assert_eq!(
            check("decision", &chairs),
            vec![(
                "chair-without-seat".into(),
                "members/s.toml".into(),
                chair_line(1) + 1
            )]
        );
        // A member who also keeps the minutes holds a seat, and may chair.
        let also = format!(
            "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2026\nchair = \"Kim\"\nvice_chair = \"Rut\"\n{}",
            secretary.replace("Sam", "Rut")
        );
        assert_eq!(check("decision", &also), vec![]);
    }

    #[test]
    fn a_year_without_a_chair_up_to_today_is_missing() {
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n";
        assert_eq!(
            check("decision", chairs),
            vec![("chair-missing".into(), "members/s.toml".into(), 1)]
        );
    }

    #[test]
    fn two_year_terms_switch_sides_between_terms_not_years() {
        let today = date(2028, 6, 1);
        // 2025–2026 the region, 2027–2028 a municipality: one entry a term.
        let switched = "[[chair]]\nyear = 2025\nchair = \"Rut\"\nvice_chair = \"Kim\"\n[[chair]]\nyear = 2027\nchair = \"Kim\"\nvice_chair = \"Rut\"\n";
        assert_eq!(check_terms("two-years", switched, today), vec![]);
        let kept = switched.replace(
            "year = 2027\nchair = \"Kim\"\nvice_chair = \"Rut\"",
            "year = 2027\nchair = \"Rut\"\nvice_chair = \"Kim\"",
        );
        assert_eq!(
            check_terms("two-years", &kept, today),
            vec![(
                "chair-not-rotated".into(),
                "members/s.toml".into(),
                chair_line(1)
            )]
        );
        // The same entries read as calendar years leave 2026 and 2028 without a chair.
        let missing: Vec<String> = check_terms("calendar-year", switched, today)
            .into_iter()
            .map(|(code, _, _)| code)
            .collect();
        assert_eq!(missing, vec!["chair-missing", "chair-missing"]);
    }

    #[test]
    fn an_entry_inside_a_term_is_misplaced_but_covers_its_term() {
        let chairs = "[[chair]]\nyear = 2026\nchair = \"Rut\"\nvice_chair = \"Kim\"\n";
        assert_eq!(
            check_terms("two-years", chairs, date(2026, 11, 25)),
            vec![(
                "chair-term-start".into(),
                "members/s.toml".into(),
                chair_line(0) - 1
            )]
        );
        // A mandate period: the body, established in 2025, starts its first term then.
        let first = chairs.replace("year = 2026", "year = 2025");
        assert_eq!(
            check_terms("mandate-period", &first, date(2026, 11, 25)),
            vec![]
        );
        assert_eq!(
            check_terms("mandate-period", &first, date(2027, 1, 1)),
            vec![("chair-missing".into(), "members/s.toml".into(), 1)]
        );
    }

    #[test]
    fn an_entry_before_the_body_covers_no_term() {
        // Established in 2025, inside 2023–2026: a 2023 entry is before the body, so the
        // first term (2025–2026) has none.
        let chairs = "[[chair]]\nyear = 2023\nchair = \"Rut\"\nvice_chair = \"Kim\"\n";
        assert_eq!(
            check_terms("mandate-period", chairs, date(2026, 11, 25)),
            vec![("chair-missing".into(), "members/s.toml".into(), 1)]
        );
    }

    #[test]
    fn a_chair_must_hold_a_seat_every_day_of_the_term() {
        // Lo leaves on 2026-06-30, inside the term 2025–2026.
        let chairs = "[[chair]]\nyear = 2025\nchair = \"Lo\"\nvice_chair = \"Rut\"\n";
        assert_eq!(
            check_terms("two-years", chairs, date(2025, 3, 1)),
            vec![(
                "chair-not-member".into(),
                "members/s.toml".into(),
                chair_line(0)
            )]
        );
    }
}
