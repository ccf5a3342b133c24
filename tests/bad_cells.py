"""The one table of bad cells: each breaks one rule in one cell of tests/fixtures/mini. The loader, the CLI and the
upload path are each tested against every row (tests/unit/test_loading.py, tests/unit/test_bad_files.py)."""

from __future__ import annotations

import io

import pandas as pd

from tests.conftest import MINI

# (file, row index, column, bad value, words the expectation must contain)
BAD_CELLS = [
    ("events.csv", 1, "start", "1937-13", "EDTF"),
    ("events.csv", 2, "start", "2023-02-29", "EDTF"),
    ("events.csv", 0, "start", "", "EDTF"),
    ("events.csv", 2, "end", "June 2024", "EDTF"),
    ("events.csv", 2, "end", "2024-06-01", "not before start (2024-06-18)"),
    ("events.csv", 0, "category", "purge", "one of the categories in dataset.toml: territory"),
    ("events.csv", 0, "category", "Treaty", "did you mean “treaty”"),
    ("events.csv", 0, "claim_status", "maybe", "confirmed, reported"),
    ("events.csv", 1, "era", "nowhere", "an id defined in eras.csv"),
    ("events.csv", 1, "source_ids", "s-one; s-missing", "an id defined in sources.csv"),
    ("events.csv", 0, "source_ids", "", "source ids"),
    ("events.csv", 2, "id", "e-old", "a unique id"),
    ("events.csv", 0, "id", "Bad Id!", "lowercase"),
    ("events.csv", 0, "title", "", "non-empty"),
    ("delegations.csv", 0, "direction", "north_to_south", "one of the directions in dataset.toml: dprk_to_russia"),
    ("delegations.csv", 1, "sector", "Rocketry", "Defense"),
    ("delegations.csv", 1, "sector", "Defence", "did you mean “Defense”"),
    ("delegations.csv", 0, "level", "supreme", "head_of_state"),
    ("delegations.csv", 0, "listed_in_article", "yes", "one of: true, false"),
    ("delegations.csv", 1, "listed_in_article", "TRUE", "one of: true, false"),
    ("delegations.csv", 1, "source_ids", "nope", "sources.csv"),
    ("eras.csv", 0, "end", "1500", "a date not before start (1600)"),
    ("eras.csv", 1, "id", "Late era", "a non-empty id of lowercase letters, digits"),
    ("sources.csv", 0, "url", "ftp://example.org/x", "http"),
    ("sources.csv", 1, "url", "javascript:alert(1)", "an http:// or https:// URL"),
    ("sources.csv", 1, "url", "", "http"),
    ("sources.csv", 0, "kind", "blog", "one of: article"),
    ("sources.csv", 1, "published", "yesterday", "EDTF"),
    ("sources.csv", 2, "id", "s_seed", "a non-empty id of lowercase letters, digits"),
]
IDS = [f"{name}:{column}={value!r}" for name, _, column, value, _ in BAD_CELLS]


def with_bad_cell(name: str, row: int, column: str, value: str) -> bytes:
    """The mini fixture's `name` with one cell changed, as file bytes."""
    df = pd.read_csv(MINI / name, dtype=str, keep_default_na=False)
    df.loc[row, column] = value
    out = io.StringIO()
    df.to_csv(out, index=False)
    return out.getvalue().encode()
