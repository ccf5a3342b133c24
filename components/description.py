"""What a dataset says about itself: title, vocabularies with labels and colours; from dataset.toml or the data."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from components import palette
from components.problems import Problem, row_line
from components.schema import OPTIONAL_COLUMNS, DelegationSchema, EventSchema

DATASET_FILE = "dataset.toml"


@dataclass(frozen=True)
class Vocabulary:
    """Where a vocabulary's values are used: the table file and its column."""

    name: str  # the array of tables in dataset.toml, e.g. `categories`
    noun: str  # one value, as a sentence names it
    table: str
    column: str


VOCABULARIES = (
    Vocabulary("categories", "category", "events.csv", EventSchema.category),
    Vocabulary("directions", "direction", "delegations.csv", DelegationSchema.direction),
    Vocabulary("sectors", "sector", "delegations.csv", DelegationSchema.sector),
    Vocabulary("levels", "level", "delegations.csv", DelegationSchema.level),
)
BY_NAME = {v.name: v for v in VOCABULARIES}


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: the id the data and links use, the label people read, and its colour."""

    id: str
    label: str = ""
    color: str = ""
    short: str = ""  # directions: the side of the axis, e.g. `to Russia`

    @property
    def name(self) -> str:
        """The label, or the id when there is none."""
        return self.label or self.id


@dataclass(frozen=True)
class Description:
    """A dataset's title, vocabularies, milestones and optional columns; `declared` vocabularies are checked."""

    title: str = ""
    subtitle: str = ""
    citation: str = ""
    coverage: str = ""  # what the delegation counts can be read as
    categories: tuple[Term, ...] = ()
    directions: tuple[Term, ...] = ()  # the first is drawn above the axis
    sectors: tuple[Term, ...] = ()
    levels: tuple[Term, ...] = ()
    milestone_category: str = ""
    since_era: str = ""  # the era whose start the Delegations page offers as a preset
    since_label: str = ""
    optional_columns: tuple[str, ...] = ()
    declared: tuple[str, ...] = field(default=())  # vocabularies the file declares

    def terms(self, vocabulary: str) -> tuple[Term, ...]:
        """The terms of a vocabulary (`categories`, `directions`, `sectors`, `levels`)."""
        return getattr(self, vocabulary)

    def ids(self, vocabulary: str) -> tuple[str, ...]:
        """The ids of a vocabulary, in order."""
        return tuple(t.id for t in self.terms(vocabulary))

    def labels(self, vocabulary: str) -> dict[str, str]:
        """id → label of a vocabulary."""
        return {t.id: t.name for t in self.terms(vocabulary)}

    def label(self, vocabulary: str, value: str) -> str:
        """The label of a value, or the value itself when the vocabulary does not know it."""
        return self.labels(vocabulary).get(value, value)

    def colors(self, vocabulary: str) -> dict[str, str]:
        """id → colour: declared colours, else the vocabulary's scheme by position (palette)."""
        ids = self.ids(vocabulary)
        positional = {"directions": palette.DIRECTION_COLORS, "levels": palette.LEVEL_COLORS}.get(vocabulary)
        scheme = dict(zip(ids, palette.qualitative(len(ids)), strict=True))
        scheme = palette.by_position(ids, positional) if positional else scheme
        return {t.id: t.color or scheme[t.id] for t in self.terms(vocabulary)}

    def uses(self, column: str) -> bool:
        """True when an optional column (e.g. `listed_in_article`) is in use."""
        return column in self.optional_columns


def _distinct(df: pd.DataFrame | None, column: str) -> tuple[str, ...]:
    """The distinct non-empty values of a column in order of first appearance."""
    if df is None or column not in df.columns:
        return ()
    return tuple(v for v in pd.unique(df[column].astype(str)) if v)


def folder_title(label: str) -> str:
    """A title from a folder or file name: `women-in-computing` → `women in computing`."""
    name = str(label).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    name = name.rsplit(".", 1)[0] if name.lower().endswith((".csv", ".toml")) else name
    return " ".join(name.replace("_", " ").replace("-", " ").split()) or "Timeline"


def complete(described: Description | None, tables: Mapping[str, pd.DataFrame], label: str) -> Description:
    """The description to use: the file's, with what it leaves out found in the data (vocabularies in order of first
    appearance, the title from the folder name, the optional columns that hold a value)."""
    out = described or Description()
    for vocabulary in VOCABULARIES:
        if vocabulary.name not in out.declared:
            found = _distinct(tables.get(vocabulary.table), vocabulary.column)
            out = replace(out, **{vocabulary.name: tuple(Term(v) for v in found)})
    if not out.title:
        out = replace(out, title=folder_title(label))
    if described is None:
        delegations = tables.get("delegations.csv")
        used = tuple(
            c
            for c in OPTIONAL_COLUMNS
            if delegations is not None and c in delegations.columns and (delegations[c] == "true").any()
        )
        out = replace(out, optional_columns=used)
    return replace(out, citation=out.citation or out.title)


def or_found(description: Description | None, table: str, rows: pd.DataFrame) -> Description:
    """`description`, or one found in the rows a figure draws (`table` names their file): the builders' default."""
    return description or complete(None, {table: rows}, "")


def vocabulary_problems(description: Description, tables: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Every cell outside a declared vocabulary, with the nearest declared value as a hint; and, without a file,
    a direction column holding more than the two directions a page can draw."""
    problems: list[Problem] = []
    for vocabulary in VOCABULARIES:
        df = tables.get(vocabulary.table)
        if df is None or vocabulary.column not in df.columns:
            continue
        ids = description.ids(vocabulary.name)
        if vocabulary.name not in description.declared:
            if vocabulary.name == "directions" and len(ids) > 2:
                extra = df.index[df[vocabulary.column].isin(ids[2:])]
                expected = f"one of two directions ({ids[0]}, {ids[1]}); declare them in {DATASET_FILE}"
                problems += [Problem(vocabulary.table, row_line(i), vocabulary.column, df.at[i, vocabulary.column],
                                     expected) for i in extra]  # fmt: skip
            continue
        bad = df.index[~df[vocabulary.column].isin(ids)]
        for i in bad:
            value = df.at[i, vocabulary.column]
            expected = f"one of the {vocabulary.name} in {DATASET_FILE}: " + ", ".join(ids) + nearest(value, ids)
            problems.append(Problem(vocabulary.table, row_line(i), vocabulary.column, value, expected))
    return problems


def nearest(value: str, choices: tuple[str, ...]) -> str:
    """` (did you mean “x”?)` for the closest choice, or empty when none is close."""
    by_case = [c for c in choices if c.casefold() == value.casefold()]
    close = by_case or difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean “{close[0]}”?)" if close else ""
