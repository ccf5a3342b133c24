"""Pure Plotly figure builders: frames in, figures out; no Streamlit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.aggregate import MAX_POINTS, choose_bin, count_by_bin
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

LANE_MODES = {"category": EventSchema.category, "status": EventSchema.claim_status, "actor": EventSchema.actors}
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


def stack_offsets(lower: pd.Series, upper: pd.Series, min_gap_days: int = _MIN_GAP_DAYS) -> list[int]:
    """Greedy row packing: the sub-row of each interval so that none overlaps another in its sub-row."""
    order = sorted(range(len(lower)), key=lambda i: (lower.iloc[i], upper.iloc[i]))
    row_ends: list[pd.Timestamp] = []
    rows = [0] * len(lower)
    gap = pd.Timedelta(days=min_gap_days)
    for i in order:
        start, end = lower.iloc[i], max(upper.iloc[i], lower.iloc[i] + gap)
        for r, last in enumerate(row_ends):
            if start > last:
                rows[i], row_ends[r] = r, end
                break
        else:
            rows[i] = len(row_ends)
            row_ends.append(end)
    return rows


def view_range(events: pd.DataFrame, eras: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x-range that shows every era and event, with a little margin."""
    lows = [df[Derived.lower].min() for df in (events, eras) if not df.empty]
    highs = [df[Derived.upper].max() for df in (events, eras) if not df.empty]
    if not lows:
        return pd.Timestamp("1858-01-01"), pd.Timestamp("2025-12-31")
    lo, hi = min(lows), max(highs)
    pad = max((hi - lo) * 0.01, pd.Timedelta(days=5))
    return lo - pad, hi + pad


def add_era_bands(fig: go.Figure, eras: pd.DataFrame, x_range: tuple | None = None) -> go.Figure:
    """Draw each era as a background band (one layout shape per era), labelled where it is wide enough."""
    # Built as plain dicts in one update: fig.add_vrect validates each call and costs ~30 ms per era.
    span = (pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])) if x_range else None
    shapes, labels = list(fig.layout.shapes), list(fig.layout.annotations)
    for n, era in enumerate(eras.sort_values(Derived.lower).to_dict("records")):
        lo, hi = era[Derived.lower], era[Derived.upper] + pd.Timedelta(days=1)
        visible = (hi - lo) if not x_range else min(hi, pd.Timestamp(x_range[1])) - max(lo, pd.Timestamp(x_range[0]))
        shapes.append(
            {
                "type": "rect", "xref": "x", "yref": "y domain", "x0": lo, "x1": hi, "y0": 0, "y1": 1,
                "fillcolor": _ERA_FILLS[n % 2], "line": {"width": 0}, "layer": "below", "name": era[EraSchema.id],
            }
        )  # fmt: skip
        if span is None or visible >= span * 0.07:
            labels.append(
                {
                    "text": plotly_text(era[EraSchema.name]), "x": max(lo, pd.Timestamp(x_range[0])) if x_range else lo,
                    "xref": "x", "y": 1, "yref": "y domain", "xanchor": "left", "yanchor": "top",
                    "showarrow": False, "font": {"size": 11, "color": "#555"},
                }
            )  # fmt: skip
    fig.update_layout(shapes=shapes, annotations=labels)
    return fig


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
    fig = go.Figure()
    x_range = x_range or view_range(events, eras)
    lane = lane_values(events, lanes) if not events.empty else pd.Series(dtype=str)
    lane_names = sorted(lane.unique(), key=_lane_key(lanes))
    if len(events) > MAX_POINTS:
        return _finish(_add_counts(fig, events, lane, lane_names, x_range), eras, events, lane_names, x_range)
    # Events closer than ~1.5% of the visible span would overlap on screen: offset them within their lane.
    gap_days = max(1, int((pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])).days * 0.015))
    y = pd.Series(0.0, index=events.index)
    for idx, name in enumerate(lane_names):
        members = events[lane == name]
        offsets = stack_offsets(members[Derived.lower], members[Derived.upper], min_gap_days=gap_days)
        rows = max(offsets, default=0) + 1
        step = min(0.22, 0.75 / rows)
        y.loc[members.index] = [idx - 0.35 + step * o if rows > 1 else idx for o in offsets]
    for category in CATEGORIES:
        sel = events[events[EventSchema.category] == category]
        if sel.empty:
            continue
        add_spans(fig, sel, y, CATEGORY_COLORS[category], category)
        fig.add_trace(
            go.Scatter(
                x=sel[Derived.lower],
                y=y.loc[sel.index],
                mode="markers+text",
                name=category,
                legendgroup=category,
                text=["~" if a else "" for a in sel[Derived.approximate]],
                textposition="top center",
                marker={
                    "color": CATEGORY_COLORS[category],
                    "size": [17 if i == highlight else 11 for i in sel[EventSchema.id]],
                    "symbol": [STATUS_SYMBOLS[s] for s in sel[EventSchema.claim_status]],
                    "line": {
                        "width": [3 if i == highlight else 1.5 for i in sel[EventSchema.id]],
                        "color": ["#000" if i == highlight else CATEGORY_COLORS[category] for i in sel[EventSchema.id]],
                    },
                },
                customdata=list(
                    zip(
                        sel[EventSchema.id],
                        plotly_text(sel[EventSchema.title]),
                        sel[Derived.label],
                        sel[EventSchema.claim_status],
                        strict=True,
                    )
                ),
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
                + category
                + " · %{customdata[3]}<extra></extra>",
            )
        )
    return _finish(fig, eras, events, lane_names, x_range)


def aggregated(fig: go.Figure) -> bool:
    """True when the timeline shows counts per bin rather than single events."""
    return bool(fig.layout.meta and fig.layout.meta.get("aggregated"))


def _add_counts(fig: go.Figure, events: pd.DataFrame, lane: pd.Series, lane_names: list, x_range: tuple) -> go.Figure:
    """One marker per lane and time bin, sized by how many events it holds (exact counts)."""
    freq, word = choose_bin(*x_range)
    counts = count_by_bin(events, lane, freq)
    y = counts["group"].map({name: i for i, name in enumerate(lane_names)})
    colors = counts["group"].map(lambda g: CATEGORY_COLORS.get(g, "#6699CC"))
    fig.add_trace(
        go.Scatter(
            x=counts["bin"],
            y=y,
            mode="markers",
            name=f"events per {word}",
            marker={
                "color": colors,
                "size": (counts["count"] ** 0.5 * 3 + 4).clip(upper=40),
                "opacity": 0.75,
                "line": {"width": 0},
            },
            customdata=list(zip(plotly_text(counts["group"]), counts["count"], strict=True)),
            hovertemplate="%{customdata[0]}: %{customdata[1]} events<br>%{x}<extra>per " + word + "</extra>",
        )
    )
    fig.update_layout(meta={"aggregated": True, "bin": word, "total": int(counts["count"].sum())})
    return fig


def _finish(fig: go.Figure, eras: pd.DataFrame, events: pd.DataFrame, lane_names: list, x_range: tuple) -> go.Figure:
    add_era_bands(fig, eras, x_range)
    fig.update_layout(
        height=max(380, 110 + 48 * max(len(lane_names), 1)),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"title": {"text": "Category"}, "itemclick": "toggle"},
        xaxis={
            "type": "date",
            "range": [pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])],
            "rangeslider": {"visible": True, "thickness": 0.07, "range": list(view_range(events, eras))},
        },
        yaxis={
            "tickvals": list(range(len(lane_names))),
            "ticktext": plotly_text(lane_names),
            "range": [-0.6, max(len(lane_names), 1) - 0.2],
            "fixedrange": True,
        },
        hovermode="closest",
        uirevision=f"{x_range[0]}|{x_range[1]}",
    )
    return fig


def _lane_key(lanes: str):
    if lanes == "category":
        return lambda v: CATEGORIES.index(v) if v in CATEGORIES else len(CATEGORIES)
    if lanes == "status":
        return lambda v: CLAIM_STATUSES.index(v) if v in CLAIM_STATUSES else len(CLAIM_STATUSES)
    return str


def add_spans(
    fig: go.Figure, sel: pd.DataFrame, y: pd.Series, color: str, group: str, *, dash: str = "solid", name: str = ""
) -> None:
    """Bars from the first to the last possible day of rows that are ranges or partial dates."""
    spans = sel[sel[Derived.upper] > sel[Derived.lower]]
    if spans.empty:
        return
    xs: list = []
    ys: list = []
    for i, row in spans.iterrows():
        xs += [row[Derived.lower], row[Derived.upper] + pd.Timedelta(days=1), None]
        ys += [y.loc[i], y.loc[i], None]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": color, "width": 7 if dash == "solid" else 6, "dash": dash},
            opacity=0.45 if dash == "solid" else 0.5,
            hoverinfo="skip",
            showlegend=bool(name),
            legendgroup=group,
            name=name or f"{group} (span)",
        )
    )
