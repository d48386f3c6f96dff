//! The views as text for a terminal: a heading line and a comfy-table per list.
//!
//! Every string that comes from the registry goes through [`sanitize::terminal`]; dates are
//! ISO 8601, with Swedish weekday abbreviations where the day of the week matters.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::deadline_words;
use super::sanitize::terminal;
use crate::i18n::{self, Lang};
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::notice::Notice;
use crate::views::roster::{BodyRoster, Roster, Seat, SeatKind, Vacancy};
use crate::views::rotation::Rotation;
use crate::views::schedule::{EventKind, Schedule};

/// `fre 2026-03-20`.
pub fn day(d: NaiveDate) -> String {
    let name = match d.weekday() {
        Weekday::Mon => "mån",
        Weekday::Tue => "tis",
        Weekday::Wed => "ons",
        Weekday::Thu => "tor",
        Weekday::Fri => "fre",
        Weekday::Sat => "lör",
        Weekday::Sun => "sön",
    };
    format!("{name} {}", d.format("%Y-%m-%d"))
}

/// `09:30`, or empty for a day without a time.
pub fn time(start: Option<NaiveDateTime>) -> String {
    start.map_or_else(String::new, |t| t.format("%H:%M").to_string())
}

/// `-147 (overdue)`, `0 (today)`, `41`.
pub fn days_left(n: i64) -> String {
    match n {
        n if n < 0 => format!("{n} (overdue)"),
        0 => "0 (today)".to_owned(),
        n => n.to_string(),
    }
}

/// `ex officio, chair of Beredning barn och unga`, `substitute`, …
pub fn role(role: SeatKind, of_role: Option<&str>, of_name: Option<&str>) -> String {
    let role_name = match role {
        SeatKind::Ordinary => "ordinary",
        SeatKind::Substitute => "substitute",
        SeatKind::ExOfficio => "ex officio",
        SeatKind::Adjunct => "adjunct",
    };
    match (of_role, of_name) {
        (Some(r), Some(n)) => format!("{role_name}, {} of {n}", r.replace('-', " ")),
        _ => role_name.to_owned(),
    }
}

/// `chair`, `vice chair` or nothing.
pub fn marks(seat: &Seat) -> &'static str {
    match (seat.chair, seat.vice_chair) {
        (true, _) => "chair",
        (false, true) => "vice chair",
        _ => "",
    }
}

/// What a seat's notes column says: the function and whom a substitute stands in for.
pub fn seat_notes(seat: &Seat) -> String {
    let mut notes = Vec::new();
    if let Some(f) = &seat.function {
        notes.push(f.clone());
    }
    if let Some(s) = &seat.substitute_for {
        notes.push(format!("for {s}"));
    }
    notes.join("; ")
}

/// A vacancy's place: the party's seat, or a derived place nobody holds.
pub fn vacancy_role(v: &Vacancy) -> String {
    role(v.role, v.of_role, v.of_name.as_deref().or(v.of.as_deref()))
}

/// The sentence under a body's heading about its chair rule.
pub fn chair_rule_line(rule: Option<&str>) -> Option<&'static str> {
    match rule? {
        "alternate-sides" => {
            Some("Chair rule: alternate-sides (the chair's side switches every calendar year)")
        }
        "elected" => Some("Chair rule: elected (a chair and vice chair are recorded per year)"),
        "host" => Some(
            "Chair rule: host (each meeting is chaired by the partner owner of the party that hosts it)",
        ),
        _ => None,
    }
}

fn table(header: &[&str]) -> Table {
    let mut t = plain_table();
    t.set_header(header.to_vec());
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

pub fn roster(view: &Roster) -> String {
    let mut out = format!("Roster on {}\n", day(view.on));
    if view.bodies.is_empty() {
        out.push_str("\nNo body is active on that day.\n");
    }
    for b in &view.bodies {
        body_roster(&mut out, b);
    }
    out
}

fn body_roster(out: &mut String, b: &BodyRoster) {
    let _ = writeln!(out, "\n{} ({})", t(&b.name), t(&b.id));
    if !b.active {
        out.push_str("Not active on this day.\n");
    }
    if let Some(line) = chair_rule_line(b.chair_rule) {
        let _ = writeln!(out, "{line}");
    }
    if b.members.is_empty() && b.vacancies.is_empty() {
        out.push_str("Nobody holds a seat.\n");
        return;
    }
    let mut tb = table(&["Party", "Name", "Role", "From", "To", "Chair", "Notes"]);
    for s in &b.members {
        tb.add_row(vec![
            opt(s.party_name.as_deref()),
            t(&s.name),
            t(&role(
                s.role,
                s.of_role,
                s.of_name.as_deref().or(s.of.as_deref()),
            )),
            s.from.to_string(),
            s.to.map(|d| d.to_string()).unwrap_or_default(),
            marks(s).to_owned(),
            t(&seat_notes(s)),
        ]);
    }
    for v in &b.vacancies {
        tb.add_row(vec![
            opt(v.party_name.as_deref()),
            "(vacant)".to_owned(),
            t(&vacancy_role(v)),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    let _ = writeln!(out, "{tb}");
}

pub fn schedule(view: &Schedule) -> String {
    let mut out = format!("Schedule {} to {}", day(view.from), day(view.to));
    if let Some(b) = &view.body {
        let _ = write!(out, ", {}", t(b));
    }
    out.push('\n');
    if view.events.is_empty() {
        out.push_str("\nNothing is scheduled in this period.\n");
        return out;
    }
    let mut tb = table(&["Date", "Time", "Event", "Host", "Chair", "Place"]);
    for e in &view.events {
        let mut what = t(&e.subject);
        if let Some(adjusted) = e.adjusted.filter(|a| *a != e.date && e.done.is_none()) {
            let _ = write!(what, " (last day adjusted to {})", day(adjusted));
        }
        let chair = match e.kind {
            EventKind::Meeting | EventKind::ChairTerm => opt(e.chair.as_deref()),
            _ => String::new(),
        };
        tb.add_row(vec![
            day(e.date),
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
    let mut tb = table(&[
        &tr!(lang, "deadlines-col-date"),
        &tr!(lang, "deadlines-col-act-by"),
        &tr!(lang, "deadlines-col-days-left"),
        &tr!(lang, "deadlines-col-kind"),
        &tr!(lang, "deadlines-col-subject"),
    ]);
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

/// A rotation year's status: recorded (with an extension), planned, or neither.
pub fn rotation_status(recorded: bool, extension: Option<&str>, planned: bool) -> String {
    match (recorded, extension) {
        (true, Some(e)) => format!("recorded, extended ({e})"),
        (true, None) => "recorded".to_owned(),
        (false, _) if planned => "planned".to_owned(),
        (false, _) => "not recorded".to_owned(),
    }
}

pub fn rotation(view: &Rotation) -> String {
    let mut out = format!("{} ({})\n", t(&view.name), t(&view.body));
    if let Some(of) = &view.chairs_of {
        let _ = writeln!(out, "Made of the chair and vice chair of {}.", t(of));
    }
    match chair_rule_line(view.rule) {
        Some(line) => {
            let _ = writeln!(out, "{line}");
        }
        None => out.push_str("No chair rule: nothing rotates.\n"),
    }
    if view.years.is_empty() {
        if view.rule.is_some() {
            out.push_str("\nNo year of the period is an active year of the body.\n");
        }
        return out;
    }
    let names = |id: Option<&str>, name: Option<&str>| name.or(id).map(str::to_owned);
    if view.rule == Some("host") {
        out.push_str("Years without a recorded meeting are left out.\n");
        let mut tb = table(&["Year", "Date", "Host", "Chair (partner owner)", "Side"]);
        for y in &view.years {
            for m in &y.meetings {
                tb.add_row(vec![
                    y.year.to_string(),
                    format!("{} {}", day(m.date), time(m.start))
                        .trim_end()
                        .to_owned(),
                    opt(names(m.host.as_deref(), m.host_name.as_deref()).as_deref()),
                    opt(m.chair.as_deref()),
                    m.chair_side.unwrap_or_default().to_owned(),
                ]);
            }
        }
        let _ = writeln!(out, "\n{tb}");
        return out;
    }
    let mut tb = table(&[
        "Year",
        "Chair side",
        "Chair",
        "Vice chair side",
        "Vice chair",
        "Status",
    ]);
    for y in &view.years {
        tb.add_row(vec![
            y.year.to_string(),
            y.chair_side.unwrap_or_default().to_owned(),
            person(y.chair.as_deref(), y.chair_party_name.as_deref()),
            y.vice_chair_side.unwrap_or_default().to_owned(),
            person(y.vice_chair.as_deref(), y.vice_chair_party_name.as_deref()),
            t(&rotation_status(
                y.recorded,
                y.extension.as_deref(),
                y.chair_side.is_some(),
            )),
        ]);
    }
    let _ = writeln!(out, "\n{tb}");
    out
}
