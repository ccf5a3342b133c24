"""Server settings kept true by tests: localhost by default, XSRF on, upload limit, no raw HTML anywhere."""

import re
import tomllib

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def _make_target(name: str) -> str:
    return re.search(rf"^{name}:.*?(?=^\S|\Z)", (ROOT / "Makefile").read_text(), re.M | re.S).group(0)


def test_server_settings():
    server = CONFIG["server"]
    assert server["address"] == "127.0.0.1" and server["enableXsrfProtection"] is True
    assert server["maxUploadSize"] == 20
    assert server.get("enableCORS", True) is True
    assert server["allowedHosts"] == ["localhost", "127.0.0.1"]
    assert CONFIG["client"]["showErrorDetails"] == "none" and CONFIG["browser"]["gatherUsageStats"] is False


def test_the_server_does_not_watch_the_app_folder():
    # watchdog would walk the app folder, .venv included, on every start (~1.3 s of the first chart on 2 cores).
    assert CONFIG["server"]["fileWatcherType"] == "none"


def test_no_full_collection_after_every_run_and_nothing_frozen():
    # Streamlit's after-run gc.collect(2) cost ~73 ms a run on Tumen's first page; configuration turns it off, so
    # no gc.freeze() workaround is needed (it froze the pytest process's heap for the rest of the test run).
    assert CONFIG["runner"]["postScriptGC"] is False
    assert "gc.freeze" not in (ROOT / "app.py").read_text()


def test_only_make_share_binds_every_interface():
    assert "--server.address 127.0.0.1" in _make_target("run") and "0.0.0.0" not in _make_target("run")
    assert "--server.address 0.0.0.0" in _make_target("share")
    assert "--server.allowedHosts" in _make_target("share")


def test_no_code_renders_raw_html():
    # One exception: views/common.py sends the app's own static scripts and styles (views/keyboard.js, .css,
    # views/timeline.js, .css and components/era_labels.js), read from files at import, never data.
    paths = [ROOT / "app.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("views/*.py"), *ROOT.glob("components/*.py")]
    assert len(paths) > 25
    for path in paths:
        text = path.read_text()
        if path == ROOT / "views" / "common.py":
            assert text.count("st.html(") == 1 and "st.html(_KEYBOARD, unsafe_allow_javascript=True)" in text
            assert (
                '_CSS, _JS = ((Path(__file__).parent / name).read_text() for name in ("keyboard.css", "keyboard.js"))'
                in text
            )
            assert (
                '_TIMELINE_CSS, _TIMELINE_JS = ((Path(__file__).parent / name).read_text() for name in ("timeline.css", '
                '"timeline.js"))' in text
            )
            assert (
                '    f"<style>{_CSS}{_TIMELINE_CSS}</style><script>{_JS}</script><script>{ERA_LABELS_JS}</script>"\n'
                '    f"<script>{_TIMELINE_JS}</script>"\n' in text
            )
            axis = (ROOT / "components" / "timeline_axis.py").read_text()  # the era labels' fit, a file too
            assert 'ERA_LABELS_JS = (Path(__file__).parent / "era_labels.js").read_text()' in axis
            text = text.replace("st.html(_KEYBOARD, unsafe_allow_javascript=True)", "")
        for banned in (
            "unsafe_allow_html",
            "st.html(",
            "unsafe_allow_javascript",
            "components.v1",
            "streamlit.components",
        ):
            assert banned not in text, f"{path.name} uses {banned}"


def test_timelinejs_export_escapes_media_credit():
    import csv
    import io

    import pandas as pd

    from components.timelinejs import export_timelinejs

    event = {"id": "e", "start": "2000", "end": "", "title": "T", "summary": "S.", "category": "war",
             "notes": "Media: https://example.org/p.png; Media credit: <img src=x onerror=alert(1)>"}  # fmt: skip
    (row,) = list(csv.DictReader(io.StringIO(export_timelinejs(pd.DataFrame([event]), None))))
    assert row["Media"] == "https://example.org/p.png"
    assert "<img" not in row["Media Credit"]
