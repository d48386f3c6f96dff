//! Chair terms: the years one `[[chair]]` entry covers under a body's `[chair] term`.
//!
//! A `calendar-year` term is one year; `two-years` terms start in the body's `established`
//! year and every second year after; a `mandate-period` runs from the year after a general
//! election to the next election year (2019–2022, 2023–2026 …). A body established inside a
//! term has a first term from its first active year to that term's end. Every question about
//! terms goes through here, so rules and views cannot disagree about them.

use crate::model::Spanned;
use chrono::{Datelike, NaiveDate};

use super::body::{Body, Term};
use super::roster::{ChairYear, Roster};

/// A chair term as years, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChairTerm {
    pub first: i32,
    pub last: i32,
}

impl ChairTerm {
    pub fn contains(self, year: i32) -> bool {
        self.first <= year && year <= self.last
    }

    /// How people write the term: `2025`, or `2023–2026` for a longer one.
    pub fn label(self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }

    /// 1 January of its first year to 31 December of its last, if chrono knows them.
    pub fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        Some((
            NaiveDate::from_ymd_opt(self.first, 1, 1)?,
            NaiveDate::from_ymd_opt(self.last, 12, 31)?,
        ))
    }
}

/// The term of a body's chair: `[chair] term`, else a calendar year.
pub fn term_rule(body: &Body) -> Term {
    body.chair
        .as_ref()
        .map_or(Term::CalendarYear, |c| c.get_ref().term)
}

/// The term that holds `year` for a body first active in `first_active_year`.
pub fn term_of(term: Term, first_active_year: i32, year: i32) -> ChairTerm {
    let y = i64::from(year);
    let origin = i64::from(first_active_year);
    let (first, last) = match term {
        Term::CalendarYear => (y, y),
        Term::TwoYears => {
            let first = origin + 2 * (y - origin).div_euclid(2);
            (first, first + 1)
        }
        Term::MandatePeriod => mandate_period(y),
    };
    // A body established inside a term starts its first term in its first active year.
    let first = if y >= origin {
        first.max(origin)
    } else {
        first
    };
    ChairTerm {
        first: clamp_year(first),
        last: clamp_year(last),
    }
}

/// The mandate period holding `year`. Swedish councils are elected at the general election:
/// every fourth year since 1994 (periods 1995–1998 … 2023–2026, and on), every third year
/// from 1970 to 1994 (1971–1973 … 1992–1994), and before that the municipal and county
/// council elections of 1966, 1962 … every fourth year (… 1963–1966, 1967–1970).
fn mandate_period(year: i64) -> (i64, i64) {
    let (origin, length) = if year >= 1995 {
        (1995, 4)
    } else if year >= 1971 {
        (1971, 3)
    } else {
        (1967, 4)
    };
    let first = origin + length * (year - origin).div_euclid(length);
    (first, first + length - 1)
}

/// A number for the term holding `year` that grows by one from each term to the next, so
/// that the terms between two years are counted without walking them.
pub fn term_index(term: Term, first_active_year: i32, year: i32) -> i64 {
    let y = i64::from(year);
    match term {
        Term::CalendarYear => y,
        Term::TwoYears => (y - i64::from(first_active_year)).div_euclid(2),
        // 1971–1973 is term 0; the eight three-year terms end with 1992–1994.
        Term::MandatePeriod => match y {
            1995.. => 8 + (y - 1995).div_euclid(4),
            1971.. => (y - 1971).div_euclid(3),
            _ => (y - 1967).div_euclid(4) - 1,
        },
    }
}

fn clamp_year(year: i64) -> i32 {
    i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX })
}

/// The chair term of a body that holds `year`.
pub fn body_term(body: &Body, year: i32) -> ChairTerm {
    term_of(term_rule(body), body.established.get_ref().0.year(), year)
}

/// The terms of a body that overlap `from..=to`, in order.
pub fn body_terms(body: &Body, from: i32, to: i32) -> impl Iterator<Item = ChairTerm> + '_ {
    let first = (from <= to).then(|| body_term(body, from));
    std::iter::successors(first, move |t| {
        let next = t.last.checked_add(1)?;
        (next <= to).then(|| body_term(body, next))
    })
}

/// The days of a term on which the body is active (`active` as [`super::Registry::body_active`]
/// gives it), if any.
pub fn active_days(
    term: ChairTerm,
    active: (NaiveDate, Option<NaiveDate>),
) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = term.days()?;
    let first = first.max(active.0);
    let last = active.1.map_or(last, |e| e.min(last));
    (first <= last).then_some((first, last))
}

/// The `[[chair]]` entry that covers a term: the one whose `year` starts it, else (a
/// misplaced entry, which `chair-term-start` reports) the earliest inside it.
pub fn entry_for_term(roster: &Roster, term: ChairTerm) -> Option<&Spanned<ChairYear>> {
    let mut best: Option<&Spanned<ChairYear>> = None;
    for c in &roster.chair {
        let year = *c.get_ref().year.get_ref();
        if !term.contains(year) {
            continue;
        }
        if best.is_none_or(|b| year < *b.get_ref().year.get_ref()) {
            best = Some(c);
        }
    }
    best
}

/// Whether a `[[chair]]` `year` may start a term of the body: it is a term's first year
/// (for the first term, the body's first active year).
pub fn starts_term(body: &Body, year: i32) -> bool {
    body_term(body, year).first == year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(first: i32, last: i32) -> ChairTerm {
        ChairTerm { first, last }
    }

    #[test]
    fn a_calendar_year_is_its_own_term() {
        assert_eq!(term_of(Term::CalendarYear, 2020, 2026), t(2026, 2026));
        assert_eq!(term_of(Term::CalendarYear, 2020, 1850), t(1850, 1850));
        assert_eq!(t(2026, 2026).label(), "2026");
    }

    #[test]
    fn two_year_terms_count_from_the_year_established() {
        assert_eq!(term_of(Term::TwoYears, 2020, 2020), t(2020, 2021));
        assert_eq!(term_of(Term::TwoYears, 2020, 2021), t(2020, 2021));
        assert_eq!(term_of(Term::TwoYears, 2020, 2026), t(2026, 2027));
        assert_eq!(term_of(Term::TwoYears, 2021, 2026), t(2025, 2026));
        // Far ahead and before the body: the same grid, unclipped.
        assert_eq!(term_of(Term::TwoYears, 2020, 3001), t(3000, 3001));
        assert_eq!(term_of(Term::TwoYears, 2020, 2017), t(2016, 2017));
        assert_eq!(t(2026, 2027).label(), "2026–2027");
    }

    #[test]
    fn mandate_periods_follow_the_general_elections() {
        assert_eq!(term_of(Term::MandatePeriod, 1900, 2019), t(2019, 2022));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 2022), t(2019, 2022));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 2026), t(2023, 2026));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 2027), t(2027, 2030));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 2102), t(2099, 2102));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1995), t(1995, 1998));
        // Three-year periods between the elections of 1970 and 1994.
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1994), t(1992, 1994));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1971), t(1971, 1973));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1985), t(1983, 1985));
        // Before: the municipal elections of 1966, 1962 ….
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1970), t(1967, 1970));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1963), t(1963, 1966));
        assert_eq!(term_of(Term::MandatePeriod, 1900, 1962), t(1959, 1962));
    }

    #[test]
    fn term_indexes_count_the_terms_between_two_years() {
        let index = |term, y| term_index(term, 2020, y);
        for term in [Term::CalendarYear, Term::TwoYears, Term::MandatePeriod] {
            // Walking the terms one by one agrees with the index, across every seam.
            let mut year = 1900;
            let mut previous = index(term, year);
            while year < 2100 {
                let next = term_of(term, 1800, year).last + 1;
                assert_eq!(index(term, next), previous + 1, "{term:?} {next}");
                assert_eq!(index(term, next - 1), previous, "{term:?} {next}");
                previous = index(term, next);
                year = next;
            }
        }
        assert_eq!(
            index(Term::MandatePeriod, 2023) - index(Term::MandatePeriod, 2019),
            1
        );
        assert_eq!(index(Term::TwoYears, 2026) - index(Term::TwoYears, 2021), 3);
        // No overflow at the ends.
        index(Term::MandatePeriod, i32::MIN);
        index(Term::TwoYears, i32::MAX);
    }

    #[test]
    fn a_body_established_inside_a_term_starts_its_first_term_then() {
        assert_eq!(term_of(Term::MandatePeriod, 2020, 2020), t(2020, 2022));
        assert_eq!(term_of(Term::MandatePeriod, 2020, 2022), t(2020, 2022));
        assert_eq!(term_of(Term::MandatePeriod, 2020, 2023), t(2023, 2026));
        // Years before the body keep the plain grid.
        assert_eq!(term_of(Term::MandatePeriod, 2020, 2019), t(2019, 2022));
    }

    #[test]
    fn extreme_years_do_not_overflow() {
        assert_eq!(term_of(Term::TwoYears, 0, i32::MAX).last, i32::MAX);
        assert_eq!(term_of(Term::MandatePeriod, 0, i32::MAX).last, i32::MAX);
        assert_eq!(term_of(Term::MandatePeriod, 0, i32::MIN).first, i32::MIN);
        assert_eq!(term_of(Term::TwoYears, i32::MAX, i32::MIN).first, i32::MIN);
        assert_eq!(t(i32::MAX, i32::MAX).days(), None);
    }

    #[test]
    fn a_body_that_ends_inside_a_term_is_active_to_its_end() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let active = (day(2020, 3, 1), Some(day(2024, 6, 30)));
        assert_eq!(
            active_days(t(2023, 2026), active),
            Some((day(2023, 1, 1), day(2024, 6, 30)))
        );
        assert_eq!(
            active_days(t(2020, 2022), active),
            Some((day(2020, 3, 1), day(2022, 12, 31)))
        );
        assert_eq!(active_days(t(2027, 2030), active), None);
    }
}
