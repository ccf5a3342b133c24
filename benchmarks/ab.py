"""`make bench-ab REV=…`: the Timeline's first chart and filter → chart at REV and in the working tree, in turn.

Two `make bench` runs of the same code moved the ratios against the floor by a fifth (first chart 1.10× and
1.23×, filter → chart 1.77× and 2.49×): the machine's speed drifts between runs. So a before/after is measured in
one run, the two versions and the two floors started in turn, ROUNDS times, on the working tree's data; REV runs
with its own code and its own `benchmarks/run.py` (which knows what its chart draws). As in `make bench`, the
first chart is set against the bare floor, updates against the floor with Tumen's widgets.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.run import ROOT, pct  # the bench's own quantile and checkout

# One start of one app, measured by the `benchmarks/run.py` of the checkout it runs in (the current directory).
_ONE = """
import json, sys
sys.path.insert(0, ".")
from pathlib import Path
from benchmarks import run as b
app = {"tumen": b.TUMEN, "widgets": b.WIDGETS, "floor": b.FLOOR}[sys.argv[1]]
box = b.TUMEN_BOX if sys.argv[1] == "tumen" else b.FLOOR_BOX
got = b.bench_browser(app, Path(sys.argv[3]), box, ("treaty", ""), None, changes=int(sys.argv[2]))
print(json.dumps({"first_chart": got["first_chart"], "p50": got["p50"], "updates": got.get("updates", [])}))
"""


def one_start(checkout: Path, app: str, changes: int, data: Path, cache: Path) -> dict:
    """Start `app` ("tumen", "floor" or "widgets") of `checkout` once: its first chart and its updates."""
    env = {**os.environ, "TUMEN_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", _ONE, app, str(changes), str(data)],
        cwd=checkout, env=env, capture_output=True, text=True, check=True, timeout=900,
    )  # fmt: skip
    found = json.loads(out.stdout.strip().splitlines()[-1])
    if not found["updates"]:  # an older run.py returns only the p50 of its changes
        found["updates"] = [found["p50"]]
    return found


def main(rev: str, rounds: int = 3, changes: int = 30) -> int:
    data = ROOT / "data"
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "rev"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), rev], cwd=ROOT, check=True)
        try:
            runs = {f"Tumen at {rev}": (old, "tumen"), "Tumen, working tree": (ROOT, "tumen"),
                    "floor": (ROOT, "floor"), "floor with Tumen's widgets": (ROOT, "widgets")}  # fmt: skip
            got: dict[str, list[dict]] = {name: [] for name in runs}
            for n in range(rounds):
                for name, (checkout, app) in runs.items():
                    got[name].append(one_start(checkout, app, changes, data, Path(tmp) / "cache"))
                    print(f"round {n + 1}/{rounds}: {name}", file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
    bare, widgets = got["floor"], got["floor with Tumen's widgets"]
    floor_first = statistics.median(r["first_chart"] for r in bare)
    floor_p50 = pct([u for r in widgets for u in r["updates"]], 0.5)
    print(f"{rounds} rounds, {changes} filter changes per start, shipped data, apps started in turn\n")
    print("| app | first chart s (median) | vs floor | filter → chart p50 s (pooled) | vs floor with widgets |")
    print("| --- | --- | --- | --- | --- |")
    for name, results in got.items():
        first = statistics.median(r["first_chart"] for r in results)
        p50 = pct([u for r in results for u in r["updates"]], 0.5)
        print(f"| {name} | {first:.2f} | {first / floor_first:.2f}× | {p50:.3f} | {p50 / floor_p50:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *(int(a) for a in sys.argv[2:4])))
