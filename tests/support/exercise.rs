//! Shared by the no-panic tests and the fuzzer: everything a registry goes through after
//! it is read, in process.

// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use chrono::NaiveDate;
use samverkan::finding::Finding;
use samverkan::load::load_texts;
use samverkan::model::Registry;

/// Loading, every rule, and every view and renderer on what loaded.
pub fn check_all(files: &[(&str, &str)], today: NaiveDate) {
    let (reg, findings) = load_texts(files.iter().copied());
    exercise(&reg, findings, today);
}

/// Every rule (on whatever loaded, even after a fatal finding), every view and renderer.
/// Returns the findings, levels applied.
pub fn exercise(reg: &Registry, mut findings: Vec<Finding>, today: NaiveDate) -> Vec<Finding> {
    use samverkan::i18n::Lang;
    use samverkan::render::{csv, ics, json, markdown, table, xlsx};
    use samverkan::views;

    findings.extend(samverkan::rules::check(reg, today));
    let findings = samverkan::rules::apply_levels(reg, findings);

    for lang in [Lang::Sv, Lang::En] {
        if let Ok(roster) = views::roster::build(reg, None, today) {
            let _ = (
                table::roster(&roster, lang),
                csv::roster(&roster, lang),
                markdown::roster(&roster, lang),
                xlsx::roster(&roster, lang),
            );
        }
    }
    let deadlines = views::deadlines::build(reg, today, None);
    for lang in [Lang::Sv, Lang::En] {
        let _ = (
            table::deadlines(&deadlines, lang),
            csv::deadlines(&deadlines, lang),
            markdown::deadlines(&deadlines, lang),
            ics::deadlines(&deadlines, reg.name(), lang),
            xlsx::deadlines(&deadlines, lang),
        );
    }
    let _ = json::deadlines(&deadlines);
    let year = chrono::Datelike::year(&today);
    let (first, last) = views::year_span(year).unwrap();
    if let Ok(schedule) = views::schedule::build(reg, first, last, None) {
        for lang in [Lang::Sv, Lang::En] {
            let _ = (
                table::schedule(&schedule, lang),
                csv::schedule(&schedule, lang),
                markdown::schedule(&schedule, lang),
                ics::schedule(&schedule, reg.name(), today, lang),
                xlsx::schedule(&schedule, lang),
            );
        }
    }
    for body in reg.bodies.keys() {
        if let Ok(rotation) = views::rotation::build(reg, body, None, None, today) {
            let _ = (
                table::rotation(&rotation, Lang::Sv),
                csv::rotation(&rotation, Lang::Sv),
                markdown::rotation(&rotation, Lang::Sv),
                xlsx::rotation(&rotation, Lang::Sv),
            );
        }
    }
    for (id, agreement) in &reg.agreements {
        for party in reg.agreement_parties(&agreement.value) {
            for question in [
                views::notice::Question::Given(today),
                views::notice::Question::LeaveBy(today),
            ] {
                if let Ok(notice) = views::notice::build(reg, id, party.get_ref(), question, today)
                {
                    let _ = (
                        table::notice(&notice, Lang::Sv, today),
                        json::notice(&notice),
                    );
                }
            }
        }
    }
    if let Ok(as_of) = views::report::as_of(year - 1, today)
        && let Ok(report) = views::report::build(reg, year - 1, as_of, &findings)
    {
        let _ = (
            markdown::report(&report, Lang::Sv),
            xlsx::report(&report, Lang::Sv),
        );
    }
    let graph = views::graph::build(reg);
    let _ = (
        samverkan::render::graph::mermaid(&graph, Lang::Sv),
        samverkan::render::graph::dot(&graph, Lang::Sv),
    );
    findings
}
