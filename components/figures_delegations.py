"""Pure figure builders for the Delegations page: mirrored timeline, sector breakdown, composition."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components import palette
from components.aggregate import MAX_POINTS, choose_bin, count_delegations_by_bin
from components.description import Description, or_found
from components.plotting import (
    KEY_ONLY,
    customdata_rows,
    diverging_count_axis,
    era_bands,
    span_traces,
    stack_offsets,
    themed,
    trusted_figure,
)
from components.schema import DelegationSchema, Derived, EventSchema
from components.text import plotly_text

MAX_LEAVES = 60  # a sunburst names each delegation (on a click into a sector) only up to this many
MAX_MILESTONES = 40  # more reference lines than this would hide the markers; none are drawn then


def signs(description: Description) -> dict[str, int]:
    """+1 for the direction drawn above the axis (the first declared), -1 for the other."""
    return {d: 1 if i == 0 else -1 for i, d in enumerate(description.ids("directions"))}


def sides(description: Description) -> tuple[str, str]:
    """How the two sides of the axis read: the directions' short labels (`to Russia`), else their labels."""
    names = [t.short or t.name for t in description.directions] + ["above", "below"]
    return names[0], names[1]


def axis_title(description: Description, word: str) -> str:
    """A diverging axis title: `◀ to North Korea · per year · to Russia ▶`."""
    up, down = sides(description)
    return f"◀ {down} · {word} · {up} ▶"


def is_window(delegations: pd.DataFrame) -> pd.Series:
    """True where only a window is known: a range wider than a day-precise visit would span (> 31 days)."""
    return (delegations[Derived.upper] - delegations[Derived.lower]) > pd.Timedelta(days=31)


def build_mirrored_timeline(
    delegations: pd.DataFrame,
    milestones: pd.DataFrame | None = None,
    *,
    highlight: str | None = None,
    eras: pd.DataFrame | None = None,
    description: Description | None = None,
    theme: palette.Theme = palette.LIGHT,
) -> go.Figure:
    """Delegations to Russia above the axis, to North Korea below; windows as bars; treaty milestones as lines;
    `eras` as labelled background bands (labels at the foot, clear of the milestones' ◆ at the top).

    Above MAX_POINTS delegations it shows exact counts per time bin instead, as bars up and down.
    """
    description = or_found(description, "delegations.csv", delegations)
    if len(delegations) > MAX_POINTS:
        return _mirrored_counts(delegations, description, theme)
    labels, sign = description.labels("directions"), signs(description)
    colors = theme.marks(description.colors("directions"))
    window = is_window(delegations) if not delegations.empty else pd.Series(dtype=bool)
    traces: list[dict] = []
    layout: dict = {}
    for direction in sign:
        at = (delegations[DelegationSchema.direction] == direction).to_numpy()
        if not at.any():
            continue
        sel = delegations[at]
        lower, upper = sel[Derived.lower].to_numpy(), sel[Derived.upper].to_numpy()
        offsets = stack_offsets(lower, upper, min_gap_days=10)
        y = np.array([sign[direction] * (1 + 0.5 * (o % 8)) for o in offsets])
        color = colors[direction]
        windowed = window.to_numpy()[at]
        label = f"{labels[direction]}: date unknown (window)"
        traces += span_traces(lower[windowed], upper[windowed], y[windowed], color, direction, dash="dot", name=label)
        ids = sel[DelegationSchema.id].to_numpy(dtype=object)
        chosen = ids == highlight
        traces.append(
            {
                "type": "scatter", "x": lower, "y": y, "mode": "markers", "name": labels[direction],
                "marker": {
                    "color": color, "size": np.where(chosen, 16, 11),
                    "symbol": np.where(windowed, "circle-open", "circle"),
                    "line": {"width": np.where(chosen, 3, 2), "color": np.where(chosen, theme.text, color)},
                },
                "customdata": customdata_rows(ids, plotly_text(sel[DelegationSchema.body]), sel[Derived.label],
                                    plotly_text(sel[DelegationSchema.sector])),
                "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            }
        )  # fmt: skip
    top = max([abs(v) for t in traces if t["mode"] == "markers" for v in t["y"]] + [1.0]) + 0.8
    if milestones is not None and 0 < len(milestones) <= MAX_MILESTONES:
        # A line per milestone and, on its top, a ◆ whose hover gives the name: printed names overlapped wherever
        # milestones fall close together (three in June 2024, six in late 2024).
        rows = milestones.to_dict("records")
        xs = [x for r in rows for x in (r[Derived.lower], r[Derived.lower], None)]
        traces.append(  # one trace of dashed lines, not a layout shape each: cheaper to draw (bench: 89 → 73 ms)
            {
                "type": "scatter", "mode": "lines", "x": xs, "y": [v for _ in rows for v in (-top, top, None)],
                "line": {"width": 1, "dash": "dash", "color": theme.milestone}, "hoverinfo": "skip",
                "showlegend": False, "name": "milestone lines",
            }
        )  # fmt: skip
        traces.append(
            {
                "type": "scatter", "mode": "markers", "name": "Treaty milestone (hover for its name)",
                "x": [r[Derived.lower] for r in rows], "y": [top - 0.3] * len(rows),
                "marker": {"symbol": "diamond", "size": 10, "color": theme.milestone},
                "hovertext": [plotly_text(f"{r[Derived.label]}: {r[EventSchema.title]}") for r in rows],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )  # fmt: skip
    x_range = None
    if eras is not None and not eras.empty and not delegations.empty:
        lo, hi = delegations[Derived.lower].min(), delegations[Derived.upper].max()
        pad = max(pd.Timedelta(days=20), (hi - lo) * 0.02)
        x_range = (lo - pad, hi + pad)
        # Labels sized for a phone's plot (~250 px, 40 characters of 11 px text), only on wide eras; names on hover.
        bands, labels = era_bands(eras, x_range, chars_per_view=40, min_share=0.2, theme=theme)
        layout["shapes"] = bands + layout.get("shapes", [])
        layout["annotations"] = [lab | {"y": 0, "yanchor": "bottom"} for lab in labels] + layout.get("annotations", [])
    layout |= {
        "height": 420,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": -0.15} | KEY_ONLY,
        "xaxis": {"type": "date"} | ({"range": list(x_range)} if x_range else {}),
        "yaxis": {
            "range": [-top, top],
            "tickvals": [top - 0.5, -(top - 0.5)],
            "ticktext": plotly_text([f"{sides(description)[0]} ▲", f"{sides(description)[1]} ▼"]),
            "zeroline": True,
            "zerolinewidth": 2,
            "fixedrange": True,
        },
        "hovermode": "closest",
    }
    return trusted_figure(traces, themed(layout, theme))


def _mirrored_counts(delegations: pd.DataFrame, description: Description, theme: palette.Theme) -> go.Figure:
    freq, word = choose_bin(delegations[Derived.lower].min(), delegations[Derived.upper].max(), target_bins=120)
    counts = count_delegations_by_bin(delegations, freq)
    labels, colors = description.labels("directions"), theme.marks(description.colors("directions"))
    traces = []
    for direction, sign in signs(description).items():
        sel = counts[counts["group"] == direction]
        traces.append(
            {
                "type": "bar", "x": sel["bin"].to_numpy(), "y": (sign * sel["count"]).to_numpy(),
                "name": plotly_text(f"{labels[direction]} (per {word})"), "marker": {"color": colors[direction]},
                "customdata": sel[["count"]].to_numpy(),
                "hovertemplate": "%{customdata[0]} delegations<br>%{x}<extra></extra>",
            }
        )  # fmt: skip
    layout = {
        "barmode": "relative",
        "height": 420,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": -0.15} | KEY_ONLY,
        "yaxis": {"title": {"text": plotly_text(axis_title(description, f"per {word}"))}, "tickformat": "d"},
        "meta": {"aggregated": True, "bin": word, "total": int(counts["count"].sum())},
    }
    return trusted_figure(traces, themed(layout, theme))


def sector_counts(delegations: pd.DataFrame, directions: tuple[str, ...]) -> pd.DataFrame:
    """Delegations per sector and direction, one row per sector, sorted by total (largest first)."""
    counts = (
        delegations.groupby([DelegationSchema.sector, DelegationSchema.direction])
        .size()
        .unstack(fill_value=0)
        .reindex(columns=list(directions), fill_value=0)
    )
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values(["total"], ascending=False, kind="stable")


def build_sector_breakdown(
    delegations: pd.DataFrame, description: Description | None = None, theme: palette.Theme = palette.LIGHT
) -> go.Figure:
    """One diverging bar per sector: the first direction to the right, the other to the left, sorted by total."""
    description = or_found(description, "delegations.csv", delegations)
    counts = sector_counts(delegations, description.ids("directions"))
    sectors = counts.index.tolist()[::-1]  # largest at the top
    labels, colors = description.labels("directions"), theme.marks(description.colors("directions"))
    sector_labels = {k: plotly_text(v) for k, v in description.labels("sectors").items()}
    traces = []
    for direction, sign in signs(description).items():
        values = [int(v) for v in counts.loc[sectors, direction]] if sectors else []
        traces.append(
            {
                "type": "bar", "y": [sector_labels.get(s, plotly_text(s)) for s in sectors],
                "x": [sign * v for v in values], "orientation": "h",
                "name": plotly_text(labels[direction]), "marker": {"color": colors[direction]},
                "customdata": [  # the label shown on hover, the count, and the id a click filters by
                    [sector_labels.get(s, plotly_text(s)), v, s] for s, v in zip(sectors, values, strict=True)
                ],
                "hovertemplate": "%{customdata[0]}: %{customdata[1]}<extra>" + plotly_text(labels[direction]) + "</extra>",
            }
        )  # fmt: skip
    layout = {
        "barmode": "relative",
        "height": max(260, 60 + 26 * len(sectors)),
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        # Above the bars: below them the key sat on the axis title when few sectors made the chart short.
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0} | KEY_ONLY,
        "xaxis": {"title": {"text": plotly_text(axis_title(description, "delegations"))}}
        | diverging_count_axis(*(_most(counts, d) for d in [*signs(description), None, None][1::-1])),
        "yaxis": {"fixedrange": True},
        "clickmode": "event+select",
    }
    return trusted_figure(traces, themed(layout, theme))


def _most(counts: pd.DataFrame, direction: str | None) -> int:
    """The largest count of a direction's column (0 when there is none)."""
    return int(counts[direction].max()) if direction in counts.columns and len(counts) else 0


def build_composition(
    delegations: pd.DataFrame, description: Description | None = None, theme: palette.Theme = palette.LIGHT
) -> go.Figure:
    """Direction → sector → delegation as a sunburst (each leaf one delegation, up to MAX_LEAVES of them)."""
    description = or_found(description, "delegations.csv", delegations)
    direction_labels = description.labels("directions")
    direction_colors = theme.marks(description.colors("directions"))
    colors: list[str] = []  # every node in its direction's colour, in both themes
    ids, labels, parents, values = [], [], [], []
    direction_of = delegations[DelegationSchema.direction].to_numpy(dtype=object)
    sector_of = delegations[DelegationSchema.sector].to_numpy(dtype=object)
    per_sector = pd.Series(1, index=pd.MultiIndex.from_arrays([direction_of, sector_of])).groupby(level=[0, 1]).size()
    leaves = len(delegations) <= MAX_LEAVES  # hundreds of leaves are unreadable and slow to redraw: stop at sectors
    if leaves:
        row_ids = delegations[DelegationSchema.id].to_numpy(dtype=object)
        bodies = plotly_text(delegations[DelegationSchema.body])
    for direction in description.ids("directions"):
        if direction not in per_sector.index.get_level_values(0):
            continue
        ids.append(direction)
        colors.append(direction_colors[direction])
        labels.append(plotly_text(direction_labels[direction]))
        parents.append("")
        values.append(int(per_sector[direction].sum()))
        for sector, n in per_sector[direction].sort_index().items():
            sector_id = f"{direction}/{sector}"
            ids.append(sector_id)
            colors.append(direction_colors[direction])
            labels.append(plotly_text(description.label("sectors", sector)))
            parents.append(direction)
            values.append(int(n))
            if leaves:
                for i in ((direction_of == direction) & (sector_of == sector)).nonzero()[0]:
                    ids.append(f"{sector_id}/{row_ids[i]}")
                    colors.append(direction_colors[direction])
                    labels.append(bodies[i])
                    parents.append(sector_id)
                    values.append(1)
    trace = {"type": "sunburst", "ids": ids, "labels": labels, "parents": parents, "values": values,
             "branchvalues": "total", "maxdepth": 2,
             "marker": {"colors": colors, "line": {"color": theme.background, "width": 1}}}  # fmt: skip
    return trusted_figure([trace], themed({"height": 380, "margin": {"l": 0, "r": 0, "t": 10, "b": 0}}, theme))
