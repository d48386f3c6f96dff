//! `rotation BODY`: who chairs a body each chair term, recorded and planned.
//!
//! A term is a calendar year unless the body's `[chair] term` says otherwise (see
//! [`crate::model::chair_term`]); each row is one term, `year` its first year. Under
//! `alternate-sides` the chair's side flips every term, so a term without a record is
//! planned from the nearest recorded term before it (its side if an even number of terms
//! lie between, the other side if odd); a term before the first record is planned back from
//! the first record the same way. An extension cannot be foreseen, so plans assume none.
//! `elected` bodies have no side plan; under `host` each meeting is chaired by the partner
//! owner of the party that hosts it, so the years list their meetings instead.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{Person, chair_kind_str, chair_rule, chair_source, find_body, party_of};
use crate::error::Error;
use crate::model::Registry;
use crate::model::body::{ChairKind, Term};
use crate::model::chair_term::{self, ChairTerm};
use crate::model::party::Side;
use crate::model::roster::ChairYear;

#[derive(Debug, Serialize)]
pub struct Rotation {
    pub body: String,
    pub name: String,
    /// `alternate-sides`, `host`, `elected`, or null when the body has no chair rule.
    pub rule: Option<&'static str>,
    /// For an arbetsutskott: the body whose chair and vice chair it is made of.
    pub chairs_of: Option<String>,
    /// How long a chair's term is: `calendar-year`, `two-years` or `mandate-period`.
    pub term: &'static str,
    pub years: Vec<RotationYear>,
}

#[derive(Debug, Serialize)]
pub struct RotationYear {
    /// The first year of the term (under `host`: the calendar year).
    pub year: i32,
    /// The term's first and last year the body is active (both `year` for a calendar year).
    pub term_start: i32,
    pub term_end: i32,
    pub chair_side: Option<&'static str>,
    pub vice_chair_side: Option<&'static str>,
    pub chair: Option<String>,
    pub chair_party: Option<String>,
    pub chair_party_name: Option<String>,
    pub vice_chair: Option<String>,
    pub vice_chair_party: Option<String>,
    pub vice_chair_party_name: Option<String>,
    /// Whether the year has a `[[chair]]` record (false: the sides are planned, or unknown).
    pub recorded: bool,
    /// The decision that let the side keep the chair, when the record has one.
    pub extension: Option<String>,
    /// Under `host`: the year's meetings with host and chair.
    pub meetings: Vec<HostedMeeting>,
}

#[derive(Debug, Serialize)]
pub struct HostedMeeting {
    pub date: NaiveDate,
    pub start: Option<NaiveDateTime>,
    pub host: Option<String>,
    pub host_name: Option<String>,
    pub chair: Option<String>,
    pub chair_side: Option<&'static str>,
}

/// The recorded chair side of each term whose chair's party and side are known, with what
/// it takes to count the terms between two years.
#[derive(Debug, Clone)]
pub struct RecordedSides {
    /// By the first year of the term.
    sides: BTreeMap<i32, Side>,
    term: Term,
    first_active_year: i32,
}

pub fn recorded_sides(reg: &Registry, body_id: &str) -> RecordedSides {
    let source = chair_source(reg, body_id);
    let (term, first_active_year) = reg.bodies.get(source).map_or((Term::CalendarYear, 0), |b| {
        (
            chair_term::term_rule(&b.value),
            b.value.established.get_ref().0.year(),
        )
    });
    let mut recorded = RecordedSides {
        sides: BTreeMap::new(),
        term,
        first_active_year,
    };
    let Some(roster) = reg.rosters.get(source) else {
        return recorded;
    };
    // The entry that covers a term is the earliest in it (see `entry_for_term`).
    let mut covering: BTreeMap<i32, (ChairTerm, &ChairYear)> = BTreeMap::new();
    for c in roster.value.chair.iter().map(|c| c.get_ref()) {
        let year = *c.year.get_ref();
        if year < first_active_year {
            continue; // before the body: no term of it
        }
        let term = chair_term::term_of(term, first_active_year, year);
        let entry = covering.entry(term.first).or_insert((term, c));
        if year < *entry.1.year.get_ref() {
            entry.1 = c;
        }
    }
    for (term, c) in covering.into_values() {
        let Some((first, last)) = term.days() else {
            continue;
        };
        if let Some(side) =
            party_of(reg, source, c.chair.get_ref(), first, last).and_then(|p| reg.party_side(p))
        {
            recorded.sides.insert(term.first, side);
        }
    }
    recorded
}

/// Under `fixed-side`, the side that always holds the chair.
pub fn fixed_side(reg: &Registry, body_id: &str) -> Option<Side> {
    let rule = reg.bodies.get(body_id)?.value.chair.as_ref()?.get_ref();
    (*rule.rule.get_ref() == ChairKind::FixedSide)
        .then(|| rule.side.as_ref().map(|s| *s.get_ref()))
        .flatten()
}

/// The chair side the term holding `year` gets under `alternate-sides`, planned from the
/// recorded terms.
pub fn planned_side(recorded: &RecordedSides, year: i32) -> Option<Side> {
    let index = |y| chair_term::term_index(recorded.term, recorded.first_active_year, y);
    let (from, side) = recorded
        .sides
        .range(..=year)
        .next_back()
        .or_else(|| recorded.sides.range(year..).next())?;
    let flips = (index(year) - index(*from)).rem_euclid(2) == 1;
    Some(if flips { side.other() } else { *side })
}

/// The most years one rotation shows: a century covers any planning question and keeps the
/// table readable.
const MAX_YEARS: i64 = 100;

/// Years from `from` to `to` (defaults: the body's first year; three years after today's),
/// kept to the years the body is active.
pub fn build(
    reg: &Registry,
    body_id: &str,
    from: Option<i32>,
    to: Option<i32>,
    today: NaiveDate,
) -> Result<Rotation, Error> {
    let (body_id, body) = find_body(reg, body_id)?;
    let (start, end) = reg.body_active(body);
    let first = from.unwrap_or(start.year()).max(start.year());
    let last = to
        .unwrap_or(today.year().saturating_add(3))
        .min(end.map_or(i32::MAX, |e| e.year()));
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Error::Usage(format!("--from {f} is after --to {t}")));
    }
    let years = i64::from(last) - i64::from(first) + 1;
    if years > MAX_YEARS {
        let asked = match (from, to) {
            (Some(f), Some(t)) => format!("--from {f} --to {t} asks for {first} to {last}"),
            (Some(f), None) => format!("--from {f} runs to {last}"),
            (None, Some(t)) => format!("--to {t} runs from the body's first year, {first}"),
            (None, None) => format!("the body's years run from {first} to {last}"),
        };
        return Err(Error::Usage(format!(
            "{asked}, {years} years; a rotation shows at most {MAX_YEARS} years, so give --from and --to at most {MAX_YEARS} years apart"
        )));
    }
    let rule = chair_rule(reg, body_id);
    let source = chair_source(reg, body_id);
    let recorded = recorded_sides(reg, body_id);
    let source_body = reg.bodies.get(source).map_or(body, |b| &b.value);
    // Terms do not apply under `host`: each meeting has its own chair.
    let term = match rule {
        Some(ChairKind::Host) => Term::CalendarYear,
        _ => chair_term::term_rule(source_body),
    };
    let last_active_year = end.map_or(i32::MAX, |e| e.year());
    // A `host` body has no chair terms: its rows are the calendar years of its meetings.
    let terms: Vec<ChairTerm> = if rule == Some(ChairKind::Host) {
        (first..=last)
            .map(|y| ChairTerm { first: y, last: y })
            .collect()
    } else {
        chair_term::body_terms(source_body, first, last)
            .map(|t| ChairTerm {
                first: t.first,
                last: t.last.min(last_active_year),
            })
            .collect()
    };
    let years = if first > last {
        Vec::new()
    } else {
        terms
            .into_iter()
            .filter_map(|term| term_row(reg, body_id, source, rule, &recorded, term))
            // Without a rule only the recorded terms have anything to say.
            .filter(|row| rule.is_some() || row.recorded)
            .collect()
    };
    Ok(Rotation {
        body: body_id.to_owned(),
        name: body.name.get_ref().clone(),
        rule: rule.map(chair_kind_str),
        chairs_of: (source != body_id).then(|| source.to_owned()),
        term: term.as_str(),
        years,
    })
}

fn term_row(
    reg: &Registry,
    body_id: &str,
    source: &str,
    rule: Option<ChairKind>,
    recorded: &RecordedSides,
    term: ChairTerm,
) -> Option<RotationYear> {
    let (first, last) = term.days()?;
    let year = term.first;
    let mut row = RotationYear {
        year,
        term_start: term.first,
        term_end: term.last,
        chair_side: None,
        vice_chair_side: None,
        chair: None,
        chair_party: None,
        chair_party_name: None,
        vice_chair: None,
        vice_chair_party: None,
        vice_chair_party_name: None,
        recorded: false,
        extension: None,
        meetings: Vec::new(),
    };
    if rule == Some(ChairKind::Host) {
        row.meetings = hosted_meetings(reg, body_id, first, last);
        return Some(row);
    }
    let person = |name: &str| {
        let party = party_of(reg, source, name, first, last);
        Person::new(reg, name, party)
    };
    if let Some(record) = reg.chair_year(source, year) {
        row.recorded = true;
        let chair = person(record.chair.get_ref());
        row.chair_side = chair
            .party
            .as_deref()
            .and_then(|p| reg.party_side(p))
            .map(Side::as_str);
        row.chair = Some(chair.name);
        row.chair_party = chair.party;
        row.chair_party_name = chair.party_name;
        if let Some(v) = &record.vice_chair {
            let vice = person(v.get_ref());
            row.vice_chair_side = vice
                .party
                .as_deref()
                .and_then(|p| reg.party_side(p))
                .map(Side::as_str);
            row.vice_chair = Some(vice.name);
            row.vice_chair_party = vice.party;
            row.vice_chair_party_name = vice.party_name;
        }
        row.extension = record
            .extension
            .as_ref()
            .map(|e| e.get_ref().decision.get_ref().clone());
    } else if rule == Some(ChairKind::AlternateSides)
        && let Some(side) = planned_side(recorded, year)
    {
        row.chair_side = Some(side.as_str());
        row.vice_chair_side = Some(side.other().as_str());
    } else if let Some(side) = fixed_side(reg, body_id) {
        row.chair_side = Some(side.as_str());
    }
    Some(row)
}

/// A `host` body's meetings in `first..=last`: who hosts each and so who chairs it.
pub fn hosted_meetings(
    reg: &Registry,
    body_id: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<HostedMeeting> {
    let agreement = reg.bodies.get(body_id).map(|b| b.value.agreement.get_ref());
    reg.meetings_of(body_id)
        .map(|m| m.get())
        .filter(|m| (first..=last).contains(&m.day()))
        .map(|m| {
            let host = m.host.as_ref().map(|h| h.get_ref().as_str());
            let chair = host
                .zip(agreement)
                .and_then(|(h, a)| super::partner_owner(reg, a, h, m.day()).map(|p| p.name));
            HostedMeeting {
                date: m.day(),
                start: m.date.get_ref().date_time(),
                host: host.map(str::to_owned),
                host_name: host.map(|h| reg.party_name(h).to_owned()),
                chair,
                chair_side: host.and_then(|h| reg.party_side(h)).map(Side::as_str),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

    fn fixture(chairs: &str) -> Registry {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-01-01\n",
            ),
            (
                "bodies/samrad.toml",
                "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\n[seats]\ndefault = { ordinary = 1, substitutes = 0 }\n[chair]\nrule = \"alternate-sides\"\n",
            ),
            (
                "bodies/au.toml",
                "name = \"AU\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\nchairs_of = \"samrad\"\n",
            ),
            ("members/samrad.toml", chairs),
        ]);
        registry(&files)
    }

    const MEMBERS: &str = "[[member]]\nname = \"R\"\nparty = \"region\"\nrole = \"ordinary\"\nfrom = 2022-01-01\n\
        [[member]]\nname = \"U\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2022-01-01\n";

    #[test]
    fn a_fixed_side_keeps_the_chair_in_every_planned_year() {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n",
            ),
            (
                "bodies/samrad.toml",
                "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\n[seats]\ndefault = { ordinary = 1, substitutes = 0 }\n[chair]\nrule = \"fixed-side\"\nside = \"region\"\n",
            ),
            ("members/samrad.toml", MEMBERS),
        ]);
        let reg = registry(&files);
        let r = build(&reg, "samrad", Some(2024), Some(2027), day("2026-11-25")).unwrap();
        let sides: Vec<(i32, Option<&str>)> =
            r.years.iter().map(|y| (y.year, y.chair_side)).collect();
        assert_eq!(
            sides,
            vec![
                (2024, Some("region")),
                (2025, Some("region")),
                (2026, Some("region")),
                (2027, Some("region"))
            ]
        );
    }

    #[test]
    fn a_rotation_spans_at_most_a_century_and_says_what_was_asked() {
        let reg = fixture(MEMBERS);
        let today = day("2026-11-25");
        let years = |from, to| build(&reg, "samrad", from, to, today).map(|r| r.years.len());
        assert_eq!(years(Some(2022), Some(2121)).unwrap(), 100);
        // Years before the body are not counted.
        assert_eq!(years(Some(1000), Some(2121)).unwrap(), 100);
        let message = |from, to| match build(&reg, "samrad", from, to, today) {
            Err(Error::Usage(m)) => m,
            other => panic!("{:?}", other.map(|r| r.years.len())),
        };
        let both = message(Some(1000), Some(9999));
        assert!(
            both.starts_with("--from 1000 --to 9999 asks for 2022 to 9999, 7978 years;"),
            "{both}"
        );
        assert!(both.contains("at most 100 years"), "{both}");
        let from = message(Some(2022), Some(2122));
        assert!(from.contains("2022 to 2122, 101 years"), "{from}");
        let to = message(None, Some(9999));
        assert!(
            to.starts_with("--to 9999 runs from the body's first year, 2022"),
            "{to}"
        );
    }

    #[test]
    fn alternate_sides_flip_from_the_last_recorded_year() {
        let text = format!(
            "{MEMBERS}[[chair]]\nyear = 2023\nchair = \"R\"\nvice_chair = \"U\"\n\
             [[chair]]\nyear = 2024\nchair = \"R\"\nvice_chair = \"U\"\nextension = {{ decision = \"§ 5\" }}\n"
        );
        let reg = fixture(&text);
        let r = build(&reg, "samrad", None, Some(2027), day("2026-11-24")).unwrap();
        let sides: Vec<(i32, Option<&str>, bool)> = r
            .years
            .iter()
            .map(|y| (y.year, y.chair_side, y.recorded))
            .collect();
        assert_eq!(
            sides,
            vec![
                // Before the first record: planned back from 2023 (region).
                (2022, Some("municipality"), false),
                (2023, Some("region"), true),
                // Extended: region again, as recorded.
                (2024, Some("region"), true),
                // From 2024 (region) on: flip, flip back, flip.
                (2025, Some("municipality"), false),
                (2026, Some("region"), false),
                (2027, Some("municipality"), false),
            ]
        );
        assert_eq!(r.years[2].extension.as_deref(), Some("§ 5"));
        assert_eq!(r.years[3].vice_chair_side, Some("region"));
        assert_eq!(r.years[1].chair_party.as_deref(), Some("region"));
    }

    #[test]
    fn an_arbetsutskott_follows_its_body() {
        let text = format!("{MEMBERS}[[chair]]\nyear = 2026\nchair = \"U\"\nvice_chair = \"R\"\n");
        let reg = fixture(&text);
        let r = build(&reg, "au", Some(2026), Some(2027), day("2026-11-24")).unwrap();
        assert_eq!(r.chairs_of.as_deref(), Some("samrad"));
        assert_eq!(r.rule, Some("alternate-sides"));
        assert_eq!(r.years[0].chair.as_deref(), Some("U"));
        assert_eq!(r.years[1].chair_side, Some("region"));
    }

    #[test]
    fn no_record_no_plan() {
        let reg = fixture(MEMBERS);
        let r = build(&reg, "samrad", Some(2026), Some(2026), day("2026-11-24")).unwrap();
        assert_eq!(r.years[0].chair_side, None);
        assert!(build(&reg, "samrad", Some(2027), Some(2026), day("2026-11-24")).is_err());
        assert!(build(&reg, "nope", None, None, day("2026-11-24")).is_err());
    }

    fn terms_fixture(term: &str, established: &str, ends: &str, chairs: &str) -> Registry {
        let body = format!(
            "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = {established}\n{ends}[seats]\ndefault = {{ ordinary = 1, substitutes = 0 }}\n[chair]\nrule = \"alternate-sides\"\nterm = \"{term}\"\n"
        );
        let body: &'static str = Box::leak(body.into_boxed_str());
        let roster: &'static str = Box::leak(format!("{MEMBERS}{chairs}").into_boxed_str());
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-01-01\n",
            ),
            ("bodies/samrad.toml", body),
            ("members/samrad.toml", roster),
        ]);
        registry(&files)
    }

    type Row = (i32, i32, i32, Option<&'static str>, bool);

    fn rows(r: &Rotation) -> Vec<Row> {
        r.years
            .iter()
            .map(|y| (y.year, y.term_start, y.term_end, y.chair_side, y.recorded))
            .collect()
    }

    #[test]
    fn mandate_periods_are_one_row_each_and_flip_between_terms() {
        // Established inside 2019–2022: the first term is 2022 (first active year) to 2022.
        let chairs = "[[chair]]\nyear = 2022\nchair = \"R\"\nvice_chair = \"U\"\n";
        let reg = terms_fixture("mandate-period", "2022-01-01", "", chairs);
        let r = build(&reg, "samrad", None, Some(2031), day("2026-11-25")).unwrap();
        assert_eq!(r.term, "mandate-period");
        assert_eq!(
            rows(&r),
            vec![
                (2022, 2022, 2022, Some("region"), true),
                (2023, 2023, 2026, Some("municipality"), false),
                (2027, 2027, 2030, Some("region"), false),
                (2031, 2031, 2034, Some("municipality"), false),
            ]
        );
        // --from inside a term shows that whole term.
        let r = build(&reg, "samrad", Some(2025), Some(2026), day("2026-11-25")).unwrap();
        assert_eq!(
            rows(&r),
            vec![(2023, 2023, 2026, Some("municipality"), false)]
        );
    }

    #[test]
    fn two_year_terms_end_with_the_body() {
        let chairs = "[[chair]]\nyear = 2023\nchair = \"U\"\nvice_chair = \"R\"\n";
        let reg = terms_fixture("two-years", "2023-01-01", "ends = 2026-06-30\n", chairs);
        let r = build(&reg, "samrad", None, None, day("2026-11-25")).unwrap();
        assert_eq!(r.term, "two-years");
        assert_eq!(
            rows(&r),
            vec![
                (2023, 2023, 2024, Some("municipality"), true),
                (2025, 2025, 2026, Some("region"), false),
            ]
        );
        assert_eq!(r.years[0].chair.as_deref(), Some("U"));
        assert_eq!(r.years[0].vice_chair_side, Some("region"));
    }

    #[test]
    fn calendar_years_keep_one_row_a_year() {
        let chairs = "[[chair]]\nyear = 2023\nchair = \"U\"\nvice_chair = \"R\"\n";
        let reg = terms_fixture("calendar-year", "2023-01-01", "", chairs);
        let r = build(&reg, "samrad", None, Some(2025), day("2026-11-25")).unwrap();
        assert_eq!(r.term, "calendar-year");
        assert_eq!(
            rows(&r),
            vec![
                (2023, 2023, 2023, Some("municipality"), true),
                (2024, 2024, 2024, Some("region"), false),
                (2025, 2025, 2025, Some("municipality"), false),
            ]
        );
    }
}
