"""Uploaded files for one session: tell which table each is, merge them over the data in use, validate."""

from __future__ import annotations

import csv
from dataclasses import replace

from components.dataset_file import write_dataset_file
from components.description import DATASET_FILE
from components.loading import LoadResult, decode_text, load_files
from components.problems import Problem
from components.schema import TABLES, columns_of
from components.timelinejs import COLUMNS as TIMELINEJS_COLUMNS
from components.timelinejs import import_timelinejs

TIMELINEJS = "timelinejs"


def _header(raw: bytes) -> list[str]:
    try:  # the first line only: a bad byte further down is the loader's to report, with its line
        first = raw.split(b"\n", 1)[0].decode("utf-8-sig").splitlines()[0]
    except (UnicodeDecodeError, IndexError):
        return []
    try:
        return [c.strip() for c in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return []


def classify_upload(name: str, raw: bytes) -> str | None:
    """Which table an uploaded file is: by its header (exact columns), else by its file name; TimelineJS and the
    dataset file (by name) too."""
    base = name.rsplit("/", 1)[-1].lower()
    if base == DATASET_FILE:
        return DATASET_FILE
    header = set(_header(raw))
    for table, schema in TABLES.items():
        if header == set(columns_of(schema)):
            return table
    if {"Year", "Headline"} <= header and header <= set(TIMELINEJS_COLUMNS):
        return TIMELINEJS
    return base if base in TABLES else None


def _csv_bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def merge_uploads(base: dict[str, bytes], uploads: list[tuple[str, bytes]]) -> tuple[dict[str, bytes], list[Problem]]:
    """The files to validate: uploaded tables (or dataset file) replace those of `base`; a TimelineJS sheet
    replaces all, its Groups and title making the dataset file."""
    files = dict(base)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name, raw in uploads:
        kind = classify_upload(name, raw)
        if kind is None:
            expected = f"a CSV whose header is that of {', '.join(TABLES)}, a TimelineJS sheet, or {DATASET_FILE}"
            problems.append(Problem(name, 1, "", ", ".join(_header(raw))[:120], expected))
            continue
        if kind in seen:
            problems.append(Problem(name, None, "", "", f"one file per table ({seen[kind]} is also {kind})"))
            continue
        seen[kind] = name
        if kind == TIMELINEJS:
            text, unreadable = decode_text(name, raw)
            if text is None:
                problems += unreadable
                continue
            result = import_timelinejs(text, name=name)
            problems += result.problems
            files = {table: _csv_bytes(df) for table, df in result.tables.items() if table != "delegations.csv"}
            files[DATASET_FILE] = write_dataset_file(result.description).encode("utf-8")
        else:
            files[kind] = raw
    return files, problems


def load_uploads(base: dict[str, bytes], uploads: list[tuple[str, bytes]], label: str) -> LoadResult:
    """Validate uploads merged over `base`; every problem of either step, or the dataset to use."""
    files, problems = merge_uploads(base, uploads)
    if problems:
        return LoadResult(None, tuple(problems))
    result = load_files(files, label)
    # A problem names the file the user uploaded, also when its header made it another table than its name says.
    renamed = {}
    for name, raw in uploads:
        kind = classify_upload(name, raw)
        if kind in TABLES and name.rsplit("/", 1)[-1] != kind:
            renamed[kind] = f"{name} (read as {kind})"
    if result.ok or not renamed:
        return result
    return LoadResult(None, tuple(replace(p, file=renamed.get(p.file, p.file)) for p in result.problems))
