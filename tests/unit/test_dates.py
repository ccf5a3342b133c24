"""EDTF parsing and human formatting, table-driven, with the `edtf` package as an oracle."""

from datetime import date

import edtf
import pytest

from components.dates import DateError, format_human, parse_edtf

PARSE_CASES = [
    # text, lower, upper, precision, approximate, uncertain
    ("1863", date(1863, 1, 1), date(1863, 12, 31), "year", False, False),
    ("1937-09", date(1937, 9, 1), date(1937, 9, 30), "month", False, False),
    ("2024-06-19", date(2024, 6, 19), date(2024, 6, 19), "day", False, False),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", False, False),
    ("1900-02", date(1900, 2, 1), date(1900, 2, 28), "month", False, False),
    ("1863~", date(1863, 1, 1), date(1863, 12, 31), "year", True, False),
    ("1864?", date(1864, 1, 1), date(1864, 12, 31), "year", False, True),
    ("1950-06%", date(1950, 6, 1), date(1950, 6, 30), "month", True, True),
    ("1650", date(1650, 1, 1), date(1650, 12, 31), "year", False, False),
    ("1600-03-15~", date(1600, 3, 15), date(1600, 3, 15), "day", True, False),
    (" 1858 ", date(1858, 1, 1), date(1858, 12, 31), "year", False, False),
]


@pytest.mark.parametrize(("text", "lower", "upper", "precision", "approx", "uncertain"), PARSE_CASES)
def test_parse_bounds_precision_and_qualifiers(text, lower, upper, precision, approx, uncertain):
    d = parse_edtf(text)
    assert (d.lower, d.upper, d.precision, d.approximate, d.uncertain) == (lower, upper, precision, approx, uncertain)


@pytest.mark.parametrize("text", [c[0].strip() for c in PARSE_CASES])
def test_bounds_agree_with_the_edtf_package(text):
    oracle = edtf.parse_edtf(text)
    ours = parse_edtf(text)
    assert ours.lower == edtf.struct_time_to_date(oracle.lower_strict())
    assert ours.upper == edtf.struct_time_to_date(oracle.upper_strict())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "63",
        "1937-9",
        "1937-13",
        "2023-02-29",
        "1937-09-31",
        "19370",
        "1937/1938",
        "c. 1937",
        "0000",
        "1937-09-01T10:00",
        "~1937",
    ],
)
def test_invalid_dates_raise(text):
    with pytest.raises(DateError):
        parse_edtf(text)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1863", "", "1863"),
        ("1863~", "", "c. 1863"),
        ("1864?", "", "1864?"),
        ("1937-09", "", "September 1937"),
        ("2024-06-19", "", "19 June 2024"),
        ("2024-06-18", "2024-06-19", "18–19 June 2024"),
        ("2024-10-28", "2024-11-04", "28 October – 4 November 2024"),
        ("1950", "1953", "1950–1953"),
        ("2024-06", "2024-12", "June–December 2024"),
        ("1950-06-25", "1953-07-27", "25 June 1950 – 27 July 1953"),
        ("1869~", "1870", "c. 1869 – 1870"),
        ("2024-06-19", "2024-06-19", "19 June 2024"),
    ],
)
def test_format_human(start, end, expected):
    assert format_human(start, end) == expected
