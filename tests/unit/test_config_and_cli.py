"""Choosing the data folder, and the validate command's exit codes and output."""

from pathlib import Path

import pytest

from components.cli import main
from components.config import SHIPPED_DATA, resolve_data_dir


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, SHIPPED_DATA),
        (["--data-dir", "/tmp/x"], {}, Path("/tmp/x")),
        (["--data-dir=/tmp/y"], {"TUMEN_DATA_DIR": "/tmp/z"}, Path("/tmp/y")),
        ([], {"TUMEN_DATA_DIR": "/tmp/z"}, Path("/tmp/z")),
        (["--other", "1"], {"TUMEN_DATA_DIR": " "}, SHIPPED_DATA),
    ],
)
def test_resolve_data_dir(argv, env, expected):
    assert resolve_data_dir(argv, env) == expected


def test_validate_ok_prints_counts(mini_dir, capsys):
    assert main(["validate", str(mini_dir)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "3 events" in out and "2 delegations" in out


def test_validate_bad_lists_problems(mini_dir, capsys):
    path = mini_dir / "events.csv"
    path.write_text(path.read_text().replace(",migration,", ",emigration,"))
    assert main(["validate", str(mini_dir)]) == 1
    err = capsys.readouterr().err
    assert "events.csv, line 2, column category" in err and "emigration" in err


def test_synth_writes_a_valid_folder(tmp_path, capsys):
    out = tmp_path / "syn"
    assert main(["synth", "--events", "300", "--delegations", "40", "--seed", "3", "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "300 events" in capsys.readouterr().out


def test_timelinejs_round_trip_through_the_cli(tmp_path, capsys):
    from tests.conftest import FIXTURES

    first = tmp_path / "first"
    assert (
        main(["import-timelinejs", str(FIXTURES / "timelinejs" / "women_in_computing.csv"), "--out", str(first)]) == 0
    )
    sheet = tmp_path / "sheet.csv"
    assert main(["export-timelinejs", str(first), "--out", str(sheet)]) == 0
    second = tmp_path / "second"
    assert main(["import-timelinejs", str(sheet), "--out", str(second)]) == 0
    import pandas as pd

    cols = ["start", "end", "title", "summary", "category"]
    a = pd.read_csv(first / "events.csv", dtype=str, keep_default_na=False)[cols]
    b = pd.read_csv(second / "events.csv", dtype=str, keep_default_na=False)[cols]
    assert a.sort_values("title").reset_index(drop=True).equals(b.sort_values("title").reset_index(drop=True))


def test_import_reports_rows_without_a_year(tmp_path, capsys):
    from tests.conftest import FIXTURES

    assert main(["import-timelinejs", str(FIXTURES / "timelinejs" / "corners.csv"), "--out", str(tmp_path / "c")]) == 1
    assert "Year" in capsys.readouterr().err


def test_share_urls_prints_links_and_the_risk(capsys):
    assert main(["share-urls", "--port", "8765"]) == 0
    out = capsys.readouterr().out
    assert ":8765/" in out and "without a password" in out
    assert "127.0.0.1" not in out


@pytest.mark.parametrize(
    ("folder", "shown"),
    [
        ("/srv/secret/place/data", "data"),
        ("/home/ana/my timeline/", "my timeline"),
        ("uploaded: events.csv, ![x](https://e.org/a/b.png)", "uploaded: events.csv, ![x](https://e.org/a/b.png)"),
        ("data", "data"),
    ],
)
def test_visitors_see_a_folders_name_not_its_path(folder, shown):
    from components.config import folder_label

    assert folder_label(folder) == shown
