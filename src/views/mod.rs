//! Views: what the report commands show, as data. They never read files; renderers print them.
//!
//! Each view is a plain `Serialize` struct computed from a [`Registry`] and dates passed in
//! (never the clock). The JSON renderer prints them as they are, so their field names are the
//! JSON contract of `docs/cli.md`; the other renderers pick the fields they show.

pub mod deadlines;
pub mod diff;
pub mod graph;
pub mod notice;
pub mod report;
pub mod roster;
pub mod rotation;
pub mod schedule;

use chrono::{Datelike, NaiveDate};

use crate::error::Error;
use crate::model::agreement::{Agreement, RoleKind};
use crate::model::body::{ChairKind, ChairRole};
use crate::model::roster::SeatRole;
use crate::model::{Body, Registry, chair_term, names};

/// A person in a role, with the party they sit for when it is known.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub name: String,
    pub party: Option<String>,
    pub party_name: Option<String>,
}

impl Person {
    fn new(reg: &Registry, name: &str, party: Option<&str>) -> Person {
        Person {
            name: name.to_owned(),
            party: party.map(str::to_owned),
            party_name: party.map(|p| reg.party_name(p).to_owned()),
        }
    }
}

/// The body a view asks about, by id, name, short name or alias (see [`names`]), with
/// its id; or a usage error saying which bodies are meant or closest.
pub fn find_body<'a>(reg: &'a Registry, name: &str) -> Result<(&'a str, &'a Body), Error> {
    let id = names::resolve(reg, names::Kind::Body, name).map_err(Error::Usage)?;
    Ok((id, &reg.bodies[id].value))
}

/// The agreement a view asks about, by id, title, short name or alias, with its id.
pub fn find_agreement<'a>(
    reg: &'a Registry,
    name: &str,
) -> Result<(&'a str, &'a Agreement), Error> {
    let id = names::resolve(reg, names::Kind::Agreement, name).map_err(Error::Usage)?;
    Ok((id, &reg.agreements[id].value))
}

/// The id of the party a view asks about, by id, name, short name or alias.
pub fn find_party<'a>(reg: &'a Registry, name: &str) -> Result<&'a str, Error> {
    names::resolve(reg, names::Kind::Party, name).map_err(Error::Usage)
}

/// The party a person sits for in a body at some time in `first..=last`: their ordinary
/// seat if they hold one then, else any seat.
pub fn party_of<'a>(
    reg: &'a Registry,
    body_id: &str,
    name: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Option<&'a str> {
    let roster = reg.rosters.get(body_id)?;
    let mut any = None;
    for m in roster.value.member.iter().map(|m| m.get_ref()) {
        let overlaps = m.from() <= last && m.to().is_none_or(|t| first <= t);
        if m.name.get_ref() != name || !overlaps {
            continue;
        }
        match m.seat() {
            Some((SeatRole::Ordinary, party)) => return Some(party),
            Some((_, party)) => {
                any.get_or_insert(party);
            }
            None => {}
        }
    }
    any
}

/// The body whose chair records apply to `body_id`: its own, or for an arbetsutskott
/// (`chairs_of`) without a chair rule of its own, the body it is made from.
pub fn chair_source<'a>(reg: &'a Registry, body_id: &'a str) -> &'a str {
    match reg.bodies.get(body_id) {
        Some(b) if b.value.chair.is_none() => b
            .value
            .chairs_of
            .as_ref()
            .map_or(body_id, |c| c.get_ref().as_str()),
        _ => body_id,
    }
}

/// The chair rule that governs a body (an arbetsutskott follows its source body's).
pub fn chair_rule(reg: &Registry, body_id: &str) -> Option<ChairKind> {
    let source = chair_source(reg, body_id);
    reg.bodies
        .get(source)
        .and_then(|b| b.value.chair.as_ref())
        .map(|c| *c.get_ref().rule.get_ref())
}

pub fn chair_kind_str(kind: ChairKind) -> &'static str {
    match kind {
        ChairKind::AlternateSides => "alternate-sides",
        ChairKind::Host => "host",
        ChairKind::Elected => "elected",
        ChairKind::FixedSide => "fixed-side",
    }
}

pub fn chair_role_str(role: ChairRole) -> &'static str {
    match role {
        ChairRole::Chair => "chair",
        ChairRole::ViceChair => "vice-chair",
    }
}

/// Who holds `role` of a body on a day by its chair records, with their party.
pub fn chair_on(reg: &Registry, body_id: &str, role: ChairRole, day: NaiveDate) -> Option<Person> {
    let source = chair_source(reg, body_id);
    let name = reg.chair_holder(source, role, day)?;
    Some(Person::new(
        reg,
        name,
        party_of(reg, source, name, day, day).or_else(|| {
            let (first, last) = chair_term_days(reg, body_id, day.year())?;
            party_of(reg, source, name, first, last)
        }),
    ))
}

/// The first and last day of the chair term that holds `year` for a body (an arbetsutskott:
/// its source body's term).
pub fn chair_term_days(reg: &Registry, body_id: &str, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    match reg.bodies.get(chair_source(reg, body_id)) {
        Some(body) => chair_term::body_term(&body.value, year).days(),
        None => year_span(year),
    }
}

/// The partner owner of a party in an agreement on a day (the chair of a meeting it hosts
/// under the `host` rule).
pub fn partner_owner(
    reg: &Registry,
    agreement: &str,
    party: &str,
    day: NaiveDate,
) -> Option<Person> {
    let agreement = reg.agreements.get(agreement)?;
    let role = agreement.value.role.iter().map(|r| r.get_ref()).find(|r| {
        *r.role.get_ref() == RoleKind::PartnerOwner && r.party.get_ref() == party && r.covers(day)
    })?;
    Some(Person::new(reg, role.name.get_ref(), Some(party)))
}

/// 1 January and 31 December of a year, if chrono can represent them.
pub fn year_span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The parties of an agreement, each once, in the order the agreement lists them.
pub fn agreement_parties<'a>(reg: &'a Registry, agreement: &'a Agreement) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for p in reg.agreement_parties(agreement) {
        if !out.contains(&p.get_ref().as_str()) {
            out.push(p.get_ref());
        }
    }
    out
}

/// Party names for a line of text, the first few and how many more: a county has hundreds.
pub fn party_names<'a>(reg: &Registry, parties: impl Iterator<Item = &'a str>) -> String {
    const NAMED: usize = 6;
    let parties: Vec<&str> = parties.collect();
    let mut shown: Vec<&str> = parties
        .iter()
        .take(NAMED)
        .map(|p| reg.party_name(p))
        .collect();
    let more = format!("+{}", parties.len().saturating_sub(NAMED));
    if parties.len() > NAMED {
        shown.push(&more);
    }
    shown.join(", ")
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small in-memory registries for the views' unit tests.

    use crate::load::load_texts;
    use crate::model::Registry;

    /// Loads `(path, text)` pairs as a registry; panics on findings that stop loading.
    pub fn registry(files: &[(&str, &str)]) -> Registry {
        let (reg, findings) = load_texts(files.iter().copied());
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "fixture does not load: {errors:?}");
        reg
    }

    pub fn day(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
    }

    pub const PARTIES: [(&str, &str); 3] = [
        (
            "parties/region.toml",
            "name = \"Region Västerbotten\"\nkind = \"region\"\n",
        ),
        (
            "parties/umea.toml",
            "name = \"Umeå kommun\"\nkind = \"municipality\"\n",
        ),
        (
            "parties/vindeln.toml",
            "name = \"Vindelns kommun\"\nkind = \"municipality\"\n",
        ),
    ];
}
