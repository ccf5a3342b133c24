"""Every colour the charts use, in one place: categories, the two directions, levels, bands and lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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


# Contrast (WCAG 2.2): marks and lines at least 3:1 against the page (1.4.11), text at least 4.5:1 (1.4.3).
MARK_CONTRAST = 3.0
TEXT_CONTRAST = 4.5


def _rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of a hex colour."""
    text = color.lstrip("#")
    text = "".join(c * 2 for c in text) if len(text) == 3 else text
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def luminance(color: str) -> float:
    """WCAG relative luminance of a hex colour."""
    channels = [c / 255 for c in _rgb(color)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two hex colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@cache  # a few dozen distinct colours, asked for on every rerun and point
def readable(color: str, background: str, minimum: float = MARK_CONTRAST) -> str:
    """`color`, mixed step by step towards black on a light background (white on a dark one) until it reaches
    `minimum` contrast against `background`: the same hue, one shade deeper or lighter."""
    if contrast(color, background) >= minimum:
        return color
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    rgb = _rgb(color)
    for step in range(1, 21):
        t = step / 20
        mixed = "#{:02x}{:02x}{:02x}".format(*(round(c + (g - c) * t) for c, g in zip(rgb, target, strict=True)))
        if contrast(mixed, background) >= minimum:
            return mixed
    return "#000000" if target == (0, 0, 0) else "#ffffff"


@dataclass(frozen=True)
class Theme:
    """One colour scheme of the app (Streamlit's light or dark, as .streamlit/config.toml sets them)."""

    name: str
    background: str
    text: str

    def mark(self, color: str) -> str:
        """A mark's colour made to stand out from the background (at least 3:1)."""
        return readable(color, self.background, MARK_CONTRAST)

    def label(self, color: str) -> str:
        """A text colour made readable on the background (at least 4.5:1)."""
        return readable(color, self.background, TEXT_CONTRAST)

    def marks(self, colors: dict[str, str]) -> dict[str, str]:
        """Each colour of a key → colour map made a mark colour."""
        return {k: self.mark(c) for k, c in colors.items()}

    @property
    def muted(self) -> str:
        """Secondary text (era names, milestone names): grey, still 4.5:1."""
        return self.label(ERA_LABEL)

    @property
    def milestone(self) -> str:
        """Milestone lines and diamonds."""
        return self.mark(MILESTONE)


# Streamlit 1.67's backgrounds; the text colours are .streamlit/config.toml's (a unit test keeps them equal).
LIGHT = Theme("light", "#FFFFFF", "#141312")
DARK = Theme("dark", "#171614", "#EDEBE8")


def theme_named(name: str | None) -> Theme:
    """The theme for Streamlit's `st.context.theme.type` (light when unknown)."""
    return DARK if name == "dark" else LIGHT
