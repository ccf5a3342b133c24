"""The Timeline page's figure: events in lanes over era bands, or counts per lane and bin when there are many."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components import era_scale as es
from components import palette
from components import timeline_axis as axis
from components.aggregate import MAX_POINTS, bin_edges, bin_label, choose_bin, count_by_bin
from components.description import Description, or_found
from components.plotting import KEY_ONLY, customdata_rows, label_margin, themed, trusted_figure
from components.schema import CLAIM_STATUSES, LANE_COLUMNS, Derived, EventSchema
from components.text import plotly_text

# Claim status is told by shape as well as by words, so it reads without colour.
STATUS_SYMBOLS = {"confirmed": "circle", "reported": "circle-open", "disputed": "triangle-up", "refuted": "x"}
assert set(STATUS_SYMBOLS) == set(CLAIM_STATUSES)
# Markers closer than this share of the view are offset in their lane: 26 px on the ~850 px plot of a 1400 px
# window, 8 px on a phone's ~270 px (11 px markers whose centres stay at least 6 px apart).
MARKER_GAP = 0.03


def first_actor(actors: str) -> str:
    """The first actor of a `;`-separated cell, or `(none)`."""
    parts = [p.strip() for p in str(actors).split(";") if p.strip()]
    return parts[0] if parts else "(none)"


def lane_values(events: pd.DataFrame, lanes: str) -> pd.Series:
    """The lane label of every event for a lane mode (category, status or actor)."""
    column = LANE_COLUMNS[lanes]
    if lanes == "actor":
        return events[column].map(first_actor)
    return events[column].astype(str)


def build_timeline_figure(
    events: pd.DataFrame,
    eras: pd.DataFrame,
    *,
    lanes: str = "category",
    x_range: tuple | None = None,
    highlight: str | None = None,
    description: Description | None = None,
    scale: es.EraScale | None = None,
    scale_kind: str = "era",
    theme: palette.Theme = palette.LIGHT,
) -> go.Figure:
    """Events as markers (and bars for ranges or partial dates) in lanes, over labelled era bands.

    The x-axis is numeric: dates are placed by `scale` (by default the era scale of these events and eras, see
    `era_scale`; `scale_kind` "time" is true time) and ticked with real dates. `x_range` is the span of dates to
    show (default: every event and era). Categories are ordered, labelled and coloured as `description` says (by
    default, as found in `events`). Above MAX_POINTS events the chart shows exact counts per time bin instead.
    """
    described = or_found(description, "events.csv", events)
    scale = scale or axis.build_scale(scale_kind, events, eras)
    x_range = axis.view_positions(scale, x_range or axis.data_span(events, eras))
    lane = lane_values(events, lanes) if not events.empty else pd.Series(dtype=str)
    lane_names = sorted(lane.unique(), key=_lane_key(lanes, described.ids("categories")))
    shown_names = [described.label("categories", n) for n in lane_names] if lanes == "category" else lane_names
    finish = (eras, lane_names, shown_names, scale, x_range, lanes, scale_kind, theme)
    if len(events) > MAX_POINTS:
        dates = tuple(pd.Timestamp(d) for d in es.to_date(scale, x_range))
        return _finish(_counts_traces(events, lane, lane_names, shown_names, dates, scale), *finish)
    if events.empty:
        return _finish(([], {}), *finish)
    # Columns are taken out once as arrays: selecting frame rows per lane and per category cost more than the rest.
    lower = es.to_position(scale, events[Derived.lower])
    upper = es.to_position(scale, events[Derived.upper] + pd.Timedelta(days=1))  # a bar reaches its last day's end
    wide_rows = (events[Derived.upper] > events[Derived.lower]).to_numpy()
    lane_of = lane.to_numpy(dtype=object)
    # Markers closer than MARKER_GAP of the view would overlap on screen: offset them within their lane.
    y = pd.Series(lane_of).map({name: i for i, name in enumerate(lane_names)}).to_numpy(dtype=float)
    y += es.spread(lower, lane_of, MARKER_GAP * (x_range[1] - x_range[0]), step=0.16, limit=0.42)
    # One marker trace for every event, in category order with the chosen event last (drawn on top). Streamlit runs
    # Plotly.newPlot on every filter change, at a cost per trace: with a marker trace per category (23 traces in all)
    # the shipped view took ~100 ms in headless Chromium, ~80 ms like this (median of 60 alternating draws).
    category = events[EventSchema.category]
    known = described.ids("categories")
    rank = category.map({c: i for i, c in enumerate(known)}).fillna(len(known)).to_numpy()
    ids = events[EventSchema.id].to_numpy(dtype=object)
    order = np.lexsort((rank, ids == highlight))
    ids, lower, upper, y, wide_rows = ids[order], lower[order], upper[order], y[order], wide_rows[order]
    chosen = ids == highlight
    category_colors = described.colors("categories")
    colors = category.map(category_colors).fillna(palette.UNKNOWN).to_numpy(dtype=object)[order]
    titles = np.asarray(plotly_text(events[EventSchema.title]), dtype=object)[order]
    statuses = events[EventSchema.claim_status].to_numpy(dtype=object)[order]
    custom = customdata_rows(
        ids,
        titles,
        events[Derived.label].to_numpy(dtype=object)[order],
        statuses,
        np.asarray(plotly_text(category.map(described.labels("categories")).fillna(category)), dtype=object)[order],
    )
    markers = {
        "type": "scatter", "x": lower, "y": y, "mode": "markers", "name": "events", "showlegend": False,
        "marker": {
            "color": colors, "size": np.where(chosen, 17, 11),
            "symbol": pd.Series(statuses).map(STATUS_SYMBOLS).to_numpy(dtype=object),
            # The outline keeps each mark at 3:1 against the page in either theme; the chosen one is ringed in text.
            "line": {"width": np.where(chosen, 3, 1.5), "color": np.where(chosen, theme.text, _outlines(colors, theme))},
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
        at = at[wide_rows[at]]
        if at.size:
            traces += _bars(lower[at], upper[at], y[at], colors[at[0]], name)
    approximate = events[Derived.approximate].to_numpy(dtype=bool)[order]
    traces += [markers, *approximate_marks(lower, y, approximate)]
    if lanes != "category":  # the colour key: one entry per category shown
        labels = described.labels("categories")
        key = [(labels.get(c, c), category_colors.get(c, palette.UNKNOWN)) for c in known if c in shown]
        traces += [_key_entry(name, color, theme.mark(color)) for name, color in key]
    return _finish((traces, {}), *finish)


def _counts_traces(
    events: pd.DataFrame, lane: pd.Series, lane_names: list, shown_names: list, x_range: tuple, scale: es.EraScale
) -> tuple[list, dict]:
    """A heat map of exact event counts per lane and time bin (one image, however many bins), said in the title.

    Colour follows log10 of the count so that sparse early years stay visible next to dense recent ones. The x
    values are the bins' edges placed by the scale, so a bin is as wide as the scale makes its time.
    """
    freq, word = choose_bin(*x_range)
    counts = count_by_bin(events, lane, freq)
    edges = bin_edges(counts["bin"].min(), counts["bin"].max(), freq)
    starts = edges[:-1]
    grid = counts.pivot(index="group", columns="bin", values="count").reindex(index=lane_names, columns=starts)
    n = grid.to_numpy(dtype=float)  # NaN where a lane has no event in a bin: drawn transparent
    labels = [bin_label(b, freq) for b in starts]
    names = plotly_text(shown_names)
    text = [
        [f"{names[i]}: {int(c):,} events<br>{labels[j]}" if c > 0 else "" for j, c in enumerate(row)]
        for i, row in enumerate(n)
    ]
    top = max(1.0, float(np.nanmax(n))) if n.size else 1.0
    ticks = [10**k for k in range(int(np.log10(top)) + 1)]
    trace = {
        "type": "heatmap", "x": es.to_position(scale, edges), "y": list(range(len(lane_names))),
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


def _finish(
    parts: tuple[list, dict],
    eras: pd.DataFrame,
    lane_names: list,
    shown_names: list,
    scale: es.EraScale,
    x_range: tuple,
    lanes: str,
    scale_kind: str,
    theme: palette.Theme = palette.LIGHT,
) -> go.Figure:
    """The traces in a layout: era bands, lanes on the y-axis and the x-range in positions.

    A drag across the chart zooms along time only (the lanes' axis is fixed). Streamlit never tells Python about a
    zoom made in the browser, so the page's script (views/timeline.js) hands it over as a box selection, which
    the page keeps as its zoom (in session and link): the range here is always the page's, so it survives reruns.

    The colour key is shown only when lanes are not categories: with category lanes the y-axis already names
    each colour's category.

    No range slider: it draws every trace a second time; Plotly.newPlot of the shipped-data chart in headless
    Chromium took 246 ms with it and 119 ms without. Era pills, dates and drag-to-zoom cover its job.
    """
    traces, layout = parts
    shapes, labels = axis.era_layout(eras, scale, *x_range, theme=theme)
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
        # Room for the lane names, the ticks and the axis title, and for the last tick's overhang on the right:
        # margins that fit spare Plotly a second draw to widen them (plotting.label_margin).
        "margin": {"l": label_margin(shown_names), "r": 16, "t": 50 if "title" in layout else 30, "b": 60},
        "legend": {"title": {"text": "Category"}, "orientation": "h", "yanchor": "top", "y": -0.14, "x": 0} | KEY_ONLY,
        "xaxis": axis.xaxis(scale, *x_range, scale_kind),
        "yaxis": {
            "tickvals": list(range(len(lane_names))),
            "ticktext": plotly_text(shown_names),
            "range": [-0.6, max(len(lane_names), 1) - 0.2],
            "fixedrange": True,
        },
        "hovermode": "closest",
        "dragmode": "zoom",
        "showlegend": lanes != "category",
        "uirevision": f"{x_range[0]}|{x_range[1]}",
    }
    return trusted_figure(traces, themed(layout, theme))


def _lane_key(lanes: str, categories: tuple[str, ...]):
    if lanes == "category":
        return lambda v: (categories.index(v), "") if v in categories else (len(categories), v)
    if lanes == "status":
        return lambda v: CLAIM_STATUSES.index(v) if v in CLAIM_STATUSES else len(CLAIM_STATUSES)
    return str


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


def _outlines(colors: np.ndarray, theme: palette.Theme) -> np.ndarray:
    """Each fill colour's outline for the theme (one look-up per distinct colour)."""
    distinct = {c: theme.mark(c) for c in set(colors.tolist())}
    return np.asarray([distinct[c] for c in colors.tolist()], dtype=object)


def _bars(lower, upper, y, color: str, group: str) -> list[dict]:
    """One line trace of bars from `lower` to `upper` (positions) at `y`, broken by None between rows.

    Like plotting.span_traces, in position space: a range that crosses eras is one bar, as long as the scale makes
    each piece."""
    n = len(lower)
    xs, ys = np.empty(3 * n, dtype=object), np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = lower, upper, None
    ys[0::3], ys[1::3], ys[2::3] = y, y, None
    return [
        {
            "type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
            "line": {"color": color, "width": 7}, "opacity": 0.45, "showlegend": False, "legendgroup": group,
            "name": f"{group} (span)",
        }
    ]  # fmt: skip


def _key_entry(category: str, color: str, outline: str) -> dict:
    """A colour-key entry for a category: a trace with no point, shown only in the legend."""
    return {
        "type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": category, "legendgroup": category,
        "marker": {"color": color, "size": 11, "line": {"color": outline, "width": 1.5}}, "hoverinfo": "skip", "showlegend": True,
    }  # fmt: skip
