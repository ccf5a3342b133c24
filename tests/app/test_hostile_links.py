"""Random and malicious links: no page ever raises, and an invalid value for a known key always gives a notice.

Two layers. The AppTest properties open each page (on the shipped data) with query strings made of the real
parameter names and random keys, holding HTML/script payloads, `javascript:` URLs, long and non-Latin text,
impossible dates and valid vocabulary. The pure properties throw thousands of inputs at the functions of
`components.urlstate` that every link goes through.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.filters import actor_options
from components.urlstate import (
    BY_KEY,
    DATA,
    DEFAULTS,
    DELEGATIONS,
    PARAMS,
    STREAMLIT_KEYS,
    TIMELINE,
    build_query,
    date_bounds,
    invalid_params,
    migrate,
    notice,
    page_link,
)
from tests.conftest import ROOT, examples, sample

DATASET = sample()
DESCRIBED = DATASET.description
# The values each page checks links against: the same sets the pages pass to render_link_notices.
KNOWN: dict[str, dict[str, set[str]]] = {
    TIMELINE: {
        "era": set(DATASET.eras["id"]),
        "actor": set(actor_options(DATASET.events)),
        "event": set(DATASET.events["id"]),
        "category": set(DESCRIBED.ids("categories")),
    },
    DELEGATIONS: {
        "delegation": set(DATASET.delegations["id"]),
        "direction": set(DESCRIBED.ids("directions")),
        "sector": set(DESCRIBED.ids("sectors")),
        "level": set(DESCRIBED.ids("levels")),
    },
    DATA: {},
}
# The date widgets' bounds the pages pass: the span of what each page draws, with a margin.
_FRAMES = {TIMELINE: (DATASET.events, DATASET.eras), DELEGATIONS: (DATASET.delegations,)}
BOUNDS = {
    page: date_bounds(
        min(f["date_lower"].min() for f in frames).date(), max(f["date_upper"].max() for f in frames).date()
    )
    for page, frames in _FRAMES.items()
}
PAGE_FILES = {TIMELINE: None, DELEGATIONS: "app_pages/delegations.py", DATA: "app_pages/data.py"}
NOTICE = "Ignored from the link"

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(3))",
    "![x](https://example.org/track.png)",
    "**bold** _it_ `code` # heading",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "{{7*7}} ${7*7} %s %n",
    "../../etc/passwd",
    "' OR 1=1 --",
    '=HYPERLINK("https://example.org")',
    "Ким Ир Сен 김일성 金日成 مرحبا",
    "\u202eevil\u200b\ufeff",
    "\x00\x01\x7f",
    "a&b=c#d?e",
    "%00%2F%3Cscript%3E",
    "   ",
    "",
]
DATEISH = ["2024-13-45", "2024-02-30", "0000-00-00", "9999-99-99", "2024-6-1", "20240601", "2024-06-01T00:00"]

# Text that can travel in a URL: any code point but lone surrogates (which UTF-8 cannot encode).
url_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def _valid(key: str) -> st.SearchStrategy[str]:
    """Values a page accepts for `key` (those drawn from the shipped data for data-driven keys)."""
    spec = BY_KEY[key]
    if spec.fixed:
        return st.sampled_from(spec.fixed)
    if key in ("from", "to"):
        return st.dates(*BOUNDS[DELEGATIONS]).map(date.isoformat)  # within both pages' bounds
    pool = sorted(KNOWN[TIMELINE].get(key) or KNOWN[DELEGATIONS].get(key) or [])
    return st.sampled_from(pool) if pool else url_text


def _hostile(longest: int) -> st.SearchStrategy[str]:
    """Payloads, impossible dates, `javascript:` text, random text, and repeated payloads up to `longest` copies."""
    return st.one_of(
        st.sampled_from(PAYLOADS),
        st.sampled_from(DATEISH),
        st.builds(
            "{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)
        ),  # 2024-13-45 and kin
        st.builds("javascript:{}".format, url_text),
        st.builds(lambda p, n: p * n, st.sampled_from(PAYLOADS[:6]), st.integers(2, longest)),  # long strings
        url_text,
    )


hostile_value = _hostile(400)  # up to ~14,000 characters in one value
short_hostile_value = _hostile(20)  # the pure test runs 2,000 times: quoting long strings would dominate
known_key = st.sampled_from([p.key for p in PARAMS])
any_key = st.one_of(
    known_key,
    known_key,  # weighted: most keys are real ones
    st.sampled_from(["embed", "embed_options", "", "page", "__proto__", "Q", "era ", "from[]", "data-q"]),
    url_text,
)


@st.composite
def links(draw, page: str) -> dict[str, str | list[str]]:
    """A query as AppTest takes it: key → value, or a list for a repeated key.

    One link in three is a valid link for `page` (so the valid paths are exercised too); the rest mix real and
    random keys with hostile and valid values.
    """
    params: dict[str, str | list[str]] = {}
    if draw(st.integers(0, 2)) == 0:
        keys = draw(st.lists(st.sampled_from([p.key for p in PARAMS if page in p.pages]), max_size=5, unique=True))
        for key in keys:
            values = draw(st.lists(_valid(key), min_size=1, max_size=3 if BY_KEY[key].many else 1))
            params[key] = values[0] if len(values) == 1 else values
        return params
    for key in draw(st.lists(any_key, max_size=6, unique=True)):
        strategy = st.one_of(hostile_value, _valid(key)) if key in BY_KEY else hostile_value
        values = draw(st.lists(strategy, min_size=1, max_size=3))
        params[key] = values[0] if len(values) == 1 else values
    return params


def _open(page: str, params: dict[str, str | list[str]]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if PAGE_FILES[page]:
        at.switch_page(PAGE_FILES[page])  # before the first run, as when a link to that page is opened
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _expected_problems(page: str, params: dict[str, str | list[str]]) -> list[tuple[str, str, str]]:
    """What the page should report: the query parsed back as the server parses it, then checked."""
    seen = parse_qs(urlencode(params, doseq=True), keep_blank_values=True)
    return invalid_params(migrate(seen), page, KNOWN[page], BOUNDS.get(page))


def _check_page(page: str, params: dict[str, str | list[str]]) -> None:
    at = _open(page, params)
    assert not at.exception, f"{page} raised on {params!r}: {[e.value for e in at.exception]}"
    notices = [w.value for w in at.warning if w.value.startswith(NOTICE)]
    expected = _expected_problems(page, params)
    event("notice expected" if expected else "valid link")
    if not expected:
        assert notices == [], f"{page}: notice for a valid link {params!r}"
        return
    assert len(notices) == 1, f"{page}: no '{NOTICE}' notice for {params!r} (invalid: {expected})"
    shown = notices[0].replace("\\", "")  # tolerate Markdown escaping of the notice
    for key in {k for k, _, _ in expected if k in BY_KEY}:
        assert f"{key}=" in shown, f"{page}: notice does not name {key}: {notices[0]!r}"


@pytest.fixture(scope="module", autouse=True)
def _shipped_data():
    """Every page here runs on the shipped data, whatever TUMEN_DATA_DIR the shell has."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("TUMEN_DATA_DIR", raising=False)
        yield


APP_SETTINGS = settings(
    max_examples=examples(25), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@APP_SETTINGS
@given(params=links(TIMELINE))
@example(params={"from": "2024-13-45", "era": "<script>alert(1)</script>", "category": ["treaty", "bogus"]})
@example(params={"event": "javascript:alert(1)", "lanes": "actor", "actor": '<img src=x onerror="alert(2)">'})
@example(params={"q": "<script>alert(1)</script>" * 300, "status": ["confirmed", "refuted"], "zz": ""})
def test_timeline_survives_any_link(params):
    _check_page(TIMELINE, params)


@APP_SETTINGS
@given(params=links(DELEGATIONS))
@example(params={"sector": ["Rocketry", "Defense"], "from": "2024-13-45", "direction": "up", "listed": "maybe"})
@example(params={"delegation": "[click](javascript:alert(3))", "level": "", "q": "\x00"})
def test_delegations_page_survives_any_link(params):
    _check_page(DELEGATIONS, params)


@APP_SETTINGS
@given(params=links(DATA))
@example(params={"data_q": "<script>alert(1)</script>", "event": "nope", "": "x"})
def test_data_page_survives_any_link(params):
    _check_page(DATA, params)


# Pure functions of urlstate: thousands of inputs, no Streamlit.


def _view_value(key: str) -> st.SearchStrategy[object]:
    """A value of the view as a page hands it to build_query: text, a list/tuple for a repeated key, a date..."""
    scalar = st.one_of(short_hostile_value, _valid(key))
    if BY_KEY[key].many:
        return st.one_of(st.lists(scalar, max_size=3), st.lists(scalar, max_size=3).map(tuple))
    return st.one_of(scalar, st.none(), st.just(True), st.just(False), st.dates())


def _as_sent(key: str, value: object) -> list[str] | None:
    """What build_query should put in the URL for one view value (None: left out)."""
    if value is None or value in ("", [], (), False) or DEFAULTS.get(key) == value:
        return None
    if value is True:
        return ["true"]
    if isinstance(value, date):
        return [value.isoformat()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


SANE_BASES = [
    "http://127.0.0.1:8501/",
    "http://127.0.0.1:8501",
    "https://tumen.example.org/app/delegations",
    "http://192.168.1.5:8501/data?q=old#frag",
]


@settings(max_examples=examples(2000), deadline=None, database=None)
@given(
    params=st.dictionaries(any_key, st.lists(short_hostile_value, max_size=3), max_size=5),
    page=st.one_of(st.sampled_from([TIMELINE, DELEGATIONS, DATA]), url_text),
    known=st.sampled_from([KNOWN[TIMELINE], KNOWN[DELEGATIONS], {}, {"era": {""}, "actor": set(PAYLOADS)}]),
    migrations=st.dictionaries(any_key, known_key, max_size=2),
    values=st.fixed_dictionaries({}, optional={p.key: _view_value(p.key) for p in PARAMS}),
    base=st.one_of(st.sampled_from(SANE_BASES), url_text),
)
def test_urlstate_never_raises_and_links_round_trip(params, page, known, migrations, values, base):
    # Reading a link: migrate, then check; never raises, and every key left unreported is one the page uses.
    moved = migrate(params, migrations)
    assert set(moved) <= {migrations.get(k, k) for k in params}
    assert migrate(params, {}) == params
    problems = invalid_params(moved, page, known)
    for key, value, reason in problems:
        assert key in moved and isinstance(value, str) and reason
        assert value in moved[key] or value == ",".join(moved[key])
    for key in set(moved) - {k for k, _, _ in problems} - STREAMLIT_KEYS:
        assert key in BY_KEY and page in BY_KEY[key].pages
    assert notice(problems).startswith(NOTICE)
    # Writing a link: every value comes back from parse_qs as sent (lists repeat the key), in table order.
    query = build_query(values)
    parsed = parse_qs(query, keep_blank_values=True)
    sent = {k: _as_sent(k, v) for k, v in values.items()}
    assert parsed == {k: v for k, v in sent.items() if v}
    assert list(parsed) == [p.key for p in PARAMS if p.key in parsed]
    link = page_link(base, page, values)
    assert isinstance(link, str)
    if base in SANE_BASES and page in (TIMELINE, DELEGATIONS, DATA):
        parts = urlsplit(link)
        assert parts.query == query and not parts.fragment
        assert parts.path == {TIMELINE: "/", DELEGATIONS: "/delegations", DATA: "/data"}[page] or parts.path.endswith(
            ("/app/", "/app/delegations", "/app/data")
        )


def test_uploaded_file_names_are_shown_as_text():
    from tests.conftest import MINI

    at = _open(DATA, {})
    files = [(n, (MINI / n).read_bytes(), "text/csv") for n in ("delegations.csv", "eras.csv", "sources.csv")]
    files.append(("![x](https://example.org/n.png) events.csv", (MINI / "events.csv").read_bytes(), "text/csv"))
    at.file_uploader(key="upload").set_value(files).run()
    at.button(key="use_upload").click().run()
    shown = [m.value for m in [*at.info, *at.caption] if "example.org/n.png" in m.value]
    assert shown and not [s for s in shown if "![x](https://example.org/n.png)" in s], shown
