//! The structure as a Mermaid flowchart (renders in GitHub Markdown) or a Graphviz digraph.

use std::fmt::Write;

use super::words;
use crate::i18n::Lang;
use crate::tr;
use crate::views::graph::Graph;

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

/// A Graphviz node for an agreement: `agreement:` cannot start a body id, so the two
/// never meet.
fn agreement_dot_node(id: &str) -> String {
    format!("agreement:{id}")
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
    out
}

fn dot_text(s: &str) -> String {
    super::sanitize::terminal(s)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

pub fn dot(graph: &Graph, lang: Lang) -> String {
    let mut out = String::from("digraph samverkan {\n  rankdir=TB;\n  node [shape=box];\n");
    for a in &graph.agreements {
        let _ = writeln!(
            out,
            "  subgraph \"cluster_{}\" {{\n    label=\"{}\";",
            dot_text(&a.id),
            dot_text(&a.title)
        );
        // Graphviz joins nodes, not clusters: an annex and its main agreement each get a
        // node of their own to link.
        if a.part_of.is_some()
            || graph
                .agreements
                .iter()
                .any(|x| x.part_of.as_ref() == Some(&a.id))
        {
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}\", shape=note];",
                dot_text(&agreement_dot_node(&a.id)),
                dot_text(&a.title)
            );
        }
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
        out.push_str("  }\n");
    }
    for a in &graph.agreements {
        if let Some(main) = &a.part_of {
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{}\", style=dashed];",
                dot_text(&agreement_dot_node(&a.id)),
                dot_text(&agreement_dot_node(main)),
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
