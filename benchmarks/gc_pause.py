"""Print, as JSON, the time garbage collection takes per script run of Tumen's first page, three ways.

Streamlit runs a full `gc.collect(2)` after every script run (`runner.postScriptGC`, on by default), holding the
interpreter, so every session's event loop waits while it walks every object. Each way runs in its own process
(`python -m benchmarks.gc_pause DATA_DIR MODE`), 40 reruns of the page with a filter changing, and sums the time
of every collection (Streamlit's and Python's own, through `gc.callbacks`). AppTest's runner skips the
post-run collection, so it is called here as the server's ScriptRunner calls it:

- `default`: Streamlit's default, nothing frozen;
- `freeze`: the default with the import-time objects frozen once (`gc.freeze()`, what app.py did until Nov 2026);
- `off`: `runner.postScriptGC = false` (.streamlit/config.toml, what Tumen runs): Python collects when its own
  thresholds say so.
"""

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("default", "freeze", "off")
RERUNS = 40


def measure(folder: str, mode: str) -> dict:
    """GC milliseconds per rerun (median and mean) and the number of full collections, for one mode."""
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    os.environ["TUMEN_DATA_DIR"] = folder
    config.set_option("runner.postScriptGC", mode != "off")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    if mode == "freeze":
        gc.freeze()
    spent: list[float] = []
    started: dict[str, float] = {}
    full = [0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started["t"] = time.perf_counter()
        else:
            spent.append((time.perf_counter() - started["t"]) * 1000)
            full[0] += info["generation"] == 2

    per_run = []
    gc.callbacks.append(on_gc)
    for i in range(RERUNS):
        spent.clear()
        at.multiselect(key="category").set_value(["treaty"] if i % 2 else []).run()
        if config.get_option("runner.postScriptGC"):  # AppTest's runner skips it; the server's runner does this
            gc.collect(2)
        per_run.append(sum(spent))
    gc.callbacks.remove(on_gc)
    return {"median_ms": statistics.median(per_run), "mean_ms": statistics.mean(per_run), "full": full[0]}


def main() -> int:
    if len(sys.argv) == 3:
        print(json.dumps(measure(sys.argv[1], sys.argv[2])))
        return 0
    out = {}
    for mode in MODES:
        run = subprocess.run(
            [sys.executable, "-m", "benchmarks.gc_pause", sys.argv[1], mode],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        out[mode] = json.loads(run.stdout.strip().splitlines()[-1])
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
