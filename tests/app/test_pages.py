"""Every page renders on the shipped data; a broken folder gives a readable problem page."""

import pandas as pd
import plotly.io as pio
import pytest

from tests.conftest import sample

PAGES = [
    (None, "Tumen"),
    ("app_pages/delegations.py", "Delegations"),
    ("app_pages/data.py", "Data & sources"),
]


def _figure(at):
    charts = at.get("plotly_chart")
    assert charts, "no chart drawn"
    return pio.from_json(charts[0].proto.spec)


@pytest.mark.parametrize(("page", "title"), PAGES)
def test_page_renders_on_shipped_data(make_app, page, title):
    at = make_app(page=page)
    assert not at.exception
    assert title in at.title[0].value
    assert not at.error


def test_timeline_draws_every_shipped_event(make_app):
    at = make_app()
    fig = _figure(at)
    ids = {row[0] for trace in fig.data if trace.customdata is not None for row in trace.customdata}
    assert ids == set(sample().events["id"])


def test_delegations_chart_has_a_marker_per_delegation(make_app):
    at = make_app(page="app_pages/delegations.py")
    fig = _figure(at)
    n = sum(len(trace.customdata) for trace in fig.data if trace.customdata is not None)
    assert n == len(sample().delegations)


def test_data_page_search_filters_rows(make_app, mini_dir):
    at = make_app(folder=mini_dir, page="app_pages/data.py")
    assert len(at.dataframe[0].value) == 3
    at.text_input(key="data_q").set_value("month-precision").run()
    assert len(at.dataframe[0].value) == 1
    assert "1 of 3 rows" in at.caption[1].value


def test_data_page_offers_a_download_per_table(make_app, mini_dir):
    at = make_app(folder=mini_dir, page="app_pages/data.py")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download events.csv", "Download delegations.csv", "Download eras.csv", "Download sources.csv"]


@pytest.mark.parametrize(("page", "_title"), PAGES)
def test_invalid_folder_shows_problem_page(make_app, mini_dir, page, _title):
    path = mini_dir / "events.csv"
    path.write_text(path.read_text().replace(",migration,", ",emigration,"))
    at = make_app(folder=mini_dir, page=page)
    assert not at.exception
    assert "cannot be loaded" in at.error[0].value
    problems = at.dataframe[0].value
    assert isinstance(problems, pd.DataFrame)
    row = problems.iloc[0]
    assert (row["file"], row["line"], row["column"], row["value"]) == ("events.csv", 2, "category", "emigration")
    assert not at.get("plotly_chart")


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [("events.csv", ",migration,", ",emigration,"), ("dataset.toml", 'color = "#88CCEE"', 'color = "sky blue"')],
)
def test_broken_edit_keeps_last_good_data(make_app, mini_dir, name, old, new):
    at = make_app(folder=mini_dir, page="app_pages/data.py")
    assert len(at.dataframe[0].value) == 3
    path = mini_dir / name
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    at.run()
    assert not at.exception
    assert "last valid version" in at.warning[0].value
    assert any(len(df.value) == 3 for df in at.dataframe)


def test_every_session_shares_one_loaded_dataset(monkeypatch):
    # One load per process, handed to every session as is: a per-session copy costs a rerun ~100 ms and
    # the server ~100 MB per session at 100k events.
    from views import state

    monkeypatch.delenv("TUMEN_DATA_DIR", raising=False)
    first, _ = state.current_data()
    second, _ = state.current_data()
    assert first.ok and first is second and first.dataset.events is second.dataset.events


@pytest.mark.parametrize("page", ["app_pages/data.py", "app_pages/timeline.py"])
def test_no_page_shows_the_servers_absolute_data_path(make_app, mini_dir, page):
    at = make_app(folder=mini_dir, page=page)
    shown = " ".join(e.value for kind in ("caption", "markdown", "info", "warning", "error") for e in getattr(at, kind))
    assert str(mini_dir) not in shown and str(mini_dir.parent) not in shown
    if page == "app_pages/data.py":
        assert "· mini" in shown  # the folder's name is what a visitor sees


def test_a_broken_folder_names_files_not_server_paths(make_app, tmp_path):
    at = make_app(folder=tmp_path / "nowhere")
    shown = " ".join(e.value for e in at.error) + " ".join(str(v) for df in at.dataframe for v in df.value["file"])
    assert str(tmp_path) not in shown and "nowhere" in shown
