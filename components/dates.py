"""EDTF date strings (the subset Tumen uses): parse to inclusive bounds and write them for people."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Level 0 dates (YYYY, YYYY-MM, YYYY-MM-DD) with the level 1 qualifiers ? ~ % on the whole date.
# Hand-written rather than the `edtf` package: that parser costs ~10 ms a string (pyparsing), far too
# slow for 100k rows; tests/unit/test_dates.py checks this one against `edtf` as an oracle.
_EDTF = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qual>[?~%])?$")

EXPECTED = (
    "an EDTF date: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate), ? (uncertain) or % (both)"
)

_MONTHS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class DateError(ValueError):
    """A string that is not an EDTF date of the supported subset."""


@dataclass(frozen=True)
class EdtfDate:
    """A parsed EDTF date: inclusive bounds, precision and qualifiers."""

    text: str
    lower: date
    upper: date
    precision: str  # "year" | "month" | "day"
    approximate: bool = False
    uncertain: bool = False


@lru_cache(maxsize=1 << 16)  # large tables repeat dates; parsing each distinct string once keeps loads fast
def parse_edtf(text: str) -> EdtfDate:
    """Parse an EDTF date string such as `1863`, `1937-09~` or `2024-06-19`."""
    s = text.strip()
    m = _EDTF.match(s)
    if not m:
        raise DateError(f"{text!r} is not {EXPECTED}")
    year = int(m["year"])
    if year == 0:
        raise DateError(f"{text!r}: year 0000 is not used here")
    qual = m["qual"] or ""
    approximate, uncertain = qual in ("~", "%"), qual in ("?", "%")
    if m["month"] is None:
        return EdtfDate(s, date(year, 1, 1), date(year, 12, 31), "year", approximate, uncertain)
    month = int(m["month"])
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: month {month:02d} does not exist")
    last = calendar.monthrange(year, month)[1]
    if m["day"] is None:
        return EdtfDate(s, date(year, month, 1), date(year, month, last), "month", approximate, uncertain)
    day = int(m["day"])
    if not 1 <= day <= last:
        raise DateError(f"{text!r}: {_MONTHS[month]} {year} has no day {day}")
    d = date(year, month, day)
    return EdtfDate(s, d, d, "day", approximate, uncertain)


def is_edtf(text: str) -> bool:
    """True when `text` parses as a supported EDTF date."""
    try:
        parse_edtf(text)
    except DateError:
        return False
    return True


def _plain(d: EdtfDate) -> str:
    if d.precision == "year":
        return f"{d.lower.year}"
    if d.precision == "month":
        return f"{_MONTHS[d.lower.month]} {d.lower.year}"
    return f"{d.lower.day} {_MONTHS[d.lower.month]} {d.lower.year}"


def _qualify(d: EdtfDate, words: str) -> str:
    if d.approximate:
        words = f"c. {words}"
    if d.uncertain:
        words = f"{words}?"
    return words


def format_human(start: str, end: str = "") -> str:
    """Write an EDTF start/end pair as a person would: `c. 1863`, `September 1937`, `18–19 June 2024`."""
    a = parse_edtf(start)
    if not end or not end.strip():
        return _qualify(a, _plain(a))
    b = parse_edtf(end)
    plain_a, plain_b = _plain(a), _plain(b)
    if a == b or (plain_a == plain_b and not (a.approximate or a.uncertain or b.approximate or b.uncertain)):
        return _qualify(a, plain_a)
    qualified = a.approximate or a.uncertain or b.approximate or b.uncertain
    if not qualified and a.precision == b.precision == "day" and a.lower.year == b.lower.year:
        if a.lower.month == b.lower.month:
            return f"{a.lower.day}–{b.lower.day} {_MONTHS[a.lower.month]} {a.lower.year}"
        return f"{a.lower.day} {_MONTHS[a.lower.month]} – {b.lower.day} {_MONTHS[b.lower.month]} {a.lower.year}"
    if not qualified and a.precision == b.precision == "month" and a.lower.year == b.lower.year:
        return f"{_MONTHS[a.lower.month]}–{_MONTHS[b.lower.month]} {a.lower.year}"
    if not qualified and a.precision == b.precision == "year":
        return f"{a.lower.year}–{b.lower.year}"
    return f"{_qualify(a, plain_a)} – {_qualify(b, plain_b)}"
