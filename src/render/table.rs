//! The views as text for a terminal: a heading line and a comfy-table per list.
//!
//! Every string that comes from the registry goes through [`sanitize::terminal`]; dates are
//! ISO 8601, with weekday abbreviations in the output language where the day of the week
//! matters.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveDateTime};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::deadline_words;
use super::sanitize::terminal;
use super::words;
use crate::i18n::{self, Lang};
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::notice::Notice;
use crate::views::roster::{BodyRoster, Roster, Seat};
use crate::views::rotation::Rotation;
use crate::views::schedule::{EventKind, Schedule};

/// `09:30`, or empty for a day without a time.
pub fn time(start: Option<NaiveDateTime>) -> String {
    start.map_or_else(String::new, |t| t.format("%H:%M").to_string())
}

fn table<S: ToString>(header: &[S]) -> Table {
    let mut t = plain_table();
    t.set_header(header.iter().map(ToString::to_string).collect::<Vec<_>>());
    t
}

/// Width of a table that is not written to a terminal (a file, a pipe, a CI log): wide
/// enough for the columns, narrow enough to read without scrolling sideways.
const PIPED_WIDTH: u16 = 120;

pub(crate) fn plain_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !t.is_tty() {
        t.set_width(PIPED_WIDTH);
    }
    t
}

fn t(s: &str) -> String {
    terminal(s).into_owned()
}

fn opt(s: Option<&str>) -> String {
    s.map(t).unwrap_or_default()
}

pub fn roster(view: &Roster, lang: Lang) -> String {
    let mut out = format!(
        "{}\n",
        tr!(lang, "roster-heading", day = i18n::day(lang, view.on))
    );
    if view.bodies.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "roster-no-body-active"));
    }
    for b in &view.bodies {
        body_roster(&mut out, b, lang);
    }
    out
}

fn body_roster(out: &mut String, b: &BodyRoster, lang: Lang) {
    let _ = writeln!(out, "\n{} ({})", t(&b.name), t(&b.id));
    if !b.active {
        let _ = writeln!(out, "{}", tr!(lang, "roster-not-active"));
    }
    if let Some(line) = words::chair_rule_line(lang, b.chair_rule) {
        let _ = writeln!(out, "{line}");
    }
    let (seats, without): (Vec<&Seat>, Vec<&Seat>) =
        b.members.iter().partition(|s| s.role.holds_seat());
    let row =
        |s: &Seat| -> Vec<String> { words::seat_cells(lang, s).iter().map(|c| t(c)).collect() };
    if seats.is_empty() && b.vacancies.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "roster-nobody"));
    } else {
        seat_table(out, lang, &seats, b, &row);
    }
    if !without.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "roster-without-seat"));
        let mut tb = table(&words::roster_columns(lang));
        for s in without {
            tb.add_row(row(s));
        }
        let _ = writeln!(out, "{tb}");
    }
}

/// The seats and vacancies of a body.
fn seat_table(
    out: &mut String,
    lang: Lang,
    seats: &[&Seat],
    b: &BodyRoster,
    row: &dyn Fn(&Seat) -> Vec<String>,
) {
    let mut tb = table(&words::roster_columns(lang));
    for s in seats {
        tb.add_row(row(s));
    }
    for v in &b.vacancies {
        tb.add_row(vec![
            opt(v.party_name.as_deref()),
            tr!(lang, "seat-vacant"),
            t(&words::vacancy_role(lang, v)),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    let _ = writeln!(out, "{tb}");
}

pub fn schedule(view: &Schedule, lang: Lang) -> String {
    let mut out = tr!(
        lang,
        "schedule-heading",
        from = i18n::day(lang, view.from),
        to = i18n::day(lang, view.to)
    );
    if let Some(b) = &view.body {
        let _ = write!(out, ", {}", t(b));
    }
    out.push('\n');
    if view.events.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "schedule-empty"));
        return out;
    }
    let mut tb = table(&[
        tr!(lang, "col-date"),
        tr!(lang, "col-time"),
        tr!(lang, "col-event"),
        tr!(lang, "col-host"),
        tr!(lang, "col-chair"),
        tr!(lang, "col-place"),
    ]);
    for e in &view.events {
        let mut what = t(&words::event(lang, &e.what));
        if let Some(adjusted) = e.adjusted.filter(|a| *a != e.date && e.done.is_none()) {
            what.push_str(&words::adjusted_note(lang, adjusted));
        }
        let chair = match e.kind {
            EventKind::Meeting | EventKind::ChairTerm => opt(e.chair.as_deref()),
            _ => String::new(),
        };
        tb.add_row(vec![
            e.month()
                .map_or_else(|| i18n::day(lang, e.date), |m| i18n::day_or_month(lang, m)),
            time(e.start),
            what,
            opt(e.host_name.as_deref()),
            chair,
            opt(e.place.as_deref()),
        ]);
    }
    let _ = writeln!(out, "\n{tb}");
    out
}

pub fn deadlines(view: &Deadlines, lang: Lang) -> String {
    let mut out = tr!(
        lang,
        "deadlines-heading",
        today = i18n::day(lang, view.today)
    );
    if let Some(n) = view.within {
        out.push_str(&tr!(lang, "deadlines-within", days = n));
    }
    out.push('\n');
    if view.deadlines.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "deadlines-none"));
        return out;
    }
    let mut tb = table(&deadline_words::columns(lang));
    for d in &view.deadlines {
        tb.add_row(vec![
            i18n::day(lang, d.date),
            if d.adjusted == d.date {
                String::new()
            } else {
                i18n::day(lang, d.adjusted)
            },
            deadline_words::days_left(lang, d.days_left),
            deadline_words::kind(lang, d.kind),
            t(&deadline_words::subject(lang, &d.subject)),
        ]);
    }
    let _ = writeln!(out, "\n{tb}");
    let _ = writeln!(out, "{}", tr!(lang, "deadlines-footer"));
    out
}

pub fn notice(view: &Notice, lang: Lang, today: NaiveDate) -> String {
    let mut tb = plain_table();
    for (label, value) in deadline_words::notice_rows(lang, view, today) {
        tb.add_row(vec![label, t(&value)]);
    }
    format!("{tb}\n")
}

/// `Dina Dahl (Umeå kommun)`.
fn person(name: Option<&str>, party: Option<&str>) -> String {
    match (name, party) {
        (Some(n), Some(p)) => format!("{} ({})", t(n), t(p)),
        (Some(n), None) => t(n),
        _ => String::new(),
    }
}

pub fn rotation(view: &Rotation, lang: Lang) -> String {
    let mut out = format!("{} ({})\n", t(&view.name), t(&view.body));
    if let Some(of) = &view.chairs_of {
        let _ = writeln!(out, "{}", tr!(lang, "rotation-chairs-of", body = t(of)));
    }
    match words::rotation_rule_line(lang, view.rule, view.term) {
        Some(line) => {
            let _ = writeln!(out, "{line}");
        }
        None => {
            let _ = writeln!(out, "{}", tr!(lang, "rotation-no-rule"));
        }
    }
    if let Some(line) = words::term_line(lang, view.term).filter(|_| view.rule.is_some()) {
        let _ = writeln!(out, "{line}");
    }
    if view.years.is_empty() {
        if view.rule.is_some() {
            let _ = writeln!(out, "\n{}", tr!(lang, "rotation-no-years"));
        }
        return out;
    }
    let names = |id: Option<&str>, name: Option<&str>| name.or(id).map(str::to_owned);
    if view.rule == Some("host") {
        let _ = writeln!(out, "{}", tr!(lang, "rotation-host-note"));
        let mut tb = table(&[
            tr!(lang, "col-year"),
            tr!(lang, "col-date"),
            tr!(lang, "col-host"),
            tr!(lang, "col-chair-partner-owner"),
            tr!(lang, "col-side"),
        ]);
        for y in &view.years {
            for m in &y.meetings {
                tb.add_row(vec![
                    y.year.to_string(),
                    format!("{} {}", i18n::day(lang, m.date), time(m.start))
                        .trim_end()
                        .to_owned(),
                    opt(names(m.host.as_deref(), m.host_name.as_deref()).as_deref()),
                    opt(m.chair.as_deref()),
                    words::opt_side(lang, m.chair_side),
                ]);
            }
        }
        let _ = writeln!(out, "\n{tb}");
        return out;
    }
    let mut tb = table(&[
        words::term_column(lang, view.term, false),
        tr!(lang, "col-chair-side"),
        tr!(lang, "col-chair"),
        tr!(lang, "col-vice-chair-side"),
        tr!(lang, "col-vice-chair"),
        tr!(lang, "col-status"),
    ]);
    for y in &view.years {
        tb.add_row(vec![
            words::term_label(y),
            words::opt_side(lang, y.chair_side),
            person(y.chair.as_deref(), y.chair_party_name.as_deref()),
            words::opt_side(lang, y.vice_chair_side),
            person(y.vice_chair.as_deref(), y.vice_chair_party_name.as_deref()),
            t(&words::rotation_status(
                lang,
                y.recorded,
                y.extension.as_deref(),
                y.chair_side.is_some(),
            )),
        ]);
    }
    let _ = writeln!(out, "\n{tb}");
    out
}
