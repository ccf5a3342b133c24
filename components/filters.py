"""Filters as values: frozen dataclasses that apply themselves to a frame and describe themselves in English."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from components.description import Description
from components.schema import (
    DELEGATION_SEARCH_COLUMNS,
    EVENT_SEARCH_COLUMNS,
    DelegationSchema,
    Derived,
    EventSchema,
    split_multi,
)
from components.search import search_frame


def _overlapping(df: pd.DataFrame, date_from: date | None, date_to: date | None) -> pd.Series:
    """Rows whose [lower, upper] date bounds overlap [date_from, date_to] (open ends allowed)."""
    mask = pd.Series(True, index=df.index)
    if date_from is not None:
        mask &= df[Derived.upper] >= pd.Timestamp(date_from)
    if date_to is not None:
        mask &= df[Derived.lower] <= pd.Timestamp(date_to)
    return mask


def _any_of(cells: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return cells.map(lambda c: bool(wanted_set.intersection(split_multi(c))))


def _span(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"from {_day(date_from)} to {_day(date_to)}"
    if date_from:
        return f"from {_day(date_from)}"
    if date_to:
        return f"up to {_day(date_to)}"
    return ""


def checked_range(date_from: date | None, date_to: date | None) -> tuple[date | None, date | None, str]:
    """(from, to, notice): an end before the start is ignored, and the notice says so and what is shown instead."""
    if date_from is None or date_to is None or date_from <= date_to:
        return date_from, date_to, ""
    shown = _span(date_from, None)
    return (
        date_from,
        None,
        f"To ({_day(date_to)}) is before From ({_day(date_from)}), so To is ignored: showing everything {shown}.",
    )


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _ending(parts: list[str], query: str, date_from, date_to, matched: int, total: int) -> str:
    """The parts shared by every description: the search text, the dates and the count."""
    if query.strip():
        parts.append(f"matching “{query.strip()}”")
    span = _span(date_from, date_to)
    if span:
        parts.append(span)
    return " ".join(parts) + f": {matched} of {total}"


def _and_list(values) -> str:
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


@dataclass(frozen=True)
class EventFilter:
    """What the Timeline page shows: date window, categories, statuses, actors and a text search."""

    date_from: date | None = None
    date_to: date | None = None
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    query: str = ""

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        """The matching events, in date order."""
        mask = _overlapping(events, self.date_from, self.date_to)
        if self.categories:
            mask &= events[EventSchema.category].isin(self.categories)
        if self.statuses:
            mask &= events[EventSchema.claim_status].isin(self.statuses)
        if self.actors:
            mask &= _any_of(events[EventSchema.actors], self.actors)
        # The loader keeps tables in date order, so a mask keeps the matches in date order too. An unfiltered
        # view is the shared table itself, not a per-session copy (exports hold on to it until clicked).
        base = events if mask.all() else events[mask]
        return search_frame(base, self.query, EVENT_SEARCH_COLUMNS, events.get(Derived.text))

    def describe(self, matched: int, total: int, description: Description | None = None) -> str:
        """The view in plain English, e.g. `Treaty events with Russia, 2000–2024: 5 of 104` (labels from
        `description`)."""
        names = [description.label("categories", c) for c in self.categories] if description else self.categories
        parts = [(_and_list(names) + " events") if self.categories else "Events"]
        if self.statuses:
            parts.append(f"({_and_list(self.statuses)})")
        if self.actors:
            parts.append("involving " + _and_list(self.actors))
        return _ending(parts, self.query, self.date_from, self.date_to, matched, total)


@dataclass(frozen=True)
class DelegationFilter:
    """What the Delegations page shows: direction, sectors, levels, dates, listed-only and a text search."""

    direction: str | None = None
    sectors: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    listed_only: bool = False
    query: str = ""

    def apply(self, delegations: pd.DataFrame) -> pd.DataFrame:
        """The matching delegations, in date order."""
        df = delegations
        mask = _overlapping(df, self.date_from, self.date_to)
        if self.direction:
            mask &= df[DelegationSchema.direction] == self.direction
        if self.sectors:
            mask &= df[DelegationSchema.sector].isin(self.sectors)
        if self.levels:
            mask &= df[DelegationSchema.level].isin(self.levels)
        if self.listed_only:
            mask &= df[DelegationSchema.listed_in_article] == "true"
        return search_frame(df if mask.all() else df[mask], self.query, DELEGATION_SEARCH_COLUMNS, df.get(Derived.text))

    def describe(self, matched: int, total: int, description: Description | None = None) -> str:
        """The view in plain English, e.g. `Delegations from Russia to North Korea in Defense: 3 of 33` (labels
        from `description`)."""
        label = description.label if description else (lambda _, value: value)
        parts = ["Delegations listed in the article" if self.listed_only else "Delegations"]
        if self.direction:
            name = label("directions", self.direction)
            src, arrow, dst = name.partition(" → ")
            parts.append(f"from {src} to {dst}" if arrow else f"({name})")
        if self.sectors:
            parts.append("in " + _and_list(label("sectors", s) for s in self.sectors))
        if self.levels:
            parts.append("at level " + _and_list(label("levels", v) for v in self.levels))
        return _ending(parts, self.query, self.date_from, self.date_to, matched, total)


def actor_options(events: pd.DataFrame) -> list[str]:
    """Every actor named in the events, most frequent first."""
    counts = pd.Series([a for cell in events[EventSchema.actors] for a in split_multi(cell)], dtype=object)
    if counts.empty:
        return []
    freq = counts.value_counts()
    return sorted(freq.index, key=lambda a: (-freq[a], a))


def step(ids: list[str], current: str | None, offset: int) -> str | None:
    """The id `offset` places from `current` in `ids` (story mode), clamped to the ends."""
    if not ids:
        return None
    if current not in ids:
        return ids[0] if offset >= 0 else ids[-1]
    i = min(max(ids.index(current) + offset, 0), len(ids) - 1)
    return ids[i]


def in_span(rows: pd.DataFrame, span: tuple | None) -> pd.DataFrame:
    """The rows whose dates overlap `span` (two datetime-likes, inclusive), all rows for None: what a view shows."""
    if span is None:
        return rows
    mask = (rows[Derived.upper] >= pd.Timestamp(span[0])) & (rows[Derived.lower] <= pd.Timestamp(span[1]))
    return rows if mask.all() else rows[mask]


# The filter fields of an EventFilter and how a reader names each (in the notice when nothing matches).
EVENT_FILTER_FIELDS = {
    "dates": ("date_from", "date_to"),
    "categories": ("categories",),
    "claim status": ("statuses",),
    "actors": ("actors",),
    "search": ("query",),
}


def blocking_filters(events: pd.DataFrame, flt: EventFilter) -> list[tuple[str, int]]:
    """For a filter that matches nothing: each filter in use, with how many events match once it alone is
    cleared (0 when clearing it alone is not enough)."""
    used = {name: fields for name, fields in EVENT_FILTER_FIELDS.items() if any(getattr(flt, f) for f in fields)}
    out = []
    for name, fields in used.items():
        cleared = replace(flt, **{f: EventFilter.__dataclass_fields__[f].default for f in fields})
        out.append((name, len(cleared.apply(events))))
    return out


def describe_view(description: str, *, era: str = "", in_era: int | None = None, lanes: str = "") -> str:
    """A filter's description with what else shapes the view: the era shown (and its count) and the lanes."""
    if era:
        description += f" · era {era}: {in_era} shown"
    if lanes:
        description += f" · lanes by {lanes}"
    return description
