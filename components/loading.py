"""Load a Tumen data folder: read the CSVs as text, validate them, derive date bounds."""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from components import verified
from components.dataset_file import parse_dataset_file
from components.dates import DateError, format_human, parse_edtf
from components.description import DATASET_FILE, Description, complete, vocabulary_problems
from components.problems import HEADER_LINE, Problem, row_line
from components.schema import (
    DELEGATION_SEARCH_COLUMNS,
    EVENT_SEARCH_COLUMNS,
    MULTI_SEPARATOR,
    TABLES,
    URL_EXPECTED,
    URL_REQUIRED_UNLESS,
    Derived,
    EraSchema,
    EventSchema,
    SourceSchema,
    columns_of,
    conforms,
    header_of,
)
from components.search import search_text


@dataclass(frozen=True)
class Dataset:
    """The four validated tables with derived date columns."""

    events: pd.DataFrame
    delegations: pd.DataFrame
    eras: pd.DataFrame
    sources: pd.DataFrame
    folder: str = ""
    version: str = ""
    missing: tuple[str, ...] = ()  # table files the folder does not have (their frames are empty)
    description: Description = field(
        default_factory=Description
    )  # title, vocabularies, labels, colours (dataset.toml or the data)

    def counts(self) -> dict[str, int]:
        """Row counts per table."""
        return {
            "events": len(self.events),
            "delegations": len(self.delegations),
            "eras": len(self.eras),
            "sources": len(self.sources),
        }


@dataclass(frozen=True)
class LoadResult:
    """A dataset when the folder is valid, else every problem found."""

    dataset: Dataset | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """True when the folder loaded without problems."""
        return self.dataset is not None and not self.problems


_PARSER_LINE = re.compile(r"\b(line|row) (\d+)")  # pandas says "line N" (from 1) or "row N" (from 0)


def read_table(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV file as text cells; report unreadable files instead of raising."""
    if not path.is_file():
        return None, [Problem(path.name, None, "", "", "a CSV file with columns " + header_of(path.name))]
    return read_table_bytes(path.name, path.read_bytes())


def decode_text(name: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a CSV file (UTF-8, a BOM dropped), or the problem that stops it being read: not UTF-8, a NUL byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "", repr(raw[exc.start : exc.start + 8]), "UTF-8 text")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [Problem(name, line, "", "NUL byte", "a text CSV file, not a binary file")]
    return text, []


def read_table_bytes(name: str, raw: bytes) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse CSV bytes as text cells (UTF-8, BOM and CRLF accepted, cells trimmed); report what cannot be read."""
    text, problems = decode_text(name, raw)
    if text is None:
        return None, problems
    try:
        # header=None: the header is read as a row, so a data row with more cells than it is an error (not made the
        # index by pandas' index inference), and repeated or empty column names stay as written.
        rows = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, header=None, skip_blank_lines=False)
    except pd.errors.EmptyDataError:
        return None, [Problem(name, HEADER_LINE, "", "", "a header row: " + header_of(name))]
    except (pd.errors.ParserError, ValueError) as exc:
        found = _PARSER_LINE.search(str(exc))
        line = int(found[2]) + (found[1] == "row") if found else None
        return None, [
            Problem(name, line, "", str(exc).strip()[:200], "well-formed CSV (quotes matched, one cell per column)")
        ]
    header = [c.strip() for c in rows.iloc[0]]
    problems = _header_problems(name, header)
    if problems:
        return None, problems
    df = rows.iloc[1:].set_axis(header, axis=1).set_axis(rows.index[1:] - 1, axis=0).apply(lambda col: col.str.strip())
    # Blank rows (empty lines, or only commas and spaces) are skipped; the index keeps every row's place, so the
    # lines reported are those a spreadsheet shows.
    return df[(df != "").any(axis=1)], []


def _header_problems(name: str, header: list[str]) -> list[Problem]:
    if not any(header):
        return [Problem(name, HEADER_LINE, "", "", "a header row: " + header_of(name))]
    empty = [i for i, c in enumerate(header, start=1) if not c]
    repeated = {c: n for c, n in Counter(header).items() if c and n > 1}
    return [Problem(name, HEADER_LINE, "", "", f"a name for header cell {i} (it is empty)") for i in empty] + [
        Problem(name, HEADER_LINE, c, "", f"each column once in the header row (this one is there {n} times)")
        for c, n in repeated.items()
    ]


def _refs_problems(name: str, df: pd.DataFrame, column: str, known: set[str], what: str) -> list[Problem]:
    refs = df[column].str.split(MULTI_SEPARATOR).explode().str.strip()
    bad = refs[(refs != "") & ~refs.isin(known)]
    return [Problem(name, row_line(i), column, ref, f"an id defined in {what}") for i, ref in bad.items()]


def _bounds(values: pd.Series, attr: str) -> pd.Series:
    """`lower` or `upper` of each EDTF string (NaT where empty or invalid), parsing each distinct value once."""

    def bound(text: str):
        try:
            return getattr(parse_edtf(text), attr) if text else None
        except DateError:
            return None

    unique = pd.unique(values)
    return pd.Series(values.map(dict(zip(unique, map(bound, unique), strict=True))), dtype="datetime64[s]")


def _order_problems(name: str, df: pd.DataFrame) -> list[Problem]:
    bad = _bounds(df["end"], "upper") < _bounds(df["start"], "lower")
    return [
        Problem(name, row_line(i), "end", end, f"a date not before start ({start})")
        for i, start, end in zip(df.index[bad], df["start"][bad], df["end"][bad])
    ]


def cross_table_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Checks that span tables: known eras and sources, and end not before start."""
    problems: list[Problem] = []
    sources = tables.get("sources.csv")
    eras = tables.get("eras.csv")
    source_ids = set(sources[SourceSchema.id]) if sources is not None else set()
    era_ids = set(eras[EraSchema.id]) if eras is not None else set()
    for name in ("events.csv", "delegations.csv"):
        df = tables.get(name)
        if df is None:
            continue
        if sources is not None:
            problems += _refs_problems(name, df, EventSchema.source_ids, source_ids, "sources.csv")
        problems += _order_problems(name, df)
    if sources is not None:
        missing = (sources[SourceSchema.url] == "") & (sources[SourceSchema.kind] != URL_REQUIRED_UNLESS)
        problems += [
            Problem("sources.csv", row_line(i), SourceSchema.url, "", URL_EXPECTED) for i in sources.index[missing]
        ]
    events = tables.get("events.csv")
    if events is not None and eras is not None:
        problems += _refs_problems("events.csv", events, EventSchema.era, era_ids, "eras.csv")
    if eras is not None:
        problems += _order_problems("eras.csv", eras)
    return problems


def with_dates(df: pd.DataFrame) -> pd.DataFrame:
    """Add the derived date columns (bounds, precision, qualifiers, label) to a validated table."""
    out = df.copy()
    starts = [parse_edtf(v) for v in df["start"].tolist()]
    ends = [parse_edtf(v) if v else None for v in df["end"].tolist()]
    out[Derived.lower] = pd.Series([s.lower for s in starts], index=df.index, dtype="datetime64[s]")
    upper = [(e or s).upper for s, e in zip(starts, ends)]
    out[Derived.upper] = pd.Series(upper, index=df.index, dtype="datetime64[s]")
    # Explicit dtypes, so a table with no rows (a header-only file) has the column types the pages use.
    out[Derived.precision] = pd.Series([s.precision for s in starts], index=df.index, dtype=str)
    approximate = [s.approximate or bool(e and e.approximate) for s, e in zip(starts, ends)]
    out[Derived.approximate] = pd.Series(approximate, index=df.index, dtype=bool)
    uncertain = [s.uncertain or bool(e and e.uncertain) for s, e in zip(starts, ends)]
    out[Derived.uncertain] = pd.Series(uncertain, index=df.index, dtype=bool)
    pairs = pd.Series(list(zip(df["start"].tolist(), df["end"].tolist())), index=df.index, dtype=object)
    labels = {pair: format_human(*pair) for pair in set(pairs)}
    out[Derived.label] = pairs.map(labels).astype(str)
    return out


def searchable(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The table in date order (ties by id), with the lower-cased text its page's search box looks in."""
    out = df.sort_values([Derived.lower, Derived.upper, "id"], kind="stable")
    out[Derived.text] = search_text(out, columns)
    return out


def files_version(files: dict[str, bytes]) -> str:
    """A short hash of the table files' contents, to cite which version of the data a view shows."""
    digest = hashlib.sha256()
    for name in (*TABLES, DATASET_FILE):
        if name in files:
            digest.update(name.encode())
            digest.update(files[name])
    return digest.hexdigest()[:10]


def folder_fingerprint(folder: Path) -> tuple:
    """Cheap change detector for caching: (name, size, mtime) of each table file."""
    out = []
    for name in (*TABLES, DATASET_FILE):
        path = Path(folder) / name
        stat = path.stat() if path.is_file() else None
        out.append((name, stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1))
    return tuple(out)


def empty_table(name: str) -> pd.DataFrame:
    """A table with the schema's columns and no rows (for a table a folder does not have)."""
    return pd.DataFrame({c: pd.Series(dtype=str) for c in columns_of(TABLES[name])})


def load_files(files: dict[str, bytes], label: str = "", cache: Path | None = None) -> LoadResult:
    """Validate the given table files (name → bytes); tables not given are empty and listed as missing.

    With a `cache` folder (components.verified), files that passed before under the same code are read without
    being checked again. Files that fail are never recorded.
    """
    key = verified.files_key(files) if cache is not None else ""
    if key and verified.seen(cache, key):
        read = list(_read_each(files))
        described, _ = _described(files)
        if all(df is not None and not found for _, df, found in read):  # else check them all again
            tables = {name: df for name, df, _ in read}
            return LoadResult(_assemble(tables, files, label, complete(described, tables, label)), ())
    problems, tables, description = _check(files, label)
    if problems:
        return LoadResult(None, tuple(problems))
    if key:
        verified.remember(cache, key)
    return LoadResult(_assemble(tables, files, label, description), ())


def _described(files: dict[str, bytes]) -> tuple[Description | None, list[Problem]]:
    """The dataset file's description (None without one), and its problems."""
    return parse_dataset_file(files[DATASET_FILE]) if DATASET_FILE in files else (None, [])


def _read_each(files: dict[str, bytes]) -> Iterator[tuple[str, pd.DataFrame | None, list[Problem]]]:
    """Each table file given, in table order: its text frame (None if it cannot be read) and what stops it."""
    for name in TABLES:
        if name in files:
            yield name, *read_table_bytes(name, files[name])


def _check(files: dict[str, bytes], label: str) -> tuple[list[Problem], dict[str, pd.DataFrame], Description]:
    """Every problem in the files, the tables read from them, and the dataset's description."""
    described, problems = _described(files)
    unknown = sorted(set(files) - set(TABLES) - {DATASET_FILE})
    problems += [Problem(n, None, "", "", "one of the table files: " + ", ".join(TABLES)) for n in unknown]
    if not set(files) & set(TABLES):
        problems.append(Problem(label or "(data)", None, "", "", "at least one of " + ", ".join(TABLES)))
    cites = {"events.csv", "delegations.csv"} & set(files)
    if cites and "sources.csv" not in files:
        for name in sorted(cites):
            problems.append(Problem("sources.csv", None, "", "", f"sources.csv beside {name}, whose rows cite sources"))
    tables: dict[str, pd.DataFrame] = {}
    for name, df, read_problems in _read_each(files):
        problems += read_problems
        if df is None:
            continue
        found = [] if conforms(TABLES[name], df) else _schema_problems(name, df)
        problems += found
        if not any(p.line == HEADER_LINE and not p.value for p in found):
            tables[name] = df
    problems += cross_table_problems(tables)
    description = complete(described, tables, label)
    problems += vocabulary_problems(description, tables)
    return problems, tables, description


def _schema_problems(name: str, df: pd.DataFrame) -> list[Problem]:
    """pandera's account of what is wrong in a table (imported here: ~0.4 s, paid only for a table that fails)."""
    from components.validation import schema_problems

    return schema_problems(name, df)


def _assemble(
    tables: dict[str, pd.DataFrame], files: dict[str, bytes], label: str, description: Description
) -> Dataset:
    """The dataset of valid tables: derived dates, search text, date order; absent tables empty."""
    full = {name: (tables[name] if name in tables else empty_table(name)).reset_index(drop=True) for name in TABLES}
    return Dataset(
        events=searchable(with_dates(full["events.csv"]), EVENT_SEARCH_COLUMNS),
        delegations=searchable(with_dates(full["delegations.csv"]), DELEGATION_SEARCH_COLUMNS),
        eras=with_dates(full["eras.csv"]),
        sources=full["sources.csv"],
        folder=label,
        version=files_version(files),
        missing=tuple(name for name in TABLES if name not in files),
        description=description,
    )


def read_folder(folder: Path) -> dict[str, bytes]:
    """The table files (and dataset file) present in `folder`, as bytes."""
    return {name: (folder / name).read_bytes() for name in (*TABLES, DATASET_FILE) if (folder / name).is_file()}


def load_dataset(folder: str | Path, cache: Path | None = None) -> LoadResult:
    """Read and validate every table of `folder`; return the dataset or all problems at once (`cache`: load_files)."""
    folder = Path(folder)
    if not folder.is_dir():
        return LoadResult(None, (Problem(str(folder), None, "", "", "a folder holding " + ", ".join(TABLES)),))
    return load_files(read_folder(folder), str(folder), cache)
