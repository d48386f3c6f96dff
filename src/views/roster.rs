//! `roster [BODY] [--on DATE]`: who sits in a body on a day.
//!
//! Listed seats come from the body's roster file, ordered by the agreement's order of
//! parties, ordinary before substitute. Derived places follow: an arbetsutskott
//! (`chairs_of`) is made of that body's chair and vice chair; `ex_officio` and `adjunct`
//! places are held by whoever holds the named role of the named body that day. A place
//! nobody holds is a vacancy, as is (with `every_party`) a party of the agreement, still
//! bound by it that day, without an ordinary member.
//!
//! People without a seat (format 2) come last, after every seat: listed adjuncts,
//! observers and secretaries, co-opted (`adjunct`) places, and — in an agreement's steering
//! group — its partner coordinators and coordinators active that day. A steering group is a
//! body of the agreement whose chair rule is `host`: the partner owners chair it in turn
//! and "respektive parts partnerskoordinator adjungeras till styrgruppen" (seed 000 §4.2),
//! so they are listed as adjuncts there.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{chair_kind_str, chair_on, chair_role_str, chair_rule, chair_term_days, find_body};
use crate::error::Error;
use crate::model::agreement::RoleKind;
use crate::model::body::{ChairKind, ChairRole, DerivedSeat};
use crate::model::roster::SeatRole;
use crate::model::{Body, Registry, terms};

#[derive(Debug, Serialize)]
pub struct Roster {
    pub on: NaiveDate,
    pub bodies: Vec<BodyRoster>,
}

#[derive(Debug, Serialize)]
pub struct BodyRoster {
    pub id: String,
    pub name: String,
    /// Whether the body is active on the day.
    pub active: bool,
    /// The chair rule: `alternate-sides`, `host` (each meeting's host chairs: no chair
    /// marks), `elected`, or null.
    pub chair_rule: Option<&'static str>,
    /// Who chairs the body that day by its records (null under `host`, or unrecorded).
    pub chair: Option<String>,
    pub vice_chair: Option<String>,
    pub members: Vec<Seat>,
    pub vacancies: Vec<Vacancy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeatKind {
    Ordinary,
    Substitute,
    ExOfficio,
    Adjunct,
    Observer,
    Secretary,
}

impl SeatKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SeatKind::Ordinary => "ordinary",
            SeatKind::Substitute => "substitute",
            SeatKind::ExOfficio => "ex-officio",
            SeatKind::Adjunct => "adjunct",
            SeatKind::Observer => "observer",
            SeatKind::Secretary => "secretary",
        }
    }

    /// Whether the place is a seat; adjuncts, observers and secretaries take part without one.
    pub fn holds_seat(self) -> bool {
        matches!(
            self,
            SeatKind::Ordinary | SeatKind::Substitute | SeatKind::ExOfficio
        )
    }
}

#[derive(Debug, Serialize)]
pub struct Seat {
    pub name: String,
    pub party: Option<String>,
    pub party_name: Option<String>,
    pub role: SeatKind,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub chair: bool,
    pub vice_chair: bool,
    pub function: Option<String>,
    pub substitute_for: Option<String>,
    /// Where a person without a party comes from.
    pub organisation: Option<String>,
    /// For a coordinator of the agreement listed in its steering group: `partner-coordinator`
    /// or `coordinator`; null otherwise.
    pub agreement_role: Option<&'static str>,
    /// A derived place: the body whose role (`of_role`) the person holds.
    pub of: Option<String>,
    pub of_name: Option<String>,
    pub of_role: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct Vacancy {
    /// The party whose seat is empty (null for a derived place nobody holds).
    pub party: Option<String>,
    pub party_name: Option<String>,
    pub role: SeatKind,
    pub of: Option<String>,
    pub of_name: Option<String>,
    pub of_role: Option<&'static str>,
}

/// Every body active on `on`, or only `body`.
pub fn build(reg: &Registry, body: Option<&str>, on: NaiveDate) -> Result<Roster, Error> {
    let bodies = match body {
        Some(name) => {
            let (id, body) = find_body(reg, name)?;
            vec![body_roster(reg, id, body, on)]
        }
        None => reg
            .bodies
            .iter()
            .filter(|(_, b)| reg.body_active_on(&b.value, on))
            .map(|(id, b)| body_roster(reg, id, &b.value, on))
            .collect(),
    };
    Ok(Roster { on, bodies })
}

fn body_roster(reg: &Registry, id: &str, body: &Body, on: NaiveDate) -> BodyRoster {
    let rule = chair_rule(reg, id);
    let (chair, vice_chair) = if rule == Some(ChairKind::Host) {
        (None, None)
    } else {
        (
            chair_on(reg, id, ChairRole::Chair, on).map(|p| p.name),
            chair_on(reg, id, ChairRole::ViceChair, on).map(|p| p.name),
        )
    };
    let mut roster = BodyRoster {
        id: id.to_owned(),
        name: body.name.get_ref().clone(),
        active: reg.body_active_on(body, on),
        chair_rule: rule.map(chair_kind_str),
        chair,
        vice_chair,
        members: Vec::new(),
        vacancies: Vec::new(),
    };
    let agreement = reg.body_agreement(body).map(|a| &a.value);
    // The constituency, in its listed order (every party of the agreement by default).
    let order = reg.constituency(body);
    // Then the agreement's associations, in their listed order.
    let associations: Vec<&str> = agreement.map_or_else(Vec::new, |a| {
        a.associations
            .iter()
            .map(|p| p.get_ref().as_str())
            .collect()
    });
    let position = |party: &str| {
        order
            .iter()
            .chain(&associations)
            .position(|p| *p == party)
            .unwrap_or(usize::MAX)
    };

    let mut listed: Vec<(usize, SeatKind, usize, Seat)> = Vec::new();
    if let Some(file) = reg.rosters.get(id) {
        for (index, m) in file.value.member.iter().map(|m| m.get_ref()).enumerate() {
            if !m.serves_on(on) {
                continue;
            }
            let name = m.name.get_ref();
            let role = match m.role.get_ref() {
                SeatRole::Ordinary => SeatKind::Ordinary,
                SeatRole::Substitute => SeatKind::Substitute,
                SeatRole::Adjunct => SeatKind::Adjunct,
                SeatRole::Observer => SeatKind::Observer,
                SeatRole::Secretary => SeatKind::Secretary,
            };
            let party = m.party();
            listed.push((
                party.map_or(usize::MAX, position),
                role,
                index,
                Seat {
                    name: name.clone(),
                    party: party.map(str::to_owned),
                    party_name: party.map(|p| reg.party_name(p).to_owned()),
                    role,
                    from: m.from(),
                    to: m.to(),
                    chair: roster.chair.as_ref() == Some(name),
                    vice_chair: roster.vice_chair.as_ref() == Some(name),
                    function: m.function.as_ref().map(|f| f.get_ref().clone()),
                    substitute_for: m.substitute_for.as_ref().map(|s| s.get_ref().clone()),
                    organisation: m.organisation.as_ref().map(|o| o.get_ref().clone()),
                    agreement_role: None,
                    of: None,
                    of_name: None,
                    of_role: None,
                },
            ));
        }
    }
    listed.sort_by_key(|(party, role, index, _)| (*party, *role, *index));
    roster.members = listed.into_iter().map(|(_, _, _, seat)| seat).collect();

    if let Some(source) = body.chairs_of.as_ref().map(|c| c.get_ref()) {
        for role in [ChairRole::Chair, ChairRole::ViceChair] {
            derived(reg, &mut roster, SeatKind::Ordinary, source, role, on);
        }
    }
    if let Some(seats) = &body.seats {
        let seats = seats.get_ref();
        let places = |list: &'_ [crate::model::Spanned<DerivedSeat>], kind| {
            list.iter()
                .map(|d| {
                    (
                        kind,
                        d.get_ref().of.get_ref().clone(),
                        *d.get_ref().role.get_ref(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let mut all = places(&seats.ex_officio, SeatKind::ExOfficio);
        all.extend(places(&seats.adjunct, SeatKind::Adjunct));
        for (kind, of, role) in all {
            derived(reg, &mut roster, kind, &of, role, on);
        }
        if seats.every_party && roster.active {
            let exits = agreement
                .map(|a| terms::party_exits(reg, a))
                .unwrap_or_default();
            for party in &order {
                let bound = exits.get(*party).is_none_or(|exit| on <= *exit);
                let seated = roster.members.iter().any(|s| {
                    s.role == SeatKind::Ordinary
                        && s.of.is_none()
                        && s.party.as_deref() == Some(party)
                });
                if bound && !seated {
                    roster.vacancies.push(Vacancy {
                        party: Some((*party).to_owned()),
                        party_name: Some(reg.party_name(party).to_owned()),
                        role: SeatKind::Ordinary,
                        of: None,
                        of_name: None,
                        of_role: None,
                    });
                }
            }
        }
    }
    if rule == Some(ChairKind::Host)
        && let Some(agreement) = agreement
    {
        coordinators(reg, &mut roster, agreement, on);
    }
    // Seats first, then the people without one, each group in the order built.
    roster.members.sort_by_key(|s| !s.role.holds_seat());
    roster
}

/// The agreement's partner coordinators and coordinators serving on the day, co-opted to
/// its steering group (seed 000 §4.2).
fn coordinators(
    reg: &Registry,
    roster: &mut BodyRoster,
    agreement: &crate::model::Agreement,
    on: NaiveDate,
) {
    for r in agreement.role.iter().map(|r| r.get_ref()) {
        let kind = *r.role.get_ref();
        if kind == RoleKind::PartnerOwner || !r.covers(on) {
            continue;
        }
        let party = r.party.get_ref();
        roster.members.push(Seat {
            name: r.name.get_ref().clone(),
            party: Some(party.clone()),
            party_name: Some(reg.party_name(party).to_owned()),
            role: SeatKind::Adjunct,
            from: r.from.get_ref().0,
            to: r.to.as_ref().map(|t| t.get_ref().0),
            chair: false,
            vice_chair: false,
            function: r.holder.as_ref().map(|h| h.get_ref().clone()),
            substitute_for: None,
            organisation: None,
            agreement_role: Some(kind.as_str()),
            of: None,
            of_name: None,
            of_role: None,
        });
    }
}

/// A place held by whoever holds `role` of body `of` on the day, or a vacancy.
fn derived(
    reg: &Registry,
    roster: &mut BodyRoster,
    kind: SeatKind,
    of: &str,
    role: ChairRole,
    on: NaiveDate,
) {
    let of_name = reg.bodies.get(of).map(|b| b.value.name.get_ref().clone());
    let Some(holder) = chair_on(reg, of, role, on) else {
        if roster.active {
            roster.vacancies.push(Vacancy {
                party: None,
                party_name: None,
                role: kind,
                of: Some(of.to_owned()),
                of_name,
                of_role: Some(chair_role_str(role)),
            });
        }
        return;
    };
    // The place is held for the chair's term (a calendar year unless `[chair] term` says
    // otherwise), within the holder's own seat in that body when the roster shows it.
    let source = super::chair_source(reg, of);
    let (year_first, year_last) = chair_term_days(reg, of, on.year()).unwrap_or((on, on));
    let seat = reg.rosters.get(source).and_then(|r| {
        r.value
            .member
            .iter()
            .map(|m| m.get_ref())
            .find(|m| m.name.get_ref() == &holder.name && m.serves_on(on))
    });
    let from = seat.map_or(year_first, |m| m.from().max(year_first));
    let to = seat
        .and_then(|m| m.to())
        .map_or(year_last, |t| t.min(year_last));
    // An arbetsutskott's places (ordinary ones) carry the chair marks of the source body.
    let is_au = kind == SeatKind::Ordinary;
    roster.members.push(Seat {
        chair: is_au && role == ChairRole::Chair,
        vice_chair: is_au && role == ChairRole::ViceChair,
        name: holder.name,
        party: holder.party,
        party_name: holder.party_name,
        role: kind,
        from,
        to: Some(to),
        function: None,
        substitute_for: None,
        organisation: None,
        agreement_role: None,
        of: Some(of.to_owned()),
        of_name,
        of_role: Some(chair_role_str(role)),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::test_support::{PARTIES, day, registry};

    fn fixture() -> Registry {
        fixture_with("", 2025)
    }

    /// The fixture with `term` added to the Beredning's `[chair]` and its chair recorded for
    /// `year`.
    fn fixture_with(term: &str, year: i32) -> Registry {
        let beredning = format!(
            "name = \"Beredning\"\nagreement = \"a\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\n\
             [seats]\ndefault = {{ ordinary = 1, substitutes = 0 }}\n[chair]\nrule = \"elected\"\n{term}"
        );
        let beredning_roster = format!(
            "[[member]]\nname = \"B\"\nparty = \"region\"\nrole = \"ordinary\"\nfrom = 2022-01-01\n\
             [[chair]]\nyear = {year}\nchair = \"B\"\n"
        );
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/a.toml",
                "title = \"A\"\nparties = [\"region\", \"umea\", \"vindeln\"]\neffective = 2020-01-01\n\
                 [termination]\nnotice_months = 6\n\
                 [[notice]]\nparty = \"vindeln\"\nreceived = 2025-03-31\n",
            ),
            (
                "bodies/samrad.toml",
                "name = \"Samråd\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\n\
                 [seats]\nevery_party = true\ndefault = { ordinary = 2, substitutes = 1 }\n\
                 ex_officio = [{ role = \"chair\", of = \"beredning\" }]\n\
                 [chair]\nrule = \"alternate-sides\"\n",
            ),
            ("bodies/beredning.toml", beredning.as_str()),
            (
                "bodies/au.toml",
                "name = \"AU\"\nagreement = \"a\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2022-01-01\nchairs_of = \"samrad\"\n",
            ),
            (
                "members/samrad.toml",
                "[[member]]\nname = \"U2\"\nparty = \"umea\"\nrole = \"substitute\"\nfrom = 2022-01-01\n\
                 [[member]]\nname = \"U\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2022-01-01\n\
                 [[member]]\nname = \"R\"\nparty = \"region\"\nrole = \"ordinary\"\nfrom = 2022-01-01\nto = 2025-06-30\n\
                 [[member]]\nname = \"V\"\nparty = \"vindeln\"\nrole = \"ordinary\"\nfrom = 2022-01-01\nto = 2025-01-31\n\
                 [[chair]]\nyear = 2025\nchair = \"U\"\nvice_chair = \"R\"\n",
            ),
            ("members/beredning.toml", beredning_roster.as_str()),
        ]);
        registry(&files)
    }

    fn vacant(r: &BodyRoster) -> Vec<(Option<&str>, SeatKind, Option<&str>)> {
        r.vacancies
            .iter()
            .map(|v| (v.party.as_deref(), v.role, v.of.as_deref()))
            .collect()
    }

    #[test]
    fn members_in_party_order_with_chair_marks() {
        let reg = fixture();
        let r = build(&reg, Some("samrad"), day("2025-03-01")).unwrap();
        let b = &r.bodies[0];
        let rows: Vec<(&str, SeatKind, bool, bool)> = b
            .members
            .iter()
            .map(|s| (s.name.as_str(), s.role, s.chair, s.vice_chair))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("R", SeatKind::Ordinary, false, true),
                ("U", SeatKind::Ordinary, true, false),
                ("U2", SeatKind::Substitute, false, false),
                ("B", SeatKind::ExOfficio, false, false),
            ]
        );
        assert_eq!(b.members[3].party.as_deref(), Some("region"));
        assert_eq!(b.members[3].of.as_deref(), Some("beredning"));
        // Vindeln's member left on 2025-01-31 and its notice takes effect on 2025-09-30:
        // until then its seat is vacant.
        assert_eq!(vacant(b), vec![(Some("vindeln"), SeatKind::Ordinary, None)]);
    }

    #[test]
    fn vacancies_end_when_the_party_leaves() {
        let reg = fixture();
        let r = build(&reg, Some("samrad"), day("2025-10-01")).unwrap();
        // The region's member left on 2025-06-30: vacant. Vindeln has left the agreement.
        assert_eq!(
            vacant(&r.bodies[0]),
            vec![(Some("region"), SeatKind::Ordinary, None)]
        );
    }

    #[test]
    fn derived_places_without_a_holder_are_vacant() {
        let reg = fixture();
        // No chair records for 2026: the ex officio place and the AU are empty.
        let r = build(&reg, Some("samrad"), day("2026-02-01")).unwrap();
        assert!(vacant(&r.bodies[0]).contains(&(None, SeatKind::ExOfficio, Some("beredning"))));
        let au = build(&reg, Some("au"), day("2026-02-01")).unwrap();
        assert_eq!(au.bodies[0].vacancies.len(), 2);
        let au = build(&reg, Some("au"), day("2025-02-01")).unwrap();
        let rows: Vec<(&str, bool, bool)> = au.bodies[0]
            .members
            .iter()
            .map(|s| (s.name.as_str(), s.chair, s.vice_chair))
            .collect();
        assert_eq!(rows, vec![("U", true, false), ("R", false, true)]);
        assert_eq!(au.bodies[0].members[1].to, Some(day("2025-06-30")));
    }

    #[test]
    fn an_ex_officio_place_lasts_the_chairs_term() {
        // The Beredning chairs by two-year terms from 2022: its 2024 chair sits in the
        // Samråd for 2024–2025, and nobody is recorded for 2026–2027.
        let reg = fixture_with("term = \"two-years\"\n", 2024);
        let r = build(&reg, Some("samrad"), day("2025-03-01")).unwrap();
        let place = r.bodies[0]
            .members
            .iter()
            .find(|s| s.role == SeatKind::ExOfficio)
            .expect("the Beredning's chair");
        assert_eq!(
            (place.name.as_str(), place.from, place.to),
            ("B", day("2024-01-01"), Some(day("2025-12-31")))
        );
        let r = build(&reg, Some("samrad"), day("2026-02-01")).unwrap();
        assert!(vacant(&r.bodies[0]).contains(&(None, SeatKind::ExOfficio, Some("beredning"))));
    }

    #[test]
    fn people_without_a_seat_come_after_the_seats_and_coordinators_join_the_steering_group() {
        let mut files = PARTIES.to_vec();
        files.extend([
            (
                "agreements/p.toml",
                "title = \"P\"\nparties = [\"region\", \"umea\"]\neffective = 2020-01-01\n\
                 [[role]]\nrole = \"partner-owner\"\nparty = \"umea\"\nname = \"Ägare\"\nfrom = 2020-01-01\n\
                 [[role]]\nrole = \"partner-coordinator\"\nparty = \"region\"\nname = \"Koord\"\nfrom = 2020-01-01\n\
                 [[role]]\nrole = \"coordinator\"\nparty = \"umea\"\nname = \"Slutat\"\nfrom = 2020-01-01\nto = 2024-12-31\n",
            ),
            (
                "bodies/styrgrupp.toml",
                "name = \"Styrgrupp\"\nagreement = \"p\"\nlevel = \"political\"\nkind = \"standing\"\npower = \"decisive\"\nestablished = 2020-01-01\n\
                 [seats]\ndefault = { ordinary = 1, substitutes = 0 }\n[chair]\nrule = \"host\"\n",
            ),
            (
                "members/styrgrupp.toml",
                "[[member]]\nname = \"Sekr\"\nrole = \"secretary\"\nfrom = 2020-01-01\norganisation = \"Kansliet\"\n\
                 [[member]]\nname = \"U\"\nparty = \"umea\"\nrole = \"ordinary\"\nfrom = 2020-01-01\n\
                 [[member]]\nname = \"Obs\"\nparty = \"region\"\nrole = \"observer\"\nfrom = 2020-01-01\n",
            ),
        ]);
        let reg = registry(&files);
        let r = build(&reg, Some("styrgrupp"), day("2025-06-01")).unwrap();
        let rows: Vec<(&str, SeatKind, Option<&str>, Option<&str>)> = r.bodies[0]
            .members
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.role,
                    s.party.as_deref(),
                    s.agreement_role,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("U", SeatKind::Ordinary, Some("umea"), None),
                ("Obs", SeatKind::Observer, Some("region"), None),
                ("Sekr", SeatKind::Secretary, None, None),
                (
                    "Koord",
                    SeatKind::Adjunct,
                    Some("region"),
                    Some("partner-coordinator")
                ),
            ]
        );
        assert_eq!(
            r.bodies[0].members[2].organisation.as_deref(),
            Some("Kansliet")
        );
        // The region has no ordinary seat, but no vacancy either without every_party; the
        // observer fills none.
        assert!(r.bodies[0].vacancies.is_empty());
    }

    #[test]
    fn unknown_body_is_a_usage_error() {
        let reg = fixture();
        assert!(matches!(
            build(&reg, Some("nope"), day("2025-01-01")),
            Err(Error::Usage(_))
        ));
        // Without a body: every body active that day.
        assert_eq!(
            build(&reg, None, day("2025-01-01")).unwrap().bodies.len(),
            3
        );
        assert!(
            build(&reg, None, day("2021-01-01"))
                .unwrap()
                .bodies
                .is_empty()
        );
    }
}
