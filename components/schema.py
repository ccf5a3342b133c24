"""Table schemas: every column named once, the controlled vocabularies, and pandera checks."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from components.dates import EXPECTED as DATE_EXPECTED
from components.dates import is_edtf

CATEGORIES = (
    "territory",
    "migration",
    "repression",
    "war",
    "politics",
    "treaty",
    "summit",
    "diplomacy",
    "nuclear",
    "sanctions",
    "military",
    "economy",
)
CLAIM_STATUSES = ("confirmed", "reported", "disputed", "refuted")
CLAIM_STATUS_MEANING = {
    "confirmed": "Established by the official record or by several independent reliable sources.",
    "reported": "Reported by credible sources but not officially confirmed, or resting on one source.",
    "disputed": "Credible sources disagree, or the seed article's claim is contested.",
    "refuted": "The record shows the claim to be false.",
}
DIRECTIONS = ("dprk_to_russia", "russia_to_dprk")
DIRECTION_LABELS = {"dprk_to_russia": "North Korea → Russia", "russia_to_dprk": "Russia → North Korea"}
SECTORS = (
    "Defense",
    "Security",
    "Foreign affairs",
    "Party",
    "Parliament",
    "Economy",
    "Energy",
    "Agriculture",
    "Education",
    "Science and technology",
    "Digital",
    "Environment",
    "Sports",
    "Culture",
    "Health",
    "Transport",
    "Diaspora",
    "Tourism",
    "Justice",
)
LEVELS = ("head_of_state", "ministerial", "vice_ministerial", "party", "parliamentary", "regional", "working")
SOURCE_KINDS = ("article", "news", "official", "un", "academic", "reference", "think_tank")
BOOLEANS = ("true", "false")

MULTI_SEPARATOR = ";"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _dates_ok(s: pd.Series) -> pd.Series:
    """Vectorised EDTF check: each distinct value is parsed once."""
    unique = pd.unique(s)
    return s.map(dict(zip(unique, (is_edtf(v) for v in unique), strict=True))).astype(bool)


def split_multi(value: str) -> list[str]:
    """Split a `;`-separated cell into its trimmed, non-empty parts."""
    return [part.strip() for part in str(value).split(MULTI_SEPARATOR) if part.strip()]


def _one_of(values: tuple[str, ...]) -> str:
    return "one of: " + ", ".join(values)


ID_EXPECTED = "a non-empty id of lowercase letters, digits and hyphens"
NONEMPTY_EXPECTED = "a non-empty value"
END_EXPECTED = "empty (a point in time) or " + DATE_EXPECTED
SOURCES_EXPECTED = "one or more source ids separated by ;"
URL_EXPECTED = "an http:// or https:// URL"
URL_REQUIRED_UNLESS = "article"  # kind whose URL may be unknown


def _cell(**kwargs) -> pa.Field:
    # Every cell is read as text; dates are parsed by components.dates, never coerced by pandera
    # (which would turn years before 1677 into NaT).
    return pa.Field(coerce=False, nullable=False, **kwargs)


class _Table(pa.DataFrameModel):
    class Config:
        strict = True
        ordered = False


class EraSchema(_Table):
    """eras.csv"""

    id: str = _cell(unique=True)
    name: str = _cell()
    start: str = _cell()
    end: str = _cell()
    summary: str = _cell()

    @pa.check("id", name=ID_EXPECTED)
    def _id(cls, s: pd.Series) -> pd.Series:
        return s.str.fullmatch(_ID.pattern)

    @pa.check("name", "summary", name=NONEMPTY_EXPECTED)
    def _nonempty(cls, s: pd.Series) -> pd.Series:
        return s.str.strip() != ""

    @pa.check("start", "end", name=DATE_EXPECTED)
    def _dates(cls, s: pd.Series) -> pd.Series:
        return _dates_ok(s)


class SourceSchema(_Table):
    """sources.csv"""

    id: str = _cell(unique=True)
    title: str = _cell()
    publisher: str = _cell()
    published: str = _cell()
    url: str = _cell()
    kind: str = _cell()

    @pa.check("id", name=ID_EXPECTED)
    def _id(cls, s: pd.Series) -> pd.Series:
        return s.str.fullmatch(_ID.pattern)

    @pa.check("title", "publisher", name=NONEMPTY_EXPECTED)
    def _nonempty(cls, s: pd.Series) -> pd.Series:
        return s.str.strip() != ""

    @pa.check("published", name=END_EXPECTED.replace("(a point in time)", "(unknown)"))
    def _published(cls, s: pd.Series) -> pd.Series:
        return (s.str.strip() == "") | _dates_ok(s)

    @pa.check("url", name=URL_EXPECTED)
    def _url(cls, s: pd.Series) -> pd.Series:
        # Empty is checked per row (allowed only for the seed article, whose address is unknown).
        return (s.str.strip() == "") | s.str.strip().str.fullmatch(_URL.pattern, case=False)

    @pa.check("kind", name=_one_of(SOURCE_KINDS))
    def _kind(cls, s: pd.Series) -> pd.Series:
        return s.isin(SOURCE_KINDS)


class _Dated(_Table):
    """Checks shared by events and delegations; each subclass declares its columns in file order."""

    @pa.check("id", name=ID_EXPECTED)
    def _id(cls, s: pd.Series) -> pd.Series:
        return s.str.fullmatch(_ID.pattern)

    @pa.check("start", name=DATE_EXPECTED)
    def _start(cls, s: pd.Series) -> pd.Series:
        return _dates_ok(s)

    @pa.check("end", name=END_EXPECTED)
    def _end(cls, s: pd.Series) -> pd.Series:
        return (s.str.strip() == "") | _dates_ok(s)

    @pa.check("claim_status", name=_one_of(CLAIM_STATUSES))
    def _status(cls, s: pd.Series) -> pd.Series:
        return s.isin(CLAIM_STATUSES)

    @pa.check("source_ids", name=SOURCES_EXPECTED)
    def _sources(cls, s: pd.Series) -> pd.Series:
        return s.str.replace(MULTI_SEPARATOR, "").str.strip() != ""


class EventSchema(_Dated):
    """events.csv"""

    id: str = _cell(unique=True)
    start: str = _cell()
    end: str = _cell()
    title: str = _cell()
    summary: str = _cell()
    era: str = _cell()
    category: str = _cell()
    actors: str = _cell()
    location: str = _cell()
    claim_status: str = _cell()
    source_ids: str = _cell()
    notes: str = _cell()

    @pa.check("title", "summary", name=NONEMPTY_EXPECTED)
    def _nonempty(cls, s: pd.Series) -> pd.Series:
        return s.str.strip() != ""

    @pa.check("category", name=_one_of(CATEGORIES))
    def _category(cls, s: pd.Series) -> pd.Series:
        return s.isin(CATEGORIES)


class DelegationSchema(_Dated):
    """delegations.csv"""

    id: str = _cell(unique=True)
    start: str = _cell()
    end: str = _cell()
    direction: str = _cell()
    sector: str = _cell()
    body: str = _cell()
    leader: str = _cell()
    leader_title: str = _cell()
    level: str = _cell()
    venue: str = _cell()
    summary: str = _cell()
    listed_in_article: str = _cell()
    claim_status: str = _cell()
    source_ids: str = _cell()
    notes: str = _cell()

    @pa.check("body", "summary", name=NONEMPTY_EXPECTED)
    def _nonempty(cls, s: pd.Series) -> pd.Series:
        return s.str.strip() != ""

    @pa.check("direction", name=_one_of(DIRECTIONS))
    def _direction(cls, s: pd.Series) -> pd.Series:
        return s.isin(DIRECTIONS)

    @pa.check("sector", name=_one_of(SECTORS))
    def _sector(cls, s: pd.Series) -> pd.Series:
        return s.isin(SECTORS)

    @pa.check("level", name=_one_of(LEVELS))
    def _level(cls, s: pd.Series) -> pd.Series:
        return s.isin(LEVELS)

    @pa.check("listed_in_article", name=_one_of(BOOLEANS))
    def _listed(cls, s: pd.Series) -> pd.Series:
        return s.isin(BOOLEANS)


# File name → schema, in the order tables are loaded and shown.
TABLES: dict[str, type[_Table]] = {
    "events.csv": EventSchema,
    "delegations.csv": DelegationSchema,
    "eras.csv": EraSchema,
    "sources.csv": SourceSchema,
}


def columns_of(schema: type[_Table]) -> list[str]:
    """The column names of a table schema, in declaration order."""
    return list(schema.to_schema().columns)


class Derived:
    """Columns the loader adds to dated tables (not in the CSV files)."""

    lower = "date_lower"  # first day the event may have started (datetime64)
    upper = "date_upper"  # last day it may have ended (datetime64)
    precision = "date_precision"  # precision of start: year | month | day
    approximate = "date_approximate"
    uncertain = "date_uncertain"
    label = "date_label"  # the date as a person writes it
    text = "search_text"  # lower-cased text searched by the page's search box (events and delegations)


# The columns each page's search box looks in (every word of a query must appear in one of them).
EVENT_SEARCH_COLUMNS = [EventSchema.title, EventSchema.summary, EventSchema.actors, EventSchema.notes]
DELEGATION_SEARCH_COLUMNS = [
    DelegationSchema.body,
    DelegationSchema.leader,
    DelegationSchema.leader_title,
    DelegationSchema.summary,
]
