"""The fast check gives pandera's verdict: valid tables load without pandera, and no invalid one gets through."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.loading import read_folder, read_table_bytes
from components.schema import TABLES, conforms
from components.validation import schema_problems
from tests.conftest import FIXTURES, MINI, ROOT, SAMPLE, examples

CASES = [
    (case.name, path.name, path.read_bytes())
    for case in sorted((FIXTURES / "bad").iterdir())
    if case.is_dir()
    for path in sorted(case.iterdir())
    if path.name in TABLES
]
MINI_TABLES = {name: read_table_bytes(name, raw)[0] for name, raw in read_folder(MINI).items() if name in TABLES}


def _same_verdict(name: str, df: pd.DataFrame) -> None:
    problems = schema_problems(name, df)
    assert conforms(TABLES[name], df) == (problems == []), problems


@pytest.mark.parametrize(("case", "name", "raw"), CASES, ids=[f"{c}/{n}" for c, n, _ in CASES])
def test_same_verdict_as_pandera_on_the_bad_file_corpus(case, name, raw):
    df, _ = read_table_bytes(name, raw)
    if df is not None:
        _same_verdict(name, df)


@pytest.mark.parametrize("name", [n for n in read_folder(SAMPLE) if n in TABLES])
def test_the_shipped_tables_conform(name):
    df, _ = read_table_bytes(name, read_folder(SAMPLE)[name])
    assert conforms(TABLES[name], df) and schema_problems(name, df) == []


TRICKY = ["", " ", "x", "1937", "1937-13", "2024-06-18/2024-06-19", "194X", "-0100", "e-old", "E-1", "s-one",
          "true", "TRUE", "war", "Defense", "confirmed", "https://example.org", "ftp://x", "dprk_to_russia",
          "head_of_state", ";", "s-one; s-two", "article", "=1+1", "1937-09~"]  # fmt: skip


@st.composite
def edited_table(draw):
    name = draw(st.sampled_from(sorted(MINI_TABLES)))
    df = MINI_TABLES[name].copy()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cell", "cell", "cell", "missing", "drop", "add", "duplicate"]))
        column = draw(st.sampled_from(list(df.columns)))
        if kind == "cell" and len(df):
            row = draw(st.sampled_from(list(df.index)))
            value = draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)))
            df.loc[row, column] = value
        elif kind == "missing" and len(df):
            df.loc[draw(st.sampled_from(list(df.index))), column] = np.nan  # a row with too few cells
        elif kind == "drop":
            df = df.drop(columns=column)
        elif kind == "add":
            df[draw(st.sampled_from(["colour", "notes2"]))] = "x"
        elif kind == "duplicate" and len(df):
            df = pd.concat([df, df.iloc[[0]]], ignore_index=True)
    return name, df


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_table())
def test_same_verdict_as_pandera_after_random_edits(edit):
    _same_verdict(*edit)


def test_valid_data_loads_without_importing_pandera():
    code = (
        "import sys; from components.loading import load_dataset; "
        f"r = load_dataset({str(SAMPLE)!r}); print(r.ok, 'pandera' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]
