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
