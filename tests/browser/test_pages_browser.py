"""What only a browser shows: pages load, charts draw, search filters, a README screenshot."""

import re

import pytest
from playwright.sync_api import Page, expect

from components.schema import EventSchema, columns_of
from components.tables import search_frame
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS
from tests.conftest import ROOT, sample


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
    expect(page.get_by_text("Traceback")).to_have_count(0)


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


def test_readme_screenshot(page: Page, app_url):
    page.goto(app_url)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    page.wait_for_timeout(1500)  # let the chart finish its first layout pass before the picture
    target = ROOT / "docs" / "screenshot.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000
