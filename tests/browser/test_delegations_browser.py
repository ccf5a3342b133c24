"""Delegations in Chromium: clicking a sector bar filters the page and the table to that sector."""

import re
from datetime import date

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
    page.get_by_role("tab", name="By sector").click()
    expect(page).to_have_url(re.compile("chart=By"), timeout=CHART_TIMEOUT_MS)
    chart = page.locator(".st-key-sector_chart .js-plotly-plot")
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


def test_presets_put_their_filters_in_the_link(page: Page, app_url):
    page.goto(f"{app_url}/delegations")
    expect(page.get_by_text(re.compile(rf"^Delegations: {TOTAL} of {TOTAL}"))).to_be_visible(timeout=CHART_TIMEOUT_MS)
    page.get_by_role("button", name="Since the treaty (19 June 2024)").click()
    expect(page).to_have_url(re.compile(r"from=2024-06-19"), timeout=CHART_TIMEOUT_MS)
    page.get_by_role("button", name="The article's list").click()
    expect(page).to_have_url(re.compile(r"listed=true"), timeout=CHART_TIMEOUT_MS)
    n = len(DelegationFilter(listed_only=True, date_from=date(2024, 6, 19)).apply(DATA.delegations))
    expect(page.get_by_text(re.compile(rf"^Delegations listed in the article .*: {n} of {TOTAL}"))).to_be_visible(
        timeout=CHART_TIMEOUT_MS
    )
