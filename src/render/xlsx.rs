//! The views as spreadsheets (Office Open XML, `.xlsx`) for people who work in Excel or
//! LibreOffice: one sheet per table, a bold frozen header row in the output language, dates
//! as date cells, columns as wide as their content (within reason).
//!
//! Cells are written as values, never formulas, so registry text cannot run in a
//! spreadsheet; control characters are made visible as in the terminal.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::deadline_words;
use super::sanitize::terminal;
use super::table::time;
use super::words;
use crate::error::Error;
use crate::i18n::Lang;
use crate::model::date::DayOrMonth;
use crate::tr;
use crate::views::deadlines::Deadlines;
use crate::views::report::Report;
use crate::views::roster::Roster;
use crate::views::rotation::Rotation;
use crate::views::schedule::Schedule;

/// The widest a column grows to fit its content: about 60 characters.
const MAX_WIDTH_PIXELS: u32 = 420;

enum Cell {
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Empty,
}

/// Text from the registry or the catalogue, with control characters made visible.
fn text(s: &str) -> Cell {
    Cell::Text(terminal(s).into_owned())
}

/// A day as a date cell; a month as its words ("maj 2018"), never an invented day.
fn day_or_month(lang: Lang, when: DayOrMonth) -> Cell {
    match when {
        DayOrMonth::Day(d) => Cell::Date(d),
        DayOrMonth::Month(_) => Cell::Text(crate::i18n::day_or_month(lang, when)),
    }
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn opt_date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

fn number<N: Into<f64>>(n: N) -> Cell {
    Cell::Number(n.into())
}

/// A count as a number cell; counts this large do not occur, so the cast loses nothing.
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> Cell {
    Cell::Number(n as f64)
}

struct Sheet {
    name: String,
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Sheet {
    fn new(name: String, header: Vec<String>) -> Sheet {
        Sheet {
            name,
            header,
            rows: Vec::new(),
        }
    }
}

/// The workbook of the sheets, as bytes.
fn book(sheets: Vec<Sheet>) -> Result<Vec<u8>, Error> {
    write_book(sheets).map_err(|e| Error::Io(std::io::Error::other(format!("xlsx: {e}"))))
}

fn write_book(sheets: Vec<Sheet>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (col, title) in (0u16..).zip(&sheet.header) {
            ws.write_string_with_format(0, col, title, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&sheet.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(s) if s.is_empty() => {}
                    Cell::Text(s) => {
                        ws.write_string(row, col, s)?;
                    }
                    Cell::Date(d) => match excel_date(*d) {
                        Some(x) => {
                            ws.write_datetime_with_format(row, col, x, &date)?;
                        }
                        // Outside the years a spreadsheet can date (1900–9999): as text.
                        None => {
                            ws.write_string(row, col, d.to_string())?;
                        }
                    },
                    Cell::Number(n) => {
                        ws.write_number(row, col, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_autofit_max_width(MAX_WIDTH_PIXELS);
        ws.autofit();
    }
    workbook.save_to_buffer()
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

pub fn roster(view: &Roster, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut sheet = Sheet::new(
        tr!(lang, "xlsx-sheet-roster"),
        [vec![tr!(lang, "col-body")], words::roster_columns(lang)].concat(),
    );
    for b in &view.bodies {
        for s in &b.members {
            sheet.rows.push(vec![
                text(&b.name),
                opt_text(s.party_name.as_deref()),
                text(&s.name),
                text(&words::role(
                    lang,
                    s.role,
                    s.of_role,
                    s.of_name.as_deref().or(s.of.as_deref()),
                )),
                Cell::Date(s.from),
                opt_date(s.to),
                text(&words::marks(lang, s)),
                text(&words::seat_notes(lang, s)),
            ]);
        }
        for v in &b.vacancies {
            sheet.rows.push(vec![
                text(&b.name),
                opt_text(v.party_name.as_deref()),
                text(&tr!(lang, "seat-vacant")),
                text(&words::vacancy_role(lang, v)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
        }
    }
    book(vec![sheet])
}

pub fn schedule(view: &Schedule, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut sheet = Sheet::new(
        tr!(lang, "xlsx-sheet-schedule"),
        vec![
            tr!(lang, "col-date"),
            tr!(lang, "col-time"),
            tr!(lang, "col-event"),
            tr!(lang, "col-kind"),
            tr!(lang, "col-body"),
            tr!(lang, "col-host"),
            tr!(lang, "col-chair"),
            tr!(lang, "col-place"),
            tr!(lang, "col-adjusted"),
        ],
    );
    for e in &view.events {
        sheet.rows.push(vec![
            e.month()
                .map_or(Cell::Date(e.date), |m| day_or_month(lang, m)),
            text(&time(e.start)),
            text(&words::event(lang, &e.what)),
            text(&words::event_kind(lang, e.kind)),
            opt_text(e.body_name.as_deref()),
            opt_text(e.host_name.as_deref()),
            opt_text(e.chair.as_deref()),
            opt_text(e.place.as_deref()),
            opt_date(e.adjusted.filter(|a| *a != e.date && e.done.is_none())),
        ]);
    }
    book(vec![sheet])
}

pub fn rotation(view: &Rotation, lang: Lang) -> Result<Vec<u8>, Error> {
    let name = tr!(lang, "xlsx-sheet-rotation");
    let person = |name: Option<&str>, party: Option<&str>| match (name, party) {
        (Some(n), Some(p)) => text(&format!("{n} ({p})")),
        (Some(n), None) => text(n),
        _ => Cell::Empty,
    };
    let sheet = if view.rule == Some("host") {
        let mut sheet = Sheet::new(
            name,
            vec![
                tr!(lang, "col-year"),
                tr!(lang, "col-date"),
                tr!(lang, "col-time"),
                tr!(lang, "col-host"),
                tr!(lang, "col-chair-partner-owner"),
                tr!(lang, "col-side"),
            ],
        );
        for y in &view.years {
            for m in &y.meetings {
                sheet.rows.push(vec![
                    number(y.year),
                    Cell::Date(m.date),
                    text(&time(m.start)),
                    opt_text(m.host_name.as_deref().or(m.host.as_deref())),
                    opt_text(m.chair.as_deref()),
                    text(&words::opt_side(lang, m.chair_side)),
                ]);
            }
        }
        sheet
    } else {
        let mut sheet = Sheet::new(
            name,
            vec![
                words::term_column(lang, view.term, false),
                tr!(lang, "col-chair-side"),
                tr!(lang, "col-chair"),
                tr!(lang, "col-vice-chair-side"),
                tr!(lang, "col-vice-chair"),
                tr!(lang, "col-status"),
            ],
        );
        for y in &view.years {
            sheet.rows.push(vec![
                // A calendar year stays a number; a longer term is text ("2023–2026").
                if y.term_start == y.term_end {
                    number(y.year)
                } else {
                    text(&words::term_label(y))
                },
                text(&words::opt_side(lang, y.chair_side)),
                person(y.chair.as_deref(), y.chair_party_name.as_deref()),
                text(&words::opt_side(lang, y.vice_chair_side)),
                person(y.vice_chair.as_deref(), y.vice_chair_party_name.as_deref()),
                text(&words::rotation_status(
                    lang,
                    y.recorded,
                    y.extension.as_deref(),
                    y.chair_side.is_some(),
                )),
            ]);
        }
        sheet
    };
    book(vec![sheet])
}

pub fn deadlines(view: &Deadlines, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut sheet = Sheet::new(
        tr!(lang, "xlsx-sheet-deadlines"),
        [
            deadline_words::columns(lang),
            vec![
                tr!(lang, "col-agreement"),
                tr!(lang, "col-parties"),
                tr!(lang, "col-body"),
            ],
        ]
        .concat(),
    );
    for d in &view.deadlines {
        sheet.rows.push(vec![
            Cell::Date(d.date),
            Cell::Date(d.adjusted),
            // Days between two calendar dates fit an f64 exactly.
            #[allow(clippy::cast_precision_loss)]
            Cell::Number(d.days_left as f64),
            text(&deadline_words::kind(lang, d.kind)),
            text(&deadline_words::subject(lang, &d.subject)),
            opt_text(d.agreement.as_deref()),
            text(&d.parties.join(", ")),
            opt_text(d.body.as_deref()),
        ]);
    }
    book(vec![sheet])
}

/// The yearly report, one sheet per section; every row names its agreement.
pub fn report(view: &Report, lang: Lang) -> Result<Vec<u8>, Error> {
    let agreement = || tr!(lang, "col-agreement");
    let mut agreements = Sheet::new(
        tr!(lang, "report-sheet-agreements"),
        vec![
            agreement(),
            tr!(lang, "col-name"),
            tr!(lang, "col-parties"),
            tr!(lang, "col-in-force-until"),
            // Format 2: last, so the columns scripts already read keep their places.
            tr!(lang, "col-annex-of"),
        ],
    );
    let mut bodies = Sheet::new(
        tr!(lang, "report-bodies"),
        vec![
            agreement(),
            tr!(lang, "col-body"),
            tr!(lang, "col-meetings"),
            tr!(lang, "col-meetings-min"),
            tr!(lang, "col-chair"),
            tr!(lang, "col-vice-chair"),
            tr!(lang, "col-ordinary-seats"),
            tr!(lang, "col-substitute-seats"),
        ],
    );
    let mut meetings = Sheet::new(
        tr!(lang, "report-sheet-meetings"),
        vec![agreement(), tr!(lang, "col-body"), tr!(lang, "col-date")],
    );
    // Format 2: one row per meeting that records attendance.
    let mut attendance = Sheet::new(
        tr!(lang, "report-attendance"),
        vec![
            agreement(),
            tr!(lang, "col-body"),
            tr!(lang, "col-date"),
            tr!(lang, "col-absent"),
            tr!(lang, "col-substitutes-present"),
            tr!(lang, "col-unrepresented"),
            tr!(lang, "col-minutes"),
        ],
    );
    let mut notices = Sheet::new(
        tr!(lang, "report-notices"),
        vec![
            agreement(),
            tr!(lang, "col-party"),
            tr!(lang, "col-received"),
            tr!(lang, "col-counted-from"),
            tr!(lang, "col-out-after"),
        ],
    );
    let mut duties = Sheet::new(
        tr!(lang, "report-duties"),
        vec![
            agreement(),
            tr!(lang, "col-duty"),
            tr!(lang, "col-owner"),
            tr!(lang, "col-done"),
            tr!(lang, "col-next-due"),
        ],
    );
    let mut cases = Sheet::new(
        tr!(lang, "report-cases"),
        vec![
            agreement(),
            tr!(lang, "col-case"),
            tr!(lang, "col-raised"),
            tr!(lang, "col-date"),
            tr!(lang, "col-action"),
            tr!(lang, "col-body"),
        ],
    );
    let mut decisions = Sheet::new(
        tr!(lang, "report-sheet-decisions"),
        vec![
            agreement(),
            tr!(lang, "col-case"),
            tr!(lang, "col-party"),
            tr!(lang, "col-outcome"),
        ],
    );
    let person = |p: &Option<crate::views::Person>| match p {
        Some(p) => match &p.party_name {
            Some(party) => text(&format!("{} ({party})", p.name)),
            None => text(&p.name),
        },
        None => Cell::Empty,
    };
    for a in &view.agreements {
        agreements.rows.push(vec![
            text(&a.id),
            text(&a.title),
            count(a.parties),
            opt_date(a.ends),
            opt_text(a.part_of.as_deref()),
        ]);
        for b in &a.bodies {
            let mut chair = person(&b.chair);
            if let (Cell::Text(c), true) = (&mut chair, b.extended) {
                c.push_str(&format!(" ({})", tr!(lang, "report-extended")));
            }
            bodies.rows.push(vec![
                text(&a.id),
                text(&b.name),
                count(b.meetings.len()),
                b.per_year_min.map_or(Cell::Empty, number),
                chair,
                person(&b.vice_chair),
                count(b.ordinary_seats),
                count(b.substitute_seats),
            ]);
            for d in &b.meetings {
                meetings
                    .rows
                    .push(vec![text(&a.id), text(&b.name), Cell::Date(*d)]);
            }
            for r in b.attendance.iter().flat_map(|at| &at.records) {
                attendance.rows.push(vec![
                    text(&a.id),
                    text(&b.name),
                    Cell::Date(r.date),
                    text(&r.absent.join(", ")),
                    text(&r.substitutes.join(", ")),
                    text(&r.unrepresented.join(", ")),
                    opt_text(r.minutes.as_deref()),
                ]);
            }
        }
        for n in &a.notices {
            notices.rows.push(vec![
                text(&a.id),
                text(&n.party),
                Cell::Date(n.received),
                opt_date(n.counted_from),
                opt_date(n.ends),
            ]);
        }
        for o in &a.obligations {
            // One row per day it was done this year (a duty of each party: per party).
            let mut lines: Vec<(&str, &[DayOrMonth], Option<NaiveDate>)> =
                vec![(o.owner.as_str(), &o.done, o.next_due)];
            if !o.parties.is_empty() {
                lines = o
                    .parties
                    .iter()
                    .map(|p| (p.party.as_str(), p.done.as_slice(), p.next_due))
                    .collect();
            }
            for (owner, done, next_due) in lines {
                let done: Vec<Cell> = if done.is_empty() {
                    vec![Cell::Empty]
                } else {
                    done.iter().map(|d| day_or_month(lang, *d)).collect()
                };
                for d in done {
                    duties.rows.push(vec![
                        text(&a.id),
                        text(&o.title),
                        text(owner),
                        d,
                        opt_date(next_due),
                    ]);
                }
            }
        }
        for c in &a.cases {
            if c.events.is_empty() {
                cases.rows.push(vec![
                    text(&a.id),
                    text(&c.title),
                    day_or_month(lang, c.raised),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
            for e in &c.events {
                cases.rows.push(vec![
                    text(&a.id),
                    text(&c.title),
                    day_or_month(lang, c.raised),
                    day_or_month(lang, e.date),
                    text(&words::case_action(lang, e.action)),
                    text(e.place()),
                ]);
            }
            for (outcome, parties) in [
                (tr!(lang, "outcome-adopted"), &c.adopted),
                (tr!(lang, "outcome-rejected"), &c.rejected),
                (tr!(lang, "outcome-undecided"), &c.undecided),
            ] {
                for p in parties {
                    decisions
                        .rows
                        .push(vec![text(&a.id), text(&c.title), text(p), text(&outcome)]);
                }
            }
        }
    }
    let mut check = Sheet::new(
        tr!(lang, "report-sheet-check"),
        vec![tr!(lang, "col-code"), tr!(lang, "col-count")],
    );
    check.rows.push(vec![
        text(&tr!(lang, "severity-error")),
        count(view.findings.errors),
    ]);
    check.rows.push(vec![
        text(&tr!(lang, "severity-warning")),
        count(view.findings.warnings),
    ]);
    for (code, n) in &view.findings.by_code {
        check.rows.push(vec![text(code), count(*n)]);
    }
    book(vec![
        agreements, bodies, meetings, attendance, notices, duties, cases, decisions, check,
    ])
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// A part of the xlsx package (a zip of XML files) as text.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut text = String::new();
        zip.by_name(name)
            .expect("the part exists")
            .read_to_string(&mut text)
            .expect("UTF-8 XML");
        text
    }

    fn sample() -> Vec<u8> {
        let mut sheet = Sheet::new("Blad".to_owned(), vec!["Datum".into(), "Namn".into()]);
        sheet.rows.push(vec![
            Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()),
            text(&"x".repeat(200)),
        ]);
        sheet.rows.push(vec![
            Cell::Date(NaiveDate::from_ymd_opt(12000, 1, 1).unwrap()),
            text("rad\u{1b}[31m"),
        ]);
        book(vec![sheet]).unwrap()
    }

    #[test]
    fn the_header_row_is_bold_and_frozen() {
        let bytes = sample();
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{sheet}"
        );
        // The header cells use the second cell format, whose font is bold.
        assert!(sheet.contains(r#"<c r="A1" s="1" t="s">"#), "{sheet}");
        let styles = part(&bytes, "xl/styles.xml");
        let fonts = &styles[styles.find("<fonts").unwrap()..styles.find("</fonts>").unwrap()];
        assert_eq!(fonts.matches("<font>").count(), 2);
        assert!(
            fonts.rsplit("<font>").next().unwrap().starts_with("<b/>"),
            "{fonts}"
        );
    }

    #[test]
    fn dates_have_a_date_format_and_columns_fit_within_reason() {
        let bytes = sample();
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains(r#"formatCode="yyyy-mm-dd""#), "{styles}");
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        // 2026-03-03 is day 46084 of the spreadsheet calendar.
        assert!(sheet.contains("<v>46084</v>"), "{sheet}");
        // A year no spreadsheet can date stays readable, as text.
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("+12000-01-01"), "{strings}");
        // Control characters are made visible, as on a terminal.
        assert!(!strings.contains('\u{1b}'), "{strings}");
        // The 200-character column stops at the cap (~60 characters).
        let widths: Vec<f64> = sheet
            .match_indices(" width=\"")
            .map(|(i, m)| {
                let rest = &sheet[i + m.len()..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 2, "{sheet}");
        assert!(widths[0] >= 10.0 && widths[1] <= 61.0, "{widths:?}");
    }
}
