"""Keyboard use in Chromium: Enter commits a typed date; the Share popover takes focus and every control in it,
the copy buttons included, is reached with Tab and works."""

import re
from datetime import date

from playwright.sync_api import Browser, Page, expect

from components.filters import EventFilter
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS, SHARE_BUTTON
from tests.conftest import sample

DATA = sample()


def test_enter_commits_a_typed_date(page: Page, app_url):
    page.goto(app_url)
    expect(page.locator(EVENT_MARKERS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    page.get_by_role("spinbutton", name="year, From").click()
    page.keyboard.type("2000")
    page.keyboard.type("01")
    page.keyboard.type("01")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"from=2000-01-01"), timeout=CHART_TIMEOUT_MS)
    n = len(EventFilter(date_from=date(2000, 1, 1)).apply(DATA.events))
    expect(page.get_by_text(re.compile(rf": {n} of {len(DATA.events)}$")).first).to_be_visible(timeout=CHART_TIMEOUT_MS)


def _focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return (e.dataset.testid || '') + '|' + "
        "(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40); }"
    )


def test_share_popover_takes_focus_and_every_control_is_reached_and_works_by_keyboard(browser: Browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{app_url}/?category=treaty")
    expect(page.locator(EVENT_MARKERS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    page.get_by_role("button", name=SHARE_BUTTON).focus()
    page.keyboard.press("Enter")
    body = page.locator("[data-testid=stPopoverBody]")
    expect(body.locator("[data-testid=stCode]").first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    page.wait_for_function(
        "() => document.activeElement.closest && !!document.activeElement.closest('[data-testid=stPopoverBody]')",
        timeout=CHART_TIMEOUT_MS,
    )
    link = body.locator("[data-testid=stCode]").first.inner_text().strip()
    assert _focused(page).startswith("stCode|") and link.startswith("http")  # focus starts on the link
    page.keyboard.press("Tab")
    assert _focused(page) == "stBaseButton-elementToolbar|Copy to clipboard"
    page.keyboard.press("Enter")  # the link's copy button, used by keyboard
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)", timeout=CHART_TIMEOUT_MS)
    assert page.evaluate("() => navigator.clipboard.readText()").strip() == link
    seen = []
    for _ in range(7):
        page.keyboard.press("Tab")
        seen.append(_focused(page))
    names = [s.split("|", 1)[1] for s in seen]
    assert seen[0].startswith("stCode|") and names[1:6] == [  # the citation, then its copy button and the exports
        "Copy to clipboard", "CSV", "JSON", "HTML snapshot (offline)", "TimelineJS sheet",
    ], seen  # fmt: skip
    context.close()
