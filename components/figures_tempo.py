"""Delegations over time as counts: activity per time bin, tempo per year by level, breadth (sectors per year)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components import palette
from components.description import Description, or_found
from components.plotting import KEY_ONLY, count_axis, themed, trusted_figure
from components.schema import DelegationSchema, Derived
from components.text import plotly_text

# (pandas period, plotly xperiod, word, longest span in days it is chosen for)
BINS = (("M", "M1", "month", 3 * 366), ("Q", "M3", "quarter", 12 * 366), ("Y", "M12", "year", math.inf))


def time_bin(first: pd.Timestamp, last: pd.Timestamp) -> tuple[str, str, str]:
    """(pandas period, plotly period, word) for counts over [first, last]: months up to 3 years, then quarters up
    to 12 years, then years."""
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days
    return next((p, xp, word) for p, xp, word, most in BINS if days <= most)


def binned_counts(delegations: pd.DataFrame, period: str, directions: tuple[str, ...]) -> pd.DataFrame:
    """Delegations per bin (by their first possible day) and direction, bins indexed by their first day."""
    if delegations.empty:
        return pd.DataFrame(columns=list(directions), dtype=int)
    bins = delegations[Derived.lower].dt.to_period(period).dt.to_timestamp()
    counts = delegations.assign(bin=bins).groupby(["bin", DelegationSchema.direction]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(directions), fill_value=0)


def build_activity(
    delegations: pd.DataFrame,
    span: tuple | None = None,
    description: Description | None = None,
    theme: palette.Theme = palette.LIGHT,
) -> go.Figure:
    """Delegations per month, quarter or year (chosen from the span shown), stacked by direction; each bar one bin
    wide."""
    description = or_found(description, "delegations.csv", delegations)
    labels, colors = description.labels("directions"), theme.marks(description.colors("directions"))
    if span is None and not delegations.empty:
        span = (delegations[Derived.lower].min(), delegations[Derived.upper].max())
    period, xperiod, word = time_bin(*span) if span else BINS[0][:3]
    counts = binned_counts(delegations, period, description.ids("directions"))
    traces = [
        _bars(
            counts[direction], plotly_text(labels[direction]), colors[direction],
            f"%{{y}} in the {word} of %{{x}}<extra>{plotly_text(labels[direction])}</extra>",
            xperiod=xperiod, xperiodalignment="middle",
        )
        for direction in description.ids("directions")
    ]  # fmt: skip
    largest = int(counts.sum(axis=1).max()) if len(counts) else 0
    layout = {
        "barmode": "stack",
        "bargap": 0.15,
        "height": 280,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": -0.2} | KEY_ONLY,
        "yaxis": {"title": {"text": f"delegations per {word}"}} | count_axis(largest),
        "xaxis": {"type": "date", "tickformat": "%Y" if word == "year" else None},
        "meta": {"bin": word},
    }
    if span:
        pad = pd.Timedelta(days={"month": 20, "quarter": 60, "year": 200}[word])
        layout["xaxis"]["range"] = [pd.Timestamp(span[0]) - pad, pd.Timestamp(span[1]) + pad]
    return trusted_figure(traces, themed(layout, theme))


def _bars(counts: pd.Series, name: str, color: str, hover: str, outline: str | None = None, **extra) -> dict:
    """A bar trace of one column of counts; zero-height bars are left out (they cost as much to draw as the others).
    `outline` edges each bar (a light fill on a light page keeps 3:1 at its edge)."""
    shown = counts[counts > 0]
    trace = {
        "type": "bar",
        "x": shown.index.to_numpy(),
        "y": shown.to_numpy(),
        "name": name,
        "marker": {"color": color} | ({"line": {"color": outline, "width": 1}} if outline and outline != color else {}),
    }
    return trace | {"hovertemplate": hover} | extra


def per_year(delegations: pd.DataFrame, levels: tuple[str, ...]) -> pd.DataFrame:
    """Delegations per year (of their first possible day) and level, levels in vocabulary order."""
    years = delegations[Derived.lower].dt.year
    counts = delegations.assign(year=years).groupby(["year", DelegationSchema.level]).size().unstack(fill_value=0)
    return counts.reindex(columns=[lv for lv in levels if lv in counts.columns], fill_value=0)


def build_tempo(
    delegations: pd.DataFrame, description: Description | None = None, theme: palette.Theme = palette.LIGHT
) -> go.Figure:
    """Tempo: delegations per year, stacked by level (the first level at the bottom), one bar group per year."""
    description = or_found(description, "delegations.csv", delegations)
    counts = per_year(delegations, description.ids("levels")) if not delegations.empty else pd.DataFrame()
    labels = {k: plotly_text(v) for k, v in description.labels("levels").items()}
    colors = description.colors("levels")
    traces = [
        _bars(
            counts[level], labels.get(level, level), colors.get(level, palette.UNKNOWN),
            f"%{{x}}: %{{y}} ({labels.get(level, level)})<extra></extra>",
            outline=theme.mark(colors.get(level, palette.UNKNOWN)),
        )
        for level in counts.columns
    ]  # fmt: skip
    largest = int(counts.sum(axis=1).max()) if len(counts) else 0
    layout = {
        "barmode": "stack",
        "bargap": 0.1,
        "height": 300,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": -0.2, "traceorder": "normal"} | KEY_ONLY,
        "xaxis": {"title": {"text": "year"}, "tickformat": "d", "dtick": _year_step(counts.index)},
        "yaxis": {"title": {"text": "delegations"}} | count_axis(largest),
        "meta": {"years": [int(y) for y in counts.index]},
    }
    return trusted_figure(traces, themed(layout, theme))


def sectors_per_year(delegations: pd.DataFrame) -> pd.Series:
    """Breadth: the number of distinct sectors with at least one delegation, per year."""
    if delegations.empty:
        return pd.Series(dtype=int)
    years = delegations[Derived.lower].dt.year
    return delegations.assign(year=years).groupby("year")[DelegationSchema.sector].nunique()


def build_breadth(delegations: pd.DataFrame, theme: palette.Theme = palette.LIGHT) -> go.Figure:
    """Breadth: distinct sectors per year, as bars (a year without delegations has no bar)."""
    breadth = sectors_per_year(delegations)
    trace = {
        "type": "bar", "x": breadth.index.to_numpy(), "y": breadth.to_numpy(), "name": "sectors",
        "marker": {"color": theme.mark(palette.BREADTH)}, "hovertemplate": "%{x}: %{y} sectors<extra></extra>",
    }  # fmt: skip
    layout = {
        "height": 240,
        "bargap": 0.1,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "showlegend": False,
        "xaxis": {"title": {"text": "year"}, "tickformat": "d", "dtick": _year_step(breadth.index)},
        "yaxis": {"title": {"text": "distinct sectors"}} | count_axis(int(breadth.max()) if len(breadth) else 0),
    }
    return trusted_figure([trace], themed(layout, theme))


def _year_step(years) -> int:
    """A tick every 1, 2, 5, 10 or 20 years, so that labels never crowd."""
    span = (max(years) - min(years)) if len(years) else 0
    return next(step for step in (1, 2, 5, 10, 20, 50) if span / step <= 12)
