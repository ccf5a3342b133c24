"""Bad uploads in AppTest: no exception, "not used", the problem's file/line/column listed, the data in use kept."""

import pytest

from tests.bad_cells import with_bad_cell
from tests.conftest import FIXTURES, MINI

PAGE = "app_pages/data.py"
BAD = FIXTURES / "bad"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def _upload(at, files):
    at.file_uploader(key="upload").set_value([(name, data, "text/csv") for name, data in files]).run()
    at.button(key="use_upload").click().run()


def _events_caption(at) -> str:
    return next(c.value for c in at.caption if " events" in c.value)


def _bad(case: str) -> bytes:
    (path,) = (BAD / case).iterdir()
    return path.read_bytes()


# (uploaded name, bytes, file the problem names, line, column)
CASES = {
    "extra-cell-first-row": ("events.csv", _bad("extra-cell-first-row"), "events.csv", 2, ""),
    "latin-1 under another name": ("my events.csv", _bad("latin-1"), "my events.csv (read as events.csv)", 2, ""),
    "unknown-direction": (
        "delegations.csv",
        with_bad_cell("delegations.csv", 0, "direction", "north_to_south"),
        "delegations.csv",
        2,
        "direction",
    ),
    "timelinejs-broken-rows": ("sheet.csv", _bad("timelinejs-broken-rows"), "sheet.csv", 3, "Month"),
    "png named events.csv": ("events.csv", PNG, "events.csv", 1, ""),
}


@pytest.mark.parametrize(("name", "raw", "file", "line", "column"), CASES.values(), ids=CASES.keys())
def test_bad_upload_is_listed_and_the_data_in_use_stays(make_app, name, raw, file, line, column):
    at = make_app(page=PAGE)
    before = _events_caption(at)
    _upload(at, [(name, raw)])
    assert not at.exception
    assert "not used" in at.error[0].value
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["file", "line", "column", "value", "expected"]
    hits = problems[(problems["file"] == file) & (problems["line"] == line) & (problems["column"] == column)]
    assert not hits.empty, problems.to_string()
    assert _events_caption(at) == before  # same counts, same data version, same folder
    assert not any("uploaded in this session" in i.value for i in at.info)


def test_bad_upload_after_a_good_one_keeps_the_uploaded_data(make_app):
    at = make_app(page=PAGE)
    _upload(
        at,
        [(name, (MINI / name).read_bytes()) for name in ("events.csv", "delegations.csv", "eras.csv", "sources.csv")],
    )
    in_use = _events_caption(at)
    assert in_use.startswith("3 events")
    _upload(at, [("events.csv", _bad("unmatched-quote"))])
    assert not at.exception and "not used" in at.error[0].value
    assert _events_caption(at) == in_use


def test_header_only_events_upload_is_used_and_every_page_draws(make_app):
    at = make_app(page=PAGE)
    _upload(at, [("events.csv", _bad("header-only"))])
    assert not at.exception and not at.error
    assert _events_caption(at).startswith("0 events")
    for page in ("app_pages/timeline.py", "app_pages/delegations.py"):
        at.switch_page(page).run()
        assert not at.exception, page
