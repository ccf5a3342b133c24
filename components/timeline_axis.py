"""The Timeline's time axis in position space: the scale (by era or true time), ticks, era bands and their labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from components import era_scale as es
from components import palette
from components.plotting import fit_label
from components.schema import Derived, EraSchema
from components.text import plotly_text

SCALES = {"era": "By era", "time": "True time"}  # URL value → the switch's label; `era` is the default
MIN_SHARE = 0.04  # no era narrower than this share of the whole history, however few events it holds
PAD = 0.01  # share of the view left empty at each end, in position space (a date pad would be years wide in 2024)
MAX_TICKS = 9
# Characters of a label (~5.5 px each at 11 px in Chromium) across the plot. Wide: the plot of a window 1250 px or
# wider with the sidebar open (~700 px; 850 at 1400); compact: a phone's (~190 px beside the lane names). Each era
# gets its wide label and, when different, its compact one; in the browser, components/era_labels.js shows the
# first that fits the band as drawn (names say which era and where its band ends), so any width reads right.
WIDE_CHARS, COMPACT_CHARS = 125, 34
WIDE_FONT, COMPACT_FONT = 11, 10
LABEL_NAME = "era-label"  # an era label's name: "era-label:<era's position>:<band's right edge on the axis>"
ERA_LABELS_JS = (Path(__file__).parent / "era_labels.js").read_text()  # the browser side, for page and snapshot
MAX_LINES = 3  # a label may wrap onto this many lines inside its band
SCALE_NOTES = {"era": "scale: by era", "time": "scale: true time"}  # under the axis; the caption says more


def data_span(events: pd.DataFrame, eras: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first day of any event or era and the day after the last: what the whole-history view shows."""
    frames = [df for df in (events, eras) if not df.empty]
    if not frames:
        return pd.Timestamp("1858-01-01"), pd.Timestamp("2026-01-01")
    lo = min(df[Derived.lower].min() for df in frames)
    hi = max(df[Derived.upper].max() for df in frames) + pd.Timedelta(days=1)
    return pd.Timestamp(lo), pd.Timestamp(hi)


def build_scale(kind: str, events: pd.DataFrame, eras: pd.DataFrame) -> es.EraScale:
    """The era scale of these events over these eras, or (`time`) true time over the same span."""
    lo, hi = data_span(events, eras)
    if kind == "time" or (eras.empty and events.empty):
        return es.linear(lo, hi)
    return es.build(es.era_bounds(eras), events[Derived.lower] if not events.empty else [], min_share=MIN_SHARE)


def view_positions(scale: es.EraScale, x_range) -> tuple[float, float]:
    """The axis range, in positions, that shows the dates of `x_range` with a pad at each end."""
    lo, hi = (float(v) for v in es.to_position(scale, [pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])]))
    if not hi > lo:
        hi = lo + 1e-6
    pad = (hi - lo) * PAD
    return lo - pad, hi + pad


def xaxis(scale: es.EraScale, lo: float, hi: float, kind: str) -> dict:
    """A numeric x-axis over [lo, hi] whose ticks are real dates, titled with the scale in use."""
    values, labels = es.ticks(scale, lo, hi, max_ticks=MAX_TICKS)
    return {
        "type": "linear", "range": [lo, hi], "tickmode": "array", "tickvals": values, "ticktext": labels,
        "showgrid": False, "zeroline": False, "automargin": True,  # the title goes below the ticks, even rotated
        "title": {"text": SCALE_NOTES[kind], "font": {"size": 11}, "standoff": 14},
    }  # fmt: skip


def era_layout(
    eras: pd.DataFrame, scale: es.EraScale, lo: float, hi: float, *, theme: palette.Theme = palette.LIGHT
) -> tuple[list[dict], list[dict]]:
    """Each era as a background band in position space and its labels, widest first: one for a wide plot, one
    for a phone's and its first year, each when it differs (components/era_labels.js shows the first that fits).

    A label is the era's name, wrapped onto up to MAX_LINES lines inside the visible band, or cut to it; where
    not even that reads, its years ("1945–1953") or its first year; with no room at all, none. Every label gives
    the full name and years on hover and stays inside its band, so labels never overlap each other.
    """
    shapes: list[dict] = []
    labels: list[dict] = []
    ordered = eras.sort_values(Derived.lower)
    bounds = es.to_position(scale, es.era_bounds(ordered)) if len(ordered) else np.empty((0, 2))
    for n, (era, (x0, x1)) in enumerate(zip(ordered.to_dict("records"), bounds.tolist(), strict=True)):
        shapes.append(
            {
                "type": "rect", "xref": "x", "yref": "y domain", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                "fillcolor": palette.ERA_FILLS[n % 2], "line": {"width": 0}, "layer": "below", "name": era[EraSchema.id],
            }
        )  # fmt: skip
        share = (min(x1, hi) - max(x0, lo)) / (hi - lo)
        if share <= 0:
            continue
        years = _years(era)
        offered: list[list[str]] = []
        candidates = [
            (band_label(era[EraSchema.name], years, int(share * chars)), size)
            for chars, size in ((WIDE_CHARS, WIDE_FONT), (COMPACT_CHARS, COMPACT_FONT))
        ] + [([years.split("–")[0]], COMPACT_FONT)]  # last resort: shown if the band holds it
        for lines, size in candidates:
            if lines and lines not in offered:
                offered.append(lines)
                labels.append(
                    {
                        "text": "<br>".join(plotly_text(lines)), "hovertext": plotly_text(f"{era[EraSchema.name]} ({years})"),
                        "x": max(x0, lo), "xref": "x", "y": 1, "yref": "y domain", "xanchor": "left",
                        "yanchor": "top", "align": "left", "showarrow": False, "name": f"{LABEL_NAME}:{n}:{min(x1, hi)!r}",
                        "font": {"size": size, "color": theme.muted},
                    }
                )  # fmt: skip
    return shapes, labels


def _years(era: dict) -> str:
    first, last = pd.Timestamp(era[Derived.lower]).year, pd.Timestamp(era[Derived.upper]).year
    return f"{first}" if first == last else f"{first}–{last}"


def band_label(name: str, years: str, budget: int) -> list[str]:
    """The lines of an era's label that fit `budget` characters a line (see era_layout); [] for none."""
    lines = wrap(name, budget)
    if lines and len(lines) <= MAX_LINES:
        return lines
    cut = fit_label(name, budget / 100, chars_per_view=100) if budget >= 12 else ""
    if cut and len(cut.rstrip("…")) >= 8:
        return [cut]
    for short in (years, years.split("–")[0]):
        if len(short) <= budget:
            return [short]
    return []


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to lines of at most `width` characters; [] when a word is longer than that."""
    lines: list[str] = []
    for word in text.split():
        if len(word) > width:
            return []
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def zoom_from_box(scale: es.EraScale, x: list[float]) -> tuple[date, date] | None:
    """The span of dates a box dragged across the chart covers (its x in positions), whole days; None for a box
    of no width (what a double-click sends: zoom out) or one that is not two numbers."""
    try:
        lo, hi = sorted(float(v) for v in x[:2])
    except (TypeError, ValueError):
        return None
    if not hi > lo or not np.isfinite([lo, hi]).all():
        return None
    first, last = (pd.Timestamp(d).date() for d in es.to_date(scale, [lo, hi]))
    return (first, last) if first < last else None
