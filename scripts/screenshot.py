"""Screenshots of the app as users see it (`make screenshot`): the README's picture, and with `--all` each page
at 1400 px and 390 px wide, light and dark, into a folder to look at before closing work."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, settle, start_server, stop_server  # noqa: E402

PAGES = {"timeline": "/", "delegations": "/delegations", "data": "/data"}
SIZES = {"wide": (1400, 1000), "phone": (390, 844)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", metavar="DIR", help="also every page × width × colour scheme into DIR")
    parser.add_argument("--data-dir", default=None, help="data folder (default: the shipped data)")
    args = parser.parse_args()
    proc, url = start_server(Path(args.data_dir) if args.data_dir else None)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            shots = [("README", "/", "wide", "light", ROOT / "docs" / "screenshot.png")]
            if args.all:
                out = Path(args.all)
                out.mkdir(parents=True, exist_ok=True)
                shots += [
                    (name, path, size, scheme, out / f"{name}-{size}-{scheme}.png")
                    for name, path in PAGES.items()
                    for size in SIZES
                    for scheme in ("light", "dark")
                ]
            for _name, path, size, scheme, target in shots:
                width, height = SIZES[size]
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                page.goto(url + path)
                page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
                if path != "/data":
                    page.wait_for_selector(".js-plotly-plot .point", state="attached", timeout=60_000)
                settle(page)
                # Lazily loaded elements (text input, code, table) are grey skeletons until their code arrives.
                page.wait_for_selector("[data-testid=stSkeleton]", state="detached", timeout=60_000)
                page.screenshot(path=str(target), full_page=target.parent != ROOT / "docs")
                context.close()
                print(target)
            browser.close()
    finally:
        stop_server(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
