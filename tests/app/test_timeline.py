"""Timeline page in AppTest: filters change the count, eras change the x-range, links restore the view."""

import csv
import io
import json

import pandas as pd
import plotly.io as pio
import pytest

from components import era_scale as es
from components.filters import EventFilter, in_span
from components.timeline_axis import build_scale
from tests.conftest import sample

DATA = sample()
TOTAL = len(DATA.events)
SCALES = {kind: build_scale(kind, DATA.events, DATA.eras) for kind in ("era", "time")}


def _figure(at):
    return pio.from_json(at.get("plotly_chart")[0].proto.spec)


def _shown_dates(at, kind: str = "era") -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates at the ends of the chart's x-axis (a numeric axis placed by the page's scale)."""
    return tuple(pd.Timestamp(d) for d in es.to_date(SCALES[kind], _figure(at).layout.xaxis.range))


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
    full = _shown_dates(at)
    at.pills(key="era").set_value("imperial").run()
    era = DATA.eras.set_index("id").loc["imperial"]
    lo, hi = _shown_dates(at)
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


def test_the_phones_era_select_and_the_pills_are_one_choice(make_app):
    # A phone shows a select instead of the pills (views/timeline.css): choosing there is choosing the era, in the
    # link too, and the buttons, the pills and a link move the select with them.
    eras = DATA.eras.sort_values("date_lower")["id"].tolist()
    at = make_app(params={"era": eras[2]})
    assert at.selectbox(key="era_compact").value == eras[2]
    at.selectbox(key="era_compact").set_value(eras[5]).run()
    assert at.pills(key="era").value == eras[5] and at.query_params["era"] == eras[5]
    at.button(key="era_next").click().run()
    assert at.selectbox(key="era_compact").value == eras[6] == at.pills(key="era").value
    at.pills(key="era").set_value(eras[0]).run()
    assert at.selectbox(key="era_compact").value == eras[0]
    at.selectbox(key="era_compact").set_value(None).run()
    assert at.pills(key="era").value is None and "era" not in at.query_params and not at.exception


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
    assert any("Deportation" in h.value for h in at.main.header)


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


def test_with_an_era_the_exports_and_citation_hold_the_eras_rows(make_app, download):
    at = make_app(params={"era": "cold-war", "category": ["treaty", "diplomacy"], "lanes": "status"})
    flt = EventFilter(categories=("treaty", "diplomacy"))
    era = DATA.eras.set_index("id").loc["cold-war"]
    matched = flt.apply(DATA.events)
    in_era = matched[(matched["date_upper"] >= era["date_lower"]) & (matched["date_lower"] <= era["date_upper"])]
    assert 0 < len(in_era) < len(matched)  # the era shows fewer rows than the filters match
    at.session_state["share_events"] = True
    at.run()
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert pd.read_csv(io.BytesIO(download(buttons["CSV"])))["id"].tolist() == in_era["id"].tolist()
    assert [r["id"] for r in json.loads(download(buttons["JSON"]))] == in_era["id"].tolist()
    sheet = list(csv.DictReader(io.StringIO(download(buttons["TimelineJS sheet"]).decode())))
    assert len([r for r in sheet if r["Type"] == ""]) == len(in_era)
    assert [r["Headline"] for r in sheet if r["Type"] == "era"] == [era["name"]]
    html = download(buttons["HTML snapshot (offline)"]).decode()
    assert all(f"{i}" in html for i in in_era["id"])
    _link, cite = (c.value for c in at.code)
    assert era["name"] in cite and f"{len(in_era)} shown" in cite and "lanes by claim status" in cite


def test_an_inverted_date_range_in_a_link_is_ignored_with_the_link_notice(make_app):
    at = make_app(params={"from": "2024-01-01", "to": "2020-01-01"})
    (notice,) = (w.value.replace("\\", "") for w in at.warning)  # one notice, the link's
    assert notice.startswith("Ignored from the link: to=2020-01-01 (before from (2024-01-01))")
    n = len(EventFilter(date_from=pd.Timestamp("2024-01-01").date()).apply(DATA.events))
    assert f"{n} of {TOTAL}" in _count_caption(at)


def test_an_inverted_date_range_in_the_widgets_gets_a_notice_and_is_not_applied(make_app):
    at = make_app()
    at.date_input(key="from").set_value(pd.Timestamp("2024-01-01").date()).run()
    at.date_input(key="to").set_value(pd.Timestamp("2020-01-01").date()).run()
    notice = " ".join(w.value for w in at.warning)
    assert "To (1 January 2020) is before From (1 January 2024)" in notice and "from 1 January 2024" in notice
    n = len(EventFilter(date_from=pd.Timestamp("2024-01-01").date()).apply(DATA.events))
    assert f"{n} of {TOTAL}" in _count_caption(at)


def test_renamed_keys_and_values_in_old_links_reach_the_page(make_app, monkeypatch):
    from components import urlstate

    monkeypatch.setattr(urlstate, "MIGRATIONS", {"cat": "category"})
    at = make_app(params={"cat": "treaty", "lanes": "Claim status"})
    assert not at.warning  # nothing is reported as ignored
    n = len(EventFilter(categories=("treaty",)).apply(DATA.events))
    assert f"{n} of {TOTAL}" in _count_caption(at)
    assert at.multiselect(key="category").value == ["treaty"]
    assert at.session_state["lanes"] == "status"
    assert set(_figure(at).layout.yaxis.ticktext) <= {"confirmed", "reported", "disputed", "refuted"}


def test_a_zoom_in_the_link_sets_the_axis_and_story_mode_walks_only_its_events(make_app):
    at = make_app(params={"zoom": "2018-01-01..2019-12-31"})
    lo, hi = _shown_dates(at)
    assert pd.Timestamp("2017-06-01") < lo < pd.Timestamp("2018-01-01") < pd.Timestamp("2019-12-31") < hi
    inside = in_span(DATA.events, (pd.Timestamp("2018-01-01"), pd.Timestamp("2019-12-31")))["id"].tolist()
    assert f"{len(inside)} in view (zoomed)" in _count_caption(at)
    assert at.selectbox(key="event").options == [at.selectbox(key="event").format_func(i) for i in inside]
    for expected in inside:
        at.button(key="event_next").click().run()
        assert at.selectbox(key="event").value == expected
    assert at.button(key="event_next").disabled  # no era to step into: the end of the view
    at.button(key="reset_zoom").click().run()
    assert at.session_state["zoom"] is None and "zoomed" not in _count_caption(at)


def test_the_zoom_goes_when_the_era_changes(make_app):
    at = make_app(params={"zoom": "2018-01-01..2019-12-31"})
    at.pills(key="era").set_value("cold-war").run()
    assert at.session_state["zoom"] is None and "in this era" in _count_caption(at)


@pytest.mark.parametrize(
    ("params", "ignored"),
    [({"zoom": "2019-12-31..2018-01-01"}, "zoom=2019-12-31..2018-01-01"), ({"scale": "log"}, "scale=log")],
)
def test_invalid_zoom_or_scale_in_a_link_is_ignored_with_a_notice(make_app, params, ignored):
    at = make_app(params=params)
    assert not at.exception and ignored in " ".join(w.value for w in at.warning)
    assert at.session_state["zoom"] is None and at.session_state["scale"] == "era"


def test_true_time_from_the_link(make_app):
    at = make_app(params={"scale": "time"})
    assert _figure(at).layout.xaxis.title.text == "scale: true time"


def test_next_in_an_era_stays_in_it_then_steps_into_the_next_era(make_app):
    era = DATA.eras.set_index("id").loc["cold-war"]
    ids = in_span(DATA.events, (era["date_lower"], era["date_upper"]))["id"].tolist()
    at = make_app(params={"era": "cold-war"})
    for expected in ids:
        at.button(key="event_next").click().run()
        assert at.selectbox(key="event").value == expected and at.pills(key="era").value == "cold-war"
    at.button(key="event_next").click().run()
    assert at.pills(key="era").value == "post-soviet"
    nxt = DATA.eras.set_index("id").loc["post-soviet"]
    assert at.selectbox(key="event").value == in_span(DATA.events, (nxt["date_lower"], nxt["date_upper"]))["id"].iloc[0]


def test_era_buttons_stop_at_the_ends(make_app):
    first, last = DATA.eras.sort_values("date_lower")["id"].iloc[[0, -1]]
    at = make_app(params={"era": first})
    assert at.button(key="era_prev").disabled and not at.button(key="era_next").disabled
    at = make_app(params={"era": last})
    assert at.button(key="era_next").disabled and not at.button(key="era_prev").disabled


def test_no_match_names_the_filters_and_clear_filters_clears_them(make_app):
    at = make_app(params={"category": "treaty", "status": "disputed", "q": "treaty"})
    (message,) = (w.value for w in at.warning if "No event matches" in w.value)
    assert "categories" in message and "claim status" in message and "search" in message
    at.button(key="clear_filters_empty").click().run()
    assert f"{TOTAL} of {TOTAL}" in _count_caption(at)
    assert at.multiselect(key="category").value == [] and at.multiselect(key="status").value == []
    assert at.text_input(key="q").value == ""
