//! The views as CSV, one row per seat, event, deadline or year, with a header row.
//!
//! Every text cell goes through [`sanitize::csv_cell`], so a spreadsheet does not evaluate
//! registry text; dates are ISO 8601; booleans `true`/`false`; absent values empty.

use super::deadline_words;
use super::sanitize::csv_cell;
use super::table::{rotation_status, seat_notes};
use crate::i18n::Lang;
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::roster::Roster;
use crate::views::rotation::Rotation;
use crate::views::schedule::Schedule;

struct Sheet {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn new(header: &[&str]) -> Sheet {
        let mut sheet = Sheet {
            writer: ::csv::Writer::from_writer(Vec::new()),
        };
        sheet.row(header.iter().map(|h| (*h).to_owned()).collect());
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

pub fn roster(view: &Roster) -> String {
    let mut sheet = Sheet::new(&[
        "on",
        "body",
        "body_name",
        "party",
        "party_name",
        "name",
        "role",
        "from",
        "to",
        "chair",
        "vice_chair",
        "vacant",
        "of",
        "of_role",
        "notes",
    ]);
    for b in &view.bodies {
        for s in &b.members {
            sheet.row(vec![
                view.on.to_string(),
                x(&b.id),
                x(&b.name),
                ox(s.party.as_ref()),
                ox(s.party_name.as_ref()),
                x(&s.name),
                s.role.as_str().to_owned(),
                s.from.to_string(),
                o(s.to),
                s.chair.to_string(),
                s.vice_chair.to_string(),
                "false".to_owned(),
                ox(s.of.as_ref()),
                o(s.of_role),
                x(&seat_notes(s)),
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
                v.role.as_str().to_owned(),
                String::new(),
                String::new(),
                "false".to_owned(),
                "false".to_owned(),
                "true".to_owned(),
                ox(v.of.as_ref()),
                o(v.of_role),
                String::new(),
            ]);
        }
    }
    sheet.finish()
}

pub fn schedule(view: &Schedule) -> String {
    let mut sheet = Sheet::new(&[
        "date",
        "start",
        "adjusted",
        "kind",
        "subject",
        "body",
        "body_name",
        "meeting_kind",
        "host",
        "host_name",
        "place",
        "chair",
        "chair_party",
        "chair_side",
        "agreement",
        "party",
        "id",
    ]);
    for e in &view.events {
        sheet.row(vec![
            e.date.to_string(),
            o(e.start.map(|s| s.format("%Y-%m-%dT%H:%M:%S"))),
            o(e.adjusted),
            e.kind.as_str().to_owned(),
            x(&e.subject),
            ox(e.body.as_ref()),
            ox(e.body_name.as_ref()),
            o(e.meeting_kind),
            ox(e.host.as_ref()),
            ox(e.host_name.as_ref()),
            ox(e.place.as_ref()),
            ox(e.chair.as_ref()),
            ox(e.chair_party.as_ref()),
            o(e.chair_side),
            ox(e.agreement.as_ref()),
            ox(e.party.as_ref()),
            x(&e.id),
        ]);
    }
    sheet.finish()
}

/// Headers in the output language; `kind` keeps its code, for scripts that filter on it.
pub fn deadlines(view: &Deadlines, lang: Lang) -> String {
    let mut sheet = Sheet::new(&[
        &tr!(lang, "deadlines-col-date"),
        &tr!(lang, "deadlines-col-act-by"),
        &tr!(lang, "deadlines-col-days-left"),
        &tr!(lang, "deadlines-col-kind"),
        &tr!(lang, "deadlines-col-subject"),
        &tr!(lang, "deadlines-csv-agreement"),
        &tr!(lang, "deadlines-csv-parties"),
        &tr!(lang, "deadlines-csv-body"),
        &tr!(lang, "deadlines-csv-case"),
        &tr!(lang, "deadlines-csv-id"),
    ]);
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
pub fn rotation(view: &Rotation) -> String {
    let mut sheet = Sheet::new(&[
        "body",
        "year",
        "date",
        "chair_side",
        "chair",
        "chair_party",
        "vice_chair_side",
        "vice_chair",
        "vice_chair_party",
        "host",
        "status",
    ]);
    for y in &view.years {
        if view.rule == Some("host") {
            for m in &y.meetings {
                sheet.row(vec![
                    x(&view.body),
                    y.year.to_string(),
                    m.date.to_string(),
                    o(m.chair_side),
                    ox(m.chair.as_ref()),
                    ox(m.host.as_ref()),
                    String::new(),
                    String::new(),
                    String::new(),
                    ox(m.host.as_ref()),
                    "host".to_owned(),
                ]);
            }
            continue;
        }
        sheet.row(vec![
            x(&view.body),
            y.year.to_string(),
            String::new(),
            o(y.chair_side),
            ox(y.chair.as_ref()),
            ox(y.chair_party.as_ref()),
            o(y.vice_chair_side),
            ox(y.vice_chair.as_ref()),
            ox(y.vice_chair_party.as_ref()),
            String::new(),
            x(&rotation_status(
                y.recorded,
                y.extension.as_deref(),
                y.chair_side.is_some(),
            )),
        ]);
    }
    sheet.finish()
}
