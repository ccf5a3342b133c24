"""Delegations page in AppTest: each filter changes the count, the table and the charts; links restore it."""

import html
import io
import json

import pandas as pd
import pytest

from components.filters import DelegationFilter
from tests.conftest import sample
from views.delegations import CHART_TABS

DATA = sample()
TOTAL = len(DATA.delegations)
PAGE = "app_pages/delegations.py"


def _caption(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Delegations"))


def _table_rows(at) -> int:
    return len(at.dataframe[0].value)


@pytest.mark.parametrize(
    ("widget", "key", "value", "flt"),
    [
        ("multiselect", "sector", ["Defense", "Sports"], DelegationFilter(sectors=("Defense", "Sports"))),
        ("multiselect", "level", ["ministerial"], DelegationFilter(levels=("ministerial",))),
        ("toggle", "listed", True, DelegationFilter(listed_only=True)),
        ("text_input", "q", "Shoigu", DelegationFilter(query="Shoigu")),
        (
            "date_input",
            "from",
            pd.Timestamp("2024-06-19").date(),
            DelegationFilter(date_from=pd.Timestamp("2024-06-19").date()),
        ),
        ("segmented_control", "direction", "russia_to_dprk", DelegationFilter(direction="russia_to_dprk")),
    ],
)
def test_each_filter(make_app, widget, key, value, flt):
    at = make_app(page=PAGE)
    getattr(at, widget)(key=key).set_value(value).run()
    n = len(flt.apply(DATA.delegations))
    assert 0 < n < TOTAL
    assert f": {n} of {TOTAL}" in _caption(at)
    assert _table_rows(at) == n


def test_counts_per_direction_shown(make_app):
    at = make_app(page=PAGE)
    caption = _caption(at)
    for label, direction in [("North Korea → Russia", "dprk_to_russia"), ("Russia → North Korea", "russia_to_dprk")]:
        assert f"{label}: {int((DATA.delegations['direction'] == direction).sum())}" in caption


def test_link_restores_direction_sector_and_delegation(make_app):
    delegation = "d-2024-11-belousov-pyongyang"
    at = make_app(page=PAGE, params={"direction": "russia_to_dprk", "sector": "Defense", "delegation": delegation})
    assert at.segmented_control(key="direction").value == "russia_to_dprk"
    assert at.multiselect(key="sector").value == ["Defense"]
    assert at.selectbox(key="delegation").value == delegation
    assert any("Belousov" in m.value for m in at.markdown)


def test_linked_delegation_hidden_by_the_links_own_filters_is_named_in_a_notice(make_app):
    at = make_app(page=PAGE, params={"direction": "dprk_to_russia", "delegation": "d-2024-11-belousov-pyongyang"})
    assert not at.exception and at.selectbox(key="delegation").value is None
    notice = " ".join(i.value for i in at.info)
    assert "not among the delegations these filters match" in notice and "Ministry of Defence" in notice


def test_bad_direction_is_ignored_with_notice(make_app):
    at = make_app(page=PAGE, params={"direction": "sideways", "delegation": "d-nope"})
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "direction=sideways" in notices and "delegation=d-nope" in notices
    assert f"{TOTAL} of {TOTAL}" in _caption(at)


def test_csv_downloads_hold_the_rows_of_the_view(make_app, download):
    at = make_app(page=PAGE, params={"sector": "Sports"})
    expected = DelegationFilter(sectors=("Sports",)).apply(DATA.delegations)["id"].tolist()
    assert 0 < len(expected) < len(DATA.delegations)
    (table_csv,) = [b for b in at.get("download_button") if b.proto.label == "Download these delegations (CSV)"]
    assert pd.read_csv(io.BytesIO(download(table_csv)))["id"].tolist() == expected
    assert "CSV" not in [b.proto.label for b in at.get("download_button")]  # closed: its exports are made on opening
    at.session_state["share_delegations"] = True  # open it
    at.run()
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert pd.read_csv(io.BytesIO(download(buttons["CSV"])))["id"].tolist() == expected
    assert [r["id"] for r in json.loads(download(buttons["JSON"]))] == expected
    assert "HTML snapshot (offline)" in buttons


def _chart(at, key):
    import plotly.io as pio

    (el,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith(key) or key in c.proto.id]
    return pio.from_json(el.proto.spec)


def test_tempo_chart_follows_the_level_filter(make_app):
    at = make_app(page=PAGE)
    everything = _chart(at, "tempo_chart")
    assert len(everything.data) > 1
    at.multiselect(key="level").set_value(["ministerial"]).run()
    ministers = _chart(at, "tempo_chart")
    n = len(DelegationFilter(levels=("ministerial",)).apply(DATA.delegations))
    assert [t.name for t in ministers.data] == ["Ministers"] and sum(ministers.data[0].y) == n


def test_presets_set_the_documented_filters(make_app):
    at = make_app(page=PAGE)
    at.button(key="preset_treaty").click().run()
    assert str(at.date_input(key="from").value) == "2024-06-19"
    n = len(DelegationFilter(date_from=pd.Timestamp("2024-06-19").date()).apply(DATA.delegations))
    assert f"{n} of {TOTAL}" in _caption(at)
    at.button(key="preset_article").click().run()
    assert at.toggle(key="listed").value is True
    assert _caption(at).startswith("Delegations listed in the article")


def test_the_coverage_policy_is_stated_on_the_page(make_app):
    at = make_app(page=PAGE)
    assert any("aim at completeness" in c.value and "at least" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("tab", "key"),
    [("Tempo", "tempo_chart"), ("Breadth", "breadth_chart"), ("By sector", "sector_chart"),
     ("Composition", "composition_chart"), ("Over time", "activity_chart")],
)  # fmt: skip
def test_only_the_chart_tab_shown_is_built(make_app, tab, key):
    at = make_app(page=PAGE, params={"chart": tab})
    built = [c.proto.id for c in at.get("plotly_chart")]
    assert sum(key in i for i in built) == 1 and len(built) == 2  # the timeline, and the one tab's chart


def test_html_snapshot_holds_every_chart_the_page_shows(make_app, download):
    at = make_app(page=PAGE)
    headings, charts = set(), set()
    for tab in CHART_TABS:  # each tab shows the timeline and its own chart under a heading
        at.session_state["chart"] = tab
        at.run()
        headings |= {h.value for h in at.main.header} - {"Matching delegations"}
        charts |= {c.proto.id for c in at.get("plotly_chart")}
    at.session_state["share_delegations"] = True
    at.run()
    buttons = {b.proto.label: b for b in at.get("download_button")}
    page = download(buttons["HTML snapshot (offline)"]).decode()
    drawn = page.count('class="plotly-graph-div"')
    assert drawn == len(charts) == 1 + len(CHART_TABS)
    assert {h for h in headings if f"<h2>{html.escape(h)}</h2>" not in page} == set()
    assert '"type":"sunburst"' in page  # the Composition chart
