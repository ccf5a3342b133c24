"""A single self-contained HTML file of a view: charts with plotly.js inlined, table, description, sources."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from components.schema import SourceSchema, split_multi
from components.text import safe_url
from components.timeline_axis import ERA_LABELS_JS

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.6rem} .meta{color:#555} table{border-collapse:collapse;font-size:.85rem;width:100%}
td,th{border:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left} th{background:#f4f4f4}
"""


def cited_sources(rows: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids") -> pd.DataFrame:
    """The sources cited by `rows`, in the order first cited."""
    order: list[str] = []
    for cell in rows.get(column, []):
        for sid in split_multi(cell):
            if sid not in order:
                order.append(sid)
    by_id = sources.set_index(SourceSchema.id, drop=False)
    return by_id.loc[[s for s in order if s in by_id.index]].reset_index(drop=True)


def _source_item(row: pd.Series) -> str:
    title = html.escape(str(row[SourceSchema.title]))
    url = safe_url(row[SourceSchema.url])
    label = f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title
    meta = ", ".join(html.escape(str(v)) for v in (row[SourceSchema.publisher], row[SourceSchema.published]) if v)
    return (
        f"<li>{label}" + (f" ({meta})" if meta else "") + f" <code>{html.escape(str(row[SourceSchema.id]))}</code></li>"
    )


_AXIS = re.compile(r"[xy]axis\d*")
_FIT_ERA_LABELS = "window.tumenEraLabels(document.getElementById('{plot_id}'));"  # era_labels.js, in the head


def _standalone(fig: go.Figure) -> dict:
    """The figure as plain plotly.js draws it outside Streamlit: every axis makes room for its labels.

    In the app, Streamlit's chart theme turns on `automargin` for every axis; the builders' narrow margins (10 px)
    rely on it. Without it, plotly.js cut the lane names at the chart's left edge ("ny" for "economy").
    """
    spec = fig.to_plotly_json()
    layout = dict(spec.get("layout", {}))
    for key in {"xaxis", "yaxis", *filter(_AXIS.fullmatch, layout)}:
        layout[key] = {**layout.get(key, {}), "automargin": True}
    return {**spec, "layout": layout}


def _chart(heading: str, fig: go.Figure, first: bool) -> str:
    div = pio.to_html(
        _standalone(fig), include_plotlyjs=first, full_html=False, config={"displaylogo": False}, validate=False,
        post_script=_FIT_ERA_LABELS,
    )  # fmt: skip
    return (f"<h2>{html.escape(heading)}</h2>\n" if heading else "") + div


def build_html_snapshot(
    *,
    title: str,
    description: str,
    cite: str,
    link: str,
    charts: Sequence[tuple[str, go.Figure]],
    table: pd.DataFrame,
    sources: pd.DataFrame,
) -> str:
    """The whole view as one HTML page that opens offline (plotly.js inlined once); all data text escaped.

    `charts` are the page's charts in its order, each under the heading the page gives it ("" for none).
    """
    drawn = [_chart(heading, fig, i == 0) for i, (heading, fig) in enumerate(charts)]
    link_html = html.escape(link)
    safe_link = safe_url(link)
    if safe_link:
        link_html = f'<a href="{html.escape(safe_link, quote=True)}">{link_html}</a>'
    items = "\n".join(_source_item(row) for _, row in sources.iterrows())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style>
<script>{ERA_LABELS_JS}</script></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="meta">{html.escape(description)}</p>
<p class="meta">Live view: {link_html}</p>
<p class="meta">Cite as: {html.escape(cite)}</p>
{"".join(drawn)}
<h2>Rows ({len(table)})</h2>
{table.to_html(index=False, escape=True, border=0)}
<h2>Sources ({len(sources)})</h2>
<ul>
{items}
</ul>
</body></html>
"""
