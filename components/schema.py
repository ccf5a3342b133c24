"""Table schemas: every column named once, the controlled vocabularies, and pandera checks."""

from __future__ import annotations

import re

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

    @pa.check("id", name=ID_EXPECTED, element_wise=True)
    def _id(cls, v: str) -> bool:
        return bool(_ID.match(v))

    @pa.check("name", "summary", name=NONEMPTY_EXPECTED, element_wise=True)
    def _nonempty(cls, v: str) -> bool:
        return bool(v.strip())

    @pa.check("start", "end", name=DATE_EXPECTED, element_wise=True)
    def _dates(cls, v: str) -> bool:
        return is_edtf(v)


class SourceSchema(_Table):
    """sources.csv"""

    id: str = _cell(unique=True)
    title: str = _cell()
    publisher: str = _cell()
    published: str = _cell()
    url: str = _cell()
    kind: str = _cell()

    @pa.check("id", name=ID_EXPECTED, element_wise=True)
    def _id(cls, v: str) -> bool:
        return bool(_ID.match(v))

    @pa.check("title", "publisher", name=NONEMPTY_EXPECTED, element_wise=True)
    def _nonempty(cls, v: str) -> bool:
        return bool(v.strip())

    @pa.check("published", name=END_EXPECTED.replace("(a point in time)", "(unknown)"), element_wise=True)
    def _published(cls, v: str) -> bool:
        return not v.strip() or is_edtf(v)

    @pa.check("url", name=URL_EXPECTED, element_wise=True)
    def _url(cls, v: str) -> bool:
        # Empty is checked per row (allowed only for the seed article, whose address is unknown).
        return not v.strip() or bool(_URL.match(v.strip()))

    @pa.check("kind", name=_one_of(SOURCE_KINDS), element_wise=True)
    def _kind(cls, v: str) -> bool:
        return v in SOURCE_KINDS


class _Dated(_Table):
    """Checks shared by events and delegations; each subclass declares its columns in file order."""

    @pa.check("id", name=ID_EXPECTED, element_wise=True)
    def _id(cls, v: str) -> bool:
        return bool(_ID.match(v))

    @pa.check("start", name=DATE_EXPECTED, element_wise=True)
    def _start(cls, v: str) -> bool:
        return is_edtf(v)

    @pa.check("end", name=END_EXPECTED, element_wise=True)
    def _end(cls, v: str) -> bool:
        return not v.strip() or is_edtf(v)

    @pa.check("claim_status", name=_one_of(CLAIM_STATUSES), element_wise=True)
    def _status(cls, v: str) -> bool:
        return v in CLAIM_STATUSES

    @pa.check("source_ids", name=SOURCES_EXPECTED, element_wise=True)
    def _sources(cls, v: str) -> bool:
        return bool(split_multi(v))


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

    @pa.check("title", "summary", name=NONEMPTY_EXPECTED, element_wise=True)
    def _nonempty(cls, v: str) -> bool:
        return bool(v.strip())

    @pa.check("category", name=_one_of(CATEGORIES), element_wise=True)
    def _category(cls, v: str) -> bool:
        return v in CATEGORIES


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

    @pa.check("body", "summary", name=NONEMPTY_EXPECTED, element_wise=True)
    def _nonempty(cls, v: str) -> bool:
        return bool(v.strip())

    @pa.check("direction", name=_one_of(DIRECTIONS), element_wise=True)
    def _direction(cls, v: str) -> bool:
        return v in DIRECTIONS

    @pa.check("sector", name=_one_of(SECTORS), element_wise=True)
    def _sector(cls, v: str) -> bool:
        return v in SECTORS

    @pa.check("level", name=_one_of(LEVELS), element_wise=True)
    def _level(cls, v: str) -> bool:
        return v in LEVELS

    @pa.check("listed_in_article", name=_one_of(BOOLEANS), element_wise=True)
    def _listed(cls, v: str) -> bool:
        return v in BOOLEANS


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
