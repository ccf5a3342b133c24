"""URL parameters: one table of every key, checks that drop invalid values with a reason, migrations, links."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from components.schema import CLAIM_STATUSES, LANE_COLUMNS


@dataclass(frozen=True)
class Param:
    """One URL parameter: its pages, whether it repeats, what it holds, and how to check a value."""

    key: str
    pages: tuple[str, ...]
    values: str  # what the README says it holds
    many: bool = False
    fixed: tuple[str, ...] = ()  # allowed values when the app fixes them; else checked against the data (`known`)


def parse_url_date(value: str) -> date | None:
    """A `YYYY-MM-DD` date as the date widgets read it (month and day may lack their leading zero), else None."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return None


ZOOM_SEPARATOR = ".."


def format_zoom(span: tuple[date, date] | None) -> str | None:
    """A zoomed span as the URL writes it, `YYYY-MM-DD..YYYY-MM-DD`."""
    return None if span is None else f"{span[0].isoformat()}{ZOOM_SEPARATOR}{span[1].isoformat()}"


def parse_zoom(value: str | None) -> tuple[date, date] | None:
    """The span of a `zoom` URL value, or None unless it is two increasing `YYYY-MM-DD` dates."""
    parts = (value or "").split(ZOOM_SEPARATOR)
    if len(parts) != 2:
        return None
    lo, hi = (parse_url_date(p) for p in parts)
    return (lo, hi) if lo and hi and lo < hi else None


TIMELINE, DELEGATIONS, DATA = "/", "/delegations", "/data"
MARGIN_YEARS = 5  # the date widgets reach this many whole years beyond the data


def date_bounds(first: date | None, last: date | None) -> tuple[date, date]:
    """The date widgets' bounds for data spanning [first, last]: whole years, MARGIN_YEARS beyond each end (the
    current year ± MARGIN_YEARS without data). A linked date outside them is dropped by the widget, so it is
    checked against them and noticed."""
    today = date.today()
    lo, hi = (first or today).year - MARGIN_YEARS, (last or today).year + MARGIN_YEARS
    return date(max(lo, 1), 1, 1), date(min(hi, 9999), 12, 31)


PARAMS: tuple[Param, ...] = (
    Param("era", (TIMELINE,), "an era id from eras.csv, e.g. `cold-war`"),
    Param("from", (TIMELINE, DELEGATIONS), "first day shown, `YYYY-MM-DD`"),
    Param("to", (TIMELINE, DELEGATIONS), "last day shown, `YYYY-MM-DD`"),
    Param("category", (TIMELINE,), "an event category id from dataset.toml (repeat the key for several)", True),
    Param("status", (TIMELINE,), "claim status (repeatable)", True, CLAIM_STATUSES),
    Param("actor", (TIMELINE,), "an actor named in events.csv (repeatable)", True),
    Param("q", (TIMELINE, DELEGATIONS), "text search (every word must match)"),
    Param("lanes", (TIMELINE,), "y-axis lanes; default `category`", False, tuple(LANE_COLUMNS)),
    Param("event", (TIMELINE,), "the id of the open event"),
    Param(
        "scale",
        (TIMELINE,),
        "time axis; default `era` (each era as wide as its events): `era`, `time` (true time)",
        False,
        ("era", "time"),
    ),
    Param("zoom", (TIMELINE,), "the span a drag across the chart zoomed to, `YYYY-MM-DD..YYYY-MM-DD`"),
    Param("direction", (DELEGATIONS,), "a direction id from dataset.toml; default both"),
    Param("sector", (DELEGATIONS,), "a sector id (repeatable)", True),
    Param("level", (DELEGATIONS,), "a level id (repeatable)", True),
    Param("listed", (DELEGATIONS,), "`true`: only the delegations the seed article lists", False, ("true", "false")),
    Param("delegation", (DELEGATIONS,), "the id of the open delegation"),
    Param(
        "chart",
        (DELEGATIONS,),
        "the chart tab shown; default `Tempo`",
        False,
        ("Tempo", "Breadth", "By sector", "Composition", "Over time"),
    ),
    Param("data_q", (DATA,), "text search across the four tables"),
)
BY_KEY = {p.key: p for p in PARAMS}
DEFAULTS = {"lanes": "category", "chart": "Tempo", "scale": "era"}

# Renamed parameters: old key → new key. Old links are rewritten before any widget reads them, so they keep
# working. Empty until a parameter is renamed.
MIGRATIONS: dict[str, str] = {}
# Renamed values: key → {old value: new value}. Links made before the lanes switch wrote ids carried its labels.
VALUE_MIGRATIONS: dict[str, dict[str, str]] = {
    "lanes": {"Category": "category", "Claim status": "status", "First actor": "actor"},
    # The claim-status filter was bound to its widget, which wrote its labels (`Disputed`) into links.
    "status": {s.capitalize(): s for s in CLAIM_STATUSES},
}

# Keys whose widgets are synced with the URL by hand (views.common.sync_from_url): they read the rewritten URL.
# Every other key is bound to its widget, which reads the address the browser opened, so a migrated value is
# handed to the widget as its state (widget_value).
HAND_SYNCED = {
    "era",
    "event",
    "lanes",
    "scale",
    "zoom",
    "status",
    "direction",
    "delegation",
    "category",
    "sector",
    "level",
}

# Keys Streamlit itself understands; never reported as unknown.
STREAMLIT_KEYS = {"embed", "embed_options"}


def migrate(
    params: Mapping[str, list[str]],
    migrations: Mapping[str, str] | None = None,
    value_migrations: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, list[str]]:
    """Rename old keys and old values to their new names (the new key wins when both are present).

    By default the module's MIGRATIONS and VALUE_MIGRATIONS, read at each call.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    value_migrations = VALUE_MIGRATIONS if value_migrations is None else value_migrations
    out: dict[str, list[str]] = {}
    for key, values in params.items():
        new = migrations.get(key, key)
        if new != key and new in params:
            continue
        renamed = value_migrations.get(new, {})
        out.setdefault(new, []).extend(renamed.get(v, v) for v in values)
    return out


def widget_value(key: str, values: list[str]) -> object:
    """The state a bound widget holds for a URL value: a list, a date, a bool or a string."""
    spec = BY_KEY[key]
    if spec.many:
        return list(values)
    if key in ("from", "to"):
        return parse_url_date(values[-1])
    if key == "listed":
        return values[-1].lower() == "true"
    return values[-1]


def invalid_params(
    params: Mapping[str, list[str]],
    page: str,
    known: Mapping[str, Iterable[str]] | None = None,
    bounds: tuple[date, date] | None = None,
) -> list[tuple[str, str, str]]:
    """Every (key, value, reason) of `params` that the page will ignore; `known` holds data-driven values and
    `bounds` the page's date range (date_bounds)."""
    known = {k: set(v) for k, v in (known or {}).items()}
    problems: list[tuple[str, str, str]] = []
    for key, values in params.items():
        spec = BY_KEY.get(key)
        if key in STREAMLIT_KEYS:
            continue
        if spec is None:
            problems.append((key, ",".join(values), "unknown parameter"))
            continue
        if page not in spec.pages:
            problems.append((key, ",".join(values), "not used on this page"))
            continue
        check = _checker(spec, known, bounds)
        for value in values if spec.many else values[-1:]:
            reason = check(value)
            if reason:
                problems.append((key, value, reason))
    start, end = (parse_url_date((params.get(k) or [""])[-1]) for k in ("from", "to"))
    flagged = {k for k, _, _ in problems}
    if start and end and end < start and not flagged & {"from", "to"}:
        problems.append(("to", params["to"][-1], f"{INVERTED} ({start.isoformat()})"))
    return problems


INVERTED = "before from"  # the reason given for an end date before the start date


def _checker(spec: Param, known: Mapping[str, set[str]], bounds: tuple | None) -> Callable[[str], str | None]:
    if spec.key in ("from", "to"):
        lo, hi = bounds or (date.min, date.max)

        def check_date(v: str) -> str | None:
            d = parse_url_date(v)
            if d is None:
                return "not a date of the form YYYY-MM-DD"
            return None if lo <= d <= hi else f"outside {lo.isoformat()} … {hi.isoformat()}"

        return check_date
    if spec.key == "zoom":
        lo, hi = bounds or (date.min, date.max)

        def check_zoom(v: str) -> str | None:
            span = parse_zoom(v)
            if span is None:
                return "not two increasing dates of the form YYYY-MM-DD..YYYY-MM-DD"
            return None if lo <= span[0] and span[1] <= hi else f"outside {lo.isoformat()} … {hi.isoformat()}"

        return check_zoom
    if spec.key == "listed":  # the toggle reads true/false in any case
        return lambda v: None if v.lower() in spec.fixed else "expected true or false"
    if spec.fixed:
        return lambda v: None if v in spec.fixed else "expected one of " + ", ".join(spec.fixed)
    if spec.key in known:
        return lambda v: None if v in known[spec.key] else f"no such {spec.key}"
    return lambda v: None


def notice(problems: list[tuple[str, str, str]]) -> str:
    """One sentence naming what a link asked for that was ignored."""
    parts = [f"{k}={v} ({why})" for k, v, why in problems]
    return "Ignored from the link: " + "; ".join(parts) + ". The rest of the link applies."


def build_query(values: Mapping[str, object]) -> str:
    """A query string for the view, in table order, defaults and empty values left out; lists repeat the key."""
    pairs: list[tuple[str, str]] = []
    for spec in PARAMS:
        value = values.get(spec.key)
        if value is None or value == "" or value == [] or value == () or value is False:
            continue
        if DEFAULTS.get(spec.key) == value:
            continue
        if value is True:
            value = "true"
        if isinstance(value, date):
            value = value.isoformat()
        if isinstance(value, list | tuple):
            pairs += [(spec.key, str(v)) for v in value]
        else:
            pairs.append((spec.key, str(value)))
    return urlencode(pairs)


def page_link(base_url: str, page: str, values: Mapping[str, object]) -> str:
    """The full link to a page with the given state; `base_url` is the app's root (scheme, host, port, path)."""
    root = base_url.split("?", 1)[0].rstrip("/")
    for suffix in ("/delegations", "/data", "/timeline"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
    query = build_query(values)
    path = "" if page == TIMELINE else page
    return (
        f"{root}{path}/" + (f"?{query}" if query else "")
        if path == ""
        else f"{root}{path}" + (f"?{query}" if query else "")
    )
