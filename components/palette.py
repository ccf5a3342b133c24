"""Every colour the charts use, in one place: categories, the two directions, levels, bands and lines."""

from __future__ import annotations

import re

# Paul Tol's / Plotly's colour-blind-safe "Safe" qualitative scheme: the first 12 categories get these, in order.
SAFE = (
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499",
    "#44AA99", "#999933", "#882255", "#661100", "#6699CC", "#888888",
)  # fmt: skip
# Past 12 categories the scheme starts again (the 13th category shares the 1st one's colour). Documented fallback,
# not an error: lanes and the legend name each category, so a repeated colour never leaves one unnamed.
FALLBACK = "cycle"
# The two directions of the Delegations page, by position: the one drawn above the axis first.
DIRECTION_COLORS = ("#CC6677", "#332288")
# Levels, by position in the declared order (highest first): dark to light blues, then browns and a green.
LEVEL_COLORS = ("#08306b", "#2171b5", "#6baed6", "#8c6d31", "#bd9e39", "#74c476", "#bdbdbd")
ERA_FILLS = ("rgba(120,120,120,0.07)", "rgba(120,120,120,0.16)")
ERA_LABEL = "#555"
MILESTONE = "#555555"
BREADTH = "#44AA99"  # the one series of the Breadth chart
UNKNOWN = "#888888"  # a value no vocabulary gives a colour

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def is_color(text: str) -> bool:
    """True for a CSS hex colour, `#rgb` or `#rrggbb`."""
    return bool(_HEX.fullmatch(text))


def qualitative(n: int) -> list[str]:
    """`n` colours for categories: the Safe scheme, cycled past its 12 colours (see FALLBACK)."""
    return [SAFE[i % len(SAFE)] for i in range(n)]


def by_position(ids, colors: tuple[str, ...]) -> dict[str, str]:
    """A colour per id from a positional scheme, cycled when there are more ids than colours."""
    return {key: colors[i % len(colors)] for i, key in enumerate(ids)}
