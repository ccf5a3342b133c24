"""Print, as JSON, the pause of the full garbage collection Streamlit runs after every script run (ms, median of 9).

Run in its own process (`python -m benchmarks.gc_pause DATA_DIR`), so that it holds what a server holds after
Tumen's first page: Streamlit, pandas, Plotly and Tumen's modules. Measured as Tumen runs (the objects alive after
its imports frozen once per process, app.py) and, in the same process, with them unfrozen, as Streamlit's default.
"""

import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def collect_ms() -> float:
    """Median milliseconds of `gc.collect(2)`, the call in Streamlit's ScriptRunner._on_script_finished."""
    times = []
    for _ in range(9):
        t = time.perf_counter()
        gc.collect(2)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    os.environ["TUMEN_DATA_DIR"] = sys.argv[1]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    frozen = gc.get_freeze_count()
    as_tumen = collect_ms()
    gc.unfreeze()
    default = collect_ms()
    print(json.dumps({"frozen_objects": frozen, "tumen_ms": as_tumen, "default_ms": default}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
