"""The HTML snapshot: self-contained, escaped, with the view's rows and only the sources they cite."""

import io
import json
import re

import pandas as pd
import plotly.graph_objects as go

from components.figures_timeline import build_timeline_figure
from components.loading import load_dataset
from components.snapshot import build_html_snapshot, cited_sources
from components.tables import cite_line, to_json_bytes
from tests.conftest import MINI

DATA = load_dataset(MINI).dataset


def _snapshot(**kw):
    args = {
        "title": "Tumen: events",
        "description": "Events: 3 of 3",
        "cite": "cite me",
        "link": "http://127.0.0.1:8501/?q=x",
        "charts": [("", build_timeline_figure(DATA.events, DATA.eras))],
        "table": DATA.events[["id", "title"]],
        "sources": cited_sources(DATA.events, DATA.sources),
    }
    return build_html_snapshot(**{**args, **kw})


def test_snapshot_inlines_plotly_and_needs_no_network():
    page = _snapshot()
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js itself is inlined
    assert "cdn.plot.ly" not in page.split("Plotly.newPlot")[1]
    assert '<script src="http' not in page


def _plots(page: str) -> list[tuple[list, dict]]:
    """The (data, layout) of each Plotly.newPlot call in the page, in order."""
    decode = json.JSONDecoder().raw_decode
    plots = []
    for call in re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', page):
        data, end = decode(page, call.end())
        layout, _ = decode(page, re.compile(r",\s*").match(page, end).end())
        plots.append((data, layout))
    return plots


def test_snapshot_draws_every_chart_in_order_under_its_heading():
    timeline = build_timeline_figure(DATA.events, DATA.eras)
    bar, pie = go.Figure(go.Bar(x=[1])), go.Figure(go.Pie(values=[1]))
    page = _snapshot(charts=[("", timeline), ("By sector", bar), ("Composition", pie)])
    assert [data[0]["type"] for data, _ in _plots(page)] == ["scatter", "bar", "pie"]
    assert page.index("<h2>By sector</h2>") < page.index("<h2>Composition</h2>") < page.index("<h2>Rows")
    assert page.count("<h2>") == 2 + 2  # the two headed charts, then Rows and Sources
    assert page.count("* plotly.js v") == 1  # inlined once, however many charts


def test_snapshot_axes_make_room_for_their_labels():
    """Streamlit's theme turns on automargin in the app; the snapshot has plain plotly.js and must ask for it."""
    fig = build_timeline_figure(DATA.events, DATA.eras)
    ((_, layout),) = _plots(_snapshot(charts=[("", fig)]))
    assert layout["yaxis"]["automargin"] is True and layout["xaxis"]["automargin"] is True
    assert layout["margin"] == fig.layout.margin.to_plotly_json()  # otherwise the figure as built


def test_snapshot_escapes_hostile_text():
    table = pd.DataFrame({"title": ["<script>alert(1)</script>"]})
    page = _snapshot(
        description="<img src=x onerror=alert(1)>",
        table=table,
        link="javascript:alert(1)",
        charts=[("<script>alert(2)</script>", go.Figure())],
    )
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<script>alert(2)" not in page
    assert 'href="javascript' not in page


def test_only_cited_sources_are_listed():
    rows = DATA.events[DATA.events["id"] == "e-old"]
    assert cited_sources(rows, DATA.sources)["id"].tolist() == ["s-one"]
    assert cited_sources(DATA.events, DATA.sources)["id"].tolist() == ["s-one", "s-two"]


def test_json_export_round_trips():
    rows = DATA.events[["id", "start", "title"]]
    back = pd.read_json(io.BytesIO(to_json_bytes(rows)), dtype=str)
    assert back.to_dict("records") == rows.to_dict("records")


def test_cite_line_has_version_link_and_date():
    line = cite_line("Tumen dataset", "Events: 3 of 3", "abc123", "http://x/?q=1", "2026-11-27")
    assert line == "Tumen dataset, version abc123. Events: 3 of 3. http://x/?q=1 (accessed 2026-11-27)."
