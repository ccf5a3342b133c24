"""Browser tier: a real `streamlit run` on a free port, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

CHROMIUM = os.environ.get("TUMEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CHART_TIMEOUT_MS = 60_000
# The timeline's event markers as a reader sees them: the `~` of an approximate date hangs on a clear marker.
EVENT_MARKERS = ".js-plotly-plot .cartesianlayer .subplot.xy .scatterlayer .point:not([style*='opacity: 0;'])"
SHARE_BUTTON = "Share, cite or export this view"


SETTLED_JS = """() => new Promise((resolve) => {
  // Streamlit shows its status widget while a script runs; each chart is drawn once its layout is filled.
  const busy = () => !!document.querySelector('[data-testid=stStatusWidget]')
    || [...document.querySelectorAll('.js-plotly-plot')].some((gd) => !gd._fullLayout || gd._transitioning);
  const check = () => busy() ? setTimeout(check, 50)
    : requestAnimationFrame(() => requestAnimationFrame(() => busy() ? setTimeout(check, 50) : resolve(true)));
  check();
})"""


def settle(page) -> None:
    """Wait until the app has finished its run and every chart has drawn (a condition, never a fixed sleep)."""
    page.wait_for_function(SETTLED_JS, timeout=CHART_TIMEOUT_MS)


APP_ERROR = "[data-testid=stException]"  # what a page that raises shows (with showErrorDetails = "none" too)


def assert_no_app_error(page) -> None:
    """The page finished its run without raising: Streamlit draws an exception element for an uncaught error."""
    settle(page)
    errors = page.locator(APP_ERROR)
    assert errors.count() == 0, f"the page raised: {errors.first.inner_text()[:300]}"


def open_share(page) -> None:
    """Open the view's share popover (link, citation and exports)."""
    page.get_by_text(SHARE_BUTTON).click()


def download_snapshot(page, target: Path) -> Path:
    """Save the view's offline HTML snapshot, downloaded from the share popover, to `target`."""
    open_share(page)
    with page.expect_download(timeout=CHART_TIMEOUT_MS) as info:
        page.get_by_role("button", name="HTML snapshot (offline)").click()
    info.value.save_as(target)
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path | None = None, script: Path = ROOT / "app.py") -> tuple[subprocess.Popen, str]:
    """Start the app (or another `script`, with the app's config) on a free localhost port; wait until healthy."""
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    cmd += ["--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1"]
    if data_dir is not None:
        cmd += ["--", "--data-dir", str(data_dir)]
    env = {k: v for k, v in os.environ.items() if k != "TUMEN_DATA_DIR"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    """End a server started by start_server, killing it if it does not stop within 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def app_url():
    """Base URL of a server running the app on the sample fixture (a frozen copy of the shipped data)."""
    proc, url = start_server(SAMPLE)
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium: Playwright cannot download its own browser here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# The era labels in sight, each with its box and its era band's visible span (from the figure's own axis), and the
# plot's box. A label's era is in its name (components/timeline_axis.py: "era-label:<era>:<band's end>").
LABELS_JS = """(gd) => {
  const full = gd._fullLayout, xa = full.xaxis, plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const bands = full.shapes.filter(s => s.type === 'rect')
    .map(s => [Math.max(plot.left, plot.left + xa.l2p(s.x0)), Math.min(plot.right, plot.left + xa.l2p(s.x1))]);
  const shown = [...gd.querySelectorAll('g.annotation')].filter(g => getComputedStyle(g).display !== 'none')
    .map(g => { const r = g.querySelector('text').getBoundingClientRect();
                const era = Number(full.annotations[Number(g.dataset.index)].name.split(':')[1]);
                return [g.textContent, r.left, r.right, r.top, r.bottom, bands[era]]; }).filter(b => b[2] > b[1]);
  return {labels: shown, plot: [plot.left, plot.right]};
}"""


def assert_era_labels_apart(labels: list, plot: list[float]) -> None:
    """Every label inside the plot and inside its own era's band, so none overlaps another."""
    left, right = plot
    for n, (text, x0, x1, y0, y1, band) in enumerate(labels):
        assert left - 1 <= x0 and x1 <= right + 1, (text, x0, x1, left, right)
        assert band[0] - 1 <= x0 and x1 <= band[1] + 1, (text, x0, x1, band)
        for other, a0, a1, b0, b1, _ in labels[:n]:
            assert x1 <= a0 or a1 <= x0 or y1 <= b0 or b1 <= y0, (text, other)
