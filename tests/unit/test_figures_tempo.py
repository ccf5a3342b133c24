"""Counts over time: bins chosen from the span and one bin wide, whole-number count axes, tempo and breadth."""

from datetime import date

import pandas as pd
import pytest

from components.figures_tempo import (
    binned_counts,
    build_activity,
    build_breadth,
    build_tempo,
    per_year,
    sectors_per_year,
    time_bin,
)
from components.filters import DelegationFilter
from components.plotting import count_axis, diverging_count_axis
from tests.conftest import sample

DATA = sample()


@pytest.mark.parametrize(
    ("first", "last", "word"),
    [
        ("2024-06-01", "2024-06-30", "month"),
        ("2023-07-25", "2024-11-30", "month"),
        ("2021-01-01", "2023-12-31", "month"),
        ("2020-01-01", "2024-12-31", "quarter"),
        ("2013-01-01", "2024-12-31", "quarter"),
        ("2000-01-01", "2024-12-31", "year"),
        ("1949-03-03", "2025-11-21", "year"),
    ],
)
def test_the_bin_follows_the_span(first, last, word):
    assert time_bin(pd.Timestamp(first), pd.Timestamp(last))[2] == word


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1), (1, 1), (3, 1), (10, 1), (11, 5), (23, 5), (40, 10), (95, 20), (400, 100)]
)
def test_count_axes_tick_whole_numbers_each_once(largest, step):
    axis = count_axis(largest)
    assert axis["dtick"] == step and axis["tickformat"] == "d" and axis["range"][0] == 0
    ticks = [i * step for i in range(int(axis["range"][1] // step) + 1)]
    assert len(ticks) == len(set(ticks)) and all(float(t).is_integer() for t in ticks)


def test_activity_bars_are_one_bin_wide_when_few_months_have_data():
    # ?sector=Defense once drew a year-wide bar for July 2023: each bar now spans exactly its bin.
    defense = DelegationFilter(sectors=("Defense",)).apply(DATA.delegations)
    fig = build_activity(defense)
    assert fig.layout.meta["bin"] == "month"
    assert {t.xperiod for t in fig.data} == {"M1"} and {t.xperiodalignment for t in fig.data} == {"middle"}
    assert sum(sum(t.y) for t in fig.data) == len(defense)


def test_activity_over_a_long_span_counts_per_year():
    rows = DATA.delegations
    fig = build_activity(rows, (pd.Timestamp("1950-01-01"), pd.Timestamp("2025-12-31")))
    assert fig.layout.meta["bin"] == "year" and {t.xperiod for t in fig.data} == {"M12"}


def test_binned_counts_by_quarter():
    counts = binned_counts(DATA.delegations, "Q", DATA.description.ids("directions"))
    assert all(ts.month in (1, 4, 7, 10) and ts.day == 1 for ts in counts.index)
    assert int(counts.to_numpy().sum()) == len(DATA.delegations)


def test_tempo_has_one_bar_group_per_year_with_data_stacked_by_level():
    counts = per_year(DATA.delegations, DATA.description.ids("levels"))
    fig = build_tempo(DATA.delegations, DATA.description)
    years = sorted(DATA.delegations["date_lower"].dt.year.unique())
    assert list(counts.index) == years and fig.layout.meta["years"] == years
    assert fig.layout.barmode == "stack" and "Ministers" in [t.name for t in fig.data]
    assert sum(sum(t.y) for t in fig.data) == len(DATA.delegations)
    assert list(counts.columns) == [
        lv
        for lv in ("head_of_state", "ministerial", "vice_ministerial", "party", "parliamentary", "regional", "working")
        if lv in counts.columns
    ]


def test_tempo_follows_the_level_filter():
    ministers = DelegationFilter(levels=("ministerial",)).apply(DATA.delegations)
    fig = build_tempo(ministers)
    assert [t.name for t in fig.data] == ["ministerial"] and sum(fig.data[0].y) == len(ministers)


def test_breadth_counts_distinct_sectors_per_year():
    breadth = sectors_per_year(DATA.delegations)
    y2024 = DATA.delegations[DATA.delegations["date_lower"].dt.year == 2024]
    assert breadth[2024] == y2024["sector"].nunique() > 1
    fig = build_breadth(DATA.delegations)
    assert list(fig.data[0].x) == list(breadth.index) and list(fig.data[0].y) == list(breadth)


def test_empty_views_draw_empty_charts():
    none = DATA.delegations.iloc[0:0]
    for fig in (build_activity(none), build_tempo(none), build_breadth(none)):
        assert all(len(t.x) == 0 for t in fig.data)
    assert time_bin(pd.Timestamp(date(2024, 1, 1)), pd.Timestamp(date(2024, 1, 1)))[2] == "month"


@pytest.mark.parametrize(
    ("left", "right", "labels"),
    [(0, 4, ["0", "1", "2", "3", "4"]), (1, 1, ["1", "0", "1"]), (3, 0, ["3", "2", "1", "0"]), (0, 0, ["0"]),
     (20, 35, ["20", "10", "0", "10", "20", "30", "40"])],
)  # fmt: skip
def test_diverging_count_axis_labels_each_whole_count_once_per_side(left, right, labels):
    axis = diverging_count_axis(left, right)
    assert axis["ticktext"] == labels and axis["tickvals"] == sorted(axis["tickvals"])
    assert axis["range"][0] <= -left and axis["range"][1] >= right
