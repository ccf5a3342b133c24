"""`make loadtest`: N concurrent browser sessions change filters against one server; errors, latency, memory."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from benchmarks.run import ARGS, CHROMIUM, TUMEN_BOX, _rss_mib, pct  # noqa: E402
from components.filters import EventFilter  # noqa: E402
from components.loading import load_dataset  # noqa: E402
from tests.browser.conftest import start_server  # noqa: E402

SESSIONS = int(os.environ.get("SESSIONS", "10"))
SECONDS = float(os.environ.get("SECONDS", "60"))
QUERIES = ("treaty", "", "summit", "Kim", "Putin", "nuclear")  # each shows a different number of events


async def session(browser, url: str, n: int, expected: dict, out: dict) -> None:
    """One user: open the timeline, then change the search box until time is up; every failure is counted."""
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url)
        await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
        box = page.get_by_label(TUMEN_BOX, exact=True)
        stop = time.monotonic() + SECONDS  # each session changes filters for SECONDS once its page is ready
        i = n
        while time.monotonic() < stop:
            query = QUERIES[i % len(QUERIES)]
            i += 1
            await box.fill(query)
            t = time.perf_counter()
            await box.press("Enter")
            try:
                await page.wait_for_function(_SHOWS_COUNT, arg=expected[query], timeout=30_000)
            except Exception as exc:
                shown = await page.evaluate(_CAPTION)
                value = await box.input_value()
                out["errors"].append(
                    f"session {n}: q={query!r} not shown within 30 s ({type(exc).__name__}); "
                    f"box holds {value!r}, page says {shown!r}"
                )
                continue
            out["latencies"].append(time.perf_counter() - t)
            if await page.locator("[data-testid=stException]").count():
                out["errors"].append(f"session {n}: exception shown after q={query!r}")
    except Exception as exc:
        out["errors"].append(f"session {n}: {type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await context.close()


_SHOWS_COUNT = (
    "text => [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
    ".some(e => e.innerText.startsWith('Events') && e.innerText.includes(text))"
)


_CAPTION = (
    "() => ([...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
    ".find(e => e.innerText.startsWith('Events')) || {innerText: null}).innerText"
)


async def main_async() -> dict:
    proc, url = start_server()
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            warm = await browser.new_page()
            await warm.goto(url)
            await warm.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
            rss_before = _rss_mib(proc.pid)
            await warm.close()
            events = load_dataset(ROOT / "data").dataset.events
            counts = {q: len(EventFilter(query=q).apply(events)) for q in QUERIES}
            assert len(set(counts.values())) == len(QUERIES), counts
            expected = {q: f": {c} of {len(events)}" for q, c in counts.items()}
            out: dict[str, list] = {"latencies": [], "errors": []}
            cpu0, wall0 = _cpu_seconds(proc.pid), time.monotonic()
            await asyncio.gather(*(session(browser, url, n, expected, out) for n in range(SESSIONS)))
            server_cpu = (_cpu_seconds(proc.pid) - cpu0) / (time.monotonic() - wall0)
            rss_after = _rss_mib(proc.pid)
            await browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {**out, "rss_before": rss_before, "rss_after": rss_after, "server_cpu": server_cpu}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(result: dict) -> str:
    lat = result["latencies"]
    lines = [
        "## Load test (`make loadtest`)",
        "",
        f"{SESSIONS} concurrent Chromium sessions on one server (shipped data), each changing the search box for "
        f"{SECONDS:.0f} s and waiting for the page to show the new count.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| filter changes completed | {len(lat)} |",
        f"| errors | {len(result['errors'])} |",
        f"| update latency p50 | {pct(lat, 0.5):.3f} s |" if lat else "| update latency p50 | – |",
        f"| update latency p95 | {pct(lat, 0.95):.3f} s |" if lat else "| update latency p95 | – |",
        f"| mean | {statistics.mean(lat):.3f} s |" if lat else "| mean | – |",
        f"| server RSS before (1 warm session) | {result['rss_before']:.0f} MiB |",
        f"| server RSS after {SESSIONS} sessions | {result['rss_after']:.0f} MiB |",
        f"| growth per session | {(result['rss_after'] - result['rss_before']) / SESSIONS:.1f} MiB |",
        f"| server CPU while the sessions ran | {result['server_cpu']:.2f} of {os.cpu_count()} cores |",
        "",
        "The browsers and the server share the machine: whatever CPU the server does not use goes to the "
        f"{SESSIONS} Chromium renderers, so latency here measures the whole machine under load, not the server alone.",
        "",
        *[f"- {e}" for e in result["errors"][:20]],
        "Reproduce: `make loadtest` (`SESSIONS=N SECONDS=S make loadtest` to change the load).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    result = asyncio.run(main_async())
    text = report(result)
    print(text)
    target = ROOT / "docs" / "benchmarks.md"
    current = target.read_text() if target.exists() else "# Benchmarks\n"
    current = current.split("## Load test (`make loadtest`)")[0].rstrip() + "\n\n"
    target.write_text(current + text)
    return 1 if result["errors"] or not result["latencies"] else 0


if __name__ == "__main__":
    sys.exit(main())
