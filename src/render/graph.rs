//! The structure as a Mermaid flowchart (renders in GitHub Markdown) or a Graphviz digraph.

use std::fmt::Write;

use super::words;
use crate::i18n::Lang;
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

/// Node ids in Mermaid may not contain `-` safely everywhere; ids are `[a-z0-9-]`.
fn mermaid_id(id: &str) -> String {
    id.replace('-', "_")
}

pub fn mermaid(graph: &Graph, lang: Lang) -> String {
    let mut out = String::from("flowchart TD\n");
    for a in &graph.agreements {
        let _ = writeln!(
            out,
            "  subgraph {}[\"{}\"]",
            mermaid_id(&format!("agreement-{}", a.id)),
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
                mermaid_id(&b.id),
                mermaid_text(&b.name)
            );
        }
        out.push_str("  end\n");
    }
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "  {} -->|{}| {}",
            mermaid_id(&e.from),
            mermaid_text(&words::edge(lang, e.kind)),
            mermaid_id(&e.to)
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
            a.id,
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
                b.id,
                dot_text(&b.name)
            );
        }
        out.push_str("  }\n");
    }
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            e.from,
            e.to,
            dot_text(&words::edge(lang, e.kind))
        );
    }
    out.push_str("}\n");
    out
}
