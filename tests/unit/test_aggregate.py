"""Aggregation keeps counts exact: per-bin counts add up to the rows, per lane and per direction."""

import numpy as np
import pandas as pd
import pytest

from components import era_scale as es
from components.aggregate import (
    MAX_POINTS,
    bin_edges,
    bin_label,
    bin_starts,
    choose_bin,
    count_by_bin,
    count_delegations_by_bin,
)
from components.figures_delegations import build_mirrored_timeline
from components.figures_timeline import build_timeline_figure, lane_values
from components.loading import load_files
from components.plotting import aggregated
from components.synth import synthesize
from components.timeline_axis import build_scale
from components.writing import write_tables


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = write_tables(synthesize(MAX_POINTS * 3, MAX_POINTS + 500, seed=7), tmp_path_factory.mktemp("big"))
    from components.loading import read_folder

    result = load_files(read_folder(folder), str(folder))
    assert result.ok
    return result.dataset


@pytest.mark.parametrize(
    ("start", "end", "word"),
    [
        ("2024-06-01", "2024-07-01", "day"),
        ("2024-01-01", "2025-12-31", "week"),
        ("2010-01-01", "2025-12-31", "month"),
        ("1858-01-01", "2025-12-31", "year"),
        ("0800-01-01", "2025-12-31", "decade"),
    ],
)
def test_choose_bin(start, end, word):
    assert choose_bin(pd.Timestamp(start), pd.Timestamp(end))[1] == word


@pytest.mark.parametrize(
    ("freq", "date", "start"),
    [("D", "2024-06-19", "2024-06-19"), ("M", "2024-06-19", "2024-06-01"), ("Y", "2024-06-19", "2024-01-01"),
     ("10Y", "1937-09-01", "1930-01-01"), ("W", "2024-06-19", "2024-06-17")],
)  # fmt: skip
def test_bin_starts(freq, date, start):
    dates = pd.Series([pd.Timestamp(date)], dtype="datetime64[s]")
    assert bin_starts(dates, freq).iloc[0] == pd.Timestamp(start)


@pytest.mark.parametrize("freq", ["D", "W", "M", "Y", "10Y"])
def test_counts_add_up_per_lane(big, freq):
    lanes = lane_values(big.events, "category")
    counts = count_by_bin(big.events, lanes, freq)
    assert counts["count"].sum() == len(big.events)
    assert counts.groupby("group")["count"].sum().to_dict() == lanes.value_counts().to_dict()


def test_big_timeline_is_aggregated_with_exact_total(big):
    fig = build_timeline_figure(big.events, big.eras)
    assert aggregated(fig) and fig.layout.meta["total"] == len(big.events)
    counts = np.asarray(fig.data[0].customdata, dtype=float)  # lanes x bins, NaN where none
    assert np.nansum(counts) == len(big.events)
    assert counts.shape == (len(fig.layout.yaxis.ticktext), len(fig.data[0].x) - 1)  # x: the bins' edges
    assert f"{len(big.events):,} events: too many to draw one by one" in fig.layout.title.text
    assert len(fig.to_json()) < 2_000_000


@pytest.mark.parametrize(
    ("first", "last", "freq", "n_bins", "label"),
    [
        ("2024-06-19", "2024-06-21", "D", 3, "19 Jun 2024"),
        ("2024-06-19", "2024-07-02", "W", 3, "week of 17 Jun 2024"),
        ("2024-01-31", "2024-03-01", "M", 3, "Jan 2024"),
        ("1937-09-01", "1939-01-01", "Y", 3, "1937"),
        ("1937-09-01", "1950-01-01", "10Y", 3, "1930s"),
    ],
)
def test_bin_edges_cover_every_bin_between_first_and_last(first, last, freq, n_bins, label):
    edges = bin_edges(pd.Timestamp(first), pd.Timestamp(last), freq)
    assert len(edges) == n_bins + 1 and edges[0] <= pd.Timestamp(first) and edges[-1] > pd.Timestamp(last)
    assert bin_label(edges[0], freq) == label


def test_small_timeline_is_not_aggregated(big):
    fig = build_timeline_figure(big.events.head(MAX_POINTS), big.eras)
    assert not aggregated(fig)
    assert all(s.layer == "below" for s in fig.layout.shapes)  # markers leave the era bands visible


def test_heat_map_marks_each_era_start_above_its_cells(big):
    # The cells cover the era bands, so each era after the first starts at a line drawn on top.
    fig = build_timeline_figure(big.events, big.eras)
    above = [s for s in fig.layout.shapes if s.layer == "above"]
    scale = build_scale("era", big.events, big.eras)
    starts = es.to_position(scale, sorted(big.eras["date_lower"])[1:])
    assert [s.x0 for s in above] == pytest.approx(starts)


def test_big_delegation_timeline_counts_per_direction(big):
    fig = build_mirrored_timeline(big.delegations, description=big.description)
    assert aggregated(fig)
    for trace, direction in zip(fig.data, big.description.ids("directions"), strict=True):
        assert sum(abs(v) for v in trace.y) == int((big.delegations["direction"] == direction).sum())
    per_bin = count_delegations_by_bin(big.delegations, "M")
    assert per_bin["count"].sum() == len(big.delegations)


def test_aggregated_figure_passes_plotly_validation(big):
    import plotly.graph_objects as go

    fig = build_timeline_figure(big.events, big.eras)
    assert go.Figure(fig.to_dict()).layout.meta["total"] == len(big.events)


def test_aggregated_delegation_chart_passes_plotly_validation(big):
    import plotly.graph_objects as go

    fig = build_mirrored_timeline(big.delegations)
    assert go.Figure(fig.to_dict()).layout.meta["total"] == len(big.delegations)
