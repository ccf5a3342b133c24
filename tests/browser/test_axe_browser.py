"""Accessibility as axe-core sees it in Chromium: every page, light and dark, wide and phone, no serious problem."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.browser.conftest import CHART_TIMEOUT_MS, settle
from tests.conftest import sample

# Every page, and the two with a selection open, which adds a detail panel with its own heading.
PAGES = {
    "timeline": "/",
    "timeline-event": f"/?event={sample().events.iloc[0]['id']}",
    "delegations": "/delegations",
    "delegations-delegation": f"/delegations?delegation={sample().delegations.iloc[0]['id']}",
    "data": "/data",
}
WIDTHS = {"wide": 1400, "phone": 390}
SCHEMES = ("light", "dark")
BLOCKING = {"serious", "critical"}
# Moderate in axe, but a skipped heading level misleads a screen reader's list of headings, and it was reported.
ALSO_BLOCKING = {"heading-order"}


def _violations(page) -> list[dict]:
    """axe-core's violations on the page as drawn (the whole document, every rule axe runs by default)."""
    return Axe().run(page).response["violations"]


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            message = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"{v['id']} ({v['impact']}) {node['target']}: {message}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(browser: Browser, app_url, path, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(app_url + path)
        expect(page.locator("[data-testid=stMain] h1").first).to_be_visible(timeout=CHART_TIMEOUT_MS)
        if not path.startswith("/data"):
            expect(page.locator(".js-plotly-plot .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
        settle(page)
        # Streamlit draws a grey skeleton while an element's code loads (text input, code, table): axe must see the
        # element itself.
        expect(page.locator("[data-testid=stSkeleton]")).to_have_count(0, timeout=CHART_TIMEOUT_MS)
        blocking = [v for v in _violations(page) if v["impact"] in BLOCKING or v["id"] in ALSO_BLOCKING]
        assert not blocking, f"{path} at {width} px, {scheme}:\n{_describe(blocking)}"
    finally:
        context.close()
