"""Colours against both theme backgrounds, computed: marks at least 3:1 (WCAG 1.4.11), text at least 4.5:1."""

from __future__ import annotations

import tomllib

import pytest

from components import palette
from components.figures_delegations import build_composition, build_mirrored_timeline, build_sector_breakdown
from components.figures_tempo import build_activity, build_breadth, build_tempo
from components.figures_timeline import build_timeline_figure
from tests.conftest import ROOT, sample

THEMES = [palette.LIGHT, palette.DARK]
DATA = sample()


@pytest.mark.parametrize(("a", "b", "ratio"), [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0),
                                               ("#777777", "#FFFFFF", 4.48)])  # fmt: skip
def test_contrast_is_wcags(a, b, ratio):
    assert palette.contrast(a, b) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("color", [*palette.SAFE, *palette.DIRECTION_COLORS, *palette.LEVEL_COLORS, palette.BREADTH])
def test_every_mark_colour_reaches_3_to_1_in_both_themes(theme, color):
    mark = theme.mark(color)
    assert palette.contrast(mark, theme.background) >= 3.0
    if palette.contrast(color, theme.background) >= 3.0:
        assert mark == color  # a colour that already stands out is left as it is


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_colours_reach_4_5_to_1_in_both_themes(theme):
    for text in (theme.text, theme.muted):
        assert palette.contrast(text, theme.background) >= 4.5
    assert palette.contrast(theme.milestone, theme.background) >= 3.0


def test_theme_text_colours_are_the_apps():
    # The charts' text is the app's text: the colours .streamlit/config.toml sets, where it sets them.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text()).get("theme", {})
    for theme in THEMES:
        set_there = config.get(theme.name, {}).get("textColor")
        assert set_there in (None, theme.text)


def _figures(theme):
    d, rows = DATA.description, DATA.delegations
    milestones = DATA.events[DATA.events["category"] == d.milestone_category]
    return {
        "timeline": build_timeline_figure(DATA.events, DATA.eras, description=d, theme=theme),
        "mirrored": build_mirrored_timeline(rows, milestones, eras=DATA.eras, description=d, theme=theme),
        "sector": build_sector_breakdown(rows, d, theme),
        "composition": build_composition(rows, d, theme),
        "activity": build_activity(rows, None, d, theme),
        "tempo": build_tempo(rows, d, theme),
        "breadth": build_breadth(rows, theme),
    }


def _edges(trace) -> list[str]:
    """The colours at the edge of a trace's marks: the outline where there is one, else the fill."""
    marker = getattr(trace, "marker", None)
    if trace.type == "scatter" and trace.mode == "lines":
        return [trace.line.color]
    if marker is None or trace.type == "heatmap" or (trace.type == "scatter" and marker.opacity == 0):
        return []
    if trace.type == "sunburst":
        return list(marker.colors)
    line = marker.line.color if marker.line is not None else None
    colors = line if line is not None else marker.color
    return [colors] if isinstance(colors, str) else list(colors)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_chart_draws_its_marks_and_text_readably(theme):
    for name, fig in _figures(theme).items():
        for trace in fig.data:
            if trace.type == "scatter" and trace.mode == "lines" and trace.opacity and trace.opacity < 1:
                continue  # date-range bars under their markers: the marker carries the contrast
            for color in _edges(trace):
                assert palette.contrast(color, theme.background) >= 3.0, (name, trace.name, color)
        assert palette.contrast(fig.layout.font.color, theme.background) >= 4.5, name
        for note in fig.layout.annotations:
            assert palette.contrast(note.font.color, theme.background) >= 4.5, (name, note.text)
