"""Hostile data text stays text in Chromium: no dialog, no script run, no image, no javascript:/data: link.

A second server runs on tests/fixtures/hostile, whose titles, summaries, notes, actors, locations, era names,
delegation fields and source titles/publishers hold `<script>`, `<img onerror>`, `javascript:`/`data:` links,
a remote Markdown image and `**bold**`. Each page is opened on a hostile row and checked for every way the text
could have become live.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS, download_snapshot, settle, start_server, stop_server
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
PWN = '<img src=x onerror="window.__pwned=1">'
JSLINK = "[click](javascript:alert(3))"
TRACK = "![x](https://example.org/track.png)"
POINTS = EVENT_MARKERS

# Anchors (HTML and SVG) whose target would run code or load a document made of the link itself.
BAD_LINKS_JS = """() => [...document.querySelectorAll('a')]
    .map(a => a.getAttribute('href') || a.getAttribute('xlink:href') || '')
    .map(h => h.replace(/[\\u0000-\\u0020]/g, '').toLowerCase())
    .filter(h => h.startsWith('javascript:') || h.startsWith('data:') || h.startsWith('vbscript:'))"""
# Inline event handlers anywhere in the document (Streamlit itself sets none).
HANDLERS_JS = """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
    .filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${el.tagName} ${a.name}`))"""
# <script> elements that carry a payload, and images from anywhere but this server.
SCRIPTS_JS = (
    "() => [...document.scripts].map(s => s.textContent).filter(t => t.includes('alert(') || t.includes('__pwned'))"
)
FOREIGN_IMAGES_JS = (
    "() => [...document.images].map(i => i.src).filter(s => !s.startsWith(location.origin) && !s.startsWith('data:'))"
)


@pytest.fixture(scope="module")
def hostile_url():
    """Base URL of a second server running the app on the hostile fixture folder."""
    proc, url = start_server(HOSTILE)
    yield url
    stop_server(proc)


@pytest.fixture
def watched(page: Page):
    """The page, with every dialog (dismissed) and every request to another host recorded."""
    seen = {"dialogs": [], "foreign": []}

    def on_dialog(dialog):
        seen["dialogs"].append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            seen["foreign"].append(request.url)

    page.on("dialog", on_dialog)
    page.on("request", on_request)
    return page, seen


def _assert_inert(page: Page, seen: dict) -> None:
    settle(page)  # late renders (charts, fragments) land before looking
    assert seen["dialogs"] == [], "a dialog opened"
    assert page.evaluate("window.__pwned") is None, "an injected handler ran"
    expect(page.locator("[data-testid=stMain] img[src='x']")).to_have_count(0)
    assert page.evaluate(BAD_LINKS_JS) == []
    assert page.evaluate(HANDLERS_JS) == []
    assert page.evaluate(SCRIPTS_JS) == []
    assert page.evaluate(FOREIGN_IMAGES_JS) == []
    assert seen["foreign"] == [], "the page fetched something from another host"


def _visible_text(page: Page, text: str) -> None:
    # Invisible word joiners (U+2060) that keep bare addresses from becoming links may sit between characters.
    pattern = re.compile("\u2060?".join(map(re.escape, text)))
    expect(page.locator("[data-testid=stMain]").get_by_text(pattern).first).to_be_visible(timeout=CHART_TIMEOUT_MS)


@pytest.mark.parametrize(
    ("path", "heading", "texts"),
    [
        ("/?event=e-script", SCRIPT, [SCRIPT, IMG, JSLINK, TRACK, "**bold**", PWN]),
        ("/?event=e-link&lanes=actor", f'{JSLINK} <a href="javascript:alert(5)">js link</a>', [IMG, "**bold**"]),
        ("/?event=e-img&era=early", f"{PWN} old", [SCRIPT, TRACK, "javascript:alert(4)"]),
        ("/delegations?delegation=d-hostile", f"{SCRIPT} ministry", [SCRIPT, IMG, JSLINK, TRACK, "**bold**", PWN]),
        ("/delegations?delegation=d-pwn", f"{PWN} council", [TRACK, JSLINK, "**bold**"]),
    ],
    ids=["timeline-script", "timeline-links-actor-lanes", "timeline-img-era", "delegations-script", "delegations-img"],
)
def test_detail_panels_show_hostile_text_as_text(watched, hostile_url, path, heading, texts):
    page, seen = watched
    page.goto(hostile_url + path)
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(page.locator(POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    for text in texts:
        _visible_text(page, text)
    # Source links go to http(s) only, percent-encoded so the breakout URL stays one link.
    hrefs = page.locator("[data-testid=stMain] [data-testid=stMarkdownContainer] a[href*='example.org']")
    for href in hrefs.evaluate_all("els => els.map(a => a.getAttribute('href'))"):
        assert href.startswith("https://example.org/"), href
        assert "<" not in href and '"' not in href and " " not in href
    # Bare addresses in data text stay text (e-script's notes hold one of each kind).
    for bare in ("a[href*='/bare']", "a[href*='/www']", "a[href^='mailto:']"):
        assert page.locator(f"[data-testid=stMain] {bare}").count() == 0, bare
    _assert_inert(page, seen)


def test_data_page_shows_hostile_cells_as_text(watched, hostile_url):
    page, seen = watched
    page.goto(hostile_url + "/data")
    expect(page.get_by_role("heading", name="Data & sources")).to_be_visible(timeout=CHART_TIMEOUT_MS)
    # The grid draws on a canvas; its accessible table carries the cell text, which must be the literal payload.
    cells = page.locator("[data-testid=stDataFrame] td")
    expect(cells.filter(has_text=SCRIPT).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    for tab in ("Delegations", "Eras", "Sources"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
    _assert_inert(page, seen)


@pytest.mark.parametrize("path", ["/?event=e-script", "/delegations?delegation=d-hostile"])
def test_chart_labels_and_hovers_stay_inert(watched, hostile_url, path):
    page, seen = watched
    page.goto(hostile_url + path)
    points = page.locator(POINTS)
    expect(points.first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    settle(page)
    labels = page.locator(".js-plotly-plot .annotation-text").all_text_contents()
    assert any(SCRIPT in label for label in labels)  # era names / treaty milestones drawn as text
    hovered = []
    label = "() => !!document.querySelector('.js-plotly-plot .hoverlayer .hovertext')"
    for i in range(points.count()):
        page.mouse.move(0, 0)  # off the chart, so that the previous hover label goes before the next is awaited
        page.wait_for_function(f"() => !({label})()", timeout=CHART_TIMEOUT_MS)
        points.nth(i).hover(force=True)
        page.wait_for_function(label, timeout=CHART_TIMEOUT_MS)  # every event marker has a hover label
        hovered += page.locator(".js-plotly-plot .hoverlayer").all_text_contents()
        assert page.evaluate(BAD_LINKS_JS) == []
    assert any("alert(" in text for text in hovered), "no hostile hover label was checked"
    _assert_inert(page, seen)


def test_html_snapshot_of_hostile_view_runs_no_script(watched, browser: Browser, hostile_url, tmp_path):
    page, _ = watched
    page.goto(hostile_url + "/?event=e-script")
    expect(page.locator(POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    target = download_snapshot(page, tmp_path / "hostile.html")
    offline = browser.new_context()
    view = offline.new_page()
    seen = {"dialogs": [], "foreign": []}
    view.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    offline.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    view.on("request", lambda r: None if r.url.startswith("file:") else seen["foreign"].append(r.url))
    view.goto(target.as_uri())
    expect(view.locator(POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    expect(view.get_by_text(SCRIPT).first).to_be_visible()
    settle(view)
    assert seen["dialogs"] == [] and seen["foreign"] == []
    assert view.evaluate("window.__pwned") is None
    assert view.evaluate(BAD_LINKS_JS) == []
    assert view.evaluate(HANDLERS_JS) == []
    assert view.locator("img").count() == 0
    offline.close()


@pytest.mark.parametrize(
    "path",
    [
        "/?era=" + quote("![x](https://example.org/era.png) [log in](https://example.org/login)"),
        "/?era=" + quote("[d](data:text/html,<script>alert(1)</script>)"),
        "/?q=" + quote("![x](https://example.org/q.png)"),
        "/delegations?q=" + quote("![x](https://example.org/dq.png)"),
        "/data?data_q=" + quote("![x](https://example.org/data.png)"),
    ],
    ids=["notice", "notice-data-link", "timeline-caption", "delegations-caption", "data-caption"],
)
def test_link_text_is_not_rendered_as_markdown(watched, hostile_url, path):
    page, seen = watched
    page.goto(hostile_url + path)
    expect(page.locator("[data-testid=stCaptionContainer]").first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    settle(page)
    assert page.locator("[data-testid=stMain] a[href^='https://example.org/login']").count() == 0
    _assert_inert(page, seen)


def test_chart_labels_show_data_markup_as_text(watched, hostile_url):
    # eras.csv `late` name holds `<b>b tag</b> <a href="https://example.org/phish">phish</a>`
    page, _ = watched
    page.goto(hostile_url + "/")
    expect(page.locator(".js-plotly-plot .scatterlayer .point").first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    settle(page)
    assert page.locator(".js-plotly-plot a").count() == 0
