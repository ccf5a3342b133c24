"""Knight Lab's own TimelineJS 3.9 (npm) reads Tumen's exported sheet in Chromium: every row a slide or an era.

TimelineJS reads a sheet only as a published Google Sheet, through its `sheets_proxy` option: a local server here
plays that proxy and answers with the exported CSV, so nothing leaves the machine.
"""

from __future__ import annotations

import csv
import io
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser

from components.timelinejs import export_timelinejs
from tests.browser.conftest import CHART_TIMEOUT_MS
from tests.conftest import FIXTURES, ROOT, sample

DIST = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/dist/css/timeline.css"><script src="/dist/js/timeline.js"></script></head>
<body><div id="tl" style="width: 1000px; height: 600px"></div><script>
window.timeline = new TL.Timeline("tl", "https://docs.google.com/spreadsheets/d/tumen-export/pub?output=csv",
  {sheets_proxy: location.origin + "/proxy/", script_path: location.origin + "/dist/js"});
</script></body></html>"""


class _Handler(SimpleHTTPRequestHandler):
    sheet = ""

    def do_GET(self):
        if self.path.startswith("/proxy/"):
            body, kind = self.sheet.encode(), "text/csv; charset=utf-8"
        elif self.path == "/":
            body, kind = PAGE.encode(), "text/html; charset=utf-8"
        else:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _read_in_timelinejs(browser: Browser, sheet: str) -> dict:
    if not (DIST / "js" / "timeline.js").is_file():
        pytest.fail("TimelineJS is missing: `make test` installs it (npm ci)")
    handler = type("Handler", (_Handler,), {"sheet": sheet})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(DIST.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    context.route("http*://**", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.wait_for_function("window.timeline && window.timeline.config", timeout=CHART_TIMEOUT_MS)
        return page.evaluate(
            """() => { const c = window.timeline.config;
                return {events: c.events.length, eras: c.eras.length, title: !!c.title,
                        errors: c.messages.errors.map(String),
                        texts: c.events.map(e => (e.text && e.text.text) || "")}; }"""
        )
    finally:
        context.close()
        server.shutdown()


def _rows(sheet: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(sheet)))


def test_timelinejs_reads_every_row_of_tumens_export(browser: Browser):
    data = sample()
    sheet = export_timelinejs(data.events, data.eras, sources=data.sources, title="Tumen test export")
    rows = _rows(sheet)
    got = _read_in_timelinejs(browser, sheet)
    assert got["errors"] == []
    assert got["title"]
    assert got["events"] == sum(r["Type"] == "" for r in rows) == len(data.events)
    assert got["eras"] == sum(r["Type"] == "era" for r in rows) == len(data.eras)
    refuted = (data.events["claim_status"] == "refuted").sum()
    assert refuted and sum("Claim status: refuted." in t for t in got["texts"]) == refuted
    assert sum("<a href=" in t for t in got["texts"]) >= len(data.events) - 1  # sources are links on the slides


def test_timelinejs_reads_a_round_tripped_third_party_sheet(browser: Browser):
    from components.timelinejs import import_timelinejs

    first = import_timelinejs(FIXTURES / "timelinejs" / "women_in_computing.csv")
    sheet = export_timelinejs(first.tables["events.csv"], None, sources=first.tables["sources.csv"], title=first.title)
    got = _read_in_timelinejs(browser, sheet)
    assert got["errors"] == [] and got["events"] == len(first.tables["events.csv"])
