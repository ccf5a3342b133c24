"""What only a browser shows: pages load and draw without raising, charts draw, search filters."""

import re

import pytest
from playwright.sync_api import Page, expect

from components.schema import EventSchema, columns_of
from components.search import search_frame
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS, assert_no_app_error, start_server, stop_server
from tests.conftest import FIXTURES, sample


@pytest.mark.parametrize(
    ("path", "heading"), [("", "Tumen"), ("delegations", "Delegations"), ("data", "Data & sources")]
)
def test_page_loads_and_draws(page: Page, app_url, path, heading):
    page.goto(f"{app_url}/{path}")
    expect(page.get_by_role("heading", name=re.compile(re.escape(heading))).first).to_be_visible(
        timeout=CHART_TIMEOUT_MS
    )
    if path != "data":
        chart = page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible(timeout=CHART_TIMEOUT_MS)
        # Plotly makes the chart's frame before its markers: wait for the markers rather than count them at once.
        expect(page.locator(".js-plotly-plot .scatterlayer .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    assert_no_app_error(page)


def test_timeline_draws_one_marker_per_event(page: Page, app_url):
    page.goto(app_url)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    n_events = len(sample().events)
    points = page.locator(EVENT_MARKERS)
    expect(points).to_have_count(n_events, timeout=CHART_TIMEOUT_MS)


def test_data_page_search_filters_the_table(page: Page, app_url):
    dataset = sample()
    page.goto(f"{app_url}/data")
    caption = page.get_by_text(re.compile(r"^\d+ of \d+ rows"))
    expect(caption.first).to_have_text(f"{len(dataset.events)} of {len(dataset.events)} rows", timeout=CHART_TIMEOUT_MS)
    box = page.get_by_label("Search all tables")
    box.fill("ratifies")
    box.press("Enter")
    columns = columns_of(EventSchema)
    n = len(search_frame(dataset.events[columns], "ratifies", columns))
    assert 0 < n < len(dataset.events)
    expect(caption.first).to_contain_text(f"{n} of {len(dataset.events)} rows", timeout=CHART_TIMEOUT_MS)


def test_the_error_check_sees_a_page_that_raises(page: Page):
    proc, url = start_server(script=FIXTURES / "apps" / "raises.py")
    try:
        page.goto(url)
        expect(page.get_by_role("heading", name="About to fail")).to_be_visible(timeout=CHART_TIMEOUT_MS)
        with pytest.raises(AssertionError, match="the page raised"):
            assert_no_app_error(page)
        expect(page.get_by_text("Traceback")).to_have_count(0)  # what the old check looked for: never shown here
    finally:
        stop_server(proc)
