"""URL state: links leave defaults out and repeat list keys; invalid values are found with a reason; migrations."""

from datetime import date

import pytest

from components.urlstate import PARAMS, build_query, date_bounds, invalid_params, migrate, notice, page_link

BASE = "http://127.0.0.1:8501/"


@pytest.mark.parametrize(
    ("values", "query"),
    [
        ({}, ""),
        ({"lanes": "category", "q": "", "category": [], "listed": False, "event": None}, ""),
        ({"lanes": "status"}, "lanes=status"),
        ({"category": ["treaty", "war"]}, "category=treaty&category=war"),
        ({"sector": ("Defense", "Foreign affairs")}, "sector=Defense&sector=Foreign+affairs"),
        ({"from": date(2024, 6, 1), "to": date(2024, 12, 31)}, "from=2024-06-01&to=2024-12-31"),
        ({"listed": True, "direction": "russia_to_dprk"}, "direction=russia_to_dprk&listed=true"),
        ({"q": "Kim & Putin"}, "q=Kim+%26+Putin"),
        ({"event": "x", "era": "cold-war"}, "era=cold-war&event=x"),
    ],
)
def test_build_query(values, query):
    assert build_query(values) == query


@pytest.mark.parametrize(
    ("base", "page", "expected"),
    [
        (BASE, "/", "http://127.0.0.1:8501/?q=x"),
        ("http://127.0.0.1:8501/delegations?sector=Sports", "/", "http://127.0.0.1:8501/?q=x"),
        ("http://192.168.1.5:8501/data", "/delegations", "http://192.168.1.5:8501/delegations?q=x"),
        ("http://127.0.0.1:8501/timeline", "/data", "http://127.0.0.1:8501/data?q=x"),
    ],
)
def test_page_link(base, page, expected):
    assert page_link(base, page, {"q": "x"}) == expected


@pytest.mark.parametrize(
    ("params", "page", "problems"),
    [
        ({"category": ["treaty"], "q": ["anything <b>"]}, "/", []),
        ({"era": ["atlantis"]}, "/", [("era", "atlantis", "no such era")]),
        ({"from": ["2024-13-01"]}, "/", [("from", "2024-13-01", "not a date of the form YYYY-MM-DD")]),
        ({"to": ["2024-6-1"]}, "/delegations", []),
        ({"to": ["2024-W01-1"]}, "/delegations", [("to", "2024-W01-1", "not a date of the form YYYY-MM-DD")]),
        ({"from": ["0001-01-01"]}, "/", [("from", "0001-01-01", "outside 1850-01-01 … 2030-12-31")]),
        ({"from": ["1849-12-31"]}, "/delegations", [("from", "1849-12-31", "outside 1850-01-01 … 2030-12-31")]),
        ({"from": ["1850-01-01"], "to": ["2030-12-31"]}, "/delegations", []),
        ({"listed": ["True"]}, "/delegations", []),
        (
            {"sector": ["Defense", "Rocketry"]},
            "/delegations",
            [
                (
                    "sector",
                    "Rocketry",
                    "no such sector",
                )
            ],
        ),
        ({"sector": ["Defense"]}, "/", [("sector", "Defense", "not used on this page")]),
        ({"foo": ["1"]}, "/data", [("foo", "1", "unknown parameter")]),
        ({"embed": ["true"]}, "/", []),
        ({"listed": ["yes"]}, "/delegations", [("listed", "yes", "expected true or false")]),
        ({"event": ["e1"]}, "/", []),
        ({"event": ["nope"]}, "/", [("event", "nope", "no such event")]),
    ],
)
def test_invalid_params(params, page, problems):
    known = {"era": ["cold-war"], "event": ["e1"], "category": ["treaty"], "sector": ["Defense"]}
    assert invalid_params(params, page, known, (date(1850, 1, 1), date(2030, 12, 31))) == problems


@pytest.mark.parametrize(
    ("first", "last", "bounds"),
    [
        (date(1858, 5, 28), date(2025, 11, 30), (date(1853, 1, 1), date(2030, 12, 31))),
        (date(1815, 12, 10), date(1985, 1, 1), (date(1810, 1, 1), date(1990, 12, 31))),
        (date(3, 1, 1), date(9997, 1, 1), (date(1, 1, 1), date(9999, 12, 31))),
    ],
)
def test_date_bounds_reach_a_margin_of_whole_years_beyond_the_data(first, last, bounds):
    assert date_bounds(first, last) == bounds


def test_date_bounds_without_data_are_around_this_year():
    lo, hi = date_bounds(None, None)
    assert lo.year < date.today().year < hi.year


def test_notice_names_each_ignored_value():
    text = notice([("era", "atlantis", "no such era"), ("from", "x", "not a date")])
    assert "era=atlantis (no such era)" in text and "from=x (not a date)" in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"cat": ["treaty"]}, {"category": ["treaty"]}),
        ({"cat": ["treaty"], "category": ["war"]}, {"category": ["war"]}),
        ({"q": ["x"]}, {"q": ["x"]}),
    ],
)
def test_migrate_renamed_keys(params, expected):
    assert migrate(params, {"cat": "category"}) == expected


def test_param_keys_are_unique_and_short():
    keys = [p.key for p in PARAMS]
    assert len(keys) == len(set(keys)) and all(len(k) <= 10 for k in keys)


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2018-01-01..2019-12-31", (date(2018, 1, 1), date(2019, 12, 31))),
        ("1858-5-28..1860-01-01", (date(1858, 5, 28), date(1860, 1, 1))),
        ("2019-12-31..2018-01-01", None),  # backwards
        ("2018-01-01..2018-01-01", None),  # no width
        ("2018-01-01", None),
        ("2018-01-01..2019-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_zoom_spans_parse_and_format_back(value, span):
    from components.urlstate import format_zoom, parse_zoom

    assert parse_zoom(value) == span
    if span:
        assert parse_zoom(format_zoom(span)) == span


def test_a_zoom_outside_the_bounds_or_malformed_is_noticed():
    bounds = (date(1853, 1, 1), date(2030, 12, 31))
    assert invalid_params({"zoom": ["2018-01-01..2019-12-31"]}, "/", {}, bounds) == []
    (problem,) = invalid_params({"zoom": ["1700-01-01..2019-12-31"]}, "/", {}, bounds)
    assert problem[2].startswith("outside")
    (problem,) = invalid_params({"zoom": ["soon"]}, "/", {}, bounds)
    assert "YYYY-MM-DD..YYYY-MM-DD" in problem[2]


def test_old_links_with_claim_status_labels_are_migrated():
    assert migrate({"status": ["Disputed", "refuted"]}) == {"status": ["disputed", "refuted"]}
