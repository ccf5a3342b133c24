"""Delegations in Chromium: clicking a sector bar filters the page and the table to that sector."""

import re

from playwright.sync_api import Page, expect

from components.filters import DelegationFilter
from tests.browser.conftest import CHART_TIMEOUT_MS, settle
from tests.conftest import sample

DATA = sample()
TOTAL = len(DATA.delegations)


def test_click_sector_bar_filters_table(page: Page, app_url):
    sector = DATA.delegations["sector"].value_counts().index[0]
    n = len(DelegationFilter(sectors=(sector,)).apply(DATA.delegations))
    page.goto(f"{app_url}/delegations")
    caption = page.get_by_text(re.compile(rf"^Delegations: {TOTAL} of {TOTAL}"))
    expect(caption).to_be_visible(timeout=CHART_TIMEOUT_MS)
    chart = page.locator(".js-plotly-plot").nth(1)  # mirrored timeline first, then the sector breakdown
    expect(chart.locator(".barlayer .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    settle(page)
    where = chart.evaluate(
        """(gd, sector) => {
            for (const [t, trace] of gd.data.entries()) {
                const i = trace.y.indexOf(sector);
                if (i >= 0 && trace.x[i] !== 0) return [t, i];
            }
            return null;
        }""",
        sector,
    )
    assert where is not None
    trace_no, point_no = where
    chart.locator(".barlayer .trace").nth(trace_no).locator(".point").nth(point_no).click(force=True)
    expect(page.get_by_text(re.compile(rf"^Delegations in {re.escape(sector)}: {n} of {TOTAL}"))).to_be_visible(
        timeout=CHART_TIMEOUT_MS
    )
    url_value = re.escape(sector).replace(r"\ ", "(\\+|%20)")
    expect(page).to_have_url(re.compile("sector=" + url_value))
    table = page.locator("[data-testid=stDataFrame]").last
    expect(table).to_be_visible()
    # The data grid reports its size to assistive technology: header row + one row per record.
    expect(table.locator("[role=grid]").first).to_have_attribute("aria-rowcount", str(n + 1), timeout=CHART_TIMEOUT_MS)
