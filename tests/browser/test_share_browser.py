"""Links and exports in Chromium: a link reopens the same view in a fresh browser; the HTML snapshot works offline."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from components.filters import EventFilter, in_span
from tests.browser.conftest import (
    CHART_TIMEOUT_MS,
    EVENT_MARKERS,
    LABELS_JS,
    assert_era_labels_apart,
    download_snapshot,
    open_share,
    settle,
)
from tests.conftest import sample

DATA = sample()
TOTAL = len(DATA.events)
MAIN_POINTS = EVENT_MARKERS


def _count_text(page: Page):
    return page.get_by_text(re.compile(rf"^Events.*: \d+ of {TOTAL}")).first


def test_link_reopens_same_view_in_fresh_context(page: Page, browser: Browser, app_url):
    page.goto(app_url)
    expect(page.locator(MAIN_POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    box = page.get_by_label("Search title, summary, actors, notes")
    box.fill("treaty")
    box.press("Enter")
    n = len(EventFilter(query="treaty").apply(DATA.events))
    expect(_count_text(page)).to_contain_text(f"{n} of {TOTAL}", timeout=CHART_TIMEOUT_MS)
    page.locator("[data-testid=stButtonGroup] button", has_text="Post-Soviet estrangement").click()
    expect(page).to_have_url(re.compile("era=post-soviet"), timeout=CHART_TIMEOUT_MS)
    page.get_by_role("button", name="Next ▶").click()
    era = DATA.eras.set_index("id").loc["post-soviet"]  # Next ▶ walks the era's events, not those off the chart
    first = in_span(EventFilter(query="treaty").apply(DATA.events), (era["date_lower"], era["date_upper"])).iloc[0]
    expect(page.get_by_role("heading", name=first["title"])).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(page).to_have_url(re.compile("event="), timeout=CHART_TIMEOUT_MS)
    link = page.url
    assert parse_qs(urlsplit(link).query) == {"q": ["treaty"], "era": ["post-soviet"], "event": [first["id"]]}
    # The share button opens the same view's link (parameter order may differ).
    open_share(page)
    shown = page.locator("[data-testid=stCode]").first.inner_text().strip()
    assert parse_qs(urlsplit(shown).query) == parse_qs(urlsplit(link).query)

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = fresh.new_page()
    other.goto(link)
    expect(_count_text(other)).to_contain_text(f"{n} of {TOTAL}", timeout=CHART_TIMEOUT_MS)
    expect(other.get_by_label("Search title, summary, actors, notes")).to_have_value("treaty")
    expect(other.get_by_role("heading", name=first["title"])).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(other.get_by_text("Post-Soviet estrangement (26 December 1991")).to_be_visible()
    fresh.close()


def test_bad_link_values_give_a_notice_and_the_rest_applies(page: Page, app_url):
    page.goto(f"{app_url}/delegations?sector=Rocketry&sector=Defense&from=2024-13-45&direction=up")
    expect(page.get_by_text(re.compile("Ignored from the link"))).to_be_visible(timeout=CHART_TIMEOUT_MS)
    notice = page.get_by_text(re.compile("Ignored from the link")).inner_text()
    assert "sector=Rocketry" in notice and "from=2024-13-45" in notice and "direction=up" in notice
    n = int((DATA.delegations["sector"] == "Defense").sum())
    expect(page.get_by_text(re.compile(rf"^Delegations in Defense: {n} of"))).to_be_visible(timeout=CHART_TIMEOUT_MS)


def test_html_snapshot_opens_offline_and_draws(page: Page, browser: Browser, app_url, tmp_path):
    page.goto(f"{app_url}/?category=treaty")
    expect(page.locator(MAIN_POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    target = download_snapshot(page, tmp_path / "snapshot.html")
    offline = browser.new_context()
    requests: list[str] = []
    offline.route(re.compile(r"^https?://"), lambda route: (requests.append(route.request.url), route.abort()))
    view = offline.new_page()
    view.goto(target.as_uri())
    n = len(EventFilter(categories=("treaty",)).apply(DATA.events))
    expect(view.locator(MAIN_POINTS)).to_have_count(n, timeout=CHART_TIMEOUT_MS)
    expect(view.get_by_text(f"treaty events: {n} of {TOTAL}").first).to_be_visible()
    assert requests == []
    offline.close()


# Each y-axis tick label's box against its chart's box, in the page as Chromium lays it out.
_CLIPPED_TICK_LABELS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd, i) => {
  const chart = gd.getBoundingClientRect();
  return [...gd.querySelectorAll('.ytick text')].map((label) => [i, label.textContent, label.getBoundingClientRect()])
    .filter(([, , box]) => box.left < chart.left - 0.5 || box.right > chart.right + 0.5)
    .map(([n, text, box]) => `chart ${n + 1}: “${text}” spans ${Math.round(box.left - chart.left)}..`
      + `${Math.round(box.right - chart.left)} px of a ${Math.round(chart.width)} px chart`);
})"""


@pytest.mark.parametrize("path", ["/", "/delegations"], ids=["timeline", "delegations"])
def test_html_snapshot_shows_whole_axis_labels(page: Page, browser: Browser, app_url, tmp_path, path):
    page.goto(app_url + path)
    expect(page.locator(".js-plotly-plot .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    target = download_snapshot(page, tmp_path / "snapshot.html")
    for width in (1400, 390):
        offline = browser.new_context(viewport={"width": width, "height": 1000})
        offline.route(re.compile(r"^https?://"), lambda route: route.abort())
        view = offline.new_page()
        view.goto(target.as_uri())
        expect(view.locator(".js-plotly-plot .ytick text").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
        settle(view)
        assert view.locator(".js-plotly-plot .ytick text").count() > 0
        clipped = view.evaluate(_CLIPPED_TICK_LABELS_JS)
        assert not clipped, f"cut-off axis labels at {width} px: " + "; ".join(clipped)
        if path == "/":  # the era labels fit their bands offline too (the snapshot carries components/era_labels.js)
            found = view.evaluate(f"() => ({LABELS_JS})(document.querySelector('.js-plotly-plot'))")
            assert len(found["labels"]) >= 3, found["labels"]
            assert_era_labels_apart(found["labels"], found["plot"])
        offline.close()
