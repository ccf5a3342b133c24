"""Figure builders, asserted on the figure: era bands, ids in customdata, status symbols, lanes, offsets."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from components import era_scale as es
from components import timeline_axis as axis
from components.figures_timeline import MARKER_GAP, STATUS_SYMBOLS, build_timeline_figure
from components.loading import load_dataset
from components.plotting import fit_label, label_margin, stack_offsets, text_width
from components.schema import CLAIM_STATUSES


@pytest.fixture(scope="module")
def mini():
    from tests.conftest import MINI

    return load_dataset(MINI).dataset


def _marker_traces(fig):
    return [t for t in fig.data if t.customdata is not None]


def _ids(fig):
    return [row[0] for t in _marker_traces(fig) for row in t.customdata]


def _labels(fig, size=axis.WIDE_FONT):
    """The era labels of one set (wide or compact), lines joined by spaces."""
    return [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.font.size == size]


def test_one_band_per_era_with_its_label(mini):
    fig = build_timeline_figure(mini.events, mini.eras)
    assert len(fig.layout.shapes) == len(mini.eras)
    assert set(mini.eras["name"]) <= set(_labels(fig))


def test_narrow_eras_lose_their_label_not_their_band(mini):
    x_range = (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"))
    fig = build_timeline_figure(mini.events, mini.eras, x_range=x_range)
    assert len(fig.layout.shapes) == 2
    assert _labels(fig) == ["Late era"]


@pytest.mark.parametrize(
    ("text", "share", "expected"),
    [
        ("Late era", 0.5, "Late era"),  # fits: unchanged
        ("Friendship treaty, Six-Party Talks and sanctions", 0.25, "Friendship treaty, Six-Party…"),  # whole words
        ("Friendship treaty, Six-Party Talks and sanctions", 0.2, "Friendship treaty…"),
        ("Revolution, Soviet Far East and deportation", 0.165, "Revolution, Soviet…"),  # no dangling comma
        ("Alliance", 0.05, "Allia…"),  # no space to end on: cut in the word
        ("Alliance", 0.0, "…"),
    ],
)
def test_fit_label_cuts_to_the_band_with_an_ellipsis(text, share, expected):
    assert fit_label(text, share, chars_per_view=120) == expected
    assert len(fit_label(text, share, chars_per_view=120)) <= max(1, int(share * 120))


def test_era_labels_fit_their_visible_band_and_keep_the_full_name_on_hover():
    from tests.conftest import sample

    data = sample()
    ranges = [None] + [(lo, hi) for lo, hi in zip(data.eras["date_lower"], data.eras["date_upper"], strict=True)]
    for kind in ("era", "time"):
        for x_range in ranges:
            fig = build_timeline_figure(data.events, data.eras, x_range=x_range, scale_kind=kind)
            lo, hi = fig.layout.xaxis.range
            for label in fig.layout.annotations:
                chars = {axis.WIDE_FONT: axis.WIDE_CHARS, axis.COMPACT_FONT: axis.COMPACT_CHARS}[label.font.size]
                band = next(s for s in fig.layout.shapes if s.x0 <= label.x < s.x1)
                if label.text == label.hovertext.rsplit(" (", 1)[1][:4]:
                    continue  # an era's first year, the last resort: the browser shows it where it fits
                visible = min(band.x1, hi) - label.x
                lines = label.text.split("<br>")
                assert len(lines) <= axis.MAX_LINES
                assert max(map(len, lines)) <= visible / (hi - lo) * chars, (kind, x_range, label.text)
                assert label.hovertext.rsplit(" (", 1)[0] in set(data.eras["name"])
            if kind == "era" and x_range is None:  # by era, every era has room for at least its first year
                assert len(_labels(fig)) == len(fig.layout.shapes)


def test_every_event_id_is_in_customdata_once(mini):
    fig = build_timeline_figure(mini.events, mini.eras)
    assert sorted(_ids(fig)) == sorted(mini.events["id"])


@pytest.mark.parametrize("status", CLAIM_STATUSES)
def test_marker_symbol_follows_claim_status(mini, status):
    events = mini.events.assign(claim_status=status)
    fig = build_timeline_figure(events, mini.eras)
    symbols = {s for t in _marker_traces(fig) for s in t.marker.symbol}
    assert symbols == {STATUS_SYMBOLS[status]}


def test_status_symbols_differ_without_colour():
    assert len(set(STATUS_SYMBOLS.values())) == len(CLAIM_STATUSES)


@pytest.mark.parametrize(
    ("lanes", "expected"),
    [
        ("category", ["migration", "repression", "summit"]),
        ("status", ["confirmed", "reported", "disputed"]),
        ("actor", ["Example A", "Example B"]),
    ],
)
def test_lanes_per_mode(mini, lanes, expected):
    fig = build_timeline_figure(mini.events, mini.eras, lanes=lanes)
    assert list(fig.layout.yaxis.ticktext) == expected


@pytest.mark.parametrize(("lanes", "key_shown"), [("category", False), ("status", True), ("actor", True)])
def test_colour_key_only_when_lanes_are_not_categories(mini, lanes, key_shown):
    # With category lanes the y-axis already names each colour; a second key would only take room.
    fig = build_timeline_figure(mini.events, mini.eras, lanes=lanes)
    assert fig.layout.showlegend is key_shown


def test_clicking_the_colour_key_hides_nothing(mini):
    # A legend click would hide events without changing the link; hiding is the (linked) filters' job.
    legend = build_timeline_figure(mini.events, mini.eras, lanes="actor").layout.legend
    assert legend.itemclick is False and legend.itemdoubleclick is False


def test_colour_is_fixed_per_category(mini):
    colors, labels = mini.description.colors("categories"), mini.description.labels("categories")
    by_label = {labels[c]: colors[c] for c in colors}
    fig = build_timeline_figure(mini.events, mini.eras, description=mini.description)
    for t in _marker_traces(fig):
        for row, color in zip(t.customdata, t.marker.color, strict=True):
            assert color == by_label[row[4]]  # the hover names the category by its label
    assert len(set(colors.values())) == len(colors)


@pytest.mark.parametrize("lanes", ["status", "actor"])
def test_colour_key_names_each_category_shown_once(mini, lanes):
    fig = build_timeline_figure(mini.events, mini.eras, lanes=lanes, description=mini.description)
    colors, labels = mini.description.colors("categories"), mini.description.labels("categories")
    keys = [(t.name, t.marker.color) for t in fig.data if t.showlegend]
    assert keys == [(labels[c], colors[c]) for c in colors if c in set(mini.events["category"])]


def test_partial_dates_and_ranges_are_drawn_as_bars(mini):
    fig = build_timeline_figure(mini.events, mini.eras, description=mini.description)
    spans = [t for t in fig.data if t.mode == "lines"]
    # e-old (year), e-month (month) and e-range (two days) all have a visible extent.
    assert sum(x is not None for t in spans for x in t.x) == 2 * 3
    assert all(t.line.color == mini.description.colors("categories")[t.legendgroup] for t in spans)


def test_shipped_view_is_drawn_with_few_traces():
    # Plotly draws the chart anew on every filter change, at a cost per trace: all markers are one trace, the `~`
    # marks one more, and date-range bars one per category colour, drawn first so that markers sit on top.
    data = _shipped()
    fig = build_timeline_figure(data.events, data.eras)
    names = [t.name for t in fig.data]
    assert names[-2:] == ["events", "approximate dates"]
    assert all(name.endswith(" (span)") for name in names[:-2]) and len(names) <= len(data.description.categories) + 2
    assert len(fig.data[-2].x) == len(data.events)


def test_approximate_dates_are_marked(mini):
    fig = build_timeline_figure(mini.events, mini.eras)
    (marks,) = [t for t in fig.data if t.name == "approximate dates"]
    at = {(pd.Timestamp(x), y) for x, y in zip(marks.x, marks.y, strict=True)}
    events = _marker_traces(fig)[0]
    marked = {
        row[0] for row, x, y in zip(events.customdata, events.x, events.y, strict=True) if (pd.Timestamp(x), y) in at
    }
    assert "e-old" in marked and "e-month" not in marked
    assert set(marks.text) == {"~"} and marks.hoverinfo == "skip" and marks.marker.opacity == 0


def test_highlight_enlarges_the_chosen_marker(mini):
    fig = build_timeline_figure(mini.events, mini.eras, highlight="e-month")
    sizes = {row[0]: s for t in _marker_traces(fig) for row, s in zip(t.customdata, t.marker.size, strict=True)}
    assert sizes["e-month"] > sizes["e-old"]


def _shown(fig, scale) -> list[pd.Timestamp]:
    return [pd.Timestamp(d) for d in es.to_date(scale, fig.layout.xaxis.range)]


@pytest.mark.parametrize("kind", ["era", "time"])
def test_x_range_is_applied_with_a_small_pad_and_a_drag_zooms_time_only(mini, kind):
    x_range = (pd.Timestamp("1930-01-01"), pd.Timestamp("1940-01-01"))
    scale = axis.build_scale(kind, mini.events, mini.eras)
    fig = build_timeline_figure(mini.events, mini.eras, x_range=x_range, scale=scale, scale_kind=kind)
    lo, hi = _shown(fig, scale)
    assert x_range[0] - pd.Timedelta(days=60) < lo < x_range[0] and x_range[1] < hi < x_range[1] + pd.Timedelta(days=60)
    assert fig.layout.yaxis.fixedrange and fig.layout.dragmode == "zoom" and not fig.layout.xaxis.fixedrange
    assert fig.layout.xaxis.title.text == axis.SCALE_NOTES[kind]


def test_default_range_shows_every_event_and_era(mini):
    scale = axis.build_scale("era", mini.events, mini.eras)
    lo, hi = _shown(build_timeline_figure(mini.events, mini.eras), scale)
    assert lo < mini.events["date_lower"].min() and hi > mini.events["date_upper"].max()
    assert lo < mini.eras["date_lower"].min() and hi > mini.eras["date_upper"].max()


@pytest.mark.parametrize("kind", ["era", "time"])
def test_ticks_are_real_dates_at_their_positions(kind):
    data = _shipped()
    scale = axis.build_scale(kind, data.events, data.eras)
    fig = build_timeline_figure(data.events, data.eras, scale=scale, scale_kind=kind)
    assert 4 <= len(fig.layout.xaxis.tickvals) <= axis.MAX_TICKS
    for x, text in zip(fig.layout.xaxis.tickvals, fig.layout.xaxis.ticktext, strict=True):
        assert abs(es.to_position(scale, [pd.Timestamp(text)])[0] - x) < 1e-9, text


def test_markers_sit_at_their_dates_and_bars_cross_eras_as_the_scale_draws_them():
    data = _shipped()
    scale = axis.build_scale("era", data.events, data.eras)
    fig = build_timeline_figure(data.events, data.eras, scale=scale)
    (markers,) = _marker_traces(fig)
    by_id = data.events.set_index("id")
    expected = es.to_position(scale, by_id.loc[[row[0] for row in markers.customdata], "date_lower"])
    assert np.allclose(markers.x, expected)
    assert markers.hovertemplate.startswith("<b>%{customdata[1]}</b><br>%{customdata[2]}")  # the written date
    crossing = data.events[es.to_position(scale, data.events["date_lower"]) < 0.5]  # any range: ends are placed
    bars = [(x0, x1) for t in fig.data if t.mode == "lines" for x0, x1 in zip(t.x[0::3], t.x[1::3], strict=True)]
    ranges = data.events[data.events["date_upper"] > data.events["date_lower"]]
    ends = es.to_position(scale, ranges["date_upper"] + pd.Timedelta(days=1))
    assert sorted(x1 for _, x1 in bars) == pytest.approx(sorted(ends)) and len(crossing)


def test_crowded_markers_in_a_lane_are_spread_apart():
    data = _shipped()
    fig = build_timeline_figure(data.events, data.eras)
    (markers,) = _marker_traces(fig)
    lo, hi = fig.layout.xaxis.range
    x, y = np.asarray(markers.x), np.asarray(markers.y)
    for i in range(len(x)):
        for j in range(i):
            if round(y[i]) == round(y[j]) and abs(x[i] - x[j]) < MARKER_GAP * (hi - lo):
                assert y[i] != y[j]


def test_the_recent_years_get_a_fifth_of_the_default_view():
    data = _shipped()
    fig = build_timeline_figure(data.events, data.eras)
    scale = axis.build_scale("era", data.events, data.eras)
    lo, hi = fig.layout.xaxis.range
    a, b = es.to_position(scale, [pd.Timestamp("2022-01-01"), pd.Timestamp("2026-01-01")])
    assert (b - a) / (hi - lo) >= 0.2


@pytest.mark.parametrize(
    ("intervals", "gap", "rows"),
    [
        ([("2024-01-01", "2024-01-01"), ("2024-06-01", "2024-06-01")], 30, [0, 0]),
        ([("2024-01-01", "2024-01-01"), ("2024-01-10", "2024-01-10")], 30, [0, 1]),
        ([("2024-01-01", "2024-03-01"), ("2024-02-01", "2024-02-01"), ("2024-04-01", "2024-04-01")], 5, [0, 1, 0]),
        ([], 5, []),
    ],
)
def test_overlapping_events_are_offset_not_hidden(intervals, gap, rows):
    lower = pd.Series([pd.Timestamp(a) for a, _ in intervals], dtype="datetime64[s]")
    upper = pd.Series([pd.Timestamp(b) for _, b in intervals], dtype="datetime64[s]")
    assert stack_offsets(lower, upper, min_gap_days=gap) == rows


def _shipped():
    from tests.conftest import sample

    return sample()


@pytest.mark.parametrize(
    ("lanes", "highlight", "x_range"),
    [
        ("category", None, None),
        ("status", "2024-comprehensive-strategic-partnership-treaty-signed", None),
        ("actor", None, (pd.Timestamp("1945-01-01"), pd.Timestamp("1960-12-31"))),
    ],
)
def test_built_figure_passes_plotly_validation(lanes, highlight, x_range):
    # The builder skips Plotly's validation for speed; a full validation here catches any wrong property.
    data = _shipped()
    fig = build_timeline_figure(data.events, data.eras, lanes=lanes, highlight=highlight, x_range=x_range)
    checked = go.Figure(fig.to_dict())
    assert len(checked.data) == len(fig.data) and checked.layout.xaxis.type == "linear"
    assert checked.layout.annotations and checked.layout.shapes


def test_an_empty_view_still_builds_a_valid_figure(mini):
    fig = build_timeline_figure(mini.events.iloc[0:0], mini.eras)
    assert go.Figure(fig.to_dict()).data == () and len(fig.layout.shapes) == len(mini.eras)


def test_each_era_offers_its_labels_widest_first_named_for_the_browser_fit():
    # components/era_labels.js shows, per era, the first label that fits the band as drawn: it finds the era and
    # the band's visible end in the label's name. Two labels of one era never say the same thing.
    from tests.conftest import sample

    data = sample()
    for x_range in (None, (pd.Timestamp("1950-01-01"), pd.Timestamp("2023-06-30"))):
        fig = build_timeline_figure(data.events, data.eras, x_range=x_range)
        _lo, hi = fig.layout.xaxis.range
        by_era: dict[int, list] = {}
        for label in fig.layout.annotations:
            kind, era, end = label.name.split(":")
            assert kind == axis.LABEL_NAME
            by_era.setdefault(int(era), []).append((label, float(end)))
        assert by_era
        for era, labels in by_era.items():
            band = fig.layout.shapes[era]
            assert len(labels) <= 3 and len({label.text for label, _ in labels}) == len(labels)
            assert all(end == min(band.x1, hi) and band.x0 <= label.x < band.x1 for label, end in labels)
            widths = [max(map(len, label.text.split("<br>"))) for label, _ in labels]
            assert widths == sorted(widths, reverse=True), [label.text for label, _ in labels]


@pytest.mark.parametrize(
    "narrow, wide",
    [
        (["War"], ["Repression"]),  # more letters
        (["iiiiii"], ["MMMMMM"]),  # wider letters
        (["Korea"], ["조선민주주의"]),  # full-width script
        ([], ["a"]),  # no lanes at all still leaves the gap
    ],
)
def test_the_left_margin_grows_with_the_widest_lane_name(narrow, wide):
    assert label_margin(narrow) < label_margin(wide)
    assert label_margin(wide) >= text_width(max(wide, key=text_width)) + 18


def test_the_timeline_asks_for_a_left_margin_that_holds_its_lane_names(mini):
    fig = build_timeline_figure(mini.events, mini.eras, lanes="actor")
    assert fig.layout.margin.l == label_margin(fig.layout.yaxis.ticktext)
