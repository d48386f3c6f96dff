#!/usr/bin/env python3
"""Generate the independent oracle fixtures for src/calendar.rs.

The fixtures are committed; tests/calendar_oracle.rs reads them. They come
from well-known libraries that nobody on this project wrote, so they check
the Rust code independently:

  holidays_se.csv  every Swedish public holiday and counted eve
                   (midsommarafton, julafton, nyårsafton), `date,name`,
                   from `holidays.Sweden`.
  month_add.csv    month additions `start,months,expected` from
                   `dateutil.relativedelta`, which clamps to the month's last
                   day exactly like samverkan::calendar::add_months.

Regenerate (output is deterministic: fixed seed, sorted rows):

    python3 -m venv /tmp/oracle-venv
    /tmp/oracle-venv/bin/pip install holidays==0.109 python-dateutil==2.9.0.post0
    /tmp/oracle-venv/bin/python tests/oracle/generate.py

or simply `python3 tests/oracle/generate.py` where both libraries are
installed. Versions used for the committed fixtures:

    Python 3.11.7, holidays 0.109, python-dateutil 2.9.0.post0

Historical law, as holidays.Sweden 0.109 models it and the Rust code follows:

  * The library starts in 1953 (Lag 1952:48 om allmänna helgdagar, which put
    midsommardagen and alla helgons dag on Saturdays) and returns nothing for
    1950-1952. The fixture therefore covers 1953-2100 only; before 1953 the
    Rust code applies the 1953 rules proleptically (documented in
    src/calendar.rs) and is not checked by this oracle.
  * nationaldagen (6 June) is a public holiday from 2005; before 2005 6 June
    is an ordinary day.
  * annandag pingst is a public holiday up to and including 2004.
  * Marie bebådelsedag (the Sunday 22-28 March, or the Sunday before palm
    Sunday when that Sunday is palm or Easter Sunday) is a public holiday up to
    and including 1989 (dropped by Lag 1989:253). It is always a Sunday, so it
    never changes which days count as working days, but it is listed.
  * The counted eves are the library's DE_FACTO category; Lag (1930:173)
    § 2 and semesterlagen § 7 both name exactly midsommarafton, julafton
    and nyårsafton. Saturdays are not listed (the Rust code treats weekends
    separately from holidays).

Where two holidays fall on one date (första maj and Kristi himmelsfärdsdag in
2008, nationaldagen and pingstdagen in 2049) the library joins the names with
"; "; the fixture has one row per holiday, as swedish_holidays() does.
"""

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import dateutil
import holidays
from dateutil.relativedelta import relativedelta
from holidays.constants import DE_FACTO, PUBLIC

HERE = Path(__file__).resolve().parent
FIRST_YEAR = 1950
LAST_YEAR = 2100

# holidays.Sweden's Swedish names (language="sv") -> the names in
# src/calendar.rs: lowercase common nouns, proper nouns kept capitalised as
# Swedish writes them (Kristi, Marie), as in the project spec.
NAME_MAP = {
    "Nyårsdagen": "nyårsdagen",
    "Trettondedag jul": "trettondedag jul",
    "Marie bebådelsedag": "Marie bebådelsedag",
    "Långfredagen": "långfredagen",
    "Påskdagen": "påskdagen",
    "Annandag påsk": "annandag påsk",
    "Första maj": "första maj",
    "Kristi himmelsfärdsdag": "Kristi himmelsfärdsdag",
    "Nationaldagen": "nationaldagen",
    "Pingstdagen": "pingstdagen",
    "Annandag pingst": "annandag pingst",
    "Midsommarafton": "midsommarafton",
    "Midsommardagen": "midsommardagen",
    "Alla helgons dag": "alla helgons dag",
    "Julafton": "julafton",
    "Juldagen": "juldagen",
    "Annandag jul": "annandag jul",
    "Nyårsafton": "nyårsafton",
}


def holiday_rows():
    # language="sv" must be explicit: otherwise the names follow the
    # process locale (English under LANG=C.UTF-8). include_sundays=False
    # keeps the library from listing every Sunday as "Söndag".
    cal = holidays.Sweden(
        years=range(FIRST_YEAR, LAST_YEAR + 1),
        categories=(PUBLIC, DE_FACTO),
        language="sv",
        include_sundays=False,
    )
    rows = []
    for day in cal:
        for name in cal.get_list(day):
            if name not in NAME_MAP:
                sys.exit(f"unmapped holiday name {name!r} on {day}")
            rows.append((day.isoformat(), NAME_MAP[name]))
    rows.sort()
    years = {int(d[:4]) for d, _ in rows}
    # Guard the assumption documented above and in tests/calendar_oracle.rs.
    assert years == set(range(1953, LAST_YEAR + 1)), sorted(years)
    return rows


def month_add_rows():
    rng = random.Random(20250831)
    starts_months = set()

    def days_in_month(y, m):
        return ((date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)).day

    # Systematic: the end of January (into February) and the last four days of
    # every month of a few leap/non-leap/century years, with interesting counts.
    for y in (1999, 2000, 2023, 2024, 2099, 2100):
        for m in range(1, 13):
            last = days_in_month(y, m)
            for d in range(last - 3, last + 1):
                for n in (0, 1, 2, 6, 11, 12, 13, 24, 36):
                    starts_months.add((date(y, m, d), n))
    # Every leap day and every 31 January 1950-2100.
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        starts_months.add((date(y, 1, 31), 1))
        if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0:
            for n in (1, 12, 24, 36):
                starts_months.add((date(y, 2, 29), n))
    # Random: any year, biased to the last four days of a month, 0-36 months.
    while len(starts_months) < 5000:
        y = rng.randint(FIRST_YEAR, LAST_YEAR)
        m = rng.randint(1, 12)
        last = days_in_month(y, m)
        d = rng.randint(last - 3, last) if rng.random() < 0.6 else rng.randint(1, last)
        starts_months.add((date(y, m, d), rng.randint(0, 36)))

    return sorted(
        (s.isoformat(), n, (s + relativedelta(months=n)).isoformat())
        for s, n in starts_months
    )


def write(name, header, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {name}: {len(rows)} rows")


def main():
    print(f"holidays {holidays.__version__}, python-dateutil {dateutil.__version__}")
    write("holidays_se.csv", ("date", "name"), holiday_rows())
    write("month_add.csv", ("start", "months", "expected"), month_add_rows())


if __name__ == "__main__":
    main()
