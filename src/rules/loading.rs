//! Loading rules: the files parse, match the schema and refer to things that exist.
//!
//! `toml-syntax`, `unreadable-file`, `schema` (as serde reports it), `invalid-id`,
//! `unexpected-file` and duplicate case ids are found by the loader (`crate::load`); the
//! checks here run over the loaded model.

// FxHash: keyed by the registry's own ids and years.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::Spanned;

use super::{Context, rule};
use crate::finding::{Arg, Finding};
use crate::model::agreement::{CountedFrom, Obligation};
use crate::model::body::BodyKind;
use crate::model::case::Concerns;
use crate::model::duty::Owner;
use crate::model::party::PartyKind;
use crate::model::{Entity, Registry};
use crate::msg;
use crate::source::Location;

rule!(TOML_SYNTAX, "toml-syntax", "loading", Error);
rule!(UNREADABLE_FILE, "unreadable-file", "loading", Error);
rule!(SCHEMA, "schema", "loading", Error);
rule!(INVALID_ID, "invalid-id", "loading", Error);
rule!(DUPLICATE_ID, "duplicate-id", "loading", Error);
rule!(DANGLING_REFERENCE, "dangling-reference", "loading", Error);
rule!(UNEXPECTED_FILE, "unexpected-file", "loading", Error);
rule!(INVALID_RANGE, "invalid-range", "loading", Error);

pub static RULES: &[&super::Rule] = &[
    &TOML_SYNTAX,
    &UNREADABLE_FILE,
    &SCHEMA,
    &INVALID_ID,
    &DUPLICATE_ID,
    &DANGLING_REFERENCE,
    &UNEXPECTED_FILE,
    &INVALID_RANGE,
];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let reg = ctx.reg;
    let mut refs = References {
        reg,
        party_ids: reg.parties.keys().map(String::as_str).collect(),
        out,
    };
    settings(&mut refs);
    for p in reg.parties.values() {
        party(&mut refs, p);
    }
    for a in reg.agreements.values() {
        agreement(&mut refs, a);
    }
    for b in reg.bodies.values() {
        body(&mut refs, b);
    }
    for r in reg.rosters.values() {
        roster(&mut refs, r);
    }
    for m in &reg.meetings {
        let meeting = m.get();
        refs.body(
            m.at(&meeting.body),
            &meeting.body,
            msg!("reference-meeting-body"),
        );
        if let Some(host) = meeting.host.as_deref() {
            refs.party(m.at(host), host, msg!("reference-meeting-host"));
        }
        // An end without a time says only the day.
        if let Some(end) = &meeting.end
            && match end.get_ref().time {
                Some(_) => *end.get_ref() < *meeting.date.get_ref(),
                None => end.get_ref().date < meeting.day(),
            }
        {
            refs.out.push(INVALID_RANGE.finding(
                m.at(end),
                msg!(
                    "invalid-range",
                    end_key = "end",
                    end = end.get_ref().to_string(),
                    start_key = "date",
                    start = meeting.date.get_ref().to_string()
                ),
            ));
        }
    }
    for c in reg.cases.values() {
        case(&mut refs, c);
    }
}

/// Reports references by id that name nothing. `what` names the reference: its key, or a
/// phrase of the catalogue.
struct References<'a, 'o> {
    reg: &'a Registry,
    /// The parties' ids in a hash set: a registry refers to its parties hundreds of
    /// thousands of times (every seat, every decision), and a lookup in the registry's
    /// ordered map compares a score of ids.
    party_ids: HashSet<&'a str>,
    out: &'o mut Vec<Finding>,
}

impl References<'_, '_> {
    fn party(&mut self, at: Location, id: &Spanned<String>, what: impl Into<Arg>) {
        if !self.party_ids.contains(id.get_ref().as_str())
            && !self.reg.is_left_out("parties", id.get_ref())
        {
            self.out.push(DANGLING_REFERENCE.finding(
                at,
                msg!("dangling-party", what = what.into(), id = id.get_ref()),
            ));
        }
    }

    fn body(&mut self, at: Location, id: &Spanned<String>, what: impl Into<Arg>) {
        if !self.reg.bodies.contains_key(id.get_ref())
            && !self.reg.is_left_out("bodies", id.get_ref())
        {
            self.out.push(DANGLING_REFERENCE.finding(
                at,
                msg!("dangling-body", what = what.into(), id = id.get_ref()),
            ));
        }
    }

    fn agreement(&mut self, at: Location, id: &Spanned<String>, what: impl Into<Arg>) {
        if !self.reg.agreements.contains_key(id.get_ref())
            && !self.reg.is_left_out("agreements", id.get_ref())
        {
            self.out.push(DANGLING_REFERENCE.finding(
                at,
                msg!("dangling-agreement", what = what.into(), id = id.get_ref()),
            ));
        }
    }

    fn range(
        &mut self,
        at: Location,
        start: (&str, chrono::NaiveDate),
        end: (&str, chrono::NaiveDate),
    ) {
        if end.1 < start.1 {
            self.out.push(INVALID_RANGE.finding(
                at,
                msg!(
                    "invalid-range",
                    end_key = end.0,
                    end = end.1.to_string(),
                    start_key = start.0,
                    start = start.1.to_string()
                ),
            ));
        }
    }
}

fn settings(refs: &mut References) {
    let Some(s) = &refs.reg.settings else { return };
    for code in s.value.checks.keys() {
        if super::find(code.get_ref()).is_none() {
            refs.out.push(SCHEMA.finding(
                s.at(code),
                match crate::suggest::closest(code.get_ref(), super::all().iter().map(|r| r.code)) {
                    Some(suggestion) => msg!(
                        "schema-checks-unknown-code-hint",
                        code = code.get_ref(),
                        suggestion = suggestion
                    ),
                    None => msg!("schema-checks-unknown-code", code = code.get_ref()),
                },
            ));
        }
    }
}

fn party(refs: &mut References, p: &Entity<crate::model::Party>) {
    let v = &p.value;
    // Only an association gathers parties; on a region or municipality `members` is
    // almost always a roster's key put in the wrong file.
    if let Some(first) = v.members.first()
        && *v.kind.get_ref() != PartyKind::Association
    {
        refs.out.push(SCHEMA.finding(
            p.at(first),
            msg!(
                "schema-members-not-association",
                kind = v.kind.get_ref().as_str()
            ),
        ));
    }
    for m in &v.members {
        refs.party(p.at(m), m, "members");
    }
}

fn agreement(refs: &mut References, a: &Entity<crate::model::Agreement>) {
    let v = &a.value;
    let mut seen = HashSet::default();
    for p in v.parties.iter().flatten() {
        refs.party(a.at(p), p, msg!("reference-party"));
        if !seen.insert(p.get_ref()) {
            refs.out
                .push(DUPLICATE_ID.finding(a.at(p), msg!("duplicate-party", party = p.get_ref())));
        }
    }
    if let Some(ends) = &v.ends {
        refs.range(
            a.at(ends),
            ("effective", v.effective.get_ref().0),
            ("ends", ends.get_ref().0),
        );
        for e in &v.extension {
            let until = &e.get_ref().until;
            refs.range(
                a.at(until),
                ("ends", ends.get_ref().0),
                ("until", until.get_ref().0),
            );
        }
    }
    if let Some(successor) = &v.superseded_by {
        refs.agreement(a.at(successor), successor, "superseded_by");
    }
    if let Some(main) = &v.part_of {
        refs.agreement(a.at(main), main, "part_of");
        part_of_cycle(refs, a, main);
    }
    if let Some(termination) = &v.termination {
        let t = termination.get_ref();
        if *t.notice_months.get_ref() == 0 {
            refs.out
                .push(SCHEMA.finding(a.at(&t.notice_months), msg!("schema-notice-months-zero")));
        }
        match (&t.handled_by, t.counted_from) {
            (Some(body), _) => refs.body(a.at(body), body, "handled_by"),
            (None, CountedFrom::Handled) => refs
                .out
                .push(SCHEMA.finding(a.at(termination), msg!("schema-handled-without-body"))),
            (None, CountedFrom::Received) => {}
        }
    }
    for n in &v.notice {
        let n = n.get_ref();
        refs.party(a.at(&n.party), &n.party, msg!("reference-notice-party"));
        if let Some(h) = &n.handled {
            refs.range(
                a.at(h),
                ("received", n.received.get_ref().0),
                ("handled", h.get_ref().0),
            );
        }
    }
    let mut ids = HashSet::default();
    for o in &v.obligation {
        let ob = o.get_ref();
        if !ids.insert(ob.id.get_ref().as_str()) {
            refs.out.push(DUPLICATE_ID.finding(
                a.at(&ob.id),
                msg!("duplicate-obligation", id = ob.id.get_ref()),
            ));
        }
        let owner = ob.owner.get_ref();
        let known = |folder: &str| refs.reg.is_left_out(folder, owner);
        // `each-party` and `parties` name no entity.
        if matches!(ob.owner_kind(), Owner::Id(_))
            && !refs.reg.bodies.contains_key(owner)
            && !refs.reg.parties.contains_key(owner)
            && !known("bodies")
            && !known("parties")
        {
            refs.out.push(DANGLING_REFERENCE.finding(
                a.at(&ob.owner),
                msg!("dangling-obligation-owner", owner = owner),
            ));
        }
        let timings = [
            ob.due.is_some(),
            ob.every_months.is_some(),
            ob.due_each_year.is_some(),
        ];
        match (timings.iter().filter(|t| **t).count(), &ob.every_months) {
            (1, Some(every)) if *every.get_ref() == 0 => refs
                .out
                .push(SCHEMA.finding(a.at(every), msg!("schema-every-months-zero"))),
            (1, _) => {}
            _ => refs.out.push(SCHEMA.finding(
                a.at(&ob.id),
                msg!("schema-obligation-due-or-every", id = ob.id.get_ref()),
            )),
        }
        done_by(refs, a, ob);
    }
    for p in &v.associations {
        refs.party(a.at(p), p, "associations");
    }
    for r in &v.role {
        let role = r.get_ref();
        refs.party(a.at(&role.party), &role.party, msg!("reference-role-party"));
        if let Some(to) = &role.to {
            refs.range(
                a.at(to),
                ("from", role.from.get_ref().0),
                ("to", to.get_ref().0),
            );
        }
    }
}

/// Format 2, duties of each party: completions per party go in `done_by`, and only there;
/// its keys are parties of the agreement.
fn done_by(refs: &mut References, a: &Entity<crate::model::Agreement>, ob: &Obligation) {
    let each_party = ob.owner_kind() == Owner::EachParty;
    match (&ob.done_by, ob.done.first()) {
        (Some(done_by), _) if !each_party => refs.out.push(SCHEMA.finding(
            a.at(done_by),
            msg!(
                "schema-obligation-done-by-owner",
                owner = ob.owner.get_ref()
            ),
        )),
        (_, Some(done)) if each_party => refs
            .out
            .push(SCHEMA.finding(a.at(done), msg!("schema-obligation-done-each-party"))),
        _ => {}
    }
    let Some(done_by) = ob.done_by.as_ref().filter(|_| each_party) else {
        return;
    };
    for party in done_by.get_ref().keys() {
        if !refs.reg.parties.contains_key(party.get_ref()) {
            refs.party(a.at(party), party, "done_by");
        } else if !refs.reg.is_agreement_party(&a.value, party.get_ref()) {
            refs.out.push(DANGLING_REFERENCE.finding(
                a.at(party),
                msg!("done-by-foreign-party", party = party.get_ref()),
            ));
        }
    }
}

/// An annex whose `part_of` chain comes back to itself has no main agreement to take its
/// parties and end from: reported at each agreement of the cycle.
fn part_of_cycle(
    refs: &mut References,
    a: &Entity<crate::model::Agreement>,
    main: &Spanned<String>,
) {
    let chain: Vec<&str> = refs
        .reg
        .main_agreements(&a.value)
        .map(|(id, _)| id)
        .collect();
    if let Some(back) = chain.iter().position(|id| *id == a.id) {
        let circle: Vec<&str> = std::iter::once(a.id.as_str())
            .chain(chain[..=back].iter().copied())
            .collect();
        refs.out.push(DANGLING_REFERENCE.finding(
            a.at(main),
            msg!("part-of-cycle", id = &a.id, circle = circle.join(" → ")),
        ));
    }
}

fn body(refs: &mut References, b: &Entity<crate::model::Body>) {
    let v = &b.value;
    refs.agreement(b.at(&v.agreement), &v.agreement, "agreement");
    for (link, what) in [
        (&v.parent, "parent"),
        (&v.prepared_by, "prepared_by"),
        (&v.escalates_to, "escalates_to"),
        (&v.chairs_of, "chairs_of"),
    ] {
        if let Some(id) = link {
            refs.body(b.at(id), id, what);
        }
    }
    for p in v.parties.iter().flatten() {
        refs.party(b.at(p), p, msg!("reference-party"));
    }
    if let Some(s) = &v.secretariat {
        refs.party(b.at(s), s, msg!("reference-secretariat"));
    }
    if let Some(ends) = &v.ends {
        refs.range(
            b.at(ends),
            ("established", v.established.get_ref().0),
            ("ends", ends.get_ref().0),
        );
    }
    if *v.kind.get_ref() == BodyKind::WorkingGroup && v.ends.is_none() {
        refs.out
            .push(SCHEMA.finding(b.at(&v.kind), msg!("schema-working-group-without-end")));
    }
    match (&v.seats, &v.chairs_of) {
        (None, None) => refs
            .out
            .push(SCHEMA.finding(b.whole_file(), msg!("schema-missing-seats"))),
        (Some(seats), Some(_)) => refs
            .out
            .push(SCHEMA.finding(b.at(seats), msg!("schema-chairs-of-with-seats"))),
        _ => {}
    }
    if let Some(seats) = &v.seats {
        let seats = seats.get_ref();
        for party in seats.by_party.keys() {
            refs.party(b.at(party), party, "by_party");
        }
        for group in seats.by_group.keys() {
            refs.party(b.at(group), group, "by_group");
            // A cap for an association gathers its members: a party that gathers none is
            // a cap on nothing but itself, almost always the wrong id.
            if let Some(p) = refs.reg.parties.get(group.get_ref())
                && p.value.members.is_empty()
            {
                refs.out.push(SCHEMA.finding(
                    b.at(group),
                    msg!("schema-group-without-members", id = group.get_ref()),
                ));
            }
        }
        for d in seats.ex_officio.iter().chain(&seats.adjunct) {
            refs.body(
                b.at(&d.get_ref().of),
                &d.get_ref().of,
                msg!("reference-seat-of"),
            );
        }
    }
}

fn roster(refs: &mut References, r: &Entity<crate::model::Roster>) {
    let body = refs.reg.bodies.get(&r.id);
    if body.is_none() && !refs.reg.is_left_out("bodies", &r.id) {
        refs.out
            .push(DANGLING_REFERENCE.finding(r.whole_file(), msg!("dangling-roster", id = &r.id)));
    }
    if let Some(b) = body
        && b.value.chairs_of.is_some()
    {
        refs.out.push(SCHEMA.finding(
            r.whole_file(),
            msg!("schema-roster-of-chairs-of", id = &r.id),
        ));
    }
    for m in &r.value.member {
        let m = m.get_ref();
        if let Some(party) = &m.party {
            refs.party(r.at(party), party, msg!("reference-member-party"));
        }
        if let Some(to) = &m.to {
            refs.range(r.at(to), ("from", m.from()), ("to", to.get_ref().0));
        }
    }
    let mut years: HashMap<i32, ()> = HashMap::default();
    for c in &r.value.chair {
        let year = &c.get_ref().year;
        if years.insert(*year.get_ref(), ()).is_some() {
            refs.out.push(DUPLICATE_ID.finding(
                r.at(year),
                msg!("duplicate-chair-year", year = year.get_ref().to_string()),
            ));
        }
    }
}

fn case(refs: &mut References, c: &Entity<crate::model::Case>) {
    let v = &c.value;
    refs.party(c.at(&v.raised_by), &v.raised_by, "raised_by");
    if let Concerns::Parties(parties) = v.concerns.get_ref() {
        for p in parties {
            refs.party(c.at(p), p, "concerns");
        }
    }
    if let Some(a) = &v.agreement {
        refs.agreement(c.at(a), a, "agreement");
    }
    for e in &v.event {
        let e = e.get_ref();
        match (&e.body, &e.party) {
            (Some(body), None) => refs.body(c.at(body), body, msg!("reference-event-body")),
            (None, Some(party)) => refs.party(c.at(party), party, msg!("reference-event-party")),
            // Where it happened must be one place.
            (Some(_), Some(party)) => refs
                .out
                .push(SCHEMA.finding(c.at(party), msg!("schema-event-body-and-party"))),
            (None, None) => refs
                .out
                .push(SCHEMA.finding(c.at(&e.action), msg!("schema-event-without-body"))),
        }
    }
    for d in &v.decision {
        refs.party(
            c.at(&d.get_ref().party),
            &d.get_ref().party,
            msg!("reference-decision-party"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{codes, date};

    fn check(files: &[(&str, &str)]) -> Vec<(String, String, usize)> {
        let mut all = vec![("registry.toml", "name = \"T\"\n")];
        all.extend_from_slice(files);
        codes(&all, date(2026, 11, 25))
    }

    #[test]
    fn only_an_association_gathers_members_and_they_must_exist() {
        let k = ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n");
        let gathers = (
            "parties/g.toml",
            "name = \"G\"\nkind = \"association\"\nmembers = [\"k\", \"x\"]\n",
        );
        assert_eq!(
            check(&[k, gathers]),
            vec![("dangling-reference".into(), "parties/g.toml".into(), 3)]
        );
        let municipality = (
            "parties/g.toml",
            "name = \"G\"\nkind = \"municipality\"\nmembers = [\"k\"]\n",
        );
        assert_eq!(
            check(&[k, municipality]),
            vec![("schema".into(), "parties/g.toml".into(), 3)]
        );
    }

    #[test]
    fn an_agreements_associations_and_a_bodys_groups_name_parties_that_gather() {
        let files = [
            ("parties/k.toml", "name = \"K\"\nkind = \"municipality\"\n"),
            ("parties/h.toml", "name = \"H\"\nkind = \"association\"\n"),
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"k\"]\nassociations = [\"nobody\"]\neffective = 2024-01-01\n",
            ),
            (
                "bodies/s.toml",
                "name = \"S\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2024-01-01\n[seats]\nby_group = { h = { ordinary = 1, substitutes = 1 } }\n",
            ),
        ];
        assert_eq!(
            check(&files),
            vec![
                ("dangling-reference".into(), "agreements/a.toml".into(), 3),
                ("schema".into(), "bodies/s.toml".into(), 8),
            ]
        );
    }
}
