"""Timeline in Chromium: click a marker to open it, step to the next event, zoom to an era."""

import re

from playwright.sync_api import Page, expect

from components.filters import EventFilter
from tests.browser.conftest import CHART_TIMEOUT_MS, EVENT_MARKERS, settle
from tests.conftest import sample

DATA = sample()
MAIN_POINTS = EVENT_MARKERS


def _x_range(page: Page) -> list[str]:
    return page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")


def _wait_chart(page: Page) -> None:
    expect(page.locator(MAIN_POINTS).first).to_be_attached(timeout=CHART_TIMEOUT_MS)
    settle(page)


def test_click_marker_opens_detail_then_next_steps(page: Page, app_url):
    treaties = EventFilter(categories=("treaty",)).apply(DATA.events)
    page.goto(f"{app_url}/?category=treaty")
    _wait_chart(page)
    # Click the point whose customdata id is the first treaty event.
    first = treaties.iloc[0]
    index = page.evaluate(
        """(id) => {
            const gd = document.querySelector('.js-plotly-plot');
            for (const [t, trace] of gd.data.entries()) {
                if (!trace.customdata) continue;
                const i = trace.customdata.findIndex(row => row[0] === id);
                if (i >= 0) return [t, i];
            }
            return null;
        }""",
        first["id"],
    )
    assert index is not None
    trace_no, point_no = index
    point = (
        page.locator(".js-plotly-plot .cartesianlayer .subplot.xy .scatterlayer .trace")
        .nth(trace_no)
        .locator(".point")
        .nth(point_no)
    )
    point.click(force=True)
    expect(page.get_by_role("heading", name=first["title"])).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(page).to_have_url(re.compile(f"event={re.escape(first['id'])}"), timeout=CHART_TIMEOUT_MS)
    page.get_by_role("button", name="Next ▶").click()
    second = treaties.iloc[1]
    expect(page.get_by_role("heading", name=second["title"])).to_be_visible(timeout=CHART_TIMEOUT_MS)
    expect(page).to_have_url(re.compile(f"event={re.escape(second['id'])}"), timeout=CHART_TIMEOUT_MS)


def _ticks(page: Page) -> list[str]:
    return page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.ticktext")


def test_choosing_an_era_changes_the_axis_range(page: Page, app_url):
    page.goto(app_url)
    _wait_chart(page)
    before = _x_range(page)
    assert _ticks(page)[0].endswith("1858")
    page.locator("[data-testid=stButtonGroup] button", has_text="Ukraine war and rapprochement").click()
    expect(page).to_have_url(re.compile("era=rapprochement"), timeout=CHART_TIMEOUT_MS)
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.ticktext[0].endsWith('2022')",
        timeout=CHART_TIMEOUT_MS,
    )
    after = _x_range(page)
    assert before[0] < after[0] < after[1] < before[1]
    assert all(t.endswith(("2022", "2023", "2024")) for t in _ticks(page))


def test_era_labels_stay_inside_their_band_and_the_plot(page: Page, app_url):
    # Long era names used to run over the next era's band and past the chart's right edge.
    page.goto(app_url)
    _wait_chart(page)
    boxes = page.evaluate(
        """() => {
            const gd = document.querySelector('.js-plotly-plot');
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; };
            return {
                plot: box(gd.querySelector('.nsewdrag')),
                bands: [...gd.querySelectorAll('.shapelayer path')].map(box),
                labels: [...gd.querySelectorAll('g.annotation')].filter(g => getComputedStyle(g).display !== 'none')
                    .map(e => [e.textContent, ...box(e.querySelector('text'))]),
            };
        }"""
    )
    assert len(boxes["labels"]) == len(DATA.eras), boxes  # by era, every era has room for a label
    for text, left, right in boxes["labels"]:
        band = next(b for b in boxes["bands"] if b[0] - 3 <= left <= b[1])
        assert right <= min(band[1], boxes["plot"][1]) + 1, (text, left, right, band, boxes["plot"])
    # A short label (the era's years) gives the era's full name on hover.
    short, *_ = boxes["labels"][0]
    first = DATA.eras.sort_values("date_lower").iloc[0]
    assert short.startswith(str(first["date_lower"].year)) and first["name"] not in short
    page.locator(".js-plotly-plot .annotation-text", has_text=short).first.hover()
    expect(page.locator(".js-plotly-plot .hoverlayer text", has_text=first["name"])).to_be_visible(
        timeout=CHART_TIMEOUT_MS
    )


def test_approximate_dates_carry_a_tilde_above_their_marker(page: Page, app_url):
    page.goto(app_url)
    _wait_chart(page)
    gaps = page.evaluate(
        """() => {
            const gd = document.querySelector('.js-plotly-plot');
            const markers = [...gd.querySelectorAll('.scatterlayer .point')]
                .map(p => p.getBoundingClientRect());
            return [...gd.querySelectorAll('.scatterlayer .textpoint text')].filter(t => t.textContent === '~')
                .map(t => { const r = t.getBoundingClientRect(); const cx = (r.left + r.right) / 2;
                    const below = markers.filter(m => Math.abs((m.left + m.right) / 2 - cx) < 1 && m.top >= r.bottom - 4);
                    return below.length ? Math.min(...below.map(m => m.top - r.bottom)) : null; });
        }"""
    )
    n = int(DATA.events["date_approximate"].sum())
    assert len(gaps) == n and all(g is not None and -4 <= g <= 6 for g in gaps), gaps
