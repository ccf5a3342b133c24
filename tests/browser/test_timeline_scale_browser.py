"""Timeline in Chromium, as a new user meets it: every era readable by default, a zoom that stays, story mode inside
the era, empty results explained, and a phone (390×844, touch)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from components.filters import EventFilter, in_span
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS, LABELS_JS, assert_era_labels_apart, settle
from tests.conftest import sample

DATA = sample()
T = CHART_TIMEOUT_MS
GD = "document.querySelector('.st-key-timeline_chart .js-plotly-plot')"

# Where Plotly draws each event marker, from the figure's own axes: [id, x px, y px], and the plot's box.
MARKERS_JS = f"""() => {{
  const gd = {GD}, xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
  const out = [];
  for (const trace of gd.data) {{
    if (!trace.customdata) continue;
    trace.customdata.forEach((row, i) => out.push([row[0], box.left + xa.l2p(trace.x[i]) + xa._offset,
                                                     box.top + ya.l2p(trace.y[i]) + ya._offset]));
  }}
  return {{markers: out, plot: [box.left + xa._offset, xa._length]}};
}}"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(EVENT_MARKERS).first).to_be_attached(timeout=T)
    settle(page)


def _x_range(page: Page) -> list[float]:
    return page.evaluate(f"() => {GD}._fullLayout.xaxis.range")


def test_default_view_spreads_the_recent_years_and_keeps_markers_apart(page: Page, app_url):
    _open(page, app_url)
    found = page.evaluate(MARKERS_JS)
    markers, (_left, width) = found["markers"], found["plot"]
    assert len(markers) == len(DATA.events)
    crowded = {a[0] for a in markers for b in markers if a is not b and (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2 < 6**2}
    assert len(crowded) <= 0.05 * len(markers), sorted(crowded)
    lower = DATA.events["date_lower"]
    recent = set(DATA.events.loc[(lower >= pd.Timestamp("2022-01-01")) & (lower <= pd.Timestamp("2025-12-31")), "id"])
    assert len(recent) >= 30
    xs = [x for i, x, _ in markers if i in recent]
    assert (max(xs) - min(xs)) / width >= 0.2, (min(xs), max(xs), width)
    expect(page.locator(".js-plotly-plot .xtitle")).to_have_text("scale: by era")


@pytest.mark.parametrize(
    "size", [(1400, 1000), (1000, 900), (800, 900), (390, 844)], ids=["1400", "1000", "800", "390"]
)
def test_era_labels_never_overlap_and_stay_in_their_band(browser: Browser, app_url, size):
    # Between a phone and a wide window the plot is as wide as the window, the sidebar and the lane names leave
    # it: each era shows the widest of its labels that fits its band as drawn.
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    _open(page, app_url)
    found = page.evaluate(f"() => ({LABELS_JS})({GD})")
    assert len(found["labels"]) >= (len(DATA.eras) if size[0] > 1000 else 3), found["labels"]
    assert_era_labels_apart(found["labels"], found["plot"])
    narrower = size[0] - 150 if size[0] > 600 else 360  # the window made narrower (a small phone): labels fit again
    page.set_viewport_size({"width": narrower, "height": size[1]})
    page.wait_for_timeout(600)
    found = page.evaluate(f"() => ({LABELS_JS})({GD})")
    assert len(found["labels"]) >= 3, found["labels"]
    assert_era_labels_apart(found["labels"], found["plot"])
    context.close()


def _drag(page: Page, start: float, end: float) -> None:
    """A drag across the plot from `start` to `end` (shares of its width), halfway down."""
    box = page.locator(".st-key-timeline_chart .nsewdrag").bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y + 5, steps=4)
    page.mouse.move(box["x"] + box["width"] * end, y + 5, steps=4)
    page.mouse.up()


def _click_marker(page: Page, event_id: str) -> None:
    found = page.evaluate(MARKERS_JS)
    _, x, y = next(m for m in found["markers"] if m[0] == event_id)
    page.mouse.click(x, y)


def test_a_zoom_survives_a_marker_click_and_next_and_the_link_keeps_it(page: Page, app_url):
    _open(page, app_url)
    page.locator(".st-key-timeline_chart").scroll_into_view_if_needed()
    _drag(page, 0.62, 0.9)
    expect(page).to_have_url(re.compile(r"zoom=\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d"), timeout=T)
    expect(page.locator(".st-key-reset_zoom")).to_be_visible(timeout=T)
    settle(page)
    zoomed = _x_range(page)
    zoom = re.search(r"zoom=([^&]+)", page.url).group(1)
    lo, hi = (pd.Timestamp(d) for d in zoom.split(".."))
    inside = in_span(DATA.events, (lo, hi))
    found = page.evaluate(MARKERS_JS)
    left, width = found["plot"]
    target = next(m for m in found["markers"] if m[0] in set(inside["id"]) and left + 20 < m[1] < left + width - 20)
    page.mouse.click(target[1], target[2])
    expect(page).to_have_url(re.compile(f"event={re.escape(target[0])}"), timeout=T)
    settle(page)
    assert _x_range(page) == pytest.approx(zoomed) and f"zoom={zoom}" in page.url
    page.get_by_role("button", name="Next ▶").click()
    settle(page)
    assert _x_range(page) == pytest.approx(zoomed)
    page.goto(page.url)  # the link alone reproduces the zoom
    _open(page, page.url)
    assert _x_range(page) == pytest.approx(zoomed)
    # A double-click zooms back out, and the link forgets the zoom.
    page.locator(".st-key-timeline_chart").scroll_into_view_if_needed()
    settle(page)
    box = page.locator(".st-key-timeline_chart .nsewdrag").bounding_box()
    page.mouse.dblclick(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    expect(page).not_to_have_url(re.compile("zoom="), timeout=T)


def test_date_filters_move_the_axis_to_the_filtered_span(page: Page, app_url):
    _open(page, app_url)
    full = _x_range(page)
    _open(page, f"{app_url}/?from=2022-02-24")
    narrow = _x_range(page)
    found = page.evaluate(MARKERS_JS)
    _left, width = found["plot"]
    xs = [x for _, x, _ in found["markers"]]
    assert narrow[0] > full[0] + 0.5 * (full[1] - full[0])  # the axis starts in 2022, not in 1858
    assert (max(xs) - min(xs)) / width > 0.8  # the matching events use the plot's width


def test_next_with_an_era_stays_in_the_era_then_steps_into_the_next_one(page: Page, app_url):
    era = DATA.eras.set_index("id").loc["cold-war"]
    ids = in_span(DATA.events, (era["date_lower"], era["date_upper"]))["id"].tolist()
    _open(page, f"{app_url}/?era=cold-war")
    for expected in ids:
        page.get_by_role("button", name="Next ▶").click()
        expect(page).to_have_url(re.compile(f"event={re.escape(expected)}"), timeout=T)
        assert "era=cold-war" in page.url
    expect(page.get_by_text("This is the last event in this era")).to_be_visible(timeout=T)
    page.get_by_role("button", name="Next ▶").click()  # into the next era, and the chart follows
    expect(page).to_have_url(re.compile("era=post-soviet"), timeout=T)
    nxt = DATA.eras.set_index("id").loc["post-soviet"]
    first = in_span(DATA.events, (nxt["date_lower"], nxt["date_upper"]))["id"].iloc[0]
    expect(page).to_have_url(re.compile(f"event={re.escape(first)}"), timeout=T)
    # The picker lists the events in view only.
    settle(page)
    page.get_by_role("combobox", name="Event").click()
    options = page.get_by_role("option")
    shown = in_span(DATA.events, (nxt["date_lower"], nxt["date_upper"]))
    expect(options).to_have_count(len(shown), timeout=T)


def test_era_buttons_are_disabled_at_the_ends(page: Page, app_url):
    last = DATA.eras.sort_values("date_lower")["id"].iloc[-1]
    _open(page, f"{app_url}/?era={last}")
    expect(page.get_by_role("button", name="Era ▶")).to_be_disabled(timeout=T)
    expect(page.get_by_role("button", name="◀ Era")).to_be_enabled()


def test_an_empty_filter_names_the_filters_and_clear_filters_restores_everything(page: Page, app_url):
    flt = EventFilter(categories=("treaty",), statuses=("disputed",))
    assert flt.apply(DATA.events).empty
    page.goto(f"{app_url}/?category=treaty&status=disputed")
    message = page.locator(".st-key-no_match")
    expect(message).to_contain_text("No event matches", timeout=T)
    expect(message).to_contain_text("categories")
    expect(message).to_contain_text("claim status")
    message.get_by_role("button", name="Clear filters").click()
    expect(page.get_by_text(f"Events: {len(DATA.events)} of {len(DATA.events)}")).to_be_visible(timeout=T)
    expect(page).not_to_have_url(re.compile("category=|status="), timeout=T)
    expect(page.locator(EVENT_MARKERS)).to_have_count(len(DATA.events), timeout=T)


def test_the_detail_panel_is_seen_after_a_click_at_1440x900(browser: Browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    _open(page, app_url)
    page.locator(".st-key-timeline_chart").scroll_into_view_if_needed()
    settle(page)
    event = DATA.events.iloc[40]
    _click_marker(page, event["id"])
    heading = page.get_by_role("heading", name=event["title"])
    expect(heading).to_be_in_viewport(timeout=T)
    context.close()


def _touch_swipe(page: Page, x: float, y0: float, y1: float) -> None:
    cdp = page.context.new_cdp_session(page)
    steps = 8
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y0}]})
    for k in range(1, steps + 1):
        y = y0 + (y1 - y0) * k / steps
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


SCROLLED_JS = "() => document.querySelector('[data-testid=stMain]').scrollTop || document.scrollingElement.scrollTop"
STILL_JS = f"""() => new Promise((resolve) => {{
  const at = ({SCROLLED_JS})(); setTimeout(() => resolve(({SCROLLED_JS})() === at), 400);
}})"""


def test_a_phone_swipes_over_the_chart_and_taps_a_marker(browser: Browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    _open(page, app_url)
    chart = page.locator(".st-key-timeline_chart")
    chart.scroll_into_view_if_needed()
    settle(page)
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the chart fits the width
    before = page.evaluate(SCROLLED_JS)
    mid = box["y"] + min(box["height"], 844 - box["y"]) / 2
    _touch_swipe(page, box["x"] + box["width"] / 2, mid + 150, mid - 150)
    page.wait_for_function(f"(before) => ({SCROLLED_JS})() > before + 50", arg=before, timeout=T)
    page.wait_for_function(STILL_JS, timeout=T)  # the fling has stopped: markers are where they will be tapped
    settle(page)
    found, before_tap = page.evaluate(MARKERS_JS), None
    for _ in range(20):  # under load the page may still be settling: read the markers until two reads agree
        if found == before_tap:
            break
        page.wait_for_timeout(250)
        before_tap, found = found, page.evaluate(MARKERS_JS)
    event_id, x, y = next(m for m in found["markers"] if 100 < m[2] < 800)
    page.touchscreen.tap(x, y)
    title = DATA.events.set_index("id").loc[event_id, "title"]
    expect(page).to_have_url(re.compile(f"event={re.escape(event_id)}"), timeout=T)
    expect(page.get_by_role("heading", name=title)).to_be_attached(timeout=T)
    context.close()


def test_a_phone_picks_an_era_from_a_select_instead_of_nine_pills(browser: Browser, app_url):
    eras = DATA.eras.sort_values("date_lower").reset_index(drop=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    _open(page, app_url)
    pills, select = page.locator(".st-key-era"), page.locator(".st-key-era_compact")
    expect(pills).to_be_hidden()
    expect(select).to_be_visible()
    top, bottom = select.bounding_box(), page.get_by_role("button", name="Era ▶").bounding_box()
    assert bottom["y"] + bottom["height"] - top["y"] < 160, (top, bottom)  # wrapped pills took ~400 px
    select.get_by_role("combobox").click()
    page.get_by_role("option", name=re.compile("^" + re.escape(eras["name"][3]))).click()
    expect(page).to_have_url(re.compile(f"era={re.escape(eras['id'][3])}"), timeout=T)
    expect(page.get_by_role("alert").or_(page.locator("[data-testid=stAlert]")).first).to_contain_text(eras["name"][3])
    page.get_by_role("button", name="Era ▶").click()
    expect(page).to_have_url(re.compile(f"era={re.escape(eras['id'][4])}"), timeout=T)
    expect(select.get_by_role("combobox")).to_have_value(re.compile("^" + re.escape(eras["name"][4])), timeout=T)
    page.set_viewport_size({"width": 1400, "height": 1000})  # a wide window shows the pills, the same era chosen
    expect(pills).to_be_visible(timeout=T)
    expect(select).to_be_hidden()
    context.close()


def test_true_time_is_a_switch_and_in_the_link(page: Page, app_url):
    _open(page, f"{app_url}/?scale=time")
    expect(page.locator(".js-plotly-plot .xtitle")).to_have_text("scale: true time", timeout=T)
    page.locator("[data-testid=stButtonGroup] button", has_text="By era").click()
    expect(page).not_to_have_url(re.compile("scale="), timeout=T)
    expect(page.locator(".js-plotly-plot .xtitle")).to_have_text("scale: by era", timeout=T)


# The plot's margins as the figure asks for them and as Plotly laid them out, and the room the lane names take.
MARGINS_JS = f"""() => {{
  const gd = {GD}, asked = gd.layout.margin, size = gd._fullLayout._size;
  const names = [...gd.querySelectorAll('.ytick text')].map(t => t.getBoundingClientRect().width);
  const plotLeft = gd.querySelector('.nsewdrag').getBoundingClientRect().left;
  const leftmost = Math.min(...[...gd.querySelectorAll('.ytick text')].map(t => t.getBoundingClientRect().left));
  return {{asked: [asked.l, asked.b], laid: [size.l, size.b], widest: Math.max(...names),
           used: plotLeft - leftmost, paperLeft: gd.getBoundingClientRect().left, leftmost}};
}}"""


@pytest.mark.parametrize("lanes", ["category", "status", "actor"])
def test_the_charts_margins_already_hold_its_labels_so_it_is_drawn_once(page: Page, app_url, lanes):
    # Every filter change mounts a new chart; had Plotly to widen a margin for the lane names or the time axis it
    # would draw the chart twice. The figure's margins hold them, with little to spare, and no label is cut.
    page.set_viewport_size({"width": 1400, "height": 1000})
    _open(page, f"{app_url}/?lanes={lanes}")
    found = page.evaluate(MARGINS_JS)
    assert found["laid"][0] == found["asked"][0], found  # the left margin was not widened
    if lanes == "category":  # nor the bottom; other lanes put a colour key below the chart, which widens it
        assert found["laid"][1] == found["asked"][1], found
    assert found["leftmost"] >= found["paperLeft"], found  # the longest lane name is not cut
    assert found["asked"][0] - found["used"] <= 24, found  # nor is there a wide empty strip left of the names
