//! The structure as a Mermaid flowchart (renders in GitHub Markdown) or a Graphviz digraph.

use std::fmt::Write;

use super::words;
use crate::i18n::Lang;
use crate::tr;
use crate::views::graph::{Graph, LinkKind, PartyNode};

/// Mermaid label text: quotes and the characters Mermaid reads as markup become entities.
fn mermaid_text(s: &str) -> String {
    let mut out = String::new();
    for c in super::sanitize::terminal(s).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

/// A Mermaid node id for a registry id: always prefixed (`a_` agreements, `b_` bodies), so
/// that no id is a keyword (`end`, `subgraph`, `click`, `style` …) or starts an edge
/// (`o…`, `x…` after `--`). Valid ids are `[a-z0-9-]`; `-` becomes `_` and any other
/// character (an id the loader flagged) `U<hex>X`, which keeps distinct ids distinct.
fn mermaid_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len());
    out.push_str(prefix);
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            '-' => out.push('_'),
            c => {
                let _ = write!(out, "U{:X}X", u32::from(c));
            }
        }
    }
    out
}

fn agreement_node(id: &str) -> String {
    mermaid_id("a_", id)
}

fn body_node(id: &str) -> String {
    mermaid_id("b_", id)
}

fn party_node(id: &str) -> String {
    mermaid_id("p_", id)
}

/// Mermaid and Graphviz ends of a link: (from, to) node ids.
fn link_ends(kind: LinkKind, from: &str, to: &str) -> (String, String) {
    match kind {
        LinkKind::Gathers => (party_node(from), party_node(to)),
        LinkKind::ActsIn => (party_node(from), agreement_node(to)),
        LinkKind::Serves => (body_node(from), party_node(to)),
    }
}

pub fn mermaid(graph: &Graph, lang: Lang) -> String {
    let mut out = String::from("flowchart TD\n");
    for a in &graph.agreements {
        let _ = writeln!(
            out,
            "  subgraph {}[\"{}\"]",
            agreement_node(&a.id),
            mermaid_text(&a.title)
        );
        for b in &a.bodies {
            // Political bodies are drawn round, official ones square.
            let (open, close) = if b.level == "political" {
                ("([", "])")
            } else {
                ("[", "]")
            };
            let _ = writeln!(
                out,
                "    {}{open}\"{}\"{close}",
                body_node(&b.id),
                mermaid_text(&b.name)
            );
        }
        out.push_str("  end\n");
    }
    // Associations are drawn as hexagons, other parties as parallelograms.
    for p in &graph.parties {
        let (open, close) = party_shape_mermaid(p);
        let _ = writeln!(
            out,
            "  {}{open}\"{}\"{close}",
            party_node(&p.id),
            mermaid_text(&p.name)
        );
    }
    // An annex points at its main agreement, subgraph to subgraph.
    for a in &graph.agreements {
        if let Some(main) = &a.part_of {
            let _ = writeln!(
                out,
                "  {} -.->|{}| {}",
                agreement_node(&a.id),
                mermaid_text(&tr!(lang, "edge-part-of")),
                agreement_node(main)
            );
        }
    }
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "  {} -->|{}| {}",
            body_node(&e.from),
            mermaid_text(&words::edge(lang, e.kind)),
            body_node(&e.to)
        );
    }
    for l in &graph.links {
        let (from, to) = link_ends(l.kind, &l.from, &l.to);
        // Gathering is membership, drawn solid; acting in and serving are dotted.
        let arrow = if l.kind == LinkKind::Gathers {
            "-->"
        } else {
            "-.->"
        };
        let _ = writeln!(
            out,
            "  {from} {arrow}|{}| {to}",
            mermaid_text(&words::link(lang, l.kind))
        );
    }
    out
}

fn party_shape_mermaid(p: &PartyNode) -> (&'static str, &'static str) {
    if p.kind == "association" {
        ("{{", "}}")
    } else {
        ("[/", "/]")
    }
}

/// A Graphviz node id for a party or an agreement: a prefix a body id cannot have.
fn dot_party(id: &str) -> String {
    format!("party:{}", dot_text(id))
}

fn dot_agreement(id: &str) -> String {
    format!("agreement:{}", dot_text(id))
}

fn dot_text(s: &str) -> String {
    super::sanitize::terminal(s)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

pub fn dot(graph: &Graph, lang: Lang) -> String {
    let mut out = String::from("digraph samverkan {\n  rankdir=TB;\n  node [shape=box];\n");
    let linked: std::collections::HashSet<&str> = graph
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::ActsIn)
        .map(|l| l.to.as_str())
        .chain(
            graph
                .agreements
                .iter()
                .filter_map(|a| a.part_of.as_deref().map(|main| [a.id.as_str(), main]))
                .flatten(),
        )
        .collect();
    for a in &graph.agreements {
        let _ = writeln!(
            out,
            "  subgraph \"cluster_{}\" {{\n    label=\"{}\";",
            dot_text(&a.id),
            dot_text(&a.title)
        );
        for b in &a.bodies {
            let shape = if b.level == "political" {
                "ellipse"
            } else {
                "box"
            };
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}\", shape={shape}];",
                dot_text(&b.id),
                dot_text(&b.name)
            );
        }
        // A cluster is no edge's end: an agreement an association acts in, an annex and
        // its main agreement get a node.
        if linked.contains(a.id.as_str()) {
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}\", shape=note];",
                dot_agreement(&a.id),
                dot_text(&a.title)
            );
        }
        out.push_str("  }\n");
    }
    for p in &graph.parties {
        let shape = if p.kind == "association" {
            "hexagon"
        } else {
            "parallelogram"
        };
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape={shape}];",
            dot_party(&p.id),
            dot_text(&p.name)
        );
    }
    for a in &graph.agreements {
        if let Some(main) = &a.part_of {
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{}\", style=dashed];",
                dot_agreement(&a.id),
                dot_agreement(main),
                dot_text(&tr!(lang, "edge-part-of"))
            );
        }
    }
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            dot_text(&e.from),
            dot_text(&e.to),
            dot_text(&words::edge(lang, e.kind))
        );
    }
    for l in &graph.links {
        let (from, to) = match l.kind {
            LinkKind::Gathers => (dot_party(&l.from), dot_party(&l.to)),
            LinkKind::ActsIn => (dot_party(&l.from), dot_agreement(&l.to)),
            LinkKind::Serves => (dot_text(&l.from), dot_party(&l.to)),
        };
        let style = if l.kind == LinkKind::Gathers {
            ""
        } else {
            ", style=dashed"
        };
        let _ = writeln!(
            out,
            "  \"{from}\" -> \"{to}\" [label=\"{}\"{style}];",
            dot_text(&words::link(lang, l.kind))
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::graph::{AgreementNode, BodyNode, Edge, EdgeKind};

    /// Mermaid's and Graphviz's keywords and the words Mermaid reads as edge heads, as body
    /// ids.
    const KEYWORDS: &[&str] = &[
        "end",
        "subgraph",
        "click",
        "style",
        "class",
        "classdef",
        "graph",
        "flowchart",
        "call",
        "href",
        "linkstyle",
        "direction",
        "o",
        "x",
        "default",
        "node",
        "edge",
        "strict",
        "digraph",
    ];

    fn keyword_graph() -> Graph {
        let body = |id: &str| BodyNode {
            id: id.to_owned(),
            name: format!("Body {id}"),
            level: "official",
            power: "advisory",
        };
        Graph {
            agreements: vec![
                AgreementNode {
                    id: "end".into(),
                    title: "Avtal".into(),
                    part_of: None,
                    bodies: KEYWORDS.iter().map(|id| body(id)).collect(),
                },
                AgreementNode {
                    id: "graph".into(),
                    title: "Avtal 2".into(),
                    part_of: None,
                    bodies: vec![body("a-b"), body("a_b"), body("\"] end")],
                },
            ],
            edges: KEYWORDS
                .windows(2)
                .map(|w| Edge {
                    from: w[0].to_owned(),
                    to: w[1].to_owned(),
                    label: "reports to",
                    kind: EdgeKind::ReportsTo,
                })
                .collect(),
            parties: vec![],
            links: vec![],
        }
    }

    #[test]
    fn mermaid_node_ids_are_never_keywords() {
        let out = mermaid(&keyword_graph(), Lang::En);
        // Only the two subgraphs close: no body line reads as `end`.
        assert_eq!(
            out.lines().filter(|l| l.trim() == "end").count(),
            2,
            "{out}"
        );
        // Every other line starts with a prefixed id, or opens a subgraph named by one.
        for line in out.lines().skip(1).filter(|l| l.trim() != "end") {
            let first = line.trim().trim_start_matches("subgraph ");
            assert!(first.starts_with("a_") || first.starts_with("b_"), "{line}");
        }
        assert!(out.contains("  subgraph a_end[\"Avtal\"]\n"), "{out}");
        assert!(out.contains("    b_end[\"Body end\"]\n"), "{out}");
        assert!(out.contains("  b_o -->|reports to| b_x\n"), "{out}");
    }

    #[test]
    fn an_annex_points_at_its_main_agreement() {
        let mut graph = keyword_graph();
        graph.agreements[1].part_of = Some("end".into());
        let out = mermaid(&graph, Lang::En);
        assert!(out.contains("  a_graph -.->|annex of| a_end\n"), "{out}");
        let out = dot(&graph, Lang::En);
        assert!(
            out.contains("    \"agreement:end\" [label=\"Avtal\", shape=note];\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "  \"agreement:graph\" -> \"agreement:end\" [label=\"annex of\", style=dashed];\n"
            ),
            "{out}"
        );
        // Without annexes, no agreement node: format-1 graphs stay as they were.
        assert!(!dot(&keyword_graph(), Lang::En).contains("agreement:"));
    }

    #[test]
    fn mermaid_ids_stay_distinct_and_plain() {
        assert_eq!(body_node("a-b"), "b_a_b");
        assert_eq!(body_node("a_b"), "b_aU5FXb");
        assert_eq!(body_node("\"] end"), "b_U22XU5DXU20Xend");
    }

    #[test]
    fn dot_ids_are_quoted_and_escaped() {
        let out = dot(&keyword_graph(), Lang::En);
        assert!(
            out.contains("    \"end\" [label=\"Body end\", shape=box];\n"),
            "{out}"
        );
        assert!(out.contains("  subgraph \"cluster_graph\" {\n"), "{out}");
        assert!(out.contains("    \"\\\"] end\" [label="), "{out}");
        assert!(out.contains("  \"node\" -> \"edge\" [label="), "{out}");
    }
}
