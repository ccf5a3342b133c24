"""Timeline page: events in lanes over era bands, filters in the sidebar, a detail panel with story mode."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.figures_timeline import build_timeline_figure, view_range
from components.filters import EventFilter, actor_options, describe_view, step
from components.loading import Dataset
from components.schema import (
    CLAIM_STATUS_MEANING,
    CLAIM_STATUSES,
    LANE_COLUMNS,
    Derived,
    EraSchema,
    EventSchema,
    columns_of,
)
from components.text import md_escape, md_inline
from components.timelinejs import export_timelinejs
from components.urlstate import DEFAULTS, TIMELINE, date_bounds
from views.common import (
    chart_theme,
    checked_dates,
    matched_selection,
    render_link_notices,
    render_share_box,
    render_sources,
    require_dataset,
    sync_from_url,
    sync_list_from_url,
    sync_list_to_url,
    sync_to_url,
)

MAX_LISTED = 1_000
LANE_LABELS = {"category": "Category", "status": "Claim status", "actor": "First actor"}
DEFAULT_LANES = DEFAULTS["lanes"]


def handle_chart_select() -> None:
    """A clicked marker becomes the selected event (kept in the URL through the bound `event` widget)."""
    points = st.session_state["timeline_chart"].selection.get("points", [])
    custom = points[0].get("customdata") if points else None
    if isinstance(custom, list) and custom and isinstance(custom[0], str):  # an event marker, not a count cell
        st.session_state["event"] = custom[0]


def handle_step(events: pd.DataFrame, flt: EventFilter, offset: int) -> None:
    """Story mode: move the selection to the previous or next matching event.

    The button holds the shared frame and the small filter, not a list of ids, which would cost every
    session a copy of up to 100k strings.
    """
    ids = flt.apply(events)[EventSchema.id].tolist()
    st.session_state["event"] = step(ids, st.session_state.get("event"), offset)


def handle_era_step(era_ids: list[str], offset: int) -> None:
    """Move to the previous or next era."""
    current = st.session_state.get("era")
    st.session_state["era"] = step(era_ids, current, offset) if current else era_ids[0 if offset > 0 else -1]


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
        statuses = st.multiselect("Claim status", CLAIM_STATUSES, key="status", bind="query-params")
        actors = st.multiselect(
            "Actors", cached_actor_options(dataset.version, events), key="actor", bind="query-params"
        )
        query = st.text_input(
            "Search title, summary, actors, notes", key="q", bind="query-params", placeholder="e.g. deportation"
        )
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
    """Era pills with previous/next buttons; returns the chosen era row or None for all eras."""
    eras = eras.sort_values(Derived.lower)
    names = dict(zip(eras[EraSchema.id], eras[EraSchema.name], strict=True))
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
    sync_to_url("era", chosen)
    with right:
        a, b = st.columns(2)
        a.button("◀ Era", key="era_prev", on_click=handle_era_step, args=(era_ids, -1), width="stretch")
        b.button("Era ▶", key="era_next", on_click=handle_era_step, args=(era_ids, 1), width="stretch")
    if not chosen:
        return None
    row = eras[eras[EraSchema.id] == chosen].iloc[0]
    st.info(
        f"**{md_escape(row[EraSchema.name])}** ({md_escape(row[Derived.label])}). {md_escape(row[EraSchema.summary])}"
    )
    return row


def render_event_detail(event: pd.Series, dataset: Dataset) -> None:
    """The detail panel: title, date as written, summary, actors, place, status, notes and sources."""
    st.header(md_escape(event[EventSchema.title]))
    status = event[EventSchema.claim_status]
    st.markdown(
        f"**{md_escape(event[Derived.label])}** · "
        + md_escape(dataset.description.label("categories", event[EventSchema.category]))
        + (f" · {md_escape(event[EventSchema.location])}" if event[EventSchema.location] else "")
    )
    st.markdown(md_escape(event[EventSchema.summary]))
    if event[EventSchema.actors]:
        st.markdown("**Actors:** " + md_escape(event[EventSchema.actors]))
    st.markdown(f"**Claim status: {md_escape(status)}**: {md_escape(CLAIM_STATUS_MEANING.get(status, ''))}")
    if event[EventSchema.notes]:
        st.markdown("**Notes:** " + md_escape(event[EventSchema.notes]))
    render_sources(event[EventSchema.source_ids], dataset.sources)
    st.caption(
        f"Event id: {event[EventSchema.id]} · EDTF: {event[EventSchema.start]}"
        + (f"/{event[EventSchema.end]}" if event[EventSchema.end] else "")
    )


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
    lanes = render_lanes()
    shown = matched  # what the chart shows, and so what the exports hold
    counted = md_inline(flt.describe(len(matched), len(dataset.events), described))
    if era is not None:
        pad = pd.Timedelta(days=max(3, int((era[Derived.upper] - era[Derived.lower]).days * 0.02)))
        x_range = (era[Derived.lower] - pad, era[Derived.upper] + pad)
        shown = matched[(matched[Derived.upper] >= era[Derived.lower]) & (matched[Derived.lower] <= era[Derived.upper])]
        st.caption(f"{counted} · {len(shown)} in this era")
    else:
        x_range = view_range(dataset.events, dataset.eras)
        st.caption(counted)
    description = describe_view(
        flt.describe(len(matched), len(dataset.events), described),
        era="" if era is None else f"“{era[EraSchema.name]}” ({era[Derived.label]})",
        in_era=len(shown),
        lanes="" if lanes == DEFAULT_LANES else LANE_LABELS[lanes].lower(),
    )
    listed = matched.head(MAX_LISTED)  # a select box with 100k options would stall the browser
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
    if selected and selected not in titles:  # matched, but beyond the listed ones
        titles[selected] = event_label(row)
    fig = build_timeline_figure(
        matched, dataset.eras, lanes=lanes, x_range=x_range, highlight=selected, description=described,
        theme=chart_theme(),
    )  # fmt: skip
    view = {
        "era": None if era is None else era[EraSchema.id],
        "from": flt.date_from,
        "to": flt.date_to,
        "category": flt.categories,
        "status": flt.statuses,
        "actor": flt.actors,
        "q": flt.query,
        "lanes": lanes,
        "event": selected,
    }
    render_share_box(
        TIMELINE,
        view,
        description,
        dataset,
        name="events",
        rows=shown,
        columns=columns_of(EventSchema),
        # The page shows the timeline under its title, no heading of its own; a snapshot is a white page.
        charts=lambda: [("", build_timeline_figure(
            matched, dataset.eras, lanes=lanes, x_range=x_range, highlight=selected, description=described,
        ))],
        table=lambda: events_table(shown, described.labels("categories")),  # built on click, not held per session
        timelinejs=lambda: export_timelinejs(
            shown, dataset.eras if era is None else dataset.eras[dataset.eras[EraSchema.id] == era[EraSchema.id]],
            sources=dataset.sources, title=description, categories=described.labels("categories"),
        ),
    )  # fmt: skip
    st.plotly_chart(
        fig,
        key="timeline_chart",
        on_select=handle_chart_select,
        selection_mode="points",
        width="stretch",
        config={"toImageButtonOptions": {"filename": "tumen-timeline"}, "displaylogo": False},
    )
    st.caption(
        "Shapes: ● confirmed · ○ reported · ▲ disputed · ✕ refuted. Bars show a range or a date known only to the month or year; ~ marks an approximate date. "
        "Drag across the chart to zoom in on a period; double-click to zoom out."
    )
    with st.container(border=True):
        pick, prev_col, next_col = st.columns([8, 1, 1], vertical_alignment="bottom")
        with pick:
            chosen = st.selectbox(
                "Event"
                if len(matched) <= MAX_LISTED
                else f"Event (the first {MAX_LISTED:,} of {len(matched):,} are listed)",
                list(titles),
                index=None,
                format_func=lambda i: titles.get(i, i),
                key="event",
                placeholder="Click a marker, or choose an event",
            )
        prev_col.button(
            "◀ Prev",
            key="event_prev",
            on_click=handle_step,
            args=(dataset.events, flt, -1),
            width="stretch",
            disabled=matched.empty,
        )
        next_col.button(
            "Next ▶",
            key="event_next",
            on_click=handle_step,
            args=(dataset.events, flt, 1),
            width="stretch",
            disabled=matched.empty,
        )
        sync_to_url("event", chosen)
        if row is not None and chosen == selected:  # the select box shows the session's selection: `row`
            render_event_detail(row, dataset)
