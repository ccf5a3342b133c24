"""Uploads in AppTest: a good upload replaces the data for the session, a bad one keeps it, reset returns."""

from tests.conftest import MINI, sample

PAGE = "app_pages/data.py"
SHIPPED_EVENTS = len(sample().events)


def _upload(at, files):
    at.file_uploader(key="upload").set_value([(name, data, "text/csv") for name, data in files]).run()
    at.button(key="use_upload").click().run()


def _events_caption(at) -> str:
    return next(c.value for c in at.caption if " events" in c.value)


def test_good_upload_replaces_data_for_the_session_and_reset_returns(make_app):
    at = make_app(page=PAGE)
    assert f"{SHIPPED_EVENTS} events" in _events_caption(at)
    _upload(
        at,
        [(name, (MINI / name).read_bytes()) for name in ("events.csv", "delegations.csv", "eras.csv", "sources.csv")],
    )
    assert not at.exception
    assert "3 events" in _events_caption(at)
    assert any("uploaded in this session" in i.value for i in at.info)
    at.button(key="reset_data").click().run()
    assert f"{SHIPPED_EVENTS} events" in _events_caption(at)


def test_bad_upload_lists_problems_and_keeps_current_data(make_app):
    at = make_app(page=PAGE)
    bad = (MINI / "events.csv").read_bytes().replace(b",migration,", b",emigration,")
    _upload(at, [("events.csv", bad)])
    assert not at.exception
    assert "not used" in at.error[0].value
    problems = at.dataframe[0].value
    assert "emigration" in set(problems["value"])
    assert f"{SHIPPED_EVENTS} events" in _events_caption(at)


def test_folder_with_only_some_tables(make_app, mini_dir):
    (mini_dir / "delegations.csv").unlink()
    at = make_app(folder=mini_dir, page="app_pages/delegations.py")
    assert not at.exception
    assert "has no delegations.csv" in at.info[0].value
    at = make_app(folder=mini_dir)
    assert not at.exception and at.get("plotly_chart")
