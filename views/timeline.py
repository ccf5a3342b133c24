"""Timeline page: events in lanes over era bands, filters in the sidebar, a detail panel with story mode."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import palette
from components.figures_timeline import build_timeline_figure
from components.filters import EventFilter, actor_options, blocking_filters, describe_view, in_span, step
from components.loading import Dataset
from components.schema import (
    CLAIM_STATUSES,
    LANE_COLUMNS,
    Derived,
    EraSchema,
    EventSchema,
    columns_of,
)
from components.text import md_escape, md_inline
from components.timeline_axis import data_span
from components.timelinejs import export_timelinejs
from components.urlstate import DEFAULTS, TIMELINE, date_bounds, format_zoom
from views.common import (
    chart_theme,
    checked_dates,
    matched_selection,
    render_link_notices,
    render_share_box,
    require_dataset,
    sync_from_url,
    sync_list_from_url,
    sync_list_to_url,
    sync_to_url,
)
from views.timeline_chart import (
    cached_scale,
    handle_reset_zoom,
    render_chart,
    render_scale,
    sync_zoom,
)
from views.timeline_story import MAX_LISTED, render_story

LANE_LABELS = {"category": "Category", "status": "Claim status", "actor": "First actor"}
DEFAULT_LANES = DEFAULTS["lanes"]


def handle_era_step(era_ids: list[str], offset: int) -> None:
    """Move to the previous or next era."""
    current = st.session_state.get("era")
    st.session_state["era"] = step(era_ids, current, offset) if current else era_ids[0 if offset > 0 else -1]


def handle_compact_era() -> None:
    """The phone's era select chose an era (or none): the pills, which the link follows, take it."""
    st.session_state["era"] = st.session_state.get(COMPACT_ERA)


COMPACT_ERA = "era_compact"  # the era select shown instead of the pills on a narrow screen (views/timeline.css)
FILTER_KEYS = {"from": None, "to": None, "category": [], "status": [], "actor": [], "q": ""}


def handle_clear_filters() -> None:
    """Every filter back to its default (so out of the link), with the era and the zoom."""
    for key, value in FILTER_KEYS.items():
        st.session_state[key] = value
    st.session_state["era"] = None
    st.session_state["zoom"] = None


@st.cache_resource(max_entries=4, show_spinner=False)
def cached_actor_options(version: str, _events: pd.DataFrame) -> tuple[str, ...]:
    """Actor choices, computed once per data version and shared (the frame itself is not hashed)."""
    return tuple(actor_options(_events))


@st.cache_resource(max_entries=4, show_spinner=False)
def cached_ids(version: str, _events: pd.DataFrame) -> frozenset[str]:
    """Every event id, computed once per data version and shared by every session."""
    return frozenset(_events[EventSchema.id].tolist())


def event_bounds(dataset: Dataset):
    """The Timeline's date-widget bounds: the events' and eras' span with a margin (urlstate.date_bounds)."""
    frames = [df for df in (dataset.events, dataset.eras) if not df.empty]
    first = min(df[Derived.lower].min() for df in frames).date() if frames else None
    last = max(df[Derived.upper].max() for df in frames).date() if frames else None
    return date_bounds(first, last)


def render_filters(dataset: Dataset) -> EventFilter:
    """Sidebar filters, each bound to a URL parameter."""
    events = dataset.events
    lo, hi = event_bounds(dataset)
    labels = dataset.description.labels("categories")
    with st.sidebar:
        st.header("Filter events")
        date_from = st.date_input("From", value=None, min_value=lo, max_value=hi, key="from", bind="query-params")
        date_to = st.date_input("To", value=None, min_value=lo, max_value=hi, key="to", bind="query-params")
        sync_list_from_url("category", list(labels))  # synced by id: the options show labels
        categories = st.multiselect("Categories", list(labels), format_func=lambda c: labels.get(c, c), key="category")
        sync_list_to_url("category", categories)
        sync_list_from_url("status", CLAIM_STATUSES)  # by id: bound, the URL held the label (`Disputed`)
        statuses = st.multiselect("Claim status", CLAIM_STATUSES, format_func=str.capitalize, key="status")
        sync_list_to_url("status", statuses)
        actors = st.multiselect(
            "Actors", cached_actor_options(dataset.version, events), key="actor", bind="query-params"
        )
        query = st.text_input(
            "Search title, summary, actors, notes", key="q", bind="query-params", placeholder="e.g. deportation"
        )
        st.button(
            "Clear filters", key="clear_filters", on_click=handle_clear_filters, icon=":material/filter_alt_off:",
            disabled=not any((date_from, date_to, categories, statuses, actors, query)),
        )  # fmt: skip
    date_from, date_to = checked_dates(date_from, date_to)
    return EventFilter(date_from, date_to, tuple(categories), tuple(statuses), tuple(actors), query)


def render_lanes() -> str:
    """The lanes switch, synced by id (`?lanes=status`): a bound widget would write its label into the URL."""
    sync_from_url("lanes", list(LANE_COLUMNS))
    if not st.session_state.get("lanes"):  # nothing in the link, or the chosen pill clicked off: the default
        st.session_state["lanes"] = DEFAULT_LANES
    lanes = st.segmented_control("Lanes", list(LANE_COLUMNS), format_func=LANE_LABELS.get, key="lanes") or DEFAULT_LANES
    sync_to_url("lanes", None if lanes == DEFAULT_LANES else lanes)
    return lanes


def render_era_picker(eras: pd.DataFrame) -> pd.Series | None:
    """Era pills (a select on a narrow screen) with previous/next buttons; returns the chosen era row or None.

    Nine wrapped pills fill a phone's first screen, so under 640 px the page's stylesheet shows a select instead:
    both are drawn, the select follows the pills, which the link follows.
    """
    eras = eras.sort_values(Derived.lower)
    names = dict(zip(eras[EraSchema.id], eras[EraSchema.name], strict=True))
    label_of = dict(zip(eras[EraSchema.id], eras[Derived.label], strict=True))
    era_ids = list(names)
    left, right = st.columns([10, 2], vertical_alignment="bottom")
    sync_from_url("era", era_ids)
    with left:
        chosen = st.pills(
            "Era",
            era_ids,
            format_func=lambda e: names.get(e, e),
            key="era",
            help="Zoom the chart to an era; click again for all eras.",
        )
        st.session_state[COMPACT_ERA] = chosen
        st.selectbox(
            "Era",
            era_ids,
            index=None,
            format_func=lambda e: f"{names.get(e, e)} ({label_of.get(e, '')})",
            key=COMPACT_ERA,
            placeholder="All eras",
            on_change=handle_compact_era,
            help="Zoom the chart to an era; clear it for all eras.",
        )
    sync_to_url("era", chosen)
    with right, st.container(horizontal=True):
        first, last = chosen is not None and chosen == era_ids[0], chosen is not None and chosen == era_ids[-1]
        st.button(
            "◀ Era",
            key="era_prev",
            on_click=handle_era_step,
            args=(era_ids, -1),
            width="stretch",
            disabled=first,
            help="This is the first era" if first else "The previous era",
        )
        st.button(
            "Era ▶", key="era_next", on_click=handle_era_step, args=(era_ids, 1), width="stretch", disabled=last,
            help="This is the last era" if last else "The next era",
        )  # fmt: skip
    if not chosen:
        return None
    row = eras[eras[EraSchema.id] == chosen].iloc[0]
    st.info(
        f"**{md_escape(row[EraSchema.name])}** ({md_escape(row[Derived.label])}). {md_escape(row[EraSchema.summary])}"
    )
    return row


def event_label(event: pd.Series) -> str:
    """How an event reads in the picker and in notices: its date as written and its title."""
    return f"{event[Derived.label]} · {event[EventSchema.title]}"


def events_table(events: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The matching events as a reader sees them in a table (dates as written, categories by their labels)."""
    cols = [EventSchema.title, EventSchema.category, EventSchema.claim_status, EventSchema.actors]
    cols += [EventSchema.location, EventSchema.summary, EventSchema.notes, EventSchema.source_ids]
    category = events[EventSchema.category]
    shown = category.map(labels).fillna(category) if labels else category
    return events.assign(date=events[Derived.label], category=shown)[["date", *cols]]


def render_timeline_page() -> None:
    """Draw the Timeline page."""
    dataset = require_dataset("events.csv")
    if dataset is None:
        st.title("Timeline")
        return
    described = dataset.description
    st.title(md_escape(described.title))
    if described.subtitle:
        st.caption(md_escape(described.subtitle))
    render_link_notices(
        TIMELINE,
        lambda: {
            "era": dataset.eras[EraSchema.id],
            "actor": cached_actor_options(dataset.version, dataset.events),
            "event": dataset.events[EventSchema.id],
            "category": described.ids("categories"),
        },
        event_bounds(dataset),
    )
    flt = render_filters(dataset)
    era = render_era_picker(dataset.eras)
    matched = flt.apply(dataset.events)
    lanes_col, scale_col = st.columns(2)
    with lanes_col:
        lanes = render_lanes()
    with scale_col:
        kind = render_scale()
    era_id = None if era is None else era[EraSchema.id]
    zoom = sync_zoom((era_id, flt.date_from, flt.date_to))
    span, where = view_span(dataset, flt, era, zoom)
    shown = in_span(matched, span)  # what the chart shows, and so what story mode, the picker and exports walk
    counted = md_inline(flt.describe(len(matched), len(dataset.events), described))
    narrowed = zoom is not None or era is not None  # date filters narrow `matched` itself: no second count
    st.caption(f"{counted} · {len(shown)} {where}" if narrowed else counted)
    if matched.empty:
        render_no_match(dataset, flt)
    description = describe_view(
        flt.describe(len(matched), len(dataset.events), described),
        era="" if era is None else f"“{era[EraSchema.name]}” ({era[Derived.label]})",
        in_era=len(shown),
        lanes="" if lanes == DEFAULT_LANES else LANE_LABELS[lanes].lower(),
    )
    listed = shown.head(MAX_LISTED)  # a select box with 100k options would stall the browser
    titles = dict(
        zip(
            listed[EventSchema.id].tolist(),
            (listed[Derived.label] + " · " + listed[EventSchema.title]).tolist(),
            strict=True,
        )
    )
    sync_from_url("event", cached_ids(dataset.version, dataset.events))
    row = matched_selection("event", "event", matched, dataset.events, EventSchema.id, event_label)
    selected = None if row is None else row[EventSchema.id]
    if selected and selected not in titles:  # matched, but out of view or beyond the listed ones
        titles[selected] = event_label(row)
    scale = cached_scale(dataset.version, kind, dataset.events, dataset.eras)

    def figure_for(theme: palette.Theme) -> go.Figure:
        return build_timeline_figure(
            matched, dataset.eras, lanes=lanes, x_range=span or data_span(dataset.events, dataset.eras),
            highlight=selected, description=described, scale=scale, scale_kind=kind, theme=theme,
        )  # fmt: skip

    fig = figure_for(chart_theme())
    view = {
        "era": era_id,
        "from": flt.date_from,
        "to": flt.date_to,
        "category": flt.categories,
        "status": flt.statuses,
        "actor": flt.actors,
        "q": flt.query,
        "lanes": lanes,
        "scale": kind,
        "zoom": format_zoom(zoom),
        "event": selected,
    }
    actions = st.container(horizontal=True, key="timeline_actions")  # a zoom's button beside Share: the chart
    with actions:  # stays where it was when a zoom adds it
        render_share_box(
            TIMELINE,
            view,
            description,
            dataset,
            name="events",
            rows=shown,
            columns=columns_of(EventSchema),
            # The page shows the timeline under its title, no heading of its own; a snapshot is a white page.
            charts=lambda: [("", figure_for(palette.LIGHT))],
            table=lambda: events_table(shown, described.labels("categories")),  # built on click, not held per session
            timelinejs=lambda: export_timelinejs(
                shown, dataset.eras if era is None else dataset.eras[dataset.eras[EraSchema.id] == era_id],
                sources=dataset.sources, title=description, categories=described.labels("categories"),
            ),
        )  # fmt: skip
        if zoom is not None:
            st.button(
                f"Zoomed to {zoom[0].isoformat()} … {zoom[1].isoformat()}: show "
                + ("the era" if era is not None else "all"),
                key="reset_zoom", on_click=handle_reset_zoom, icon=":material/zoom_out_map:",
            )  # fmt: skip
    render_chart(fig, scale)
    st.caption(
        "Shapes: ● confirmed · ○ reported · ▲ disputed · ✕ refuted. Bars show a range or a date known only to the "
        "month or year; ~ marks an approximate date. Drag across the chart to zoom in on a period; double-click to "
        "zoom out. "
        + ("Scale by era: each era is as wide as its share of the events." if kind == "era" else "Scale: true time.")
    )
    render_story(dataset, flt, matched, shown, span, era_id, titles, row, selected, where)


def view_span(dataset: Dataset, flt: EventFilter, era: pd.Series | None, zoom) -> tuple[tuple | None, str]:
    """The dates the chart shows, and how the caption names them: a zoom, else the era, else the date filters,
    else everything (None)."""
    if zoom is not None:
        return (pd.Timestamp(zoom[0]), pd.Timestamp(zoom[1])), "in view (zoomed)"
    if era is not None:
        return (era[Derived.lower], era[Derived.upper]), "in this era"
    if flt.date_from or flt.date_to:
        lo, hi = data_span(dataset.events, dataset.eras)
        first = pd.Timestamp(flt.date_from) if flt.date_from else lo
        last = pd.Timestamp(flt.date_to) if flt.date_to else hi
        return (first, last), "in these dates"
    return None, ""


def render_no_match(dataset: Dataset, flt: EventFilter) -> None:
    """Nothing matches: say which filters exclude everything, and offer one action that clears them all."""
    found = blocking_filters(dataset.events, flt)
    helps = [f"without the {name} filter, {n} would match" for name, n in found if n]
    names = ", ".join(name for name, _ in found)
    text = f"No event matches all of these filters together ({names})."
    text += " " + ("; ".join(helps).capitalize() + "." if helps else "Each of them, cleared alone, still leaves none.")
    with st.container(border=True, key="no_match"):
        st.warning(text, icon=":material/filter_alt_off:")
        st.button("Clear filters", key="clear_filters_empty", on_click=handle_clear_filters, type="primary")
