"""Hardening: malformed inputs (tests/fixtures/bad/) through the CLI and the upload path, never a traceback.

Each case folder holds one file; it is put over a copy of tests/fixtures/mini. A broken case must give a problem
naming its file, line and column (where there is one); a legal-but-unusual case must load. The binary file and the
20 MB file are made here, in tmp_path.
"""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

import pandas as pd
import pytest

from components.cli import main
from components.loading import load_files, read_folder
from components.problems import Problem
from components.schema import EventSchema as E
from components.schema import columns_of
from components.tables import to_csv_bytes
from components.uploads import load_uploads
from tests.bad_cells import BAD_CELLS, IDS, with_bad_cell
from tests.conftest import FIXTURES, MINI

BAD = FIXTURES / "bad"
BASE = read_folder(MINI)

# (case, file it names, line, column ("" when the problem has none), words in the problem as printed)
BROKEN = [
    ("missing-column", "events.csv", 1, "notes", "missing"),
    ("extra-column", "events.csv", 1, "colour", "no such column"),
    ("renamed-column", "events.csv", 1, "claim_status", "missing"),
    ("duplicate-column", "events.csv", 1, "id", "each column once"),
    ("empty-header-cell", "events.csv", 1, "", "header cell 13 (it is empty)"),
    ("semicolon-separated", "events.csv", 1, "id", "missing"),
    ("empty-file", "events.csv", 1, "", "a header row"),
    ("blank-lines-only", "events.csv", 1, "", "a header row"),
    ("blank-line-before-header", "events.csv", 1, "", "a header row"),
    ("too-few-cells", "events.csv", 3, "category", "non-empty"),
    ("extra-cell-first-row", "events.csv", 2, "", "Expected 12 fields in line 2, saw 13"),
    ("extra-cell-later-row", "events.csv", 4, "", "Expected 12 fields in line 4, saw 13"),
    ("unmatched-quote", "events.csv", 3, "", "quotes matched"),
    ("blank-line-then-bad-cell", "events.csv", 5, "category", "'sumit'"),
    ("events-with-sources-header", "events.csv", 2, "", "Expected 6 fields in line 2, saw 12"),
    ("nul-byte", "events.csv", 4, "", "NUL byte"),
    ("latin-1", "events.csv", 2, "", "xf6mewhere"),
    ("utf-16", "events.csv", 1, "", "expected UTF-8 text"),
]

# (case, number of events it loads with)
LEGAL = [
    ("header-only", 0),
    ("byte-order-mark", 3),
    ("crlf", 3),
    ("whitespace", 3),
    ("blank-lines", 3),
    ("reordered-columns", 3),
    ("multi-line-cell", 3),
    ("formula-title", 3),
    ("long-cell", 3),
]

# TimelineJS sheets: (case, line, column, words); the CLI imports them, the upload path takes them as a sheet.
SHEETS = [
    ("timelinejs-broken-rows", 2, "Year", "a Year when Month or Day is given"),
    ("timelinejs-broken-rows", 3, "Month", "'13' — expected a month number from 1 to 12"),
    ("timelinejs-broken-rows", 4, "End Year", "'2005' — expected an end date not before the start (2010)"),
    ("timelinejs-latin-1", 5, "", "expected UTF-8 text"),
]


def _only_file(case: str) -> Path:
    (path,) = (BAD / case).iterdir()
    return path


def _folder(tmp_path: Path, name: str, raw: bytes) -> Path:
    """A copy of the mini folder with `name` replaced by `raw`."""
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    (folder / name).write_bytes(raw)
    return folder


def _where(file: str, line: int | None, column: str) -> str:
    return file + (f", line {line}" if line else "") + (f", column {column}" if column else "")


def _hits(problems, file: str, line: int | None, column: str, words: str) -> list[Problem]:
    """Problems at that place whose printed form has `words` (an upload's file may say "(read as …)")."""
    return [
        p
        for p in problems
        if p.file.split(" (read as ")[0] == file and p.line == line and p.column == column and words in str(p)
    ]


def _validate(folder: Path, capsys) -> tuple[int, str, str]:
    code = main(["validate", str(folder)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_corpus_is_complete_and_intact():
    cases = {path.name for path in BAD.iterdir() if path.is_dir()}
    listed = (
        {c for c, *_ in BROKEN}
        | {c for c, _ in LEGAL}
        | {c for c, *_ in SHEETS}
        | {"timelinejs-unmatched-quote", "timelinejs-nul-byte"}
    )
    assert cases == listed
    assert len(BROKEN) + len(LEGAL) + len({c for c, *_ in SHEETS}) >= 25
    # Editors and git settings must not have "fixed" the files whose bytes are the point.
    assert (BAD / "crlf" / "events.csv").read_bytes().count(b"\r\n") == 4
    assert (BAD / "byte-order-mark" / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\x00" in (BAD / "nul-byte" / "events.csv").read_bytes()
    assert (BAD / "utf-16" / "events.csv").read_bytes().startswith(b"\xff\xfe")
    assert b"  \n" in (BAD / "whitespace" / "events.csv").read_bytes()


@pytest.mark.parametrize(("case", "file", "line", "column", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_file_through_the_cli(tmp_path, capsys, case, file, line, column, words):
    path = _only_file(case)
    assert path.name == file
    code, _, err = _validate(_folder(tmp_path, path.name, path.read_bytes()), capsys)
    assert code == 1
    printed = [row.strip() for row in err.splitlines()]
    assert any(row.startswith(_where(file, line, column) + ":") and words in row for row in printed), err


@pytest.mark.parametrize(("case", "file", "line", "column", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_file_through_the_upload_path(case, file, line, column, words):
    path = _only_file(case)
    result = load_uploads(BASE, [(path.name, path.read_bytes())], "uploaded")
    assert not result.ok and result.dataset is None
    assert _hits(result.problems, file, line, column, words), [str(p) for p in result.problems]


@pytest.mark.parametrize(("name", "row", "column", "value", "words"), BAD_CELLS, ids=IDS)
def test_bad_cell_through_the_cli_and_the_upload_path(tmp_path, capsys, name, row, column, value, words):
    raw = with_bad_cell(name, row, column, value)
    code, _, err = _validate(_folder(tmp_path, name, raw), capsys)
    assert code == 1
    printed = [line.strip() for line in err.splitlines()]
    assert any(line.startswith(_where(name, row + 2, column) + ":") and words in line for line in printed), err
    result = load_uploads(BASE, [(name, raw)], "uploaded")
    assert not result.ok and _hits(result.problems, name, row + 2, column, words), [str(p) for p in result.problems]


@pytest.mark.parametrize(
    ("case", "upload_name", "shown"),
    [
        ("latin-1", "my events.csv", "my events.csv (read as events.csv)"),
        ("events-with-sources-header", "events.csv", "events.csv (read as sources.csv)"),
    ],
)
def test_upload_problems_name_the_uploaded_file(case, upload_name, shown):
    result = load_uploads(BASE, [(upload_name, _only_file(case).read_bytes())], "uploaded")
    assert result.problems and {p.file for p in result.problems} == {shown}
    assert str(result.problems[0]).startswith(shown + ", line 2:")


@pytest.mark.parametrize(("case", "n_events"), LEGAL, ids=[c[0] for c in LEGAL])
def test_legal_but_unusual_file_loads_both_ways(tmp_path, capsys, case, n_events):
    path = _only_file(case)
    code, out, err = _validate(_folder(tmp_path, path.name, path.read_bytes()), capsys)
    assert code == 0, err
    assert f"valid ({n_events} events, 2 delegations" in out
    result = load_uploads(BASE, [(path.name, path.read_bytes())], "uploaded")
    assert result.ok, [str(p) for p in result.problems]
    events = result.dataset.events
    assert len(events) == n_events
    assert list(events.index) == list(range(n_events))  # blank rows skipped, the table renumbered
    if n_events:
        mini = load_files(BASE).dataset.events
        same = [E.id, E.start, E.end, E.era, E.category, E.claim_status, E.source_ids]
        assert events[same].sort_values(E.id).values.tolist() == mini[same].sort_values(E.id).values.tolist()


def test_whitespace_is_trimmed_and_multi_line_cells_kept():
    events = load_uploads(BASE, [("events.csv", _only_file("whitespace").read_bytes())], "u").dataset.events
    assert set(events[E.title]) == set(load_files(BASE).dataset.events[E.title])
    events = load_uploads(BASE, [("events.csv", _only_file("multi-line-cell").read_bytes())], "u").dataset.events
    assert 'Spans two days,\nwith "quotes" and a line break.' in set(events[E.summary])


def test_line_numbers_count_blank_rows_as_a_spreadsheet_does():
    raw = _only_file("blank-lines").read_bytes().replace(b",summit,", b",sumit,")
    (problem,) = load_uploads(BASE, [("events.csv", raw)], "u").problems
    assert (problem.line, problem.column, problem.value) == (7, E.category, "sumit")


def test_formula_title_loads_but_is_neutralised_on_csv_export():
    events = load_uploads(BASE, [("events.csv", _only_file("formula-title").read_bytes())], "u").dataset.events
    formula = '=HYPERLINK("https://evil.example/","click")'
    assert formula in set(events[E.title])  # the data keeps what was written
    exported = to_csv_bytes(events[columns_of(E)])
    back = pd.read_csv(io.BytesIO(exported), dtype=str, keep_default_na=False)
    assert "'" + formula in set(back[E.title])
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in back.to_numpy().ravel())


def test_long_cell_is_accepted_and_a_long_bad_value_is_shown_short():
    raw = _only_file("long-cell").read_bytes()
    events = load_uploads(BASE, [("events.csv", raw)], "u").dataset.events
    assert max(events[E.summary].str.len()) > 100_000
    bad = raw.replace(b",summit,", b"," + b"y" * 100_000 + b",")
    (problem,) = load_uploads(BASE, [("events.csv", bad)], "u").problems
    assert (problem.line, problem.column, len(problem.value)) == (4, E.category, 100_000)
    assert len(str(problem)) < 400 and "yyy..." in str(problem)


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b"")
    )


def test_binary_file_named_events_csv(tmp_path, capsys):
    png = _png()
    code, _, err = _validate(_folder(tmp_path, "events.csv", png), capsys)
    assert code == 1 and "events.csv, line 1: " in err and "x89PNG" in err and "expected UTF-8 text" in err
    result = load_uploads(BASE, [("events.csv", png)], "uploaded")
    assert _hits(result.problems, "events.csv", 1, "", "expected UTF-8 text")
    result = load_uploads(BASE, [("picture.csv", png)], "uploaded")  # no name to go by: not a table
    assert [(p.file, p.line) for p in result.problems] == [("picture.csv", 1)]


def _big_events(size: int = 20 * 1024 * 1024, bad_row: int | None = None) -> tuple[bytes, int]:
    """A valid events.csv of about `size` bytes citing the mini sources and eras (one bad category if asked)."""
    rows = [BASE["events.csv"].split(b"\n", 1)[0] + b"\n"]
    total, i = len(rows[0]), 0
    while total < size:
        category = "sumit" if i == bad_row else "summit"
        row = (
            f"e-big-{i:07d},{1900 + i % 120}-{i % 12 + 1:02d},,Generated event {i},"
            f"A synthetic summary for the load test (row {i}) padded to look like a real sentence.,late,"
            f"{category},Example A; Example B,Somewhere,reported,s-one; s-two,\n"
        ).encode()
        rows.append(row)
        total += len(row)
        i += 1
    return b"".join(rows), i


def test_20_mb_file_loads_through_the_cli_and_fails_clearly_through_the_upload_path(tmp_path, capsys):
    raw, n = _big_events()
    assert len(raw) >= 20 * 1024 * 1024
    code, out, err = _validate(_folder(tmp_path, "events.csv", raw), capsys)
    assert code == 0, err[:2000]
    assert f"valid ({n} events" in out
    bad, _ = _big_events(bad_row=n - 10)
    result = load_uploads(BASE, [("events.csv", bad)], "uploaded")
    assert _hits(result.problems, "events.csv", n - 10 + 2, E.category, "'sumit'")


@pytest.mark.parametrize(("case", "line", "column", "words"), SHEETS)
def test_broken_timelinejs_sheet_through_the_cli(tmp_path, capsys, case, line, column, words):
    code = main(["import-timelinejs", str(_only_file(case)), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    printed = [row.strip() for row in err.splitlines()]
    assert any(row.startswith(_where("sheet.csv", line, column) + ":") and words in row for row in printed), err


@pytest.mark.parametrize(("case", "line", "column", "words"), SHEETS)
def test_broken_timelinejs_sheet_through_the_upload_path(case, line, column, words):
    result = load_uploads(BASE, [("sheet.csv", _only_file(case).read_bytes())], "uploaded")
    assert not result.ok
    assert _hits(result.problems, "sheet.csv", line, column, words), [str(p) for p in result.problems]


def test_timelinejs_sheet_with_a_nul_byte_is_refused_not_imported(tmp_path, capsys):
    raw = _only_file("timelinejs-nul-byte").read_bytes()
    result = load_uploads(BASE, [("sheet.csv", raw)], "uploaded")
    assert [(p.file, p.line, p.value) for p in result.problems] == [("sheet.csv", 3, "NUL byte")]
    assert main(["import-timelinejs", str(_only_file("timelinejs-nul-byte")), "--out", str(tmp_path / "o")]) == 1


def test_timelinejs_unmatched_quote_names_the_line_the_quote_opens():
    result = load_uploads(BASE, [("sheet.csv", _only_file("timelinejs-unmatched-quote").read_bytes())], "u")
    assert [p.line for p in result.problems] == [3]
