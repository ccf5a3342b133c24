"""The Timeline's story mode: the event picker and ◀ Prev / Next ▶ through the events in view, and the detail panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.filters import EventFilter, in_span, step
from components.loading import Dataset
from components.schema import CLAIM_STATUS_MEANING, Derived, EraSchema, EventSchema
from components.text import md_escape
from views.common import render_sources, sync_to_url

MAX_LISTED = 1_000


def handle_step(events: pd.DataFrame, flt: EventFilter, span, offset: int, onward: tuple | None) -> None:
    """Story mode: move the selection to the previous or next event in view (the filters, the era or zoom).

    At the last (first) event in view, `onward` = (era id, era span) steps into the next (previous) era that
    has matching events, and the chart follows. The button holds the shared frame and the small filter, not a
    list of ids, which would cost every session a copy of up to 100k strings.
    """
    matched = flt.apply(events)
    ids = in_span(matched, span)[EventSchema.id].tolist()
    current = st.session_state.get("event")
    at_end = bool(ids) and current == ids[-1 if offset > 0 else 0]
    if at_end and onward is not None:
        era_id, era_span = onward
        ids = in_span(matched, era_span)[EventSchema.id].tolist()
        st.session_state["era"] = era_id
        st.session_state["zoom"] = None
        current = None
    st.session_state["event"] = step(ids, current, offset)


def onward_era(eras: pd.DataFrame, matched: pd.DataFrame, era_id: str | None, offset: int) -> tuple | None:
    """The next (offset 1) or previous (-1) era after `era_id` holding matched events: (id, span), or None."""
    if era_id is None:
        return None
    rows = eras.sort_values(Derived.lower).to_dict("records")
    at = next(i for i, r in enumerate(rows) if r[EraSchema.id] == era_id)
    for r in rows[at + 1 :] if offset > 0 else rows[:at][::-1]:
        span = (r[Derived.lower], r[Derived.upper])
        if not in_span(matched, span).empty:
            return r[EraSchema.id], span
    return None


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


def render_story(dataset, flt, matched, shown, span, era_id, titles, row, selected, where) -> None:
    """The event picker (the events in view) with ◀ Prev / Next ▶, and the detail panel of the chosen event."""
    ids = shown[EventSchema.id].tolist()
    onward = [onward_era(dataset.eras, matched, era_id, offset) for offset in (-1, 1)]
    at_first = bool(ids) and selected == ids[0]
    at_last = bool(ids) and selected == ids[-1]
    with st.container(border=True, key="event_detail"):
        pick, prev_col, next_col = st.columns([8, 1, 1], vertical_alignment="bottom")
        with pick:
            chosen = st.selectbox(
                "Event"
                if len(shown) <= MAX_LISTED
                else f"Event (the first {MAX_LISTED:,} of {len(shown):,} are listed)",
                list(titles),
                index=None,
                format_func=lambda i: titles.get(i, i),
                key="event",
                placeholder="Click a marker, or choose an event",
            )
        for col, label, key, offset, at_end, nxt in (
            (prev_col, "◀ Prev", "event_prev", -1, at_first, onward[0]),
            (next_col, "Next ▶", "event_next", 1, at_last, onward[1]),
        ):
            col.button(
                label, key=key, on_click=handle_step, args=(dataset.events, flt, span, offset, nxt), width="stretch",
                disabled=not ids or (at_end and nxt is None),
                help=(f"Into the {'next' if offset > 0 else 'previous'} era" if at_end and nxt else None),
            )  # fmt: skip
        if at_last or at_first:
            end = "last" if at_last else "first"
            beyond = onward[1] if at_last else onward[0]
            if beyond is not None:
                st.caption(
                    f"This is the {end} event {where}; {'Next ▶' if at_last else '◀ Prev'} opens the "
                    f"{'next' if at_last else 'previous'} era's."
                )
            elif span is not None:
                st.caption(f"This is the {end} event {where}.")
        sync_to_url("event", chosen)
        if row is not None and chosen == selected:  # the select box shows the session's selection: `row`
            render_event_detail(row, dataset)
