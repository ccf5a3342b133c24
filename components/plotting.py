"""Plotting toolkit shared by the figure builders: trusted figures, era bands, row packing, span bars."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components import palette
from components.schema import Derived, EraSchema
from components.text import plotly_text

# Legends are keys, not filters: a click that hid a trace would change the view without changing its link.
# The sidebar filters, which are in the URL, do that job.
KEY_ONLY = {"itemclick": False, "itemdoubleclick": False}
# Characters of an 11 px era label (~5 px each in Chromium) that fit across a plot ~700 px wide: a laptop screen
# with the sidebar open. On a narrower plot long labels may touch the next band again.
LABEL_CHARS_PER_VIEW = 140
_MIN_GAP_DAYS = 200  # events closer than this in one lane are offset so that neither hides the other


def aggregated(fig: go.Figure) -> bool:
    """True when a figure shows counts per bin rather than single rows."""
    return bool(fig.layout.meta and fig.layout.meta.get("aggregated"))


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
    eras: pd.DataFrame,
    x_range: tuple,
    *,
    chars_per_view: int = LABEL_CHARS_PER_VIEW,
    min_share: float = 0.07,
    theme: palette.Theme = palette.LIGHT,
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
                "fillcolor": palette.ERA_FILLS[n % 2], "line": {"width": 0}, "layer": "below", "name": era[EraSchema.id],
            }
        )  # fmt: skip
        if visible >= span * min_share:
            name = era[EraSchema.name]
            labels.append(
                {
                    "text": plotly_text(fit_label(name, visible / span, chars_per_view)), "hovertext": plotly_text(name),
                    "x": max(lo, pd.Timestamp(x_range[0])), "xref": "x", "y": 1, "yref": "y domain",
                    "xanchor": "left", "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": theme.muted},
                }
            )  # fmt: skip
    return shapes, labels


TICK_FONT = 12  # px: Streamlit's chart theme draws tick labels at this size
_NARROW, _WIDE = set("fijlrtI.,:;'!|()[] "), set("mwMW@%")


def text_width(text: str, size: float = TICK_FONT) -> float:
    """About how many px `text` takes at `size` in a sans-serif face (a guess by character; the browser measures)."""
    em = 0.0
    for c in text:
        if ord(c) >= 0x2E80:  # CJK and other full-width scripts
            em += 1.0
        elif c in _NARROW:
            em += 0.3
        elif c in _WIDE:
            em += 0.85
        elif c.isupper():
            em += 0.62
        else:
            em += 0.52 if c.isdigit() else 0.5
    return em * size


def label_margin(labels, gap: int = 18) -> int:
    """A left margin that holds the widest of the y-axis `labels` (with 5% to spare and Plotly's `gap`).

    Plotly's automargin widens a margin that is too small, but only by drawing the chart a second time; a chart
    whose margins already fit is drawn once (and Streamlit mounts a new chart on every change of its figure).
    """
    widest = max((text_width(str(label)) for label in labels), default=0.0)
    return math.ceil(widest * 1.05) + gap


def themed(layout: dict, theme: palette.Theme) -> dict:
    """The layout with the theme's text colour (at least 4.5:1 on its background) for every text it does not colour
    itself: ticks, axis titles, legend, hover-free annotations."""
    font = {"color": theme.text} | layout.get("font", {})
    names = {"xaxis", "yaxis"} | {k for k in layout if k.startswith(("xaxis", "yaxis"))}
    axes = {k: {"tickfont": {"color": theme.text}} | layout.get(k, {}) for k in names}
    for axis in axes.values():
        title = axis.get("title") or {}
        axis["title"] = title | {"font": {"color": theme.text} | title.get("font", {})}
    legend = {"font": {"color": theme.text}} | layout.get("legend", {})
    return layout | {"font": font, "legend": legend} | axes


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


def customdata_rows(*columns) -> np.ndarray:
    """Columns side by side as an object array of rows (for customdata), keeping each value's type."""
    out = np.empty((len(columns[0]), len(columns)), dtype=object)
    for j, column in enumerate(columns):
        out[:, j] = list(column)
    return out


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


def count_axis(largest: int) -> dict:
    """A count axis with whole-number ticks, each label once: a step of 1 up to 10, else 1, 2 or 5 × 10^k."""
    step = 1
    if largest > 10:
        raw = largest / 5
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return {"tickformat": "d", "dtick": step, "rangemode": "tozero", "range": [0, max(1, largest) * 1.08]}


def diverging_count_axis(left: int, right: int) -> dict:
    """A count axis running both ways from zero (left as negative values), whole-number ticks each labelled once
    and by its size (`3`, not `−3`)."""
    step = count_axis(max(left, right, 1))["dtick"]
    ticks = list(range(-step * math.ceil(left / step), step * math.ceil(right / step) + 1, step))
    pad = 0.08 * max(left, right, 1)
    return {
        "tickvals": ticks, "ticktext": [str(abs(t)) for t in ticks],
        "range": [-(left + pad) if left else -pad, right + pad if right else pad],
    }  # fmt: skip
