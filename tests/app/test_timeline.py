"""Timeline page in AppTest: filters change the count, eras change the x-range, links restore the view."""

import pandas as pd
import plotly.io as pio
import pytest

from components.filters import EventFilter
from tests.conftest import sample

DATA = sample()
TOTAL = len(DATA.events)


def _figure(at):
    return pio.from_json(at.get("plotly_chart")[0].proto.spec)


def _count_caption(at) -> str:
    return next(c.value for c in at.caption if " of " in c.value)


def _n_markers(at) -> int:
    return sum(len(t.customdata) for t in _figure(at).data if t.customdata is not None)


@pytest.mark.parametrize(
    ("key", "value", "flt"),
    [
        ("category", ["treaty"], EventFilter(categories=("treaty",))),
        ("status", ["reported", "disputed"], EventFilter(statuses=("reported", "disputed"))),
        ("actor", ["Kim Il Sung"], EventFilter(actors=("Kim Il Sung",))),
    ],
)
def test_multiselect_filters_change_count_and_chart(make_app, key, value, flt):
    at = make_app()
    at.multiselect(key=key).set_value(value).run()
    n = len(flt.apply(DATA.events))
    assert 0 < n < TOTAL
    assert f"{n} of {TOTAL}" in _count_caption(at)
    assert _n_markers(at) == n


def test_text_search_and_dates(make_app):
    at = make_app()
    at.text_input(key="q").set_value("deportation").run()
    n = len(EventFilter(query="deportation").apply(DATA.events))
    assert f"{n} of {TOTAL}" in _count_caption(at) and _n_markers(at) == n
    at.text_input(key="q").set_value("").run()
    at.date_input(key="from").set_value(pd.Timestamp("2024-01-01").date()).run()
    n = len(EventFilter(date_from=pd.Timestamp("2024-01-01").date()).apply(DATA.events))
    assert f"{n} of {TOTAL}" in _count_caption(at)


def test_choosing_an_era_zooms_and_shows_its_summary(make_app):
    at = make_app()
    full = [pd.Timestamp(x) for x in _figure(at).layout.xaxis.range]
    at.pills(key="era").set_value("imperial").run()
    era = DATA.eras.set_index("id").loc["imperial"]
    lo, hi = (pd.Timestamp(x) for x in _figure(at).layout.xaxis.range)
    assert lo < era["date_lower"] < hi and hi - lo < (full[1] - full[0]) / 2
    assert "Imperial Russia and Korean migration" in at.info[0].value


def test_era_buttons_step_through_eras(make_app):
    at = make_app()
    at.button(key="era_next").click().run()
    assert at.pills(key="era").value == "imperial"
    at.button(key="era_next").click().run()
    assert at.pills(key="era").value == "early-soviet"
    at.button(key="era_prev").click().run()
    assert at.pills(key="era").value == "imperial"


def test_lanes_switch(make_app):
    at = make_app()
    at.segmented_control(key="lanes").set_value("status").run()
    assert set(_figure(at).layout.yaxis.ticktext) <= {"confirmed", "reported", "disputed", "refuted"}


def test_link_restores_filters_era_and_event(make_app):
    event = "1937-deportation-of-soviet-koreans"
    at = make_app(params={"category": "repression", "era": "early-soviet", "event": event})
    assert at.multiselect(key="category").value == ["repression"]
    assert at.pills(key="era").value == "early-soviet"
    assert at.selectbox(key="event").value == event
    assert "Deportation" in at.subheader[0].value


def test_story_mode_steps_in_date_order(make_app):
    ids = EventFilter(categories=("treaty",)).apply(DATA.events)["id"].tolist()
    at = make_app(params={"category": "treaty"})
    at.button(key="event_next").click().run()
    assert at.selectbox(key="event").value == ids[0]
    at.button(key="event_next").click().run()
    assert at.selectbox(key="event").value == ids[1]
    at.button(key="event_prev").click().run()
    assert at.selectbox(key="event").value == ids[0]


def test_selected_event_survives_filters_while_it_matches(make_app):
    event = "1937-deportation-of-soviet-koreans"
    at = make_app(params={"event": event})
    at.multiselect(key="category").set_value(["repression", "war"]).run()
    assert at.selectbox(key="event").value == event
    at.multiselect(key="category").set_value(["war"]).run()
    assert at.selectbox(key="event").value is None
    assert any("no longer selected" in i.value and "deportation" in i.value.lower() for i in at.info)


def test_linked_event_hidden_by_the_links_own_filters_is_named_in_a_notice(make_app):
    at = make_app(
        params={"category": "war", "event": "1961-ussr-dprk-treaty-of-friendship-cooperation-mutual-assistance"}
    )
    assert not at.exception and at.selectbox(key="event").value is None
    notice = " ".join(i.value for i in at.info)
    assert "not among the events these filters match" in notice and "1961" in notice
    assert not at.warning  # the id itself is valid: no "ignored" warning


def test_unknown_era_and_event_are_ignored_with_a_notice(make_app):
    at = make_app(params={"era": "atlantis", "event": "nope", "category": "treaty"})
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "era=atlantis" in notices and "event=nope" in notices
    assert at.multiselect(key="category").value == ["treaty"]


def test_share_box_is_built_when_opened_with_the_views_link_and_citation(make_app):
    at = make_app(params={"category": "treaty"})
    assert not at.code and not at.get("download_button")  # closed: nothing of it is sent on a filter change
    at.session_state["share_events"] = True  # the user opens it
    at.run()
    link, cite = (c.value for c in at.code)
    assert "category=treaty" in link and link in cite
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "JSON", "HTML snapshot (offline)", "TimelineJS sheet"]
