"""Counting instead of drawing: when a view holds too many rows to draw one by one, exact counts per bin."""

from __future__ import annotations

import pandas as pd

from components.schema import DelegationSchema, Derived

MAX_POINTS = 2_000  # above this many rows a chart shows counts per time bin instead of one marker per row

# (frequency, label) from fine to coarse; the coarsest that still gives >= ~40 bins in view is chosen.
_BINS = (("D", "day"), ("W", "week"), ("M", "month"), ("Y", "year"), ("10Y", "decade"))
_DAYS = {"D": 1, "W": 7, "M": 30.4, "Y": 365.25, "10Y": 3652.5}


def choose_bin(start: pd.Timestamp, end: pd.Timestamp, target_bins: int = 200) -> tuple[str, str]:
    """The bin (pandas frequency, word) that cuts [start, end] into about `target_bins` pieces or fewer."""
    days = max((pd.Timestamp(end) - pd.Timestamp(start)).days, 1)
    for freq, label in _BINS:
        if days / _DAYS[freq] <= target_bins:
            return freq, label
    return _BINS[-1]


def bin_starts(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of the bin each date falls in."""
    if freq == "D":
        return dates.dt.floor("D")
    if freq == "W":
        return dates.dt.to_period("W").dt.start_time
    if freq == "M":
        return dates.dt.to_period("M").dt.start_time
    years = dates.dt.year
    step = 10 if freq == "10Y" else 1
    return pd.to_datetime((years // step * step).astype(str) + "-01-01", format="%Y-%m-%d").astype("datetime64[s]")


def count_by_bin(frame: pd.DataFrame, group: pd.Series, freq: str) -> pd.DataFrame:
    """Rows per (group, bin start), by each row's first possible day; the counts add up to len(frame)."""
    bins = bin_starts(frame[Derived.lower], freq)
    counts = pd.DataFrame({"group": group.to_numpy(), "bin": bins.to_numpy()}).value_counts().rename("count")
    return counts.reset_index().sort_values(["group", "bin"], kind="stable").reset_index(drop=True)


def count_delegations_by_bin(delegations: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Delegations per (direction, bin start)."""
    return count_by_bin(delegations, delegations[DelegationSchema.direction], freq)


_RANGE_FREQ = {"D": "D", "W": "W-MON", "M": "MS", "Y": "YS", "10Y": "10YS"}
_LABEL = {"D": "%-d %b %Y", "W": "week of %-d %b %Y", "M": "%b %Y", "Y": "%Y"}


def bin_edges(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> pd.DatetimeIndex:
    """Every bin start from the bin holding `first` to the one holding `last`, plus the end of the last bin."""
    starts = bin_starts(pd.Series([first, last], dtype="datetime64[s]"), freq)
    edges = pd.date_range(starts.iloc[0], starts.iloc[1], freq=_RANGE_FREQ[freq])
    return edges.append(pd.date_range(edges[-1], periods=2, freq=_RANGE_FREQ[freq])[1:])


def bin_label(start: pd.Timestamp, freq: str) -> str:
    """How a bin reads in a hover: `19 Jun 2024`, `week of 17 Jun 2024`, `Jun 2024`, `2024` or `1930s`."""
    return f"{start.year}s" if freq == "10Y" else start.strftime(_LABEL[freq])
