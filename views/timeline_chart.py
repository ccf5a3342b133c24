"""The Timeline's chart: its scale switch, the zoom a drag makes (kept in session and link), clicks on markers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components import era_scale as es
from components.timeline_axis import SCALES, build_scale, zoom_from_box
from components.urlstate import DEFAULTS, format_zoom, parse_zoom
from views.common import sync_from_url, sync_to_url

CHART_KEY = "timeline_chart"
DEFAULT_SCALE = DEFAULTS["scale"]
_ZOOM_URL, _ZOOM_CONTEXT = "_url_zoom", "_zoom_context"


@st.cache_resource(max_entries=8, show_spinner=False)
def cached_scale(version: str, kind: str, _events: pd.DataFrame, _eras: pd.DataFrame) -> es.EraScale:
    """The scale of the whole dataset (not of the filtered rows, so that filtering never moves an era)."""
    return build_scale(kind, _events, _eras)


def render_scale() -> str:
    """The scale switch, synced by id (`?scale=time`) like the lanes switch."""
    sync_from_url("scale", list(SCALES))
    if not st.session_state.get("scale"):
        st.session_state["scale"] = DEFAULT_SCALE
    kind = (
        st.segmented_control(
            "Scale",
            list(SCALES),
            format_func=SCALES.get,
            key="scale",
            help="By era: each era as wide as its share of the events, time even within an era. True time: "
            "every year the same width.",
        )
        or DEFAULT_SCALE
    )
    sync_to_url("scale", None if kind == DEFAULT_SCALE else kind)
    return kind


def sync_zoom(context: tuple) -> tuple[date, date] | None:
    """The zoomed span: from the link when it changed outside the app, dropped when the era or dates change.

    `context` is what a zoom belongs to (the era and the date filters): choosing another era or other dates
    moves the axis to them, so an older zoom no longer applies.
    """
    url = st.query_params.get("zoom")
    if st.session_state.get(_ZOOM_URL, "") != url:  # a link, Back/Forward: adopt it (invalid: noticed, dropped)
        span = parse_zoom(url)
        if url is not None and span is None:
            del st.query_params["zoom"]
        st.session_state["zoom"] = span
        st.session_state[_ZOOM_URL] = url
        st.session_state[_ZOOM_CONTEXT] = context
    if st.session_state.get(_ZOOM_CONTEXT, context) != context:
        st.session_state["zoom"] = None
    st.session_state[_ZOOM_CONTEXT] = context
    span = st.session_state.get("zoom")
    value = format_zoom(span)
    if value:
        if st.query_params.get("zoom") != value:
            st.query_params["zoom"] = value
    elif "zoom" in st.query_params:
        del st.query_params["zoom"]
    st.session_state[_ZOOM_URL] = value
    return span


def handle_reset_zoom() -> None:
    """Back to the view the era and filters give."""
    st.session_state["zoom"] = None


def chart_select_handler(scale: es.EraScale):
    """The chart's on_select callback: a clicked marker opens its event; a box is a zoom made in the browser
    (views/timeline.js hands it over: a box of no width is a double-click, back to the unzoomed view).

    An empty selection changes nothing: a click beside the markers sends one, and must not drop the zoom."""

    def handle_chart_select() -> None:
        selection = st.session_state[CHART_KEY].selection
        boxes = selection.get("box") or []
        points = selection.get("points") or []
        if boxes:
            st.session_state["zoom"] = zoom_from_box(scale, boxes[-1].get("x") or [])
            return
        custom = points[0].get("customdata") if points else None
        if isinstance(custom, list) and custom and isinstance(custom[0], str):  # an event marker, not a count cell
            st.session_state["event"] = custom[0]

    return handle_chart_select


def render_chart(fig, scale: es.EraScale) -> None:
    """The chart: a click opens a marker's event, a drag zooms along time, a double-click zooms out. Toolbar
    modes that would turn a drag into something else (pan, select, lasso) are taken off it."""
    st.plotly_chart(
        fig,
        key=CHART_KEY,
        on_select=chart_select_handler(scale),
        selection_mode=("points", "box"),
        width="stretch",
        config={
            "toImageButtonOptions": {"filename": "tumen-timeline"},
            "displaylogo": False,
            "scrollZoom": False,  # a wheel over the chart scrolls the page
            "doubleClick": "autosize",  # a double-click asks for the whole view: timeline.js sends it as a reset
            "modeBarButtonsToRemove": [
                "zoom2d",
                "pan2d",
                "select2d",
                "lasso2d",
                "zoomIn2d",
                "zoomOut2d",
                "autoScale2d",
                "resetScale2d",
            ],
        },
    )
