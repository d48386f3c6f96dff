//! The views as Markdown (GitHub-flavoured tables) for pull requests, wikis and reports.
//!
//! Every string from the registry goes through [`sanitize::markdown`], so it cannot open a
//! link, HTML or a new table cell.

use std::fmt::Write;

use super::deadline_words;
use super::sanitize::{markdown, markdown_code};
use super::table::{
    chair_rule_line, day, marks, role, rotation_status, seat_notes, time, vacancy_role,
};
use crate::i18n::{self, Lang};
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::diff::{Change, Diff, DiffFinding};
use crate::views::report::Report;
use crate::views::roster::Roster;
use crate::views::rotation::Rotation;
use crate::views::schedule::{EventKind, Schedule};

fn m(s: &str) -> String {
    markdown(s)
}

fn om(s: Option<&str>) -> String {
    s.map(markdown).unwrap_or_default()
}

/// A table: header row, separator, rows.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

pub fn roster(view: &Roster) -> String {
    let mut out = format!("# Roster on {}\n", day(view.on));
    if view.bodies.is_empty() {
        out.push_str("\nNo body is active on that day.\n");
    }
    for b in &view.bodies {
        let _ = writeln!(out, "\n## {} ({})\n", m(&b.name), m(&b.id));
        if !b.active {
            out.push_str("Not active on this day.\n\n");
        }
        if let Some(line) = chair_rule_line(b.chair_rule) {
            let _ = writeln!(out, "{line}\n");
        }
        let mut rows: Vec<Vec<String>> = b
            .members
            .iter()
            .map(|s| {
                vec![
                    om(s.party_name.as_deref()),
                    m(&s.name),
                    m(&role(
                        s.role,
                        s.of_role,
                        s.of_name.as_deref().or(s.of.as_deref()),
                    )),
                    s.from.to_string(),
                    s.to.map(|d| d.to_string()).unwrap_or_default(),
                    marks(s).to_owned(),
                    m(&seat_notes(s)),
                ]
            })
            .collect();
        rows.extend(b.vacancies.iter().map(|v| {
            vec![
                om(v.party_name.as_deref()),
                "*(vacant)*".to_owned(),
                m(&vacancy_role(v)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        }));
        if rows.is_empty() {
            out.push_str("Nobody holds a seat.\n");
            continue;
        }
        table(
            &mut out,
            &["Party", "Name", "Role", "From", "To", "Chair", "Notes"],
            &rows,
        );
    }
    out
}

pub fn schedule(view: &Schedule) -> String {
    let mut out = format!("# Schedule {} to {}", day(view.from), day(view.to));
    if let Some(b) = &view.body {
        let _ = write!(out, ", {}", m(b));
    }
    out.push_str("\n\n");
    if view.events.is_empty() {
        out.push_str("Nothing is scheduled in this period.\n");
        return out;
    }
    let rows: Vec<Vec<String>> = view
        .events
        .iter()
        .map(|e| {
            let mut what = m(&e.subject);
            if let Some(adjusted) = e.adjusted.filter(|a| *a != e.date && e.done.is_none()) {
                let _ = write!(what, " (last day adjusted to {})", day(adjusted));
            }
            let chair = match e.kind {
                EventKind::Meeting | EventKind::ChairTerm => om(e.chair.as_deref()),
                _ => String::new(),
            };
            vec![
                day(e.date),
                time(e.start),
                what,
                om(e.host_name.as_deref()),
                chair,
                om(e.place.as_deref()),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Date", "Time", "Event", "Host", "Chair", "Place"],
        &rows,
    );
    out
}

pub fn deadlines(view: &Deadlines, lang: Lang) -> String {
    let mut out = format!(
        "# {}",
        tr!(
            lang,
            "deadlines-heading",
            today = i18n::day(lang, view.today)
        )
    );
    if let Some(n) = view.within {
        out.push_str(&tr!(lang, "deadlines-within", days = n));
    }
    out.push_str("\n\n");
    if view.deadlines.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "deadlines-none"));
        return out;
    }
    let rows: Vec<Vec<String>> = view
        .deadlines
        .iter()
        .map(|d| {
            vec![
                i18n::day(lang, d.date),
                if d.adjusted == d.date {
                    String::new()
                } else {
                    i18n::day(lang, d.adjusted)
                },
                deadline_words::days_left(lang, d.days_left),
                deadline_words::kind(lang, d.kind),
                m(&deadline_words::subject(lang, &d.subject)),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            &tr!(lang, "deadlines-col-date"),
            &tr!(lang, "deadlines-col-act-by"),
            &tr!(lang, "deadlines-col-days-left"),
            &tr!(lang, "deadlines-col-kind"),
            &tr!(lang, "deadlines-col-subject"),
        ],
        &rows,
    );
    let _ = writeln!(out, "\n{}", tr!(lang, "deadlines-footer"));
    out
}

pub fn rotation(view: &Rotation) -> String {
    let mut out = format!("# {} ({})\n\n", m(&view.name), m(&view.body));
    if let Some(of) = &view.chairs_of {
        let _ = writeln!(out, "Made of the chair and vice chair of {}.\n", m(of));
    }
    match chair_rule_line(view.rule) {
        Some(line) => {
            let _ = writeln!(out, "{line}\n");
        }
        None => out.push_str("No chair rule: nothing rotates.\n\n"),
    }
    if view.years.is_empty() {
        if view.rule.is_some() {
            out.push_str("No year of the period is an active year of the body.\n");
        }
        return out;
    }
    let person = |name: Option<&str>, party: Option<&str>| match (name, party) {
        (Some(n), Some(p)) => format!("{} ({})", m(n), m(p)),
        (Some(n), None) => m(n),
        _ => String::new(),
    };
    if view.rule == Some("host") {
        out.push_str("Years without a recorded meeting are left out.\n\n");
        let mut rows = Vec::new();
        for y in &view.years {
            for mt in &y.meetings {
                rows.push(vec![
                    y.year.to_string(),
                    format!("{} {}", day(mt.date), time(mt.start))
                        .trim_end()
                        .to_owned(),
                    om(mt.host_name.as_deref().or(mt.host.as_deref())),
                    om(mt.chair.as_deref()),
                    mt.chair_side.unwrap_or_default().to_owned(),
                ]);
            }
        }
        table(
            &mut out,
            &["Year", "Date", "Host", "Chair (partner owner)", "Side"],
            &rows,
        );
        return out;
    }
    let rows: Vec<Vec<String>> = view
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                y.chair_side.unwrap_or_default().to_owned(),
                person(y.chair.as_deref(), y.chair_party_name.as_deref()),
                y.vice_chair_side.unwrap_or_default().to_owned(),
                person(y.vice_chair.as_deref(), y.vice_chair_party_name.as_deref()),
                m(&rotation_status(
                    y.recorded,
                    y.extension.as_deref(),
                    y.chair_side.is_some(),
                )),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Year",
            "Chair side",
            "Chair",
            "Vice chair side",
            "Vice chair",
            "Status",
        ],
        &rows,
    );
    out
}

/// The yearly report: one section per agreement in force that year.
pub fn report(view: &Report) -> String {
    let mut out = format!("# Samverkan {}", view.year);
    if let Some(name) = &view.registry {
        let _ = write!(out, " — {}", m(name));
    }
    let _ = writeln!(out, "\n\nAs the registry stood on {}.", view.as_of);
    if view.agreements.is_empty() {
        out.push_str("\nNo agreement was in force that year.\n");
    }
    let person = |p: &Option<crate::views::Person>| {
        p.as_ref().map_or_else(
            || "—".to_owned(),
            |p| match &p.party_name {
                Some(party) => format!("{} ({})", m(&p.name), m(party)),
                None => m(&p.name),
            },
        )
    };
    for a in &view.agreements {
        let _ = writeln!(out, "\n## {}\n", m(&a.title));
        let reference = a
            .reference
            .as_deref()
            .map(|r| format!(", {}", m(r)))
            .unwrap_or_default();
        let ends = a
            .ends
            .map(|e| format!(", in force until {e}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{reference}: {} parties{ends}.",
            markdown_code(&a.id),
            a.parties
        );
        if !a.bodies.is_empty() {
            out.push_str("\n### Bodies\n\n");
            let rows: Vec<Vec<String>> = a
                .bodies
                .iter()
                .map(|b| {
                    let meetings = match b.per_year_min {
                        Some(min) => format!("{} (at least {min})", b.meetings.len()),
                        None => b.meetings.len().to_string(),
                    };
                    let chair = person(&b.chair) + if b.extended { " (extended)" } else { "" };
                    vec![
                        m(&b.name),
                        meetings,
                        chair,
                        person(&b.vice_chair),
                        format!("{} + {}", b.ordinary_seats, b.substitute_seats),
                    ]
                })
                .collect();
            table(
                &mut out,
                &[
                    "Body",
                    "Meetings",
                    "Chair",
                    "Vice chair",
                    "Seats at year end",
                ],
                &rows,
            );
        }
        if !a.notices.is_empty() {
            out.push_str("\n### Notices\n\n");
            for n in &a.notices {
                let ends = match (n.counted_from, n.ends) {
                    (_, Some(e)) => format!("out after {e}"),
                    (Some(_), None) => format!("out after {}", view.year),
                    (None, None) => "pending handling".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "- {} gave notice on {}: {ends}",
                    m(&n.party),
                    n.received
                );
            }
        }
        if !a.obligations.is_empty() {
            out.push_str("\n### Duties\n\n");
            for o in &a.obligations {
                let done = if o.done.is_empty() {
                    "not done this year".to_owned()
                } else {
                    format!(
                        "done {}",
                        o.done
                            .iter()
                            .map(|d| d.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let next = o
                    .next_due
                    .map(|d| format!("; next due {d}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "- {} ({}): {done}{next}", m(&o.title), m(&o.owner));
            }
        }
        if !a.cases.is_empty() {
            out.push_str("\n### Cases\n\n");
            for c in &a.cases {
                let _ = writeln!(out, "- **{}** (raised {})", m(&c.title), c.raised);
                for e in &c.events {
                    let _ = writeln!(out, "  - {} {} at {}", e.date, e.action, m(&e.body));
                }
                for (word, parties) in [
                    ("adopted", &c.adopted),
                    ("rejected", &c.rejected),
                    ("undecided", &c.undecided),
                ] {
                    if !parties.is_empty() {
                        let list: Vec<String> = parties.iter().map(|p| m(p)).collect();
                        let _ = writeln!(out, "  - {word}: {}", list.join(", "));
                    }
                }
            }
        }
    }
    let f = &view.findings;
    let _ = writeln!(
        out,
        "\n## Check\n\n{} errors, {} warnings.",
        f.errors, f.warnings
    );
    for (code, n) in &f.by_code {
        let _ = writeln!(out, "- `{code}`: {n}");
    }
    out
}

fn finding_line(f: &DiffFinding) -> String {
    let place = match (&f.file, f.line) {
        (Some(file), Some(line)) => format!("{} ", markdown_code(&format!("{file}:{line}"))),
        (Some(file), None) => format!("{} ", markdown_code(file)),
        _ => String::new(),
    };
    format!("- {place}{}[`{}`]: {}", f.severity, f.code, m(&f.message))
}

/// What a change does to the registry, for a pull-request comment.
pub fn diff(view: &Diff) -> String {
    let errors = |list: &[DiffFinding]| list.iter().filter(|f| f.severity == "error").count();
    let mut out = format!(
        "### samverkan: {} → {}\n\n{} file(s) changed · {} error(s) and {} warning(s) introduced · {} resolved\n",
        m(&view.from),
        m(&view.to),
        view.files.len(),
        errors(&view.introduced),
        view.introduced.len() - errors(&view.introduced),
        view.resolved.len()
    );
    if !view.introduced.is_empty() {
        out.push_str("\n#### Introduced\n\n");
        for f in &view.introduced {
            let _ = writeln!(out, "{}", finding_line(f));
        }
    }
    if !view.resolved.is_empty() {
        out.push_str("\n#### Resolved\n\n");
        for f in &view.resolved {
            let _ = writeln!(out, "{}", finding_line(f));
        }
    }
    if !view.files.is_empty() {
        out.push_str("\n#### Changes\n\n");
    }
    for file in &view.files {
        let sign = match file.change {
            Change::Added => "➕",
            Change::Removed => "➖",
            Change::Modified => "✏️",
        };
        let name = file
            .name
            .as_deref()
            .map(|n| format!(" — {}", m(n)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {sign} {}{name} ({})",
            markdown_code(&file.path),
            file.change.as_str()
        );
        for f in &file.fields {
            let _ = writeln!(
                out,
                "  - {}: {} → {}",
                markdown_code(&f.key),
                f.old.as_deref().map_or("*(none)*".to_owned(), m),
                f.new.as_deref().map_or("*(none)*".to_owned(), m)
            );
        }
        for e in &file.entries {
            let details: Vec<String> = e
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{} {} → {}",
                        markdown_code(&f.key),
                        f.old.as_deref().map_or("*(none)*".to_owned(), m),
                        f.new.as_deref().map_or("*(none)*".to_owned(), m)
                    )
                })
                .collect();
            let details = if details.is_empty() {
                String::new()
            } else {
                format!(": {}", details.join("; "))
            };
            let _ = writeln!(
                out,
                "  - {} {}: {}{details}",
                e.change.as_str(),
                m(&e.kind),
                m(&e.description)
            );
        }
    }
    out
}
