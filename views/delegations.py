"""Delegations page: filters, mirrored timeline, sector breakdown with cross-filtering, composition, table."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import palette
from components.aggregate import MAX_POINTS
from components.description import Description
from components.figures_delegations import build_composition, build_mirrored_timeline, build_sector_breakdown
from components.figures_tempo import build_activity, build_breadth, build_tempo
from components.filters import DelegationFilter
from components.loading import Dataset
from components.plotting import aggregated
from components.schema import DelegationSchema, Derived, EraSchema, EventSchema, columns_of
from components.tables import to_csv_bytes
from components.text import md_escape, md_inline
from components.urlstate import BY_KEY, DELEGATIONS, date_bounds
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

_CHART_CONFIG = {"displaylogo": False}
CHART_TABS = BY_KEY["chart"].fixed  # the `chart` URL parameter's values, in tab order
LISTED = DelegationSchema.listed_in_article  # an optional column: dataset.toml says whether it is in use
# The heading over each tab's chart, on the page and in the HTML snapshot; "Over time" is headed by its bin.
TAB_HEADINGS = {
    "Tempo": "Tempo: delegations per year, by level",
    "Breadth": "Breadth: sectors per year",
    "By sector": "By sector",
    "Composition": "Composition",
}


def handle_preset(changes: dict) -> None:
    """A preset sets documented filters (and so the link): each key is a bound widget's."""
    for key, value in changes.items():
        st.session_state[key] = value


def delegation_bounds(dataset: Dataset):
    """The Delegations page's date-widget bounds: the delegations' span with a margin (urlstate.date_bounds)."""
    rows = dataset.delegations
    if rows.empty:
        return date_bounds(None, None)
    return date_bounds(rows[Derived.lower].min().date(), rows[Derived.upper].max().date())


def render_presets(dataset: Dataset) -> None:
    """One-click views the dataset file offers: since an era began, and the article's list (they set the filters,
    which stay editable)."""
    described = dataset.description
    eras = dataset.eras.set_index(EraSchema.id)
    cols = st.columns([3, 2, 4])
    if described.since_era in eras.index:
        since = eras.loc[described.since_era, Derived.lower].date()
        name = described.since_label or f"Since “{eras.loc[described.since_era, EraSchema.name]}”"
        cols[0].button(
            f"{md_inline(name)} ({since.day} {since:%B %Y})", key="preset_treaty", on_click=handle_preset,
            args=({"from": since, "to": None},), width="stretch",
        )  # fmt: skip
    if described.uses(LISTED):
        cols[1].button(
            "The article's list", key="preset_article", on_click=handle_preset, args=({"listed": True},),
            width="stretch",
        )  # fmt: skip


def handle_sector_click(sectors: tuple[str, ...]) -> None:
    """A clicked sector bar filters the page to that sector (the bar's customdata holds the sector's id)."""
    points = st.session_state["sector_chart"].selection.get("points", [])
    clicked = {p["customdata"][-1] for p in points if isinstance(p.get("customdata"), list) and p["customdata"]}
    chosen = [s for s in sectors if s in clicked]
    if chosen:
        st.session_state["sector"] = chosen


def handle_delegation_click() -> None:
    """A clicked delegation marker selects it."""
    points = st.session_state["delegation_chart"].selection.get("points", [])
    if points and points[0].get("customdata"):
        st.session_state["delegation"] = points[0]["customdata"][0]


def render_filters(dataset: Dataset) -> DelegationFilter:
    """Sidebar filters; all but direction are bound to URL parameters (direction is synced by id). Choices and
    their labels come from the dataset's description."""
    described = dataset.description
    directions, sector_labels, level_labels = (described.labels(v) for v in ("directions", "sectors", "levels"))
    lo, hi = delegation_bounds(dataset)
    with st.sidebar:
        st.header("Filter delegations")
        sync_from_url("direction", list(directions))
        direction = st.segmented_control(
            "Direction", list(directions), format_func=directions.get, key="direction", help="None = both"
        )
        sync_to_url("direction", direction)
        # Synced by id like direction: the options show labels, which a bound widget would put in the URL.
        sync_list_from_url("sector", list(sector_labels))
        sectors = st.multiselect("Sectors", list(sector_labels), format_func=sector_labels.get, key="sector")
        sync_list_to_url("sector", sectors)
        sync_list_from_url("level", list(level_labels))
        levels = st.multiselect("Levels", list(level_labels), format_func=level_labels.get, key="level")
        sync_list_to_url("level", levels)
        date_from = st.date_input("From", value=None, min_value=lo, max_value=hi, key="from", bind="query-params")
        date_to = st.date_input("To", value=None, min_value=lo, max_value=hi, key="to", bind="query-params")
        listed = False
        if described.uses(LISTED):
            listed = st.toggle("Only delegations listed in the article", key="listed", bind="query-params")
        query = st.text_input("Search body, leader, summary", key="q", bind="query-params")
    date_from, date_to = checked_dates(date_from, date_to)
    return DelegationFilter(direction, tuple(sectors), tuple(levels), date_from, date_to, listed, query)


def milestones(dataset: Dataset, delegations: pd.DataFrame) -> pd.DataFrame:
    """Events of the dataset's milestone category (dataset.toml) inside the time span of the shown delegations."""
    category = dataset.description.milestone_category
    if delegations.empty or not category:
        return dataset.events.iloc[0:0]
    lo, hi = delegations[Derived.lower].min(), delegations[Derived.upper].max()
    ev = dataset.events
    return ev[(ev[EventSchema.category] == category) & (ev[Derived.lower] >= lo) & (ev[Derived.lower] <= hi)]


YES_NO = {"true": "yes", "false": "no"}


def delegation_table(delegations: pd.DataFrame, described: Description) -> pd.DataFrame:
    """The matching delegations as shown in the table: dates as written, labels rather than ids."""
    out = delegations.assign(date=delegations[Derived.label])
    for column, vocabulary in ((DelegationSchema.direction, "directions"), (DelegationSchema.sector, "sectors"),
                               (DelegationSchema.level, "levels")):  # fmt: skip
        out[column] = out[column].map(described.labels(vocabulary)).fillna(out[column])
    cols = ["date", DelegationSchema.direction, DelegationSchema.sector, DelegationSchema.body, DelegationSchema.leader]
    cols += [DelegationSchema.leader_title, DelegationSchema.level, DelegationSchema.venue, DelegationSchema.summary]
    if described.uses(LISTED):
        out[LISTED] = out[LISTED].map(YES_NO).fillna(out[LISTED])
        cols.append(LISTED)
    cols += [DelegationSchema.claim_status, DelegationSchema.notes]
    return out[[*cols, DelegationSchema.source_ids]]


def render_delegation_detail(row: pd.Series, dataset: Dataset) -> None:
    """Details of one delegation, with its sources as links."""
    described = dataset.description
    st.header(md_escape(row[DelegationSchema.body]))
    leader = ", ".join(v for v in (row[DelegationSchema.leader], row[DelegationSchema.leader_title]) if v)
    direction = described.label("directions", row[DelegationSchema.direction])
    sector = described.label("sectors", row[DelegationSchema.sector])
    level = described.label("levels", row[DelegationSchema.level])
    st.markdown(
        f"**{md_escape(row[Derived.label])}** · {md_escape(direction)} · {md_escape(sector)} · level: {md_escape(level)}"
    )
    if leader:
        st.markdown("**Led by:** " + md_escape(leader))
    if row[DelegationSchema.venue]:
        st.markdown("**Venue:** " + md_escape(row[DelegationSchema.venue]))
    st.markdown(md_escape(row[DelegationSchema.summary]))
    listed = (
        f" · listed in the article: {YES_NO.get(row[LISTED], md_escape(row[LISTED]))}" if described.uses(LISTED) else ""
    )
    st.markdown(f"**Claim status:** {md_escape(row[DelegationSchema.claim_status])}{listed}")
    if row[DelegationSchema.notes]:
        st.markdown("**Notes:** " + md_escape(row[DelegationSchema.notes]))
    render_sources(row[DelegationSchema.source_ids], dataset.sources)


def delegation_label(delegation: pd.Series) -> str:
    """How a delegation reads in the picker and in notices: its date as written and the sending body."""
    return f"{delegation[Derived.label]} · {delegation[DelegationSchema.body]}"


def activity_heading(activity: go.Figure) -> str:
    """The "Over time" chart's heading: the bin its bars count (month, quarter or year)."""
    return f"Per {activity.layout.meta['bin']}"


def snapshot_charts(
    timeline: go.Figure, matched: pd.DataFrame, span: tuple | None, described: Description
) -> list[tuple[str, go.Figure]]:
    """Every chart of the page for the HTML snapshot, under the page's headings: the timeline, then each tab's.
    A snapshot is a white page, so its charts take the light theme's colours whatever the visitor's scheme."""
    activity = build_activity(matched, span, described, palette.LIGHT)
    return [
        ("", timeline),
        (TAB_HEADINGS["Tempo"], build_tempo(matched, described, palette.LIGHT)),
        (TAB_HEADINGS["Breadth"], build_breadth(matched, palette.LIGHT)),
        (TAB_HEADINGS["By sector"], build_sector_breakdown(matched, described, palette.LIGHT)),
        (TAB_HEADINGS["Composition"], build_composition(matched, described, palette.LIGHT)),
        (activity_heading(activity), activity),
    ]


def render_delegations_page() -> None:
    """Draw the Delegations page."""
    st.title("Delegations")
    dataset = require_dataset("delegations.csv")
    if dataset is None:
        return
    described, theme = dataset.description, chart_theme()
    if described.coverage:
        st.caption(md_escape(described.coverage))
    render_link_notices(
        DELEGATIONS,
        lambda: (
            {"delegation": dataset.delegations[DelegationSchema.id]}
            | {
                key: described.ids(v)
                for key, v in (("direction", "directions"), ("sector", "sectors"), ("level", "levels"))
            }
        ),
        delegation_bounds(dataset),
    )
    flt = render_filters(dataset)
    render_presets(dataset)
    matched = flt.apply(dataset.delegations)
    per_direction = " · ".join(
        f"{md_escape(name)}: {int((matched[DelegationSchema.direction] == d).sum())}"
        for d, name in described.labels("directions").items()
    )
    st.caption(f"{md_inline(flt.describe(len(matched), len(dataset.delegations), described))} · {per_direction}")
    sync_from_url("delegation", set(dataset.delegations[DelegationSchema.id]))
    row = matched_selection(
        "delegation", "delegation", matched, dataset.delegations, DelegationSchema.id, delegation_label
    )
    selected = None if row is None else row[DelegationSchema.id]

    def timeline_for(scheme: palette.Theme) -> go.Figure:
        return build_mirrored_timeline(
            matched, milestones(dataset, matched), highlight=selected, eras=dataset.eras, description=described,
            theme=scheme,
        )  # fmt: skip

    timeline = timeline_for(theme)
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
        flt.describe(len(matched), len(dataset.delegations), described),
        dataset,
        name="delegations",
        rows=matched,
        columns=columns_of(DelegationSchema),
        charts=lambda: snapshot_charts(timeline_for(palette.LIGHT), matched, span, described),
        table=lambda: delegation_table(matched, described),
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
            "● dated visit · ○ with a dotted bar: only a window is known · dashed lines: "
            f"{md_escape(described.label('categories', described.milestone_category).lower())} milestones "
            "(hover the ◆ for the name) · shaded bands: eras"
            if described.milestone_category
            else "● dated visit · ○ with a dotted bar: only a window is known · shaded bands: eras"
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
                build_tempo(matched, described, theme), key="tempo_chart", width="stretch", config=_CHART_CONFIG
            )
    with breadth_tab:
        if breadth_tab.open:
            st.header(TAB_HEADINGS["Breadth"])
            st.plotly_chart(build_breadth(matched, theme), key="breadth_chart", width="stretch", config=_CHART_CONFIG)
            st.caption(
                "A year's bar counts the distinct sectors of its delegations: how many fields the exchanges span."
            )
    with sector_tab:
        if sector_tab.open:
            st.header(TAB_HEADINGS["By sector"])
            st.plotly_chart(
                build_sector_breakdown(matched, described, theme),
                key="sector_chart",
                on_select=lambda: handle_sector_click(described.ids("sectors")),
                selection_mode="points",
                width="stretch",
                config={**_CHART_CONFIG, "toImageButtonOptions": {"filename": "tumen-delegations-by-sector"}},
            )
            st.caption("Click a bar to filter the page to that sector.")
    with composition_tab:
        if composition_tab.open:
            st.header(TAB_HEADINGS["Composition"])
            st.plotly_chart(
                build_composition(matched, described, theme),
                key="composition_chart",
                width="stretch",
                config=_CHART_CONFIG,
            )
    with time_tab:
        if time_tab.open:
            activity = build_activity(matched, span, described, theme)
            st.header(activity_heading(activity))
            st.plotly_chart(activity, key="activity_chart", width="stretch", config=_CHART_CONFIG)
    st.header("Matching delegations")
    table = delegation_table(matched, described)
    st.dataframe(table, hide_index=True, width="stretch", key="delegation_table")
    st.download_button(
        "Download these delegations (CSV)",
        data=lambda: to_csv_bytes(matched[columns_of(DelegationSchema)]),
        on_click="ignore",
        file_name="tumen-delegations.csv",
        mime="text/csv",
        key="download_delegations",
    )
