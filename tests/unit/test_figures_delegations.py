"""Delegation charts agree with the filtered table: for each filter, every chart counts the same rows."""

import itertools

import pandas as pd
import pytest

from components.figures_delegations import (
    MAX_LEAVES,
    build_composition,
    build_mirrored_timeline,
    build_sector_breakdown,
    is_window,
    sector_counts,
)
from components.figures_tempo import build_activity, build_breadth, build_tempo
from components.filters import DelegationFilter
from tests.conftest import sample

DATA = sample()
D = DATA.description  # the fixture's dataset.toml: directions in order, the first drawn above

FILTERS = [
    DelegationFilter(),
    DelegationFilter(direction="russia_to_dprk"),
    DelegationFilter(direction="dprk_to_russia", sectors=("Sports", "Foreign affairs")),
    DelegationFilter(levels=("ministerial", "head_of_state")),
    DelegationFilter(listed_only=True),
    DelegationFilter(date_from=pd.Timestamp("2024-06-19").date()),
    DelegationFilter(query="Kozlov"),
    DelegationFilter(sectors=("Tourism",)),
]


@pytest.fixture(params=FILTERS, ids=lambda f: f.describe(0, 0))
def matched(request):
    return request.param.apply(DATA.delegations)


def test_mirrored_timeline_has_one_marker_per_row(matched):
    fig = build_mirrored_timeline(matched, description=D)
    markers = [t for t in fig.data if t.mode == "markers"]
    ids = sorted(row[0] for t in markers for row in t.customdata)
    assert ids == sorted(matched["id"])
    for t in markers:  # above the axis to Russia, below to North Korea
        direction = "dprk_to_russia" if t.name.startswith("North Korea") else "russia_to_dprk"
        assert all((y > 0) == (direction == "dprk_to_russia") for y in t.y)


def test_sector_breakdown_sums_to_rows(matched):
    fig = build_sector_breakdown(matched, description=D)
    total = sum(abs(v) for t in fig.data for v in t.x)
    assert total == len(matched)
    per_sector = {}
    for t in fig.data:
        for s, v in zip(t.y, t.x, strict=True):
            per_sector[s] = per_sector.get(s, 0) + abs(v)
    assert per_sector == {s: n for s, n in matched["sector"].value_counts().items()}


def test_composition_root_values_sum_to_rows(matched):
    sun = build_composition(matched, description=D).data[0]
    roots = [v for v, p in zip(sun.values, sun.parents, strict=True) if p == ""]
    leaves = [i for i in sun.ids if i.count("/") == 2]
    assert sum(roots) == len(matched) and len(leaves) == (len(matched) if len(matched) <= MAX_LEAVES else 0)


def test_activity_sums_to_rows_per_direction(matched):
    fig = build_activity(matched, description=D)
    for trace, direction in zip(fig.data, D.ids("directions"), strict=True):
        assert sum(trace.y) == int((matched["direction"] == direction).sum())


def test_sector_bars_sorted_by_total():
    counts = sector_counts(DATA.delegations, D.ids("directions"))
    assert counts["total"].is_monotonic_decreasing
    fig = build_sector_breakdown(DATA.delegations, description=D)
    assert list(fig.data[0].y)[::-1] == counts.index.tolist()


def test_window_only_delegations_drawn_differently():
    window = is_window(DATA.delegations)
    assert window.any() and not window.all()
    fig = build_mirrored_timeline(DATA.delegations, description=D)
    symbols = {
        row[0]: s for t in fig.data if t.mode == "markers" for row, s in zip(t.customdata, t.marker.symbol, strict=True)
    }
    for i, w in zip(DATA.delegations["id"], window, strict=True):
        assert symbols[i] == ("circle-open" if w else "circle")
    assert any(t.mode == "lines" for t in fig.data)


def test_treaty_milestones_become_lines_named_on_hover_never_printed_over_each_other():
    milestones = DATA.events[DATA.events["category"] == "treaty"].head(3)
    fig = build_mirrored_timeline(DATA.delegations, milestones, description=D)
    (lines,) = [t for t in fig.data if t.name == "milestone lines"]
    assert [x for x in lines.x if x is not None][::2] == milestones["date_lower"].tolist()
    (marks,) = [t for t in fig.data if t.marker.symbol == "diamond"]
    assert [m.split(": ", 1)[1] for m in marks.hovertext] == milestones["title"].tolist()
    assert not fig.layout.annotations  # no printed names: three milestones in one month overlapped


def test_era_bands_on_the_delegation_timeline_with_labels_at_the_foot():
    fig = build_mirrored_timeline(DATA.delegations, description=D, eras=DATA.eras)
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert len(bands) == len(DATA.eras)
    assert lo < DATA.delegations["date_lower"].min() and hi > DATA.delegations["date_upper"].max()
    assert all(a.y == 0 and a.yanchor == "bottom" for a in fig.layout.annotations)


@pytest.mark.parametrize(
    "build",
    [build_mirrored_timeline, build_sector_breakdown, build_composition, build_activity, build_tempo, build_breadth],
)
def test_every_chart_passes_plotly_validation(build, matched):
    # The builders skip Plotly's validation for speed; a full validation here catches any wrong property.
    import plotly.graph_objects as go

    fig = build(matched)
    assert len(go.Figure(fig.to_dict()).data) == len(fig.data)


@pytest.mark.parametrize("build", [build_mirrored_timeline, build_sector_breakdown, build_activity, build_tempo])
def test_clicking_a_legend_entry_hides_nothing(build):
    # Hiding a direction by a legend click would change the chart without changing its link.
    legend = build(DATA.delegations).layout.legend
    assert legend.itemclick is False and legend.itemdoubleclick is False


def test_highlighted_delegation_is_enlarged():
    chosen = DATA.delegations["id"].iloc[0]
    fig = build_mirrored_timeline(DATA.delegations, description=D, highlight=chosen)
    sizes = {row[0]: s for t in fig.data if t.mode == "markers" for row, s in zip(t.customdata, t.marker.size)}
    assert sizes[chosen] > min(sizes.values())


@pytest.mark.parametrize("plot_px", [250, 700, 1100])  # a 390 px phone's plot, a laptop's, a wide screen's
def test_era_labels_on_the_delegation_timeline_never_overlap(plot_px):
    fig = build_mirrored_timeline(DATA.delegations, description=D, eras=DATA.eras)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    boxes = sorted(
        (start := (pd.Timestamp(a.x) - lo) / (hi - lo) * plot_px, start + 6.2 * len(a.text))  # 11 px text: ≤ 6.2 px
        for a in fig.layout.annotations
    )
    assert boxes and all(b[0] >= a[1] for a, b in itertools.pairwise(boxes)), boxes


def test_a_large_composition_stops_at_sectors():
    many = pd.concat([DATA.delegations.assign(id=DATA.delegations["id"] + f"-{k}") for k in range(3)])
    assert len(many) > MAX_LEAVES
    sun = build_composition(many, description=D).data[0]
    assert max(i.count("/") for i in sun.ids) == 1 and sum(
        v for v, p in zip(sun.values, sun.parents) if p == ""
    ) == len(many)
