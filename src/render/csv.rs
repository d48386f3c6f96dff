//! The views as CSV, one row per seat, event, deadline or year, with a header row.
//!
//! Every text cell goes through [`sanitize::csv_cell`], so a spreadsheet does not evaluate
//! registry text; dates are ISO 8601; booleans `true`/`false`; absent values empty.

use super::deadline_words;
use super::sanitize::csv_cell;
use super::words;
use crate::i18n::Lang;
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::roster::{Roster, SeatKind};
use crate::views::rotation::Rotation;
use crate::views::schedule::Schedule;

struct Sheet {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn new<S: AsRef<str>>(header: &[S]) -> Sheet {
        let mut sheet = Sheet {
            writer: ::csv::Writer::from_writer(Vec::new()),
        };
        sheet.row(header.iter().map(|h| h.as_ref().to_owned()).collect());
        sheet
    }

    /// Cells as given: text from the registry must have gone through [`x`] or [`ox`].
    fn row(&mut self, cells: Vec<String>) {
        // Writing to memory cannot fail.
        self.writer.write_record(&cells).expect("CSV into memory");
    }

    fn finish(self) -> String {
        let bytes = self.writer.into_inner().expect("CSV into memory");
        String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
    }
}

/// A value this program wrote (a date, a number, a keyword), or empty.
fn o<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Text from the registry, defused.
fn x(s: &str) -> String {
    csv_cell(s).into_owned()
}

/// Optional text from the registry, defused, or empty.
fn ox(s: Option<&String>) -> String {
    s.map(|s| x(s)).unwrap_or_default()
}

/// A seat's role in a CSV cell: the JSON keyword in English, the word in Swedish.
fn role(lang: Lang, kind: SeatKind) -> String {
    match kind {
        SeatKind::Ordinary => tr!(lang, "csv-role-ordinary"),
        SeatKind::Substitute => tr!(lang, "csv-role-substitute"),
        SeatKind::ExOfficio => tr!(lang, "csv-role-ex-officio"),
        SeatKind::Adjunct => tr!(lang, "csv-role-adjunct"),
        SeatKind::Observer => tr!(lang, "csv-role-observer"),
        SeatKind::Secretary => tr!(lang, "csv-role-secretary"),
    }
}

/// The office a derived place follows, as [`role`] words it.
fn office(lang: Lang, office: &str) -> String {
    match office {
        "vice-chair" => tr!(lang, "csv-office-vice-chair"),
        _ => tr!(lang, "csv-office-chair"),
    }
}

pub fn roster(view: &Roster, lang: Lang) -> String {
    let mut sheet = Sheet::new(&[
        tr!(lang, "csv-on"),
        tr!(lang, "csv-body"),
        tr!(lang, "csv-body-name"),
        tr!(lang, "csv-party"),
        tr!(lang, "csv-party-name"),
        tr!(lang, "csv-name"),
        tr!(lang, "csv-role"),
        tr!(lang, "csv-from"),
        tr!(lang, "csv-to"),
        tr!(lang, "csv-chair"),
        tr!(lang, "csv-vice-chair"),
        tr!(lang, "csv-vacant"),
        tr!(lang, "csv-of"),
        tr!(lang, "csv-of-role"),
        tr!(lang, "csv-notes"),
    ]);
    let yes_no = |b: bool| words::boolean(lang, b);
    for b in &view.bodies {
        for s in &b.members {
            sheet.row(vec![
                view.on.to_string(),
                x(&b.id),
                x(&b.name),
                ox(s.party.as_ref()),
                ox(s.party_name.as_ref()),
                x(&s.name),
                role(lang, s.role),
                s.from.to_string(),
                o(s.to),
                yes_no(s.chair),
                yes_no(s.vice_chair),
                yes_no(false),
                ox(s.of.as_ref()),
                o(s.of_role.map(|r| office(lang, r))),
                x(&words::seat_notes(lang, s)),
            ]);
        }
        for v in &b.vacancies {
            sheet.row(vec![
                view.on.to_string(),
                x(&b.id),
                x(&b.name),
                ox(v.party.as_ref()),
                ox(v.party_name.as_ref()),
                String::new(),
                role(lang, v.role),
                String::new(),
                String::new(),
                yes_no(false),
                yes_no(false),
                yes_no(true),
                ox(v.of.as_ref()),
                o(v.of_role.map(|r| office(lang, r))),
                String::new(),
            ]);
        }
    }
    sheet.finish()
}

pub fn schedule(view: &Schedule, lang: Lang) -> String {
    let mut sheet = Sheet::new(&[
        tr!(lang, "csv-date"),
        tr!(lang, "csv-start"),
        tr!(lang, "csv-adjusted"),
        tr!(lang, "csv-kind"),
        tr!(lang, "csv-subject"),
        tr!(lang, "csv-body"),
        tr!(lang, "csv-body-name"),
        tr!(lang, "csv-meeting-kind"),
        tr!(lang, "csv-host"),
        tr!(lang, "csv-host-name"),
        tr!(lang, "csv-place"),
        tr!(lang, "csv-chair"),
        tr!(lang, "csv-chair-party"),
        tr!(lang, "csv-chair-side"),
        tr!(lang, "csv-agreement"),
        tr!(lang, "csv-party"),
        tr!(lang, "csv-id"),
    ]);
    for e in &view.events {
        sheet.row(vec![
            e.month()
                .map_or_else(|| e.date.to_string(), |m| m.to_string()),
            o(e.start.map(|s| s.format("%Y-%m-%dT%H:%M:%S"))),
            o(e.adjusted),
            words::event_kind(lang, e.kind),
            x(&words::event(lang, &e.what)),
            ox(e.body.as_ref()),
            ox(e.body_name.as_ref()),
            o(e.meeting_kind.map(|k| words::meeting_kind(lang, k))),
            ox(e.host.as_ref()),
            ox(e.host_name.as_ref()),
            ox(e.place.as_ref()),
            ox(e.chair.as_ref()),
            ox(e.chair_party.as_ref()),
            words::opt_side(lang, e.chair_side),
            ox(e.agreement.as_ref()),
            ox(e.party.as_ref()),
            x(&e.id),
        ]);
    }
    sheet.finish()
}

/// Headers in the output language; `kind` keeps its code, for scripts that filter on it.
pub fn deadlines(view: &Deadlines, lang: Lang) -> String {
    let mut header = deadline_words::columns(lang);
    header.extend([
        tr!(lang, "deadlines-csv-agreement"),
        tr!(lang, "deadlines-csv-parties"),
        tr!(lang, "deadlines-csv-body"),
        tr!(lang, "deadlines-csv-case"),
        tr!(lang, "deadlines-csv-id"),
    ]);
    let mut sheet = Sheet::new(&header);
    for d in &view.deadlines {
        sheet.row(vec![
            d.date.to_string(),
            d.adjusted.to_string(),
            d.days_left.to_string(),
            d.kind.as_str().to_owned(),
            x(&deadline_words::subject(lang, &d.subject)),
            ox(d.agreement.as_ref()),
            x(&d.parties.join(" ")),
            ox(d.body.as_ref()),
            ox(d.case.as_ref()),
            x(&d.id),
        ]);
    }
    sheet.finish()
}

/// One row per year; under the `host` rule one row per meeting (with `date` and `host`).
pub fn rotation(view: &Rotation, lang: Lang) -> String {
    let mut sheet = Sheet::new(&[
        tr!(lang, "csv-body"),
        words::term_column(lang, view.term, true),
        tr!(lang, "csv-date"),
        tr!(lang, "csv-chair-side"),
        tr!(lang, "csv-chair"),
        tr!(lang, "csv-chair-party"),
        tr!(lang, "csv-vice-chair-side"),
        tr!(lang, "csv-vice-chair"),
        tr!(lang, "csv-vice-chair-party"),
        tr!(lang, "csv-host"),
        tr!(lang, "csv-status"),
    ]);
    for y in &view.years {
        if view.rule == Some("host") {
            for m in &y.meetings {
                sheet.row(vec![
                    x(&view.body),
                    y.year.to_string(),
                    m.date.to_string(),
                    words::opt_side(lang, m.chair_side),
                    ox(m.chair.as_ref()),
                    ox(m.host.as_ref()),
                    String::new(),
                    String::new(),
                    String::new(),
                    ox(m.host.as_ref()),
                    tr!(lang, "rotation-host"),
                ]);
            }
            continue;
        }
        sheet.row(vec![
            x(&view.body),
            words::term_label(y),
            String::new(),
            words::opt_side(lang, y.chair_side),
            ox(y.chair.as_ref()),
            ox(y.chair_party.as_ref()),
            words::opt_side(lang, y.vice_chair_side),
            ox(y.vice_chair.as_ref()),
            ox(y.vice_chair_party.as_ref()),
            String::new(),
            x(&words::rotation_status(
                lang,
                y.recorded,
                y.extension.as_deref(),
                y.chair_side.is_some(),
            )),
        ]);
    }
    sheet.finish()
}
