"""Pure figure builders for the Delegations page: mirrored timeline, sector breakdown, composition, activity."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.aggregate import MAX_POINTS, choose_bin, count_delegations_by_bin
from components.figures import DIRECTION_COLORS, add_spans, stack_offsets
from components.schema import DIRECTION_LABELS, DIRECTIONS, DelegationSchema, Derived, EventSchema
from components.text import plotly_text

MAX_MILESTONES = 20  # more reference lines than this would hide the markers; none are drawn then
UP, DOWN = "dprk_to_russia", "russia_to_dprk"  # above / below the axis on the mirrored timeline
SIGN = {UP: 1, DOWN: -1}


def is_window(delegations: pd.DataFrame) -> pd.Series:
    """True where only a window is known: a range wider than a day-precise visit would span (> 31 days)."""
    return (delegations[Derived.upper] - delegations[Derived.lower]) > pd.Timedelta(days=31)


def build_mirrored_timeline(
    delegations: pd.DataFrame, milestones: pd.DataFrame | None = None, *, highlight: str | None = None
) -> go.Figure:
    """Delegations to Russia above the axis, to North Korea below; windows as bars; treaty milestones as lines.

    Above MAX_POINTS delegations it shows exact counts per time bin instead, as bars up and down.
    """
    fig = go.Figure()
    if len(delegations) > MAX_POINTS:
        return _mirrored_counts(fig, delegations)
    window = is_window(delegations) if not delegations.empty else pd.Series(dtype=bool)
    for direction in DIRECTIONS:
        sel = delegations[delegations[DelegationSchema.direction] == direction]
        if sel.empty:
            continue
        offsets = stack_offsets(sel[Derived.lower], sel[Derived.upper], min_gap_days=10)
        y = pd.Series([SIGN[direction] * (1 + 0.5 * (o % 8)) for o in offsets], index=sel.index)
        color = DIRECTION_COLORS[direction]
        windows = sel[window.loc[sel.index]]
        add_spans(
            fig, windows, y, color, direction, dash="dot", name=f"{DIRECTION_LABELS[direction]}: date unknown (window)"
        )
        ids = sel[DelegationSchema.id]
        fig.add_trace(
            go.Scatter(
                x=sel[Derived.lower],
                y=y,
                mode="markers",
                name=DIRECTION_LABELS[direction],
                marker={
                    "color": color,
                    "size": [16 if i == highlight else 11 for i in ids],
                    "symbol": ["circle-open" if w else "circle" for w in window.loc[sel.index]],
                    "line": {"width": [3 if i == highlight else 2 for i in ids], "color": color},
                },
                customdata=list(
                    zip(
                        ids,
                        plotly_text(sel[DelegationSchema.body]),
                        sel[Derived.label],
                        sel[DelegationSchema.sector],
                        strict=True,
                    )
                ),
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            )
        )
    if milestones is not None and 0 < len(milestones) <= MAX_MILESTONES:
        # Plain dicts in one update: add_vline re-validates every shape so far, quadratic in their number.
        rows = milestones.to_dict("records")
        shapes = [
            {"type": "line", "xref": "x", "yref": "paper", "x0": r[Derived.lower], "x1": r[Derived.lower], "y0": 0,
             "y1": 1, "line": {"width": 1, "dash": "dash", "color": "#444"}, "name": r[EventSchema.id]}
            for r in rows
        ]  # fmt: skip
        notes = [
            {"x": r[Derived.lower], "y": 1, "yref": "paper", "text": plotly_text(r[EventSchema.title]), "showarrow": False,
             "textangle": -90, "xanchor": "right", "yanchor": "top", "font": {"size": 9, "color": "#444"}}
            for r in rows
        ]  # fmt: skip
        fig.update_layout(shapes=shapes, annotations=notes)
    top = max([abs(v) for t in fig.data if t.mode == "markers" for v in t.y] + [1.0]) + 0.8
    fig.update_layout(
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.15},
        xaxis={"type": "date"},
        yaxis={
            "range": [-top, top],
            "tickvals": [top - 0.5, -(top - 0.5)],
            "ticktext": ["to Russia ▲", "to North Korea ▼"],
            "zeroline": True,
            "zerolinewidth": 2,
            "fixedrange": True,
        },
        hovermode="closest",
    )
    return fig


def _mirrored_counts(fig: go.Figure, delegations: pd.DataFrame) -> go.Figure:
    freq, word = choose_bin(delegations[Derived.lower].min(), delegations[Derived.upper].max(), target_bins=120)
    counts = count_delegations_by_bin(delegations, freq)
    for direction in DIRECTIONS:
        sel = counts[counts["group"] == direction]
        fig.add_trace(
            go.Bar(
                x=sel["bin"],
                y=SIGN[direction] * sel["count"],
                name=f"{DIRECTION_LABELS[direction]} (per {word})",
                marker_color=DIRECTION_COLORS[direction],
                customdata=sel[["count"]].to_numpy(),
                hovertemplate="%{customdata[0]} delegations<br>%{x}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="relative",
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.15},
        yaxis={"title": {"text": f"◀ to North Korea · per {word} · to Russia ▶"}, "tickformat": "d"},
        meta={"aggregated": True, "bin": word, "total": int(counts["count"].sum())},
    )
    return fig


def sector_counts(delegations: pd.DataFrame) -> pd.DataFrame:
    """Delegations per sector and direction, one row per sector, sorted by total (largest first)."""
    counts = (
        delegations.groupby([DelegationSchema.sector, DelegationSchema.direction])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(DIRECTIONS), fill_value=0)
    )
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values(["total"], ascending=False, kind="stable")


def build_sector_breakdown(delegations: pd.DataFrame) -> go.Figure:
    """One diverging bar per sector: to Russia to the right, to North Korea to the left, sorted by total."""
    counts = sector_counts(delegations)
    sectors = counts.index.tolist()[::-1]  # largest at the top
    fig = go.Figure()
    for direction in DIRECTIONS:
        values = counts.loc[sectors, direction] if sectors else []
        fig.add_trace(
            go.Bar(
                y=sectors,
                x=[SIGN[direction] * v for v in values],
                orientation="h",
                name=DIRECTION_LABELS[direction],
                marker_color=DIRECTION_COLORS[direction],
                customdata=[[s, int(v)] for s, v in zip(sectors, values, strict=True)],
                hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>" + DIRECTION_LABELS[direction] + "</extra>",
            )
        )
    fig.update_layout(
        barmode="relative",
        height=max(260, 60 + 26 * len(sectors)),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.12},
        xaxis={"title": {"text": "◀ to North Korea · delegations · to Russia ▶"}, "tickformat": "d"},
        yaxis={"fixedrange": True},
        clickmode="event+select",
    )
    return fig


def build_composition(delegations: pd.DataFrame) -> go.Figure:
    """Direction → sector → delegation as a sunburst (each leaf one delegation)."""
    ids, labels, parents, values = [], [], [], []
    for direction in DIRECTIONS:
        sel = delegations[delegations[DelegationSchema.direction] == direction]
        if sel.empty:
            continue
        ids.append(direction)
        labels.append(DIRECTION_LABELS[direction])
        parents.append("")
        values.append(len(sel))
        for sector, group in sel.groupby(DelegationSchema.sector, sort=True):
            sector_id = f"{direction}/{sector}"
            ids.append(sector_id)
            labels.append(sector)
            parents.append(direction)
            values.append(len(group))
            if len(delegations) > MAX_POINTS:
                continue  # thousands of leaves would be unreadable and heavy: stop at sectors
            for row in group.to_dict("records"):
                ids.append(f"{sector_id}/{row[DelegationSchema.id]}")
                labels.append(plotly_text(row[DelegationSchema.body]))
                parents.append(sector_id)
                values.append(1)
    fig = go.Figure(
        go.Sunburst(ids=ids, labels=labels, parents=parents, values=values, branchvalues="total", maxdepth=2)
    )
    fig.update_layout(height=380, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    return fig


def monthly_counts(delegations: pd.DataFrame) -> pd.DataFrame:
    """Delegations per month (of their first possible day) and direction."""
    months = delegations[Derived.lower].dt.to_period("M").dt.to_timestamp()
    counts = (
        delegations.assign(month=months).groupby(["month", DelegationSchema.direction]).size().unstack(fill_value=0)
    )
    return counts.reindex(columns=list(DIRECTIONS), fill_value=0)


def build_activity(delegations: pd.DataFrame) -> go.Figure:
    """Delegations per month, stacked by direction."""
    counts = monthly_counts(delegations) if not delegations.empty else pd.DataFrame(columns=list(DIRECTIONS))
    fig = go.Figure()
    for direction in DIRECTIONS:
        fig.add_trace(
            go.Bar(
                x=counts.index,
                y=counts[direction],
                name=DIRECTION_LABELS[direction],
                marker_color=DIRECTION_COLORS[direction],
                xperiod="M1",
                xperiodalignment="middle",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=280,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        yaxis={"title": {"text": "delegations"}, "tickformat": "d"},
        xaxis={"type": "date"},
    )
    return fig
