"""Delegations page: filters, mirrored timeline, sector breakdown with cross-filtering, composition, table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.aggregate import MAX_POINTS
from components.figures import aggregated
from components.figures_delegations import build_composition, build_mirrored_timeline, build_sector_breakdown
from components.figures_tempo import build_activity, build_breadth, build_tempo
from components.filters import DelegationFilter
from components.loading import Dataset
from components.schema import (
    DIRECTION_LABELS,
    DIRECTIONS,
    LEVELS,
    SECTORS,
    DelegationSchema,
    Derived,
    EraSchema,
    EventSchema,
    columns_of,
)
from components.tables import to_csv_bytes
from components.text import md_escape, md_inline
from components.urlstate import BY_KEY, DATE_BOUNDS, DELEGATIONS
from views.common import (
    checked_dates,
    matched_selection,
    render_link_notices,
    render_share_box,
    render_sources,
    require_dataset,
    sync_from_url,
    sync_to_url,
)

MIN_DATE, MAX_DATE = DATE_BOUNDS[DELEGATIONS]
LEVEL_LABELS = {
    "head_of_state": "Leaders", "ministerial": "Ministers", "vice_ministerial": "Vice-ministers", "party": "Party",
    "parliamentary": "Parliament", "regional": "Regional", "working": "Working",
}  # fmt: skip
BOTH = "both"
_CHART_CONFIG = {"displaylogo": False}


# Coverage policy (docs/data.md): what a count on this page can be read as.
COVERAGE = (
    "Leaders' and ministers' visits aim at completeness for 1948–2025; other levels (vice-ministerial, party, "
    "parliamentary, regional, working) are the ones sources document, so their counts mean “at least”."
)
CHART_TABS = BY_KEY["chart"].fixed  # the `chart` URL parameter's values, in tab order
# The heading over each tab's chart, on the page and in the HTML snapshot; "Over time" is headed by its bin.
TAB_HEADINGS = {
    "Tempo": "Tempo: delegations per year, by level",
    "Breadth": "Breadth: sectors per year",
    "By sector": "By sector",
    "Composition": "Composition",
}
TREATY_ERA = "partnership"  # the era that opens with the June 2024 treaty: the "since the treaty" preset starts there


def handle_preset(changes: dict) -> None:
    """A preset sets documented filters (and so the link): each key is a bound widget's."""
    for key, value in changes.items():
        st.session_state[key] = value


def render_presets(dataset: Dataset) -> None:
    """One-click views: since the treaty, and the article's list (they set the filters, which stay editable)."""
    eras = dataset.eras.set_index(EraSchema.id)
    cols = st.columns([3, 2, 4])
    if TREATY_ERA in eras.index:
        since = eras.loc[TREATY_ERA, Derived.lower].date()
        cols[0].button(
            f"Since the treaty ({since.day} {since:%B %Y})", key="preset_treaty", on_click=handle_preset,
            args=({"from": since, "to": None},), width="stretch",
        )  # fmt: skip
    cols[1].button(
        "The article's list", key="preset_article", on_click=handle_preset, args=({"listed": True},),
        width="stretch",
    )  # fmt: skip


def handle_sector_click() -> None:
    """A clicked sector bar filters the page to that sector."""
    points = st.session_state["sector_chart"].selection.get("points", [])
    sectors = sorted({p.get("y") for p in points if p.get("y") in SECTORS})
    if sectors:
        st.session_state["sector"] = sectors


def handle_delegation_click() -> None:
    """A clicked delegation marker selects it."""
    points = st.session_state["delegation_chart"].selection.get("points", [])
    if points and points[0].get("customdata"):
        st.session_state["delegation"] = points[0]["customdata"][0]


def render_filters() -> DelegationFilter:
    """Sidebar filters; all but direction are bound to URL parameters (direction is synced by id)."""
    with st.sidebar:
        st.header("Filter delegations")
        sync_from_url("direction", list(DIRECTIONS))
        direction = st.segmented_control(
            "Direction", list(DIRECTIONS), format_func=DIRECTION_LABELS.get, key="direction", help="None = both"
        )
        sync_to_url("direction", direction)
        sectors = st.multiselect("Sectors", SECTORS, key="sector", bind="query-params")
        levels = st.multiselect("Levels", LEVELS, key="level", bind="query-params")
        date_from = st.date_input(
            "From", value=None, min_value=MIN_DATE, max_value=MAX_DATE, key="from", bind="query-params"
        )
        date_to = st.date_input("To", value=None, min_value=MIN_DATE, max_value=MAX_DATE, key="to", bind="query-params")
        listed = st.toggle("Only delegations listed in the article", key="listed", bind="query-params")
        query = st.text_input("Search body, leader, summary", key="q", bind="query-params")
    date_from, date_to = checked_dates(date_from, date_to)
    return DelegationFilter(direction, tuple(sectors), tuple(levels), date_from, date_to, listed, query)


def treaty_milestones(dataset: Dataset, delegations: pd.DataFrame) -> pd.DataFrame:
    """Treaty events inside the time span of the shown delegations."""
    if delegations.empty:
        return dataset.events.iloc[0:0]
    lo, hi = delegations[Derived.lower].min(), delegations[Derived.upper].max()
    ev = dataset.events
    return ev[(ev[EventSchema.category] == "treaty") & (ev[Derived.lower] >= lo) & (ev[Derived.lower] <= hi)]


def delegation_table(delegations: pd.DataFrame) -> pd.DataFrame:
    """The matching delegations as shown in the table (dates as written)."""
    out = delegations.assign(
        date=delegations[Derived.label], direction=delegations[DelegationSchema.direction].map(DIRECTION_LABELS)
    )
    cols = ["date", "direction", DelegationSchema.sector, DelegationSchema.body, DelegationSchema.leader]
    cols += [DelegationSchema.leader_title, DelegationSchema.level, DelegationSchema.venue, DelegationSchema.summary]
    cols += [DelegationSchema.listed_in_article, DelegationSchema.claim_status, DelegationSchema.notes]
    return out[[*cols, DelegationSchema.source_ids]]


def render_delegation_detail(row: pd.Series, dataset: Dataset) -> None:
    """Details of one delegation, with its sources as links."""
    st.header(md_escape(row[DelegationSchema.body]))
    leader = ", ".join(v for v in (row[DelegationSchema.leader], row[DelegationSchema.leader_title]) if v)
    st.markdown(
        f"**{md_escape(row[Derived.label])}** · {md_escape(DIRECTION_LABELS[row[DelegationSchema.direction]])}"
        f" · {md_escape(row[DelegationSchema.sector])} · level: {md_escape(row[DelegationSchema.level])}"
    )
    if leader:
        st.markdown("**Led by:** " + md_escape(leader))
    if row[DelegationSchema.venue]:
        st.markdown("**Venue:** " + md_escape(row[DelegationSchema.venue]))
    st.markdown(md_escape(row[DelegationSchema.summary]))
    st.markdown(
        f"**Claim status:** {md_escape(row[DelegationSchema.claim_status])} · listed in the article: "
        + md_escape(row[DelegationSchema.listed_in_article])
    )
    if row[DelegationSchema.notes]:
        st.markdown("**Notes:** " + md_escape(row[DelegationSchema.notes]))
    render_sources(row[DelegationSchema.source_ids], dataset.sources)


def delegation_label(delegation: pd.Series) -> str:
    """How a delegation reads in the picker and in notices: its date as written and the sending body."""
    return f"{delegation[Derived.label]} · {delegation[DelegationSchema.body]}"


def activity_heading(activity: go.Figure) -> str:
    """The "Over time" chart's heading: the bin its bars count (month, quarter or year)."""
    return f"Per {activity.layout.meta['bin']}"


def snapshot_charts(timeline: go.Figure, matched: pd.DataFrame, span: tuple | None) -> list[tuple[str, go.Figure]]:
    """Every chart of the page for the HTML snapshot, under the page's headings: the timeline, then each tab's."""
    activity = build_activity(matched, span)
    return [
        ("", timeline),
        (TAB_HEADINGS["Tempo"], build_tempo(matched, LEVEL_LABELS)),
        (TAB_HEADINGS["Breadth"], build_breadth(matched)),
        (TAB_HEADINGS["By sector"], build_sector_breakdown(matched)),
        (TAB_HEADINGS["Composition"], build_composition(matched)),
        (activity_heading(activity), activity),
    ]


def render_delegations_page() -> None:
    """Draw the Delegations page."""
    st.title("Delegations")
    dataset = require_dataset("delegations.csv")
    if dataset is None:
        return
    st.caption(COVERAGE)
    render_link_notices(DELEGATIONS, lambda: {"delegation": dataset.delegations[DelegationSchema.id]})
    flt = render_filters()
    render_presets(dataset)
    matched = flt.apply(dataset.delegations)
    per_direction = " · ".join(
        f"{DIRECTION_LABELS[d]}: {int((matched[DelegationSchema.direction] == d).sum())}" for d in DIRECTIONS
    )
    st.caption(f"{md_inline(flt.describe(len(matched), len(dataset.delegations)))} · {per_direction}")
    sync_from_url("delegation", set(dataset.delegations[DelegationSchema.id]))
    row = matched_selection(
        "delegation", "delegation", matched, dataset.delegations, DelegationSchema.id, delegation_label
    )
    selected = None if row is None else row[DelegationSchema.id]
    timeline = build_mirrored_timeline(
        matched, treaty_milestones(dataset, matched), highlight=selected, eras=dataset.eras
    )
    span = (flt.date_from or matched[Derived.lower].min(), flt.date_to or matched[Derived.upper].max())
    span = None if matched.empty else span
    view = {
        "direction": flt.direction,
        "sector": flt.sectors,
        "level": flt.levels,
        "from": flt.date_from,
        "to": flt.date_to,
        "listed": flt.listed_only,
        "q": flt.query,
        "delegation": selected,
        "chart": st.session_state.get("chart"),  # the default tab is left out of the link by build_query
    }
    render_share_box(
        DELEGATIONS,
        view,
        flt.describe(len(matched), len(dataset.delegations)),
        dataset,
        name="delegations",
        rows=matched,
        columns=columns_of(DelegationSchema),
        charts=lambda: snapshot_charts(timeline, matched, span),
        table=lambda: delegation_table(matched),
    )
    st.plotly_chart(
        timeline,
        key="delegation_chart",
        on_select=handle_delegation_click,
        selection_mode="points",
        width="stretch",
        config={**_CHART_CONFIG, "toImageButtonOptions": {"filename": "tumen-delegations-timeline"}},
    )
    if aggregated(timeline):
        st.caption(
            f"{len(matched):,} delegations are too many to draw one by one: bars give the exact number per "
            f"{timeline.layout.meta['bin']}. Filter down to {MAX_POINTS:,} or fewer to see single delegations."
        )
    else:
        st.caption(
            "● dated visit · ○ with a dotted bar: only a window is known · dashed lines: treaty milestones "
            "(hover the ◆ for the name) · shaded bands: eras"
        )
    listed = matched.head(1_000)  # a select box with thousands of options would stall the browser
    labels = dict(
        zip(
            listed[DelegationSchema.id].tolist(),
            (listed[Derived.label] + " · " + listed[DelegationSchema.body]).tolist(),
            strict=True,
        )
    )
    if selected and selected not in labels:  # matched, but beyond the listed ones
        labels[selected] = delegation_label(row)
    chosen = st.selectbox(
        "Delegation", list(labels), index=None, format_func=lambda i: labels.get(i, i), key="delegation",
        placeholder="Click a marker, or choose a delegation",
    )  # fmt: skip
    sync_to_url("delegation", chosen)
    if row is not None and chosen == selected:  # the select box shows the session's selection: `row`
        with st.container(border=True):
            render_delegation_detail(row, dataset)
    # One chart at a time, in tabs built only when shown (on_change="rerun"): five charts redrawn on every filter
    # change cost the browser ~0.25 s more per update than the page had before them (bench §7).
    tempo_tab, breadth_tab, sector_tab, composition_tab, time_tab = st.tabs(
        list(CHART_TABS), key="chart", on_change="rerun", bind="query-params"
    )
    with tempo_tab:
        if tempo_tab.open:
            st.header(TAB_HEADINGS["Tempo"])
            st.plotly_chart(
                build_tempo(matched, LEVEL_LABELS), key="tempo_chart", width="stretch", config=_CHART_CONFIG
            )
    with breadth_tab:
        if breadth_tab.open:
            st.header(TAB_HEADINGS["Breadth"])
            st.plotly_chart(build_breadth(matched), key="breadth_chart", width="stretch", config=_CHART_CONFIG)
            st.caption(
                "A year's bar counts the distinct sectors of its delegations: how many fields the exchanges span."
            )
    with sector_tab:
        if sector_tab.open:
            st.header(TAB_HEADINGS["By sector"])
            st.plotly_chart(
                build_sector_breakdown(matched),
                key="sector_chart",
                on_select=handle_sector_click,
                selection_mode="points",
                width="stretch",
                config={**_CHART_CONFIG, "toImageButtonOptions": {"filename": "tumen-delegations-by-sector"}},
            )
            st.caption("Click a bar to filter the page to that sector.")
    with composition_tab:
        if composition_tab.open:
            st.header(TAB_HEADINGS["Composition"])
            st.plotly_chart(build_composition(matched), key="composition_chart", width="stretch", config=_CHART_CONFIG)
    with time_tab:
        if time_tab.open:
            activity = build_activity(matched, span)
            st.header(activity_heading(activity))
            st.plotly_chart(activity, key="activity_chart", width="stretch", config=_CHART_CONFIG)
    st.header("Matching delegations")
    table = delegation_table(matched)
    st.dataframe(table, hide_index=True, width="stretch", key="delegation_table")
    st.download_button(
        "Download these delegations (CSV)",
        data=lambda: to_csv_bytes(matched[columns_of(DelegationSchema)]),
        on_click="ignore",
        file_name="tumen-delegations.csv",
        mime="text/csv",
        key="download_delegations",
    )
