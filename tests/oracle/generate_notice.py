#!/usr/bin/env python3
"""Generate the independent oracle for derived notice deadlines (notice --leave-by).

For every open-ended agreement of the bundled registry that records notice terms, every
party of it, each wanted end D below and two values of "today", the row gives what
`samverkan notice AGREEMENT --party P --leave-by D --today T` must answer:

  latest_notice   L: the latest day with L + notice_months <= D (counted from receipt);
                  counted from handling, H is that day for the handling, and L is the
                  handling body's last recorded meeting on or before H when a meeting is
                  recorded after H (the calendar covers H), else H itself
  act_by          the last day on or before L that is not closed: a derived deadline is
                  never moved later (a closed day is a Saturday, a Sunday, a Swedish public
                  holiday, midsommarafton, julafton or nyårsafton)
  passed          act_by is before T
  earliest_end    when passed: the end of a notice given on T (counted from handling: from
                  the first recorded meeting after T; empty when none is recorded)

Everything here is worked out independently of the Rust code: month arithmetic by
dateutil.relativedelta, closed days by holidays.Sweden (PUBLIC and DE_FACTO), L by
searching day by day, the registry read with tomllib.

Regenerate (deterministic; the same versions as generate.py):

    python3 -m venv /tmp/oracle-venv
    /tmp/oracle-venv/bin/pip install holidays==0.109 python-dateutil==2.9.0.post0
    /tmp/oracle-venv/bin/python tests/oracle/generate_notice.py

Regenerate whenever the bundled registry's agreements or meetings change.
"""

import csv
import random
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta
from holidays.constants import DE_FACTO, PUBLIC

HERE = Path(__file__).resolve().parent
REGISTRY = HERE.parent.parent / "registry"
TODAYS = [date(2026, 11, 25), date(2025, 3, 14)]

SWEDEN = holidays.Sweden(years=range(2015, 2041), categories=(PUBLIC, DE_FACTO))


def closed(d: date) -> bool:
    return d.weekday() >= 5 or d in SWEDEN


def act_by(d: date) -> date:
    while closed(d):
        d -= timedelta(days=1)
    return d


def latest_start(end: date, months: int) -> date:
    """The latest L with L + months <= end, found by walking from a day that is surely
    early enough."""
    day = end - relativedelta(months=months) - timedelta(days=5)
    assert day + relativedelta(months=months) <= end
    while day + timedelta(days=1) + relativedelta(months=months) <= end:
        day += timedelta(days=1)
    return day


def as_date(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def meeting_days() -> dict:
    days: dict = {}
    for path in sorted((REGISTRY / "meetings").glob("*.toml")):
        for m in tomllib.loads(path.read_text("utf-8")).get("meeting", []):
            days.setdefault(m["body"], set()).add(as_date(m["date"]))
    return {body: sorted(ds) for body, ds in days.items()}


def wanted_ends() -> list:
    ends = [date(y, 12, 31) for y in range(2024, 2032)]
    ends += [date(2027, m, 1) + relativedelta(day=31) for m in range(1, 13)]
    # Ends whose latest day, for 6 and 12 months, is a closed day: nyårsafton 2026,
    # midsommarafton 2027, långfredagen and påskdagen 2027, a Sunday, julafton 2027.
    for closed_day in [
        date(2026, 12, 31),
        date(2027, 6, 25),
        date(2027, 3, 26),
        date(2027, 3, 28),
        date(2027, 2, 28),
        date(2027, 12, 24),
    ]:
        assert closed(closed_day)
        for months in (6, 12):
            ends.append(closed_day + relativedelta(months=months))
    rng = random.Random(20261125)
    ends += [date(2024, 1, 1) + timedelta(days=rng.randrange(0, 365 * 8)) for _ in range(12)]
    return sorted(set(ends))


def main() -> None:
    meetings = meeting_days()
    ends = wanted_ends()
    assert len(ends) >= 40, len(ends)
    rows = []
    for path in sorted((REGISTRY / "agreements").glob("*.toml")):
        agreement = tomllib.loads(path.read_text("utf-8"))
        termination = agreement.get("termination")
        # An annex (`part_of`) ends for a party with its main agreement too: the oracle
        # answers for open-ended agreements of their own only.
        if termination is None or "ends" in agreement or "part_of" in agreement:
            continue
        months = termination["notice_months"]
        handled_by = (
            termination.get("handled_by")
            if termination.get("counted_from", "received") == "handled"
            else None
        )
        days = meetings.get(handled_by, []) if handled_by else []
        for party in agreement["parties"]:
            for end in ends:
                latest = latest_start(end, months)
                if handled_by and any(d > latest for d in days):
                    before = [d for d in days if d <= latest]
                    latest = before[-1] if before else latest
                act = act_by(latest)
                for today in TODAYS:
                    passed = act < today
                    earliest = ""
                    if passed and handled_by is None:
                        earliest = (today + relativedelta(months=months)).isoformat()
                    elif passed:
                        after = [d for d in days if d > today]
                        if after:
                            earliest = (after[0] + relativedelta(months=months)).isoformat()
                    rows.append(
                        [
                            path.stem,
                            party,
                            end.isoformat(),
                            today.isoformat(),
                            latest.isoformat(),
                            act.isoformat(),
                            "true" if passed else "false",
                            earliest,
                        ]
                    )
    with open(HERE / "notice_leave_by.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(
            [
                "agreement",
                "party",
                "leave_by",
                "today",
                "latest_notice",
                "act_by",
                "passed",
                "earliest_end",
            ]
        )
        writer.writerows(rows)
    print(f"notice_leave_by.csv: {len(rows)} rows, {len(ends)} wanted ends")


if __name__ == "__main__":
    main()
