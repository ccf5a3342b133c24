"""Table schemas: every column named once, the fixed vocabularies (statuses, source kinds), each column's rules."""

# A dataset's own vocabularies (categories, directions, sectors, levels) are in its dataset.toml: description.py.

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from components.dates import EXPECTED as DATE_EXPECTED
from components.dates import is_edtf

CLAIM_STATUSES = ("confirmed", "reported", "disputed", "refuted")
CLAIM_STATUS_MEANING = {
    "confirmed": "Established by the official record or by several independent reliable sources.",
    "reported": "Reported by credible sources but not officially confirmed, or resting on one source.",
    "disputed": "Credible sources disagree, or the seed article's claim is contested.",
    "refuted": "The record shows the claim to be false.",
}
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


class Table:
    """A CSV table: its annotated names are its columns, in file order, and each reads as its own name.

    `EventSchema.title == "title"`: code names a column through its table, so a typo fails at import.
    """

    columns: tuple[str, ...] = ()
    unique: tuple[str, ...] = ("id",)

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.columns = tuple(inspect.get_annotations(cls))
        for column in cls.columns:
            setattr(cls, column, column)


@dataclass(frozen=True)
class Rule:
    """A vectorised check on one or more columns: `test` is True for each valid cell, `expected` says what is valid."""

    columns: tuple[str, ...]
    expected: str
    test: Callable[[pd.Series], pd.Series]


def _is_id(s: pd.Series) -> pd.Series:
    return s.str.fullmatch(_ID.pattern)


def _nonempty(s: pd.Series) -> pd.Series:
    return s.str.strip() != ""


def _empty_or_date(s: pd.Series) -> pd.Series:
    return (s.str.strip() == "") | _dates_ok(s)


def _url(s: pd.Series) -> pd.Series:
    # Empty is checked per row (allowed only for the seed article, whose address is unknown).
    return (s.str.strip() == "") | s.str.strip().str.fullmatch(_URL.pattern, case=False)


def _has_source(s: pd.Series) -> pd.Series:
    return s.str.replace(MULTI_SEPARATOR, "").str.strip() != ""


def _one_of_rule(column: str, values: tuple[str, ...]) -> Rule:
    return Rule((column,), _one_of(values), lambda s: s.isin(values))


class EraSchema(Table):
    """eras.csv"""

    id: str
    name: str
    start: str
    end: str
    summary: str


class SourceSchema(Table):
    """sources.csv"""

    id: str
    title: str
    publisher: str
    published: str
    url: str
    kind: str


class EventSchema(Table):
    """events.csv"""

    id: str
    start: str
    end: str
    title: str
    summary: str
    era: str
    category: str
    actors: str
    location: str
    claim_status: str
    source_ids: str
    notes: str


class DelegationSchema(Table):
    """delegations.csv"""

    id: str
    start: str
    end: str
    direction: str
    sector: str
    body: str
    leader: str
    leader_title: str
    level: str
    venue: str
    summary: str
    listed_in_article: str
    claim_status: str
    source_ids: str
    notes: str


# What the Timeline's lanes can group events by (the `lanes` link parameter): mode → column.
LANE_COLUMNS = {"category": EventSchema.category, "status": EventSchema.claim_status, "actor": EventSchema.actors}
# Columns a dataset may leave unused (dataset.toml: optional_columns); the page hides what rests on them.
OPTIONAL_COLUMNS = (DelegationSchema.listed_in_article,)


def _dated_rules(t: type[EventSchema] | type[DelegationSchema]) -> tuple[Rule, ...]:
    """Checks shared by events and delegations."""
    return (
        Rule((t.id,), ID_EXPECTED, _is_id),
        Rule((t.start,), DATE_EXPECTED, _dates_ok),
        Rule((t.end,), END_EXPECTED, _empty_or_date),
        _one_of_rule(t.claim_status, CLAIM_STATUSES),
        Rule((t.source_ids,), SOURCES_EXPECTED, _has_source),
    )


# Every cell is read as text and must be present (it may be an empty string); these rules say what else it must be.
# Dates are parsed by components.dates, never coerced by pandera (which would turn years before 1677 into NaT).
RULES: dict[type[Table], tuple[Rule, ...]] = {
    EraSchema: (
        Rule((EraSchema.id,), ID_EXPECTED, _is_id),
        Rule((EraSchema.name, EraSchema.summary), NONEMPTY_EXPECTED, _nonempty),
        Rule((EraSchema.start, EraSchema.end), DATE_EXPECTED, _dates_ok),
    ),
    SourceSchema: (
        Rule((SourceSchema.id,), ID_EXPECTED, _is_id),
        Rule((SourceSchema.title, SourceSchema.publisher), NONEMPTY_EXPECTED, _nonempty),
        Rule((SourceSchema.published,), END_EXPECTED.replace("(a point in time)", "(unknown)"), _empty_or_date),
        Rule((SourceSchema.url,), URL_EXPECTED, _url),
        _one_of_rule(SourceSchema.kind, SOURCE_KINDS),
    ),
    EventSchema: (
        *_dated_rules(EventSchema),
        Rule((EventSchema.title, EventSchema.summary, EventSchema.category), NONEMPTY_EXPECTED, _nonempty),
    ),
    DelegationSchema: (
        *_dated_rules(DelegationSchema),
        Rule((DelegationSchema.body, DelegationSchema.summary), NONEMPTY_EXPECTED, _nonempty),
        Rule(
            (DelegationSchema.direction, DelegationSchema.sector, DelegationSchema.level), NONEMPTY_EXPECTED, _nonempty
        ),
        _one_of_rule(DelegationSchema.listed_in_article, BOOLEANS),
    ),
}


# File name → schema, in the order tables are loaded and shown.
TABLES: dict[str, type[Table]] = {
    "events.csv": EventSchema,
    "delegations.csv": DelegationSchema,
    "eras.csv": EraSchema,
    "sources.csv": SourceSchema,
}


def conforms(table: type[Table], df: pd.DataFrame) -> bool:
    """True when a table read as text passes every check its pandera schema makes (a fast yes or no, no pandera).

    Exactly pandera's verdict (a unit test compares them over the bad-file corpus and random edits): the columns,
    text cells, none missing, unique ids, every rule. components.validation explains a no.
    """
    if len(df.columns) != len(table.columns) or set(df.columns) != set(table.columns):
        return False
    if not all(isinstance(df[c].dtype, pd.StringDtype) for c in table.columns) or df.isna().any().any():
        return False
    if not all(df[c].is_unique for c in table.unique):
        return False
    return all(rule.test(df[c]).eq(True).all() for rule in RULES[table] for c in rule.columns)


def columns_of(schema: type[Table]) -> list[str]:
    """The column names of a table schema, in file order."""
    return list(schema.columns)


def header_of(name: str) -> str:
    """The header row a table file must have, as a reader types it (or a note that the file is not a table)."""
    return ", ".join(TABLES[name].columns) if name in TABLES else "(unknown table)"


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
