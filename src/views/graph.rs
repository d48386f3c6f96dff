//! The structure as a graph: agreements with their bodies, and how bodies connect; and,
//! where the registry has them, associations with the parties they gather and the
//! agreements they act in, and the parties a sub-county body serves.

use serde::Serialize;

use crate::model::Registry;
use crate::model::body::{ChairRole, Level, Power};

#[derive(Debug, Serialize)]
pub struct Graph {
    pub agreements: Vec<AgreementNode>,
    pub edges: Vec<Edge>,
    /// Parties drawn: associations, the parties they gather, and the parties of bodies
    /// with a constituency. Left out of JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyNode>,
    /// Edges that start or end at a party (`edges` joins bodies only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct PartyNode {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
}

/// How a party is linked; `from` → `to` reads as the kind says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// Association `from` gathers party `to` (`members`).
    Gathers,
    /// Association `from` acts for its members in agreement `to` (`associations`).
    ActsIn,
    /// Body `from` serves party `to` (the body's `parties`).
    Serves,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    /// Also says what `from` and `to` name: party → party (`gathers`), party → agreement
    /// (`acts-in`), body → party (`serves`).
    pub kind: LinkKind,
}

#[derive(Debug, Serialize)]
pub struct AgreementNode {
    pub id: String,
    pub title: String,
    /// An annex's main agreement (format 2); left out of JSON for other agreements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    pub bodies: Vec<BodyNode>,
}

#[derive(Debug, Serialize)]
pub struct BodyNode {
    pub id: String,
    pub name: String,
    pub level: &'static str,
    pub power: &'static str,
}

/// How two bodies connect; `from` → `to` reads as the kind says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// `from` reports to `to` (`parent`).
    ReportsTo,
    /// `from` prepares cases for `to` (`prepared_by` on `to`).
    Prepares,
    /// `from` takes questions on to `to` (`escalates_to`).
    EscalatesTo,
    /// `from` is made of the chairs of `to` (`chairs_of`).
    ChairsOf,
    /// `from`'s chair or vice chair sits in `to` ex officio.
    ExOfficio(ChairRole),
    /// `from`'s chair or vice chair is co-opted to `to`.
    Adjunct(ChairRole),
}

impl EdgeKind {
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::ReportsTo => "reports to",
            EdgeKind::Prepares => "prepares",
            EdgeKind::EscalatesTo => "escalates to",
            EdgeKind::ChairsOf => "AU of",
            EdgeKind::ExOfficio(ChairRole::Chair) => "chair sits in",
            EdgeKind::ExOfficio(ChairRole::ViceChair) => "vice chair sits in",
            EdgeKind::Adjunct(ChairRole::Chair) => "chair co-opted to",
            EdgeKind::Adjunct(ChairRole::ViceChair) => "vice chair co-opted to",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// What the edge means in English, e.g. "prepares" or "chair sits in".
    pub label: &'static str,
    /// The same for renderers that word it in the output language.
    #[serde(skip)]
    pub kind: EdgeKind,
}

pub fn build(reg: &Registry) -> Graph {
    let agreements = reg
        .agreements
        .iter()
        .map(|(id, a)| AgreementNode {
            id: id.clone(),
            title: a.value.title.get_ref().clone(),
            // Only a main agreement that exists: a dangling one is `check`'s business.
            part_of: a
                .value
                .part_of
                .as_ref()
                .map(|m| m.get_ref())
                .filter(|m| reg.agreements.contains_key(*m))
                .cloned(),
            bodies: reg
                .bodies
                .iter()
                .filter(|(_, b)| b.value.agreement.get_ref() == id)
                .map(|(body_id, b)| BodyNode {
                    id: body_id.clone(),
                    name: b.value.name.get_ref().clone(),
                    level: match b.value.level.get_ref() {
                        Level::Political => "political",
                        Level::Official => "official",
                    },
                    power: match b.value.power.get_ref() {
                        Power::Advisory => "advisory",
                        Power::Decisive => "decisive",
                    },
                })
                .collect(),
        })
        .collect();
    let mut edges = Vec::new();
    let mut edge = |from: &str, to: &str, kind: EdgeKind| {
        // Only edges between bodies that exist: dangling references are `check`'s business.
        if reg.bodies.contains_key(from) && reg.bodies.contains_key(to) {
            edges.push(Edge {
                from: from.to_owned(),
                to: to.to_owned(),
                label: kind.label(),
                kind,
            });
        }
    };
    for (id, b) in &reg.bodies {
        let v = &b.value;
        if let Some(parent) = &v.parent {
            edge(id, parent.get_ref(), EdgeKind::ReportsTo);
        }
        if let Some(preparer) = &v.prepared_by {
            edge(preparer.get_ref(), id, EdgeKind::Prepares);
        }
        if let Some(up) = &v.escalates_to {
            edge(id, up.get_ref(), EdgeKind::EscalatesTo);
        }
        if let Some(of) = &v.chairs_of {
            edge(id, of.get_ref(), EdgeKind::ChairsOf);
        }
        if let Some(seats) = &v.seats {
            let seats = seats.get_ref();
            for seat in seats.ex_officio.iter().map(|s| s.get_ref()) {
                edge(
                    seat.of.get_ref(),
                    id,
                    EdgeKind::ExOfficio(*seat.role.get_ref()),
                );
            }
            for seat in seats.adjunct.iter().map(|s| s.get_ref()) {
                edge(
                    seat.of.get_ref(),
                    id,
                    EdgeKind::Adjunct(*seat.role.get_ref()),
                );
            }
        }
    }
    edges.sort_by(|a, b| (&a.from, &a.to, a.label).cmp(&(&b.from, &b.to, b.label)));
    let links = links(reg);
    let mut drawn: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for l in &links {
        match l.kind {
            LinkKind::Gathers => drawn.extend([l.from.as_str(), l.to.as_str()]),
            LinkKind::ActsIn => drawn.extend([l.from.as_str()]),
            LinkKind::Serves => drawn.extend([l.to.as_str()]),
        }
    }
    let parties = drawn
        .into_iter()
        .filter_map(|id| {
            let p = &reg.parties.get(id)?.value;
            Some(PartyNode {
                id: id.to_owned(),
                name: p.name.get_ref().clone(),
                kind: p.kind.get_ref().as_str(),
            })
        })
        .collect();
    Graph {
        agreements,
        edges,
        parties,
        links,
    }
}

/// The links to and from parties, each between things that exist, in a stable order.
fn links(reg: &Registry) -> Vec<Link> {
    let mut links = Vec::new();
    let mut link = |from: &str, to: &str, kind: LinkKind| {
        links.push(Link {
            from: from.to_owned(),
            to: to.to_owned(),
            kind,
        });
    };
    for (id, p) in &reg.parties {
        for m in &p.value.members {
            if reg.parties.contains_key(m.get_ref()) {
                link(id, m.get_ref(), LinkKind::Gathers);
            }
        }
    }
    for (id, a) in &reg.agreements {
        for assoc in &a.value.associations {
            if reg.parties.contains_key(assoc.get_ref()) {
                link(assoc.get_ref(), id, LinkKind::ActsIn);
            }
        }
    }
    for (id, b) in &reg.bodies {
        for p in b.value.parties.iter().flatten() {
            if reg.parties.contains_key(p.get_ref()) {
                link(id, p.get_ref(), LinkKind::Serves);
            }
        }
    }
    links.sort_by(|a, b| (a.kind, &a.from, &a.to).cmp(&(b.kind, &b.from, &b.to)));
    links.dedup_by(|a, b| (a.kind, &a.from, &a.to) == (b.kind, &b.from, &b.to));
    links
}
