"""Era-scaled time axis: time runs linearly inside each era, and each era is as wide as its share of the events."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.schema import Derived

DAY = 86_400  # seconds
_WRITABLE = (-62_135_596_800, 253_402_214_400)  # 1 January of the year 1 to 31 December 9999: four-digit years
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Tick steps from coarse to fine: (unit, step, shortest spacing in seconds). Each segment of the axis takes the finest
# step whose shortest spacing still leaves 1/max_ticks of the view between ticks. Day steps are days of the month,
# so that ticks fall on the same days every month ({1, 15} is 13 days apart at worst, from 15 to 28 February).
_STEPS = (
    *[("Y", n, n * 365 * DAY) for n in (1000, 500, 200, 100, 50, 20, 10, 5, 2, 1)],
    *[("M", n, n * 28 * DAY) for n in (6, 3, 1)],
    ("D", (1, 15), 13 * DAY),
    ("D", (1, 11, 21), 8 * DAY),
    ("D", tuple(range(1, 32)), DAY),
)


@dataclass(frozen=True)
class EraScale:
    """A strictly increasing piecewise-linear map from time (`times`, seconds since 1970) to `positions`."""

    times: tuple[int, ...]
    positions: tuple[float, ...]

    def __post_init__(self) -> None:
        """Store the breakpoints as tuples (hashable, so the scale can key a cache) and check they increase."""
        t = np.asarray(self.times, dtype="datetime64[s]").astype(np.int64)
        p = np.asarray(self.positions, dtype=float)
        if len(t) < 2 or len(t) != len(p) or (np.diff(t) <= 0).any() or not (np.diff(p) > 0).all():
            raise ValueError("an EraScale needs two or more breakpoints, strictly increasing in time and position")
        object.__setattr__(self, "times", tuple(int(v) for v in t))
        object.__setattr__(self, "positions", tuple(float(v) for v in p))

    @property
    def dates(self) -> np.ndarray:
        """The breakpoints as datetime64[s]."""
        return np.asarray(self.times, dtype=np.int64).astype("datetime64[s]")


def era_bounds(eras: pd.DataFrame) -> np.ndarray:
    """The loader's eras as (start, end) rows of datetime64[s], end exclusive: the day after an era's last day."""
    lower = eras[Derived.lower].to_numpy().astype("datetime64[s]")
    upper = eras[Derived.upper].to_numpy().astype("datetime64[s]") + np.timedelta64(DAY, "s")
    return np.stack([lower, upper], axis=1) if len(eras) else np.empty((0, 2), dtype="datetime64[s]")


def linear(start, end) -> EraScale:
    """The true-time scale: `start` at 0 and `end` at 1, linear in between and beyond."""
    return EraScale((int(_seconds(start)[0]), int(_seconds(end)[0])), (0.0, 1.0))


def build(boundaries, event_dates, min_share: float = 0.04) -> EraScale:
    """Segments at every era boundary and the dates' extent, each as wide as its share of the dates (>= min_share).

    `boundaries` are (start, end) rows, end exclusive (see `era_bounds`). The segments are the intervals between
    the sorted union of those bounds and the first and last day of the dates, so a gap between eras, an overlap of
    two, and the time before the first era or after the last that holds dates are segments of their own. Widths
    follow the count of dates in each segment, except that none is narrower than `min_share` (if every segment
    cannot have that much, all are equal); with no dates, widths follow durations instead.
    """
    if min_share <= 0:
        raise ValueError("min_share must be above 0: an empty segment needs some width for the map to be invertible")
    bounds, no_bound = _seconds(boundaries)
    edges = bounds.reshape(-1)[~no_bound.reshape(-1)]
    dates, missing = _seconds(event_dates)
    dates = dates.reshape(-1)[~missing.reshape(-1)]
    if dates.size:  # the dates' extent in whole days (a date on the last day is inside), where it passes the eras
        first, last = dates.min() // DAY * DAY, dates.max() // DAY * DAY + DAY
        lo, hi = (edges.min(), edges.max()) if edges.size else (last, first)  # with no eras, both ends count
        extra = [t for t, outside in ((first, first < lo), (last, last > hi)) if outside]
        edges = np.concatenate([edges, np.asarray(extra, dtype=np.int64)])
    times = np.unique(edges)
    if times.size == 0:
        raise ValueError("an era scale needs era bounds or dates")
    if times.size == 1:
        return EraScale((int(times[0]), int(times[0]) + DAY), (0.0, 1.0))
    counts = np.bincount(np.searchsorted(times, dates, side="right") - 1, minlength=times.size - 1)
    weights = counts[: times.size - 1].astype(float) if dates.size else np.diff(times).astype(float)
    widths = _shares(weights, min_share)
    positions = np.concatenate([[0.0], np.cumsum(widths)])
    positions[-1] = 1.0
    return EraScale(tuple(times.tolist()), tuple(positions.tolist()))


def _shares(weights: np.ndarray, min_share: float) -> np.ndarray:
    """Widths proportional to `weights` that add up to 1, raised to `min_share` where they would fall below it.

    The segments held at the minimum give up their width from the others, which stay proportional to each other;
    raising one can push another below, so this repeats until no more change (at most once per segment).
    """
    n = weights.size
    if n * min_share >= 1 or weights.sum() <= 0:
        return np.full(n, 1.0 / n)
    held = weights <= 0
    while True:
        scale = (1 - min_share * held.sum()) / weights[~held].sum()
        now = held | (weights * scale < min_share)
        if (now == held).all():
            return np.where(held, min_share, weights * scale)
        held = now


def shares(scale: EraScale) -> np.ndarray:
    """The width of each segment of the scale (add up to 1 for a built scale)."""
    return np.diff(np.asarray(scale.positions))


def to_position(scale: EraScale, dates) -> np.ndarray:
    """Positions of datetime-like values (NaT gives NaN); outside the scale, the first or last segment's slope."""
    t, p = np.asarray(scale.times, dtype=np.int64), np.asarray(scale.positions)
    seconds, missing = _seconds(dates)
    i = np.clip(np.searchsorted(t, seconds, side="right") - 1, 0, t.size - 2)
    slope = (p[i + 1] - p[i]) / (t[i + 1] - t[i])
    out = p[i] + (seconds - t[i]).astype(float) * slope
    return np.where(missing, np.nan, out)


def to_date(scale: EraScale, positions) -> np.ndarray:
    """The inverse of `to_position`: datetime64[s] of positions, to the nearest second (NaN gives NaT)."""
    t, p = np.asarray(scale.times, dtype=np.int64), np.asarray(scale.positions)
    x = np.asarray(positions, dtype=float)
    missing = np.isnan(x)
    i = np.clip(np.searchsorted(p, x, side="right") - 1, 0, p.size - 2)
    seconds = t[i] + np.rint((np.where(missing, p[i], x) - p[i]) * (t[i + 1] - t[i]) / (p[i + 1] - p[i]))
    seconds = np.clip(seconds, -(2**62), 2**62).astype(np.int64)  # far outside the scale: no integer overflow
    return np.where(missing, np.datetime64("NaT", "s"), seconds.astype("datetime64[s]"))


def ticks(scale: EraScale, lo: float = 0.0, hi: float = 1.0, max_ticks: int = 10) -> tuple[np.ndarray, list[str]]:
    """Tick positions in [lo, hi] and their labels (real dates), at least (hi - lo) / max_ticks apart.

    Era boundaries come first (those at midnight, left to right, as long as they leave room); then each segment
    adds ticks at the finest round step (years, months, days of the month) its width allows, where they leave room.
    A label is written to its date's own precision ("1950", "Jun 1950", "25 Jun 1950"), so labels are unique.
    Ticks stay within the years 1 to 9999, however far out a view is extrapolated.
    """
    if not hi > lo or max_ticks < 1:
        return np.empty(0), []
    gap = (hi - lo) / max_ticks
    t, p = np.asarray(scale.times, dtype=np.int64), np.asarray(scale.positions)
    t_lo, t_hi = np.clip(_seconds(to_date(scale, [lo, hi]))[0], *_WRITABLE)
    chosen: list[float] = []
    seconds: dict[float, int] = {}
    inside = (p >= lo) & (p <= hi) & (t % DAY == 0)
    _place(chosen, seconds, p[inside], t[inside], gap)
    # The first and last segments reach to the view's edges (extrapolated), so a zoomed-out view has ticks too.
    cuts = np.concatenate([[min(t_lo, t[0])], t[1:-1], [max(t_hi, t[-1])]])
    for k in range(cuts.size - 1):
        start, end = max(cuts[k], t_lo), min(cuts[k + 1], t_hi)
        if start > end:
            continue
        slope = (p[k + 1] - p[k]) / (t[k + 1] - t[k])
        unit, step, _ = next((s for s in reversed(_STEPS) if s[2] * slope >= gap), _STEPS[0])
        found = _round_dates(start, end, unit, step)
        x = to_position(scale, found.astype("datetime64[s]"))
        _place(chosen, seconds, x[(x >= lo) & (x <= hi)], found[(x >= lo) & (x <= hi)], gap)
    return np.asarray(chosen), [_label(seconds[x]) for x in chosen]


def _place(chosen: list[float], seconds: dict[float, int], positions, times, gap: float) -> None:
    """Add each candidate tick (in order) to the sorted `chosen` if it is at least `gap` from every tick there."""
    for x, s in zip(np.asarray(positions, dtype=float).tolist(), np.asarray(times).tolist(), strict=True):
        at = bisect.bisect_left(chosen, x)
        if (at == 0 or x - chosen[at - 1] >= gap) and (at == len(chosen) or chosen[at] - x >= gap):
            chosen.insert(at, x)
            seconds[x] = int(s)


def _round_dates(start: int, end: int, unit: str, step) -> np.ndarray:
    """Round dates (seconds) in [start, end]: every `step` years or months, or the listed days of each month."""
    lo, hi = np.datetime64(int(start), "s"), np.datetime64(int(end), "s")
    if unit == "Y":
        first = -(-(lo.astype("datetime64[Y]").astype(int) + 1970) // step) * step
        years = np.arange(first, hi.astype("datetime64[Y]").astype(int) + 1971, step)
        found = (years - 1970).astype("datetime64[Y]")
    elif unit == "M":
        months = np.arange(lo.astype("datetime64[M]"), hi.astype("datetime64[M]") + 2)
        found = months[months.astype(int) % 12 % step == 0]
    else:
        days = np.arange(lo.astype("datetime64[D]"), hi.astype("datetime64[D]") + 2)
        found = days[np.isin((days - days.astype("datetime64[M]")).astype(int) + 1, step)]
    out = found.astype("datetime64[s]").astype(np.int64)
    return out[(out >= start) & (out <= end)]


def _label(seconds: int) -> str:
    """A date written to its own precision: the year for 1 January, month and year for a 1st, else the day."""
    day = np.datetime64(seconds // DAY, "D")
    year = day.astype("datetime64[Y]").astype(int) + 1970
    month = day.astype("datetime64[M]").astype(int) % 12
    date = (day - day.astype("datetime64[M]")).astype(int) + 1
    if date == 1:
        return f"{year}" if month == 0 else f"{_MONTHS[month]} {year}"
    return f"{date} {_MONTHS[month]} {year}"


def spread(positions, lanes, min_gap: float, *, step: float = 0.15, limit: float = 0.4) -> np.ndarray:
    """Vertical offsets that separate markers of one lane closer than `min_gap`; 0 for a marker with room.

    In each lane, markers are taken in position order; a run of markers each within `min_gap` of the previous is a
    cluster, packed greedily into rows -1, +1, -2, +2, … (a row is reused once the marker before in it is `min_gap`
    away). Rows are `step` apart, closer if the cluster would reach past ±`limit`. NaN positions get 0.
    """
    x = np.asarray(positions, dtype=float)
    lane = pd.factorize(pd.Series(list(lanes), dtype=object))[0]
    out = np.zeros(x.size)
    order = [i for i in np.lexsort((x, lane)).tolist() if not np.isnan(x[i])]
    cluster: list[int] = []
    for i in [*order, None]:
        if i is not None and cluster and lane[i] == lane[cluster[-1]] and x[i] - x[cluster[-1]] < min_gap:
            cluster.append(i)
            continue
        if len(cluster) > 1:
            rows = _pack(x[cluster], min_gap)
            out[cluster] = rows * min(step, limit / np.abs(rows).max())
        cluster = [] if i is None else [i]
    return out


def _pack(x: np.ndarray, min_gap: float) -> np.ndarray:
    """Rows (-1, +1, -2, +2, …) for sorted positions: each in the first row whose last marker is `min_gap` away."""
    ends: list[float] = []
    rows = np.zeros(x.size)
    for j, value in enumerate(x.tolist()):
        k = next((k for k, end in enumerate(ends) if value - end >= min_gap), len(ends))
        if k == len(ends):
            ends.append(value)
        else:
            ends[k] = value
        rows[j] = (k // 2 + 1) * (1 if k % 2 else -1)
    return rows


def _seconds(dates) -> tuple[np.ndarray, np.ndarray]:
    """Datetime-like values as int64 seconds since 1970 and a mask of the missing ones (NaT, None)."""
    values = dates.to_numpy() if isinstance(dates, pd.Series | pd.Index | pd.DataFrame) else dates
    try:
        arr = np.asarray(values, dtype="datetime64[s]")
    except (TypeError, ValueError):  # pd.NaT among Timestamps: numpy takes None instead
        flat = np.ravel(np.asarray(values, dtype=object))
        arr = np.asarray([None if pd.isna(v) else v for v in flat], dtype="datetime64[s]")
        arr = arr.reshape(np.shape(values))
    return arr.astype(np.int64), np.isnat(arr)
