"""Chart text a reader can trust, in Chromium: on filtered Delegations views every chart's tick labels are whole,
each printed once, never finer than a day, and the timeline's milestones print no names over each other."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHART_TIMEOUT_MS, settle

# Filters that leave a handful of delegations: where count axes used to repeat `0 0 0 1 1 1`.
QUERIES = ["sector=Sports&direction=dprk_to_russia", "level=head_of_state", "sector=Health", "sector=Defense"]
TABS = {"Tempo": "tempo_chart", "Breadth": "breadth_chart", "Over time": "activity_chart", "By sector": "sector_chart"}


def _ticks(page: Page, key: str, axis: str) -> list[str]:
    chart = page.locator(f".st-key-{key} .js-plotly-plot")
    expect(chart).to_be_visible(timeout=CHART_TIMEOUT_MS)
    return [t.strip() for t in chart.locator(f".{axis}tick text").evaluate_all("els => els.map(e => e.textContent)")]


@pytest.mark.parametrize("query", QUERIES)
def test_tick_labels_are_whole_unique_and_never_finer_than_a_day(page: Page, app_url, query):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/delegations?{query}")
    for tab, key in TABS.items():
        page.get_by_role("tab", name=tab).click()
        settle(page)
        for axis in ("x", "y"):
            ticks = [t for t in _ticks(page, key, axis) if t]
            # A diverging axis (By sector) counts both ways from 0: each side labels each count once.
            sides = (
                [ticks[: ticks.index("0")], ticks[ticks.index("0") :]]
                if tab == "By sector" and "0" in ticks
                else [ticks]
            )
            for side in sides:
                assert len(side) == len(set(side)), f"{query} {tab} {axis}: {ticks}"
            assert not [t for t in ticks if re.search(r"\d:\d\d|\.\d", t)], f"{query} {tab} {axis}: {ticks}"


@pytest.mark.parametrize("width", [1400, 390])
def test_milestones_print_no_names_over_each_other(page: Page, app_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{app_url}/delegations")
    chart = page.locator(".st-key-delegation_chart .js-plotly-plot")
    expect(chart.locator(".scatterlayer .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    settle(page)
    boxes = chart.locator(".annotation-text").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
            assert not overlap, f"labels overlap at {width} px: {a} {b}"
