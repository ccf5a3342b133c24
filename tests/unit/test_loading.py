"""Validation: one bad cell per rule, each reported with file, line and column; all problems at once."""

from pathlib import Path

import pandas as pd
import pytest

from components.loading import load_dataset, read_table
from components.schema import Derived
from tests.bad_cells import BAD_CELLS, IDS, with_bad_cell


def _set_cell(folder: Path, name: str, row: int, column: str, value: str) -> None:
    path = folder / name
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[row, column] = value
    df.to_csv(path, index=False)


def test_mini_dataset_is_valid_and_derives_dates(mini_dir):
    result = load_dataset(mini_dir)
    assert result.ok, result.problems
    events = result.dataset.events.set_index("id")
    assert str(events.loc["e-old", Derived.lower].date()) == "1650-01-01"
    assert events.loc["e-old", Derived.approximate]
    assert events.loc["e-month", Derived.label] == "September 1937"
    assert str(events.loc["e-range", Derived.upper].date()) == "2024-06-19"


@pytest.mark.parametrize(("name", "row", "column", "value", "expected"), BAD_CELLS, ids=IDS)
def test_each_rule_names_file_line_column_and_expectation(mini_dir, name, row, column, value, expected):
    (mini_dir / name).write_bytes(with_bad_cell(name, row, column, value))
    result = load_dataset(mini_dir)
    assert not result.ok
    hits = [p for p in result.problems if p.file == name and p.column == column and p.line == row + 2]
    assert hits, [str(p) for p in result.problems]
    assert any(expected in p.expected for p in hits), [str(p) for p in hits]
    text = str(hits[0])
    assert name in text and f"line {row + 2}" in text and f"column {column}" in text


def test_all_problems_are_reported_at_once(mini_dir):
    _set_cell(mini_dir, "events.csv", 0, "category", "purge")
    _set_cell(mini_dir, "delegations.csv", 1, "sector", "Rocketry")
    _set_cell(mini_dir, "sources.csv", 0, "kind", "blog")
    problems = load_dataset(mini_dir).problems
    assert {p.file for p in problems} == {"events.csv", "delegations.csv", "sources.csv"}


def test_missing_and_unknown_columns_are_header_problems(mini_dir):
    df = pd.read_csv(mini_dir / "events.csv", dtype=str, keep_default_na=False)
    df.rename(columns={"claim_status": "status"}).to_csv(mini_dir / "events.csv", index=False)
    problems = load_dataset(mini_dir).problems
    columns = {(p.line, p.column) for p in problems if p.file == "events.csv"}
    assert (1, "claim_status") in columns and (1, "status") in columns


def test_a_folder_may_hold_only_some_tables(mini_dir):
    (mini_dir / "eras.csv").unlink()
    (mini_dir / "delegations.csv").unlink()
    (mini_dir / "events.csv").write_text((mini_dir / "events.csv").read_text())
    result = load_dataset(mini_dir)
    assert result.ok, result.problems
    assert result.dataset.missing == ("delegations.csv", "eras.csv")
    assert result.dataset.delegations.empty and list(result.dataset.delegations.columns)[:3] == ["id", "start", "end"]
    assert len(result.dataset.events) == 3


def test_rows_that_cite_sources_need_sources_csv(mini_dir):
    (mini_dir / "sources.csv").unlink()
    problems = load_dataset(mini_dir).problems
    assert any(p.file == "sources.csv" and "beside events.csv" in p.expected for p in problems)


def test_empty_and_missing_folders(tmp_path):
    assert not load_dataset(tmp_path / "nope").ok
    problems = load_dataset(tmp_path).problems
    assert problems and "at least one of" in problems[0].expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "header row"),
        (b"id,start\n\xff\xfe broken", "UTF-8"),
        (b'id,start,end\n"a,1937,\nb,1938,\n', "well-formed CSV"),
    ],
)
def test_unreadable_files_are_reported_not_raised(tmp_path, content, expected):
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    df, problems = read_table(path)
    assert df is None
    assert problems and expected in problems[0].expected and problems[0].file == "events.csv"


def test_bom_crlf_and_padding_load(mini_dir):
    path = mini_dir / "sources.csv"
    text = path.read_text().replace(",news", ", news ").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_dataset(mini_dir).ok
