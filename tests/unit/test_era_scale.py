"""The era-scaled axis: an invertible, increasing map whose era widths follow event counts, with ticks and spreading."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import era_scale as es
from components.schema import Derived
from tests.conftest import examples, sample

DAY = es.DAY
LO, HI = -5_000_000_000, 2_000_000_000  # seconds: 1811 to 2033


def d(*values) -> np.ndarray:
    """ISO strings as datetime64[s]."""
    return np.asarray(values, dtype="datetime64[s]")


def seconds(value: str) -> int:
    """An ISO date as seconds since 1970."""
    return int(np.datetime64(value, "s").astype(np.int64))


ERAS = [("1900-01-01", "1950-01-01"), ("1950-01-01", "2000-01-01"), ("2000-01-01", "2020-01-01")]
days = st.integers(LO // DAY, HI // DAY).map(lambda n: n * DAY)
instants = st.integers(LO, HI)


@st.composite
def scales(draw) -> es.EraScale:
    """A scale built from random era bounds (gaps and overlaps included) and random dates."""
    bounds = draw(st.lists(st.tuples(days, days).map(sorted), max_size=6))
    dates = draw(st.lists(instants, max_size=40))
    if not bounds and not dates:
        dates = [0]
    return es.build(np.asarray(bounds, dtype=np.int64).reshape(-1, 2), np.asarray(dates, dtype=np.int64),
                    min_share=draw(st.sampled_from([0.01, 0.04, 0.1, 0.3])))  # fmt: skip


@settings(max_examples=examples(200), deadline=None)
@given(scales(), st.lists(instants, min_size=2, max_size=30, unique=True))
def test_the_map_is_strictly_increasing(scale, values):
    assert (np.diff(scale.times) > 0).all() and (np.diff(scale.positions) > 0).all()
    values = np.sort(np.asarray(values, dtype=np.int64)).astype("datetime64[s]")
    assert (np.diff(es.to_position(scale, values)) > 0).all()


@settings(max_examples=examples(200), deadline=None)
@given(scales(), st.lists(instants, min_size=1, max_size=30))
def test_dates_to_positions_to_dates_within_a_second(scale, values):
    values = np.asarray(values, dtype=np.int64).astype("datetime64[s]")
    back = es.to_date(scale, es.to_position(scale, values))
    assert back.dtype == np.dtype("datetime64[s]")
    assert np.abs((back - values).astype(np.int64)).max() <= 1


@settings(max_examples=examples(100), deadline=None)
@given(scales(), st.lists(st.floats(-0.5, 1.5), min_size=1, max_size=30))
def test_positions_to_dates_to_positions(scale, positions):
    back = es.to_position(scale, es.to_date(scale, positions))
    slopes = np.diff(scale.positions) / np.diff(scale.times)
    assert np.abs(back - np.asarray(positions)).max() <= slopes.max()  # a second's worth of position


@pytest.mark.parametrize(
    ("start", "end"),
    [("1940-01-01", "1960-01-01"), ("1949-12-31", "1950-01-02"), ("1920-06-01", "2010-06-01"),
     ("1890-01-01", "1910-01-01"), ("2015-01-01", "2030-01-01"), ("1960-01-01", "1970-01-01")],
)  # fmt: skip
def test_a_span_across_eras_adds_up_the_width_of_each_piece(start, end):
    scale = es.build(ERAS, d("1900-06-01", "1960-01-01", "1960-02-01", "2005-01-01", "2006-01-01", "2007-01-01"))
    t, p = np.asarray(scale.times), np.asarray(scale.positions)
    slopes = np.diff(p) / np.diff(t)
    a, b = seconds(start), seconds(end)
    cuts = np.concatenate([[a], t[(t > a) & (t < b)], [b]])
    segment = np.clip(np.searchsorted(t, cuts[:-1], side="right") - 1, 0, len(slopes) - 1)
    expected = (np.diff(cuts) * slopes[segment]).sum()
    x0, x1 = es.to_position(scale, d(start, end))
    assert x1 - x0 == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("min_share", [0.01, 0.04, 0.1, 0.2])
def test_an_era_with_no_events_still_gets_the_minimum_share(min_share):
    dates = d(*[f"{y}-01-01" for y in range(1901, 1950)], "2001-01-01")  # the middle era is empty
    widths = es.shares(es.build(ERAS, dates, min_share=min_share))
    assert widths[1] == pytest.approx(min_share)
    assert widths.min() >= min_share - 1e-12 and widths.sum() == pytest.approx(1)


@pytest.mark.parametrize(
    ("start", "end", "dates"),
    [("1900-01-01", "1950-01-01", ["1910-03-04", "1911-01-01", "1949-12-31"]),
     ("2022-02-24", "2024-06-19", ["2022-02-24"]),
     ("1858-05-28", "2026-01-01", [])],
)  # fmt: skip
def test_one_era_is_the_linear_scale(start, end, dates):
    built, true = es.build([(start, end)], d(*dates)), es.linear(start, end)
    assert built == true
    probe = d("1700-01-01", start, "1930-07-01", end, "2100-01-01")
    assert es.to_position(built, probe) == pytest.approx(es.to_position(true, probe))


def test_linear_is_affine_in_time():
    scale = es.linear("2000-01-01", "2010-01-01")
    x = es.to_position(scale, d("1990-01-01", "2000-01-01", "2005-01-01", "2010-01-01", "2020-01-01"))
    span = seconds("2010-01-01") - seconds("2000-01-01")
    expected = [(seconds(v) - seconds("2000-01-01")) / span for v in ("1990", "2000", "2005", "2010", "2020")]
    assert x == pytest.approx(expected)


@pytest.mark.parametrize(
    ("dates", "times", "counts"),
    [
        (["1850-03-01"], ["1850-03-01", "1900-01-01", "1950-01-01", "2000-01-01", "2020-01-01"], [1, 0, 0, 0]),
        (["2024-12-31"], ["1900-01-01", "1950-01-01", "2000-01-01", "2020-01-01", "2025-01-01"], [0, 0, 0, 1]),
        (["1899-12-31", "2020-01-01"], ["1899-12-31", "1900-01-01", "1950-01-01", "2000-01-01", "2020-01-01",
                                        "2020-01-02"], [1, 0, 0, 0, 1]),
        (["1960-01-01"], ["1900-01-01", "1950-01-01", "2000-01-01", "2020-01-01"], [0, 1, 0]),
    ],
)  # fmt: skip
def test_dates_outside_the_eras_get_segments_of_their_own(dates, times, counts):
    scale = es.build(ERAS, d(*dates), min_share=0.05)
    assert list(scale.dates) == list(d(*times))
    widths = es.shares(scale)
    assert widths.min() >= 0.05 - 1e-12
    assert [w > 0.05 + 1e-9 for w in widths] == [c > 0 for c in counts]
    assert ((es.to_position(scale, d(*dates)) >= 0) & (es.to_position(scale, d(*dates)) <= 1)).all()


@pytest.mark.parametrize(
    ("bounds", "widths"),
    [([("1900-01-01", "1920-01-01"), ("1930-01-01", "1940-01-01")], [0.45, 0.1, 0.45]),  # a gap is a segment
     ([("1900-01-01", "1930-01-01"), ("1920-01-01", "1940-01-01")], [0.45, 0.1, 0.45]),  # so is an overlap
     ([("1900-01-01", "1920-01-01"), ("1920-01-01", "1940-01-01")], [0.5, 0.5])],
)  # fmt: skip
def test_gaps_and_overlaps_are_segments_with_at_least_the_minimum(bounds, widths):
    assert es.shares(es.build(bounds, d("1905-01-01", "1935-01-01"), min_share=0.1)) == pytest.approx(widths)


def test_dates_beyond_the_scale_follow_the_edge_segments():
    scale = es.build(ERAS, d("1920-01-01", "1960-01-01", "2010-01-01"))
    x = es.to_position(scale, d("1800-01-01", "1850-01-01", "1900-01-01", "2020-01-01", "2070-01-01", "2120-01-01"))
    assert x[0] < x[1] < x[2] == 0 and 1 == x[3] < x[4] < x[5]
    assert x[2] - x[1] == pytest.approx(x[1] - x[0], rel=1e-3) and x[5] - x[4] == pytest.approx(x[4] - x[3], rel=1e-3)


@pytest.mark.parametrize(
    ("counts", "min_share", "expected"),
    [([10, 30], 0.04, [0.25, 0.75]), ([1, 3], 0.04, [0.25, 0.75]), ([5, 5, 5], 0.04, [1 / 3] * 3),
     ([1, 3, 96], 0.04, [0.04, 0.04, 0.92]), ([0, 10, 30], 0.04, [0.04, 0.24, 0.72]),
     ([0, 1, 2, 97], 0.05, [0.05, 0.05, 0.05, 0.85]), ([1, 0, 100], 0.4, [1 / 3] * 3)],
)  # fmt: skip
def test_shares_are_proportional_to_counts_above_the_minimum(counts, min_share, expected):
    dates = [f"{1900 + 50 * k + j % 40}-01-01" for k, n in enumerate(counts) for j in range(n)]
    bounds = [("1900-01-01", "1950-01-01"), ("1950-01-01", "2000-01-01"), ("2000-01-01", "2050-01-01"),
              ("2050-01-01", "2100-01-01")][: len(counts)]  # fmt: skip
    assert es.shares(es.build(bounds, d(*dates), min_share=min_share)) == pytest.approx(expected)


def test_with_no_dates_widths_follow_durations():
    widths = es.shares(es.build([("1900-01-01", "1901-01-01"), ("1901-01-01", "1905-01-01")], d(), min_share=0.01))
    assert widths == pytest.approx([365 / 1826, 1461 / 1826])  # 1900 is not a leap year


@pytest.mark.parametrize(
    ("call", "error"),
    [(lambda: es.build(ERAS, d("1950-01-01"), min_share=0), "min_share"),
     (lambda: es.build([], d()), "era bounds or dates"),
     (lambda: es.EraScale((0, 10, 10), (0.0, 0.5, 1.0)), "strictly increasing"),
     (lambda: es.linear("2000-01-01", "1999-01-01"), "strictly increasing")],
)  # fmt: skip
def test_what_cannot_be_a_scale_is_refused(call, error):
    with pytest.raises(ValueError, match=error):
        call()


def test_missing_dates_are_nan_and_back():
    scale = es.build(ERAS, pd.Series([pd.Timestamp("1960-01-01"), pd.NaT]))
    x = es.to_position(scale, pd.Series([pd.Timestamp("1960-01-01"), pd.NaT]))
    assert not np.isnan(x[0]) and np.isnan(x[1])
    assert np.isnat(es.to_date(scale, [np.nan, 0.5])[0])
    assert es.shares(scale)[1] > 0.9  # the NaT was not counted anywhere


def test_era_bounds_make_contiguous_eras_meet():
    bounds = es.era_bounds(sample().eras)
    assert (bounds[1:, 0] == bounds[:-1, 1]).all()  # each era's end (exclusive) is the next one's start
    assert bounds[-1, 1] == np.datetime64("2026-01-01", "s")


@pytest.mark.parametrize(
    ("date", "label"),
    [("1950-01-01", "1950"), ("1950-06-01", "Jun 1950"), ("1950-06-25", "25 Jun 1950"), ("1860-11-14", "14 Nov 1860"),
     ("1600-01-01", "1600"), ("2025-12-31", "31 Dec 2025")],
)  # fmt: skip
def test_tick_labels_are_dates_written_to_their_precision(date, label):
    assert es._label(seconds(date)) == label


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _parse(label: str) -> np.datetime64:
    """A tick label read back as the date it names ("1950", "Jun 1950", "25 Jun 1950")."""
    *day, year = label.split()
    month = MONTHS.index(day.pop()) + 1 if day else 1
    return np.datetime64(f"{int(year):04d}-{month:02d}-{int(day[0]) if day else 1:02d}", "s")


@settings(max_examples=examples(150), deadline=None)
@given(scales(), st.floats(-0.3, 1.2), st.floats(0.0005, 1.5), st.integers(1, 25))
def test_ticks_are_unique_spaced_and_at_their_dates(scale, lo, width, max_ticks):
    hi = lo + width
    positions, labels = es.ticks(scale, lo, hi, max_ticks)
    assert len(labels) == len(set(labels)) == len(positions)
    assert ((positions >= lo) & (positions <= hi)).all()
    assert (np.diff(positions) >= (hi - lo) / max_ticks * (1 - 1e-9)).all()
    dates = [_parse(label) for label in labels]
    assert es.to_position(scale, np.asarray(dates)) == pytest.approx(positions, abs=1e-12)


@pytest.mark.parametrize(("lo", "hi", "max_ticks"), [(0, 1, 8), (0, 1, 20), (0.3, 0.9, 10), (-0.5, 1.5, 30)])
def test_ticks_include_the_era_boundaries_when_there_is_room(lo, hi, max_ticks):
    scale = es.build(ERAS, d(*[f"{y}-07-01" for y in range(1900, 2020, 4)]), min_share=0.04)
    positions, labels = es.ticks(scale, lo, hi, max_ticks)
    inside = [x for x in scale.positions if lo <= x <= hi]
    assert (np.diff(inside) >= (hi - lo) / max_ticks).all()  # there is room for every boundary here
    assert set(inside) <= set(positions.tolist())
    assert {"1900", "1950", "2000", "2020"} & set(labels) == {
        lbl for lbl, x in zip(["1900", "1950", "2000", "2020"], scale.positions, strict=True) if lo <= x <= hi
    }


@pytest.mark.parametrize(
    ("lo", "hi", "words"),
    [(0.0, 1.0, 1), (0.95, 0.97, 2), (0.955, 0.956, 3)],
)  # fmt: skip
def test_a_narrow_view_gets_finer_ticks(lo, hi, words):
    scale = es.build(es.era_bounds(sample().eras), sample().events[Derived.lower])
    _, labels = es.ticks(scale, lo, hi, 8)
    assert labels and max(len(label.split()) for label in labels) >= words
    assert sum(len(label.split()) == words for label in labels) >= (2 if words > 1 else 1)


@pytest.mark.parametrize(
    ("positions", "lanes", "expected"),
    [([0.1, 0.5, 0.9], ["a", "a", "a"], [0, 0, 0]),
     ([0.5, 0.5], ["a", "b"], [0, 0]),
     ([0.5, 0.51], ["a", "a"], [-0.15, 0.15]),
     ([0.51, 0.5, 0.9], ["a", "a", "a"], [0.15, -0.15, 0]),
     ([0.5, 0.5, 0.5], ["a", "a", "a"], [-0.15, 0.15, -0.3]),
     ([0.5, 0.53, 0.56, 0.59], ["a"] * 4, [-0.15, 0.15, -0.15, 0.15]),  # a row is reused once it has room
     ([0.5] * 6, ["a"] * 6, [-0.4 / 3, 0.4 / 3, -0.8 / 3, 0.8 / 3, -0.4, 0.4]),  # at most ±limit
     ([0.5, np.nan, 0.5], ["a"] * 3, [-0.15, 0, 0.15])],
)  # fmt: skip
def test_spread(positions, lanes, expected):
    assert es.spread(positions, lanes, 0.05) == pytest.approx(expected)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.sampled_from("abc")), max_size=60), st.floats(0.001, 0.2))
def test_spread_separates_every_crowded_pair(markers, gap):
    x = np.asarray([m[0] for m in markers], dtype=float)
    lanes = [m[1] for m in markers]
    offsets = es.spread(x, lanes, gap)
    assert (np.abs(offsets) <= 0.4 + 1e-12).all()
    assert (offsets == es.spread(x, lanes, gap)).all()
    for i in range(len(x)):
        crowded = [j for j in range(len(x)) if j != i and lanes[j] == lanes[i] and abs(x[j] - x[i]) < gap]
        assert offsets[i] != 0 if crowded else offsets[i] == 0
        assert all(offsets[i] != offsets[j] for j in crowded)


def test_the_sample_data_gives_the_recent_years_room():
    data = sample()
    scale = es.build(es.era_bounds(data.eras), data.events[Derived.lower], min_share=0.04)
    recent = np.diff(es.to_position(scale, d("2022-01-01", "2026-01-01")))[0]
    true = np.diff(es.to_position(es.linear(*scale.dates[[0, -1]]), d("2022-01-01", "2026-01-01")))[0]
    assert recent >= 0.2 and true < 0.03
    eras = es.to_position(scale, es.era_bounds(data.eras))
    assert (np.diff(eras, axis=1) >= 0.04 - 1e-12).all()
    assert scale.positions[0] == 0 and scale.positions[-1] == 1
    assert len(scale.times) == len(data.eras) + 1  # contiguous eras and events inside them: no segment of its own
