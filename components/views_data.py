"""Data & sources page: the four tables, searchable, with downloads."""

from __future__ import annotations

import streamlit as st

from components.loading import Dataset
from components.schema import TABLES, Derived, SourceSchema, columns_of
from components.tables import search_frame, to_csv_bytes
from components.urlstate import DATA
from components.views_common import render_link, render_link_notices, require_dataset

_TABLE_LABELS = {"events.csv": "Events", "delegations.csv": "Delegations", "eras.csv": "Eras", "sources.csv": "Sources"}


def _frames(dataset: Dataset) -> dict:
    return {
        "events.csv": dataset.events,
        "delegations.csv": dataset.delegations,
        "eras.csv": dataset.eras,
        "sources.csv": dataset.sources,
    }


def _column_config(name: str) -> dict:
    config = {
        Derived.label: st.column_config.TextColumn("date (as written)"),
        "start": st.column_config.TextColumn("start (EDTF)"),
        "end": st.column_config.TextColumn("end (EDTF)"),
    }
    if name == "sources.csv":
        config[SourceSchema.url] = st.column_config.LinkColumn(SourceSchema.url)
    return config


def render_data_page() -> None:
    """Draw the Data & sources page."""
    st.title("Data & sources")
    dataset = require_dataset()
    if dataset is None:
        return
    counts = dataset.counts()
    st.caption(
        " · ".join(f"{n} {table}" for table, n in counts.items())
        + f" · data version {dataset.version} · folder {dataset.folder}"
    )
    render_link_notices(DATA, {})
    query = st.text_input(
        "Search all tables", key="data_q", bind="query-params", placeholder="e.g. Shoigu, 1937, sanctions"
    )
    with st.container(border=True, key="share_data"):
        description = f"Rows matching “{query.strip()}” in the four tables" if query.strip() else "The four tables"
        render_link(DATA, {"data_q": query}, description + f" (data version {dataset.version})")
    tabs = st.tabs([_TABLE_LABELS[name] for name in TABLES])
    for tab, (name, frame) in zip(tabs, _frames(dataset).items(), strict=True):
        columns = columns_of(TABLES[name])
        shown_columns = ([Derived.label] if Derived.label in frame.columns else []) + columns
        matched = search_frame(
            frame[columns + ([Derived.label] if Derived.label in frame.columns else [])], query, columns
        )
        with tab:
            st.caption(f"{len(matched)} of {len(frame)} rows" + (f" match “{query}”" if query.strip() else ""))
            st.dataframe(
                matched[shown_columns],
                hide_index=True,
                width="stretch",
                column_config=_column_config(name),
                key=f"table_{name}",
            )
            st.download_button(
                f"Download {name}" + (" (matching rows)" if query.strip() else ""),
                data=to_csv_bytes(matched[columns]),
                file_name=name,
                mime="text/csv",
                key=f"download_{name}",
            )
