"""Uploads: which table a file is, how uploads merge over the data in use, and what gets reported."""

import pytest

from components.loading import read_folder
from components.uploads import TIMELINEJS, classify_upload, load_uploads, merge_uploads
from tests.conftest import FIXTURES, MINI

BASE = read_folder(MINI)
SAMPLE = (FIXTURES / "timelinejs" / "women_in_computing.csv").read_bytes()


@pytest.mark.parametrize(
    ("name", "raw", "kind"),
    [
        ("anything.csv", BASE["events.csv"], "events.csv"),
        ("my delegations.csv", BASE["delegations.csv"], "delegations.csv"),
        ("x.csv", b"\xef\xbb\xbf" + BASE["sources.csv"], "sources.csv"),
        ("eras.csv", b"id,name\n", "eras.csv"),
        ("sheet.csv", SAMPLE, TIMELINEJS),
        ("notes.csv", b"a,b\n1,2\n", None),
        ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00", None),
    ],
)
def test_classify_upload(name, raw, kind):
    assert classify_upload(name, raw) == kind


def test_uploaded_table_replaces_only_its_table():
    events = BASE["events.csv"].replace(b"A two-day event", b"Renamed")
    files, problems = merge_uploads(BASE, [("mine.csv", events)])
    assert not problems and files["events.csv"] == events and files["sources.csv"] == BASE["sources.csv"]


def test_unknown_and_duplicate_uploads_are_reported():
    _, problems = merge_uploads(
        BASE, [("a.csv", b"x,y\n"), ("e1.csv", BASE["events.csv"]), ("e2.csv", BASE["events.csv"])]
    )
    assert [p.file for p in problems] == ["a.csv", "e2.csv"]


def test_timelinejs_upload_replaces_the_dataset():
    result = load_uploads(BASE, [("sheet.csv", SAMPLE)], "uploaded")
    assert result.ok, result.problems
    assert "Ada Lovelace" in set(result.dataset.events["title"])
    assert result.dataset.delegations.empty


def test_bad_upload_gives_problems_with_file_line_column():
    bad = BASE["events.csv"].replace(b",migration,", b",emigration,")
    result = load_uploads(BASE, [("events.csv", bad)], "uploaded")
    assert not result.ok
    p = result.problems[0]
    assert (p.file, p.line, p.column, p.value) == ("events.csv", 2, "category", "emigration")
