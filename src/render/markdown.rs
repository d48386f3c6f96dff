//! The views as Markdown (GitHub-flavoured tables) for pull requests, wikis and reports.
//!
//! Every string from the registry goes through [`sanitize::markdown`], so it cannot open a
//! link, HTML or a new table cell.

use std::fmt::Write;

use super::deadline_words;
use super::sanitize::{markdown, markdown_code};
use super::table::time;
use super::words;
use crate::i18n::{self, Lang};
use crate::model::date::DayOrMonth;
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::diff::{Change, Diff, DiffFinding, Shown};
use crate::views::report::{AgreementYear, CostSplit, Report};
use crate::views::roster::{Roster, Seat};
use crate::views::rotation::Rotation;
use crate::views::schedule::{EventKind, Schedule};

fn m(s: &str) -> String {
    markdown(s)
}

fn om(s: Option<&str>) -> String {
    s.map(markdown).unwrap_or_default()
}

/// A table: header row, separator, rows.
fn table<S: AsRef<str>>(out: &mut String, header: &[S], rows: &[Vec<String>]) {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

pub fn roster(view: &Roster, lang: Lang) -> String {
    let mut out = format!(
        "# {}\n",
        tr!(lang, "roster-heading", day = i18n::day(lang, view.on))
    );
    if view.bodies.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "roster-no-body-active"));
    }
    for b in &view.bodies {
        let _ = writeln!(out, "\n## {} ({})\n", m(&b.name), m(&b.id));
        if !b.active {
            let _ = writeln!(out, "{}\n", tr!(lang, "roster-not-active"));
        }
        if let Some(line) = words::chair_rule_line(lang, b.chair_rule) {
            let _ = writeln!(out, "{line}\n");
        }
        let row =
            |s: &Seat| -> Vec<String> { words::seat_cells(lang, s).iter().map(|c| m(c)).collect() };
        let (seats, without): (Vec<&Seat>, Vec<&Seat>) =
            b.members.iter().partition(|s| s.role.holds_seat());
        let mut rows: Vec<Vec<String>> = seats.into_iter().map(row).collect();
        rows.extend(b.vacancies.iter().map(|v| {
            vec![
                om(v.party_name.as_deref()),
                format!("*{}*", tr!(lang, "seat-vacant")),
                m(&words::vacancy_role(lang, v)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        }));
        if rows.is_empty() {
            let _ = writeln!(out, "{}", tr!(lang, "roster-nobody"));
        } else {
            table(&mut out, &words::roster_columns(lang), &rows);
        }
        if !without.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "roster-without-seat"));
            let rows: Vec<Vec<String>> = without.into_iter().map(row).collect();
            table(&mut out, &words::roster_columns(lang), &rows);
        }
    }
    out
}

/// The attendance recorded at an agreement's bodies, one row per meeting (format 2).
fn report_attendance(out: &mut String, a: &AgreementYear, lang: Lang) {
    let names = |list: &[String]| list.iter().map(|n| m(n)).collect::<Vec<_>>().join(", ");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut totals: Vec<String> = Vec::new();
    for b in &a.bodies {
        let Some(at) = &b.attendance else { continue };
        totals.push(tr!(
            lang,
            "report-attendance-body",
            body = m(&b.name),
            meetings = at.meetings,
            absences = at.absences,
            substitutes = at.substitutes,
            unrepresented = at.unrepresented
        ));
        for r in &at.records {
            rows.push(vec![
                m(&b.name),
                r.date.to_string(),
                names(&r.absent),
                names(&r.substitutes),
                names(&r.unrepresented),
                om(r.minutes.as_deref()),
            ]);
        }
    }
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-attendance"));
    for line in totals {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
    table(
        out,
        &[
            tr!(lang, "col-body"),
            tr!(lang, "col-date"),
            tr!(lang, "col-absent"),
            tr!(lang, "col-substitutes-present"),
            tr!(lang, "col-unrepresented"),
            tr!(lang, "col-minutes"),
        ],
        &rows,
    );
}

pub fn schedule(view: &Schedule, lang: Lang) -> String {
    let mut out = format!(
        "# {}",
        tr!(
            lang,
            "schedule-heading",
            from = i18n::day(lang, view.from),
            to = i18n::day(lang, view.to)
        )
    );
    if let Some(b) = &view.body {
        let _ = write!(out, ", {}", m(b));
    }
    out.push_str("\n\n");
    if view.events.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "schedule-empty"));
        return out;
    }
    let rows: Vec<Vec<String>> = view
        .events
        .iter()
        .map(|e| {
            let mut what = m(&words::event(lang, &e.what));
            if let Some(adjusted) = e.adjusted.filter(|a| *a != e.date && e.done.is_none()) {
                what.push_str(&words::adjusted_note(lang, adjusted));
            }
            let chair = match e.kind {
                EventKind::Meeting | EventKind::ChairTerm => om(e.chair.as_deref()),
                _ => String::new(),
            };
            vec![
                e.month()
                    .map_or_else(|| i18n::day(lang, e.date), |m| i18n::day_or_month(lang, m)),
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
        &[
            tr!(lang, "col-date"),
            tr!(lang, "col-time"),
            tr!(lang, "col-event"),
            tr!(lang, "col-host"),
            tr!(lang, "col-chair"),
            tr!(lang, "col-place"),
        ],
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
    table(&mut out, &deadline_words::columns(lang), &rows);
    let _ = writeln!(out, "\n{}", tr!(lang, "deadlines-footer"));
    out
}

pub fn rotation(view: &Rotation, lang: Lang) -> String {
    let mut out = format!("# {} ({})\n\n", m(&view.name), m(&view.body));
    if let Some(of) = &view.chairs_of {
        let _ = writeln!(out, "{}\n", tr!(lang, "rotation-chairs-of", body = m(of)));
    }
    match words::rotation_rule_line(lang, view.rule, view.term) {
        Some(line) => {
            let _ = writeln!(out, "{line}\n");
        }
        None => {
            let _ = writeln!(out, "{}\n", tr!(lang, "rotation-no-rule"));
        }
    }
    if let Some(line) = words::term_line(lang, view.term).filter(|_| view.rule.is_some()) {
        let _ = writeln!(out, "{line}\n");
    }
    if view.years.is_empty() {
        if view.rule.is_some() {
            let _ = writeln!(out, "{}", tr!(lang, "rotation-no-years"));
        }
        return out;
    }
    let person = |name: Option<&str>, party: Option<&str>| match (name, party) {
        (Some(n), Some(p)) => format!("{} ({})", m(n), m(p)),
        (Some(n), None) => m(n),
        _ => String::new(),
    };
    if view.rule == Some("host") {
        let _ = writeln!(out, "{}\n", tr!(lang, "rotation-host-note"));
        let mut rows = Vec::new();
        for y in &view.years {
            for mt in &y.meetings {
                rows.push(vec![
                    y.year.to_string(),
                    format!("{} {}", i18n::day(lang, mt.date), time(mt.start))
                        .trim_end()
                        .to_owned(),
                    om(mt.host_name.as_deref().or(mt.host.as_deref())),
                    om(mt.chair.as_deref()),
                    words::opt_side(lang, mt.chair_side),
                ]);
            }
        }
        table(
            &mut out,
            &[
                tr!(lang, "col-year"),
                tr!(lang, "col-date"),
                tr!(lang, "col-host"),
                tr!(lang, "col-chair-partner-owner"),
                tr!(lang, "col-side"),
            ],
            &rows,
        );
        return out;
    }
    let rows: Vec<Vec<String>> = view
        .years
        .iter()
        .map(|y| {
            vec![
                words::term_label(y),
                words::opt_side(lang, y.chair_side),
                person(y.chair.as_deref(), y.chair_party_name.as_deref()),
                words::opt_side(lang, y.vice_chair_side),
                person(y.vice_chair.as_deref(), y.vice_chair_party_name.as_deref()),
                m(&words::rotation_status(
                    lang,
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
            words::term_column(lang, view.term, false),
            tr!(lang, "col-chair-side"),
            tr!(lang, "col-chair"),
            tr!(lang, "col-vice-chair-side"),
            tr!(lang, "col-vice-chair"),
            tr!(lang, "col-status"),
        ],
        &rows,
    );
    out
}

/// The yearly report: one section per agreement in force that year.
pub fn report(view: &Report, lang: Lang) -> String {
    let mut out = format!("# {}", tr!(lang, "report-heading", year = view.year));
    if let Some(name) = &view.registry {
        let _ = write!(out, " — {}", m(name));
    }
    let _ = writeln!(
        out,
        "\n\n{}",
        tr!(lang, "report-as-of", date = view.as_of.to_string())
    );
    if view.agreements.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "report-no-agreement"));
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
            .map(|e| {
                format!(
                    ", {}",
                    tr!(lang, "report-in-force-until", date = e.to_string())
                )
            })
            .unwrap_or_default();
        let annex = a
            .part_of
            .as_deref()
            .map(|main| {
                format!(
                    ", {}",
                    tr!(lang, "report-annex-of", main = markdown_code(main))
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{reference}{annex}: {}{ends}.",
            markdown_code(&a.id),
            tr!(lang, "report-parties", count = a.parties)
        );
        if !a.bodies.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-bodies"));
            let rows: Vec<Vec<String>> = a
                .bodies
                .iter()
                .map(|b| {
                    let meetings = match b.per_year_min {
                        Some(min) => tr!(
                            lang,
                            "report-meetings-min",
                            count = b.meetings.len(),
                            min = min
                        ),
                        None => b.meetings.len().to_string(),
                    };
                    let mut chair = person(&b.chair);
                    if b.extended {
                        let _ = write!(chair, " ({})", tr!(lang, "report-extended"));
                    }
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
                    tr!(lang, "col-body"),
                    tr!(lang, "col-meetings"),
                    tr!(lang, "col-chair"),
                    tr!(lang, "col-vice-chair"),
                    tr!(lang, "col-seats-year-end"),
                ],
                &rows,
            );
            report_attendance(&mut out, a, lang);
        }
        if !a.notices.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-notices"));
            for n in &a.notices {
                let ends = match (n.counted_from, n.ends) {
                    (_, Some(e)) => tr!(lang, "report-notice-out", date = e.to_string()),
                    (Some(_), None) => tr!(lang, "report-notice-out", date = view.year),
                    (None, None) => tr!(lang, "report-notice-pending"),
                };
                let _ = writeln!(
                    out,
                    "- {}",
                    tr!(
                        lang,
                        "report-notice",
                        party = m(&n.party),
                        date = n.received.to_string(),
                        ends = ends
                    )
                );
            }
        }
        if !a.obligations.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-duties"));
            for o in &a.obligations {
                let dates = |done: &[DayOrMonth]| -> String {
                    let dates: Vec<String> = done
                        .iter()
                        .map(|d| crate::i18n::day_or_month(lang, *d))
                        .collect();
                    dates.join(", ")
                };
                let done = if !o.parties.is_empty() {
                    // A duty of each party: who did it, and who is still to.
                    // Done: completions of the year; not done: a due day of the year not met.
                    let done: Vec<_> = o.parties.iter().filter(|p| !p.done.is_empty()).collect();
                    let not_done: Vec<_> =
                        o.parties.iter().filter(|p| p.next_due.is_some()).collect();
                    let mut parts = Vec::new();
                    // Parties done on the same days are one group: "done April 2020
                    // (each party)" rather than sixteen times the same month.
                    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
                    for p in &done {
                        let when = dates(&p.done);
                        match groups.iter_mut().find(|(w, _)| *w == when) {
                            Some((_, parties)) => parties.push(m(&p.party)),
                            None => groups.push((when, vec![m(&p.party)])),
                        }
                    }
                    for (when, parties) in groups {
                        let who = if parties.len() == o.parties.len() && parties.len() > 1 {
                            tr!(lang, "report-owner-each-party")
                        } else {
                            parties.join(", ")
                        };
                        parts.push(format!(
                            "{} ({who})",
                            tr!(lang, "report-duty-done", dates = when)
                        ));
                    }
                    if !not_done.is_empty() {
                        let names: Vec<String> = not_done.iter().map(|p| m(&p.party)).collect();
                        parts.push(tr!(
                            lang,
                            "report-duty-parties-not-done",
                            parties = names.join(", ")
                        ));
                    }
                    parts.join("; ")
                } else if o.done.is_empty() {
                    tr!(lang, "report-duty-not-done")
                } else {
                    tr!(lang, "report-duty-done", dates = dates(&o.done))
                };
                let next = o
                    .next_due
                    .map(|d| format!("; {}", tr!(lang, "report-next-due", date = d.to_string())))
                    .unwrap_or_default();
                let owner = match o.owner.as_str() {
                    "each-party" => tr!(lang, "report-owner-each-party"),
                    "parties" => tr!(lang, "report-owner-parties"),
                    owner => m(owner),
                };
                let _ = writeln!(out, "- {} ({owner}): {done}{next}", m(&o.title));
            }
        }
        if !a.costs.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-costs"));
            for c in &a.costs {
                let split = match &c.split {
                    CostSplit::Shares(shares) => shares
                        .iter()
                        .map(|(name, percent)| {
                            let name = match name.as_str() {
                                "region" | "municipality" => words::side(lang, name),
                                party => m(party),
                            };
                            tr!(lang, "report-cost-share", name = name, percent = *percent)
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    CostSplit::Basis(_) => tr!(lang, "report-cost-population"),
                };
                let amount = c
                    .amount_sek
                    .map(|sek| {
                        format!(
                            "; {}",
                            tr!(lang, "report-cost-amount", sek = sek, per = c.per)
                        )
                    })
                    .unwrap_or_default();
                let _ = writeln!(out, "- {}: {split}{amount}", m(&c.title));
            }
        }
        if !a.cases.is_empty() {
            let _ = writeln!(out, "\n### {}\n", tr!(lang, "report-cases"));
            for c in &a.cases {
                let _ = writeln!(
                    out,
                    "- **{}** ({})",
                    m(&c.title),
                    tr!(
                        lang,
                        "report-case-raised",
                        date = crate::i18n::day_or_month(lang, c.raised)
                    )
                );
                for e in &c.events {
                    let _ = writeln!(
                        out,
                        "  - {}",
                        tr!(
                            lang,
                            "report-case-event",
                            date = crate::i18n::day_or_month(lang, e.date),
                            action = words::case_action(lang, e.action),
                            body = m(e.place())
                        )
                    );
                }
                for (word, parties) in [
                    (tr!(lang, "outcome-adopted"), &c.adopted),
                    (tr!(lang, "outcome-rejected"), &c.rejected),
                    (tr!(lang, "outcome-undecided"), &c.undecided),
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
        "\n## {}\n\n{}, {}.",
        tr!(lang, "report-check"),
        tr!(lang, "count-errors", count = f.errors),
        tr!(lang, "count-warnings", count = f.warnings)
    );
    for (code, n) in &f.by_code {
        let _ = writeln!(out, "- `{code}`: {n}");
    }
    out
}

fn finding_line(f: &DiffFinding, lang: Lang) -> String {
    let place = match (&f.file, f.line) {
        (Some(file), Some(line)) => format!("{} ", markdown_code(&format!("{file}:{line}"))),
        (Some(file), None) => format!("{} ", markdown_code(file)),
        _ => String::new(),
    };
    format!(
        "- {place}{}[`{}`]: {}",
        words::severity(lang, f.severity),
        f.code,
        m(&f.words.render(lang))
    )
}

/// What a change does to the registry, for a pull-request comment.
pub fn diff(view: &Diff, lang: Lang) -> String {
    let errors = |list: &[DiffFinding]| list.iter().filter(|f| f.severity == "error").count();
    let to = if view.to_working_tree {
        tr!(lang, "diff-working-tree")
    } else {
        m(&view.to)
    };
    let mut out = format!(
        "### samverkan: {} → {to}\n\n{}\n",
        m(&view.from),
        tr!(
            lang,
            "diff-summary",
            files = view.files.len(),
            errors = errors(&view.introduced),
            warnings = view.introduced.len() - errors(&view.introduced),
            resolved = view.resolved.len()
        )
    );
    if !view.introduced.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "diff-introduced"));
        for f in &view.introduced {
            let _ = writeln!(out, "{}", finding_line(f, lang));
        }
    }
    if !view.resolved.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "diff-resolved"));
        for f in &view.resolved {
            let _ = writeln!(out, "{}", finding_line(f, lang));
        }
    }
    if !view.files.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", tr!(lang, "diff-changes"));
    }
    let none = format!("*{}*", tr!(lang, "diff-none"));
    // A month date (format 2) as the month and year in the output language.
    let words = |s: &Shown| s.worded(|month| crate::i18n::day_or_month(lang, month));
    let value = |v: Option<&Shown>| v.map_or_else(|| none.clone(), |v| m(&words(v)));
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
            words::change(lang, file.change)
        );
        for f in &file.fields {
            let _ = writeln!(
                out,
                "  - {}: {} → {}",
                markdown_code(&f.key),
                value(f.old.as_ref()),
                value(f.new.as_ref())
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
                        value(f.old.as_ref()),
                        value(f.new.as_ref())
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
                words::change(lang, e.change),
                m(&e.kind),
                m(&words(&e.description))
            );
        }
    }
    out
}
