"""Pure Plotly figure builders: frames in, figures out; no Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.aggregate import MAX_POINTS, bin_edges, bin_label, choose_bin, count_by_bin
from components.schema import (
    CATEGORIES,
    CLAIM_STATUSES,
    Derived,
    EraSchema,
    EventSchema,
)
from components.text import plotly_text

# Paul Tol's / Plotly's colour-blind-safe "Safe" palette, one fixed colour per category on every page.
_SAFE = [
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
    "#6699CC",
    "#888888",
]
CATEGORY_COLORS = dict(zip(CATEGORIES, _SAFE, strict=True))
DIRECTION_COLORS = {"dprk_to_russia": "#CC6677", "russia_to_dprk": "#332288"}
# Claim status is told by shape as well as by words, so it reads without colour.
STATUS_SYMBOLS = {"confirmed": "circle", "reported": "circle-open", "disputed": "triangle-up", "refuted": "x"}
assert set(STATUS_SYMBOLS) == set(CLAIM_STATUSES)

# Legends are keys, not filters: a click that hid a trace would change the view without changing its link.
# The sidebar filters, which are in the URL, do that job.
KEY_ONLY = {"itemclick": False, "itemdoubleclick": False}

LANE_MODES = {"category": EventSchema.category, "status": EventSchema.claim_status, "actor": EventSchema.actors}
# Characters of an 11 px era label (~5 px each in Chromium) that fit across a plot ~700 px wide: a laptop screen
# with the sidebar open. On a narrower plot long labels may touch the next band again.
LABEL_CHARS_PER_VIEW = 140
_ERA_FILLS = ("rgba(120,120,120,0.07)", "rgba(120,120,120,0.16)")
_MIN_GAP_DAYS = 200  # events closer than this in one lane are offset so that neither hides the other


def first_actor(actors: str) -> str:
    """The first actor of a `;`-separated cell, or `(none)`."""
    parts = [p.strip() for p in str(actors).split(";") if p.strip()]
    return parts[0] if parts else "(none)"


def lane_values(events: pd.DataFrame, lanes: str) -> pd.Series:
    """The lane label of every event for a lane mode (category, status or actor)."""
    column = LANE_MODES[lanes]
    if lanes == "actor":
        return events[column].map(first_actor)
    return events[column].astype(str)


def stack_offsets(lower, upper, min_gap_days: int = _MIN_GAP_DAYS) -> list[int]:
    """Greedy row packing: the sub-row of each interval so that none overlaps another in its sub-row."""
    lo, up = _days(lower), _days(upper)
    hi = np.maximum(up, lo + min_gap_days)
    rows = [0] * len(lo)
    row_ends: list[int] = []
    for i in np.lexsort((up, lo)).tolist():
        start, end = lo[i], hi[i]
        for r, last in enumerate(row_ends):
            if start > last:
                rows[i], row_ends[r] = r, end
                break
        else:
            rows[i] = len(row_ends)
            row_ends.append(end)
    return rows


def _days(values) -> np.ndarray:
    """Whole days since 1970 of datetime-like values, as plain integers (fast to compare in a loop)."""
    return np.asarray(values, dtype="datetime64[D]").astype(np.int64)


def view_range(events: pd.DataFrame, eras: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x-range that shows every era and event, with a little margin."""
    lows = [df[Derived.lower].min() for df in (events, eras) if not df.empty]
    highs = [df[Derived.upper].max() for df in (events, eras) if not df.empty]
    if not lows:
        return pd.Timestamp("1858-01-01"), pd.Timestamp("2025-12-31")
    lo, hi = min(lows), max(highs)
    pad = max((hi - lo) * 0.01, pd.Timedelta(days=5))
    return lo - pad, hi + pad


def fit_label(text: str, share: float, chars_per_view: int = LABEL_CHARS_PER_VIEW) -> str:
    """`text` cut with an ellipsis to what fits in `share` (0..1) of the chart's width."""
    budget = max(1, int(share * chars_per_view))
    if len(text) <= budget:
        return text
    cut = text[: budget - 1]
    if text[budget - 1] != " " and cut.rfind(" ") >= budget // 2:  # end on a whole word if that keeps half the room
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def era_bands(
    eras: pd.DataFrame, x_range: tuple, *, chars_per_view: int = LABEL_CHARS_PER_VIEW, min_share: float = 0.07
) -> tuple[list[dict], list[dict]]:
    """Each era as a background band (a layout shape) and, where it is wide enough to read, a label.

    A label is cut to the visible width of its band (full name on hover), so it neither runs over the next era
    nor past the chart's right edge; `chars_per_view` is how many characters the whole plot width holds, and an
    era narrower than `min_share` of the view gets no label.
    """
    span = pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])
    shapes: list[dict] = []
    labels: list[dict] = []
    for n, era in enumerate(eras.sort_values(Derived.lower).to_dict("records")):
        lo, hi = era[Derived.lower], era[Derived.upper] + pd.Timedelta(days=1)
        visible = min(hi, pd.Timestamp(x_range[1])) - max(lo, pd.Timestamp(x_range[0]))
        shapes.append(
            {
                "type": "rect", "xref": "x", "yref": "y domain", "x0": lo, "x1": hi, "y0": 0, "y1": 1,
                "fillcolor": _ERA_FILLS[n % 2], "line": {"width": 0}, "layer": "below", "name": era[EraSchema.id],
            }
        )  # fmt: skip
        if visible >= span * min_share:
            name = era[EraSchema.name]
            labels.append(
                {
                    "text": plotly_text(fit_label(name, visible / span, chars_per_view)), "hovertext": plotly_text(name),
                    "x": max(lo, pd.Timestamp(x_range[0])), "xref": "x", "y": 1, "yref": "y domain",
                    "xanchor": "left", "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": "#555"},
                }
            )  # fmt: skip
    return shapes, labels


def trusted_figure(data: list[dict], layout: dict) -> go.Figure:
    """A Figure from trace and layout dicts built by the figure modules, without Plotly's per-property validation.

    Validation cost ~110 ms a chart (most of a rerun). The unit tests (test_figures, test_figures_delegations,
    test_aggregate) validate every builder's output in full instead, so a wrong property name still fails.
    Arrays become lists: Streamlit copies the figure and Plotly packs each NumPy array on the way out, which
    cost twice the build for small charts.
    """
    return go.Figure({"data": _plain(data), "layout": _plain(layout)}, _validate=False)


def _plain(value):
    """Dicts and lists with every NumPy array turned into a list."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def build_timeline_figure(
    events: pd.DataFrame,
    eras: pd.DataFrame,
    *,
    lanes: str = "category",
    x_range: tuple | None = None,
    highlight: str | None = None,
) -> go.Figure:
    """Events as markers (and bars for ranges or partial dates) in lanes, over labelled era bands.

    Above MAX_POINTS events the chart shows exact counts per lane and time bin instead (see `aggregated`).
    """
    x_range = x_range or view_range(events, eras)
    lane = lane_values(events, lanes) if not events.empty else pd.Series(dtype=str)
    lane_names = sorted(lane.unique(), key=_lane_key(lanes))
    if len(events) > MAX_POINTS:
        return _finish(_counts_traces(events, lane, lane_names, x_range), eras, lane_names, x_range, lanes)
    if events.empty:
        return _finish(([], {}), eras, lane_names, x_range, lanes)
    # Columns are taken out once as arrays: selecting frame rows per lane and per category cost more than the rest.
    lower, upper = events[Derived.lower].to_numpy(), events[Derived.upper].to_numpy()
    lane_of = lane.to_numpy(dtype=object)
    # Events closer than ~1.5% of the visible span would overlap on screen: offset them within their lane.
    gap_days = max(1, int((pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])).days * 0.015))
    y = np.zeros(len(events))
    for idx, name in enumerate(lane_names):
        at = np.flatnonzero(lane_of == name)
        offsets = np.asarray(stack_offsets(lower[at], upper[at], min_gap_days=gap_days))
        rows = int(offsets.max(initial=0)) + 1
        y[at] = idx - 0.35 + min(0.22, 0.75 / rows) * offsets if rows > 1 else idx
    # One marker trace for every event, in category order with the chosen event last (drawn on top). Streamlit runs
    # Plotly.newPlot on every filter change, at a cost per trace: with a marker trace per category (23 traces in all)
    # the shipped view took ~100 ms in headless Chromium, ~80 ms like this (median of 60 alternating draws).
    category = events[EventSchema.category]
    rank = category.map({c: i for i, c in enumerate(CATEGORIES)}).fillna(len(CATEGORIES)).to_numpy()
    ids = events[EventSchema.id].to_numpy(dtype=object)
    order = np.lexsort((rank, ids == highlight))
    ids, lower, upper, y = ids[order], lower[order], upper[order], y[order]
    chosen = ids == highlight
    colors = category.map(CATEGORY_COLORS).fillna("#888888").to_numpy(dtype=object)[order]
    titles = np.asarray(plotly_text(events[EventSchema.title]), dtype=object)[order]
    statuses = events[EventSchema.claim_status].to_numpy(dtype=object)[order]
    custom = customdata_rows(
        ids,
        titles,
        events[Derived.label].to_numpy(dtype=object)[order],
        statuses,
        np.asarray(plotly_text(category), dtype=object)[order],
    )
    markers = {
        "type": "scatter", "x": lower, "y": y, "mode": "markers", "name": "events", "showlegend": False,
        "marker": {
            "color": colors, "size": np.where(chosen, 17, 11),
            "symbol": pd.Series(statuses).map(STATUS_SYMBOLS).to_numpy(dtype=object),
            "line": {"width": np.where(chosen, 3, 1.5), "color": np.where(chosen, "#000", colors)},
        },
        "customdata": custom,
        "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[4]} · %{customdata[3]}"
        "<extra></extra>",
    }  # fmt: skip
    # Date-range bars are lines, one trace per category colour (a line takes one colour), drawn under the markers.
    # Bars of a bar trace would take a colour each but are drawn at least a pixel wide: a month-long range at the
    # full view showed as a tick inside open markers.
    sorted_category = category.to_numpy(dtype=object)[order]
    shown = dict.fromkeys(sorted_category)  # the categories present, in category order
    traces = []
    for name in shown:
        at = np.flatnonzero(sorted_category == name)
        traces += span_traces(lower[at], upper[at], y[at], colors[at[0]], name)
    approximate = events[Derived.approximate].to_numpy(dtype=bool)[order]
    traces += [markers, *approximate_marks(lower, y, approximate)]
    if lanes != "category":  # the colour key: one entry per category shown
        traces += [_key_entry(c) for c in CATEGORIES if c in shown]
    return _finish((traces, {}), eras, lane_names, x_range, lanes)


def aggregated(fig: go.Figure) -> bool:
    """True when the timeline shows counts per bin rather than single events."""
    return bool(fig.layout.meta and fig.layout.meta.get("aggregated"))


def _counts_traces(events: pd.DataFrame, lane: pd.Series, lane_names: list, x_range: tuple) -> tuple[list, dict]:
    """A heat map of exact event counts per lane and time bin (one image, however many bins), said in the title.

    Colour follows log10 of the count so that sparse early years stay visible next to dense recent ones.
    """
    freq, word = choose_bin(*x_range)
    counts = count_by_bin(events, lane, freq)
    edges = bin_edges(counts["bin"].min(), counts["bin"].max(), freq)
    starts = edges[:-1]
    grid = counts.pivot(index="group", columns="bin", values="count").reindex(index=lane_names, columns=starts)
    n = grid.to_numpy(dtype=float)  # NaN where a lane has no event in a bin: drawn transparent
    labels = [bin_label(b, freq) for b in starts]
    names = plotly_text(lane_names)
    text = [
        [f"{names[i]}: {int(c):,} events<br>{labels[j]}" if c > 0 else "" for j, c in enumerate(row)]
        for i, row in enumerate(n)
    ]
    top = max(1.0, float(np.nanmax(n))) if n.size else 1.0
    ticks = [10**k for k in range(int(np.log10(top)) + 1)]
    trace = {
        "type": "heatmap", "x": (starts + (edges[1:] - starts) / 2).to_numpy(), "y": list(range(len(lane_names))),
        "z": np.log10(n), "customdata": n, "zmin": 0, "zmax": max(np.log10(top), 1), "text": text,
        "hovertemplate": "%{text}<extra></extra>", "hoverongaps": False, "colorscale": "Viridis", "ygap": 2, "opacity": 0.9,
        "colorbar": {"title": {"text": f"events per {word}"}, "tickvals": np.log10(ticks),
                     "ticktext": [f"{t:,}" for t in ticks], "thickness": 12},
    }  # fmt: skip
    total = int(counts["count"].sum())
    title = (
        f"{total:,} events: too many to draw one by one, so each cell counts the events in a lane per {word}. "
        f"Filter to {MAX_POINTS:,} or fewer to see single events."
    )
    return [trace], {
        "meta": {"aggregated": True, "bin": word, "total": total},
        "title": {"text": title, "font": {"size": 12}, "x": 0.01, "xanchor": "left"},
    }


def _finish(parts: tuple[list, dict], eras: pd.DataFrame, lane_names: list, x_range: tuple, lanes: str) -> go.Figure:
    """The traces in a layout: era bands, lanes on the y-axis and the x-range (drag to zoom, double-click to reset).

    The colour key is shown only when lanes are not categories: with category lanes the y-axis already names
    each colour's category.

    No range slider: it draws every trace a second time; Plotly.newPlot of the shipped-data chart in headless
    Chromium took 246 ms with it and 119 ms without. Era pills, dates and drag-to-zoom cover its job.
    """
    traces, layout = parts
    shapes, labels = era_bands(eras, x_range)
    if layout.get("meta", {}).get("aggregated"):  # the heat map hides the bands: mark where each era starts on top
        shapes += [
            {"type": "line", "xref": "x", "yref": "y domain", "x0": band["x0"], "x1": band["x0"], "y0": 0, "y1": 1,
             "line": {"width": 1.5, "color": "rgba(255,255,255,0.85)", "dash": "dot"}, "layer": "above",
             "name": f"{band['name']} start"}
            for band in shapes[1:]
        ]  # fmt: skip
    layout |= {
        "shapes": shapes,
        "annotations": labels,
        "height": max(380, 110 + 48 * max(len(lane_names), 1)),
        "margin": {"l": 10, "r": 10, "t": 50 if "title" in layout else 30, "b": 10},
        "legend": {"title": {"text": "Category"}, "orientation": "h", "yanchor": "top", "y": -0.08, "x": 0} | KEY_ONLY,
        "xaxis": {
            "type": "date",
            "range": [pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])],
        },
        "yaxis": {
            "tickvals": list(range(len(lane_names))),
            "ticktext": plotly_text(lane_names),
            "range": [-0.6, max(len(lane_names), 1) - 0.2],
            "fixedrange": True,
        },
        "hovermode": "closest",
        "showlegend": lanes != "category",
        "uirevision": f"{x_range[0]}|{x_range[1]}",
    }
    return trusted_figure(traces, layout)


def customdata_rows(*columns) -> np.ndarray:
    """Columns side by side as an object array of rows (for customdata), keeping each value's type."""
    out = np.empty((len(columns[0]), len(columns)), dtype=object)
    for j, column in enumerate(columns):
        out[:, j] = list(column)
    return out


def _lane_key(lanes: str):
    if lanes == "category":
        return lambda v: CATEGORIES.index(v) if v in CATEGORIES else len(CATEGORIES)
    if lanes == "status":
        return lambda v: CLAIM_STATUSES.index(v) if v in CLAIM_STATUSES else len(CLAIM_STATUSES)
    return str


def span_traces(lower, upper, y, color: str, group: str, *, dash: str = "solid", name: str = "") -> list[dict]:
    """A bar from the first to the last possible day of each row that is a range or a partial date (one trace)."""
    lower, upper, y = np.asarray(lower), np.asarray(upper), np.asarray(y, dtype=float)
    wide = upper > lower
    if not wide.any():
        return []
    n = int(wide.sum())
    xs = np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = lower[wide], upper[wide] + np.timedelta64(1, "D"), None
    ys = np.empty(3 * n, dtype=object)
    ys[0::3], ys[1::3], ys[2::3] = y[wide], y[wide], None
    return [
        {
            "type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
            "line": {"color": color, "width": 7 if dash == "solid" else 6, "dash": dash},
            "opacity": 0.45 if dash == "solid" else 0.5, "showlegend": bool(name), "legendgroup": group,
            "name": name or f"{group} (span)",
        }
    ]  # fmt: skip


def approximate_marks(x, y, approximate) -> list[dict]:
    """A `~` above each event whose date is approximate (one trace of clear markers, so it sits where a label on the
    event's own marker would)."""
    at = np.flatnonzero(approximate)
    if not at.size:
        return []
    return [
        {
            "type": "scatter", "x": np.asarray(x)[at], "y": np.asarray(y)[at], "mode": "markers+text",
            "text": ["~"] * at.size, "textposition": "top center", "marker": {"size": 11, "opacity": 0},
            "hoverinfo": "skip", "showlegend": False, "name": "approximate dates",
        }
    ]  # fmt: skip


def _key_entry(category: str) -> dict:
    """A colour-key entry for a category: a trace with no point, shown only in the legend."""
    color = CATEGORY_COLORS[category]
    return {
        "type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": category, "legendgroup": category,
        "marker": {"color": color, "size": 11}, "hoverinfo": "skip", "showlegend": True,
    }  # fmt: skip
