"""Data & sources page: the four tables, searchable, with downloads."""

from __future__ import annotations

import streamlit as st

from components.config import folder_label
from components.loading import Dataset, read_folder
from components.schema import TABLES, Derived, SourceSchema, columns_of
from components.search import search_frame
from components.tables import to_csv_bytes
from components.text import md_inline
from components.uploads import load_uploads
from components.urlstate import DATA
from views.common import (
    SESSION_DATA,
    render_link,
    render_link_notices,
    render_problems,
    require_dataset,
)
from views.state import data_dir

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


UPLOAD_PROBLEMS = "_upload_problems"


def handle_upload() -> None:
    """Validate the chosen files merged over the data folder; use them for this session only if valid."""
    files = st.session_state.get("upload") or []
    uploads = [(f.name, f.getvalue()) for f in files]
    label = "uploaded: " + ", ".join(name for name, _ in uploads)
    result = load_uploads(read_folder(data_dir()), uploads, label)
    if result.ok:
        st.session_state[SESSION_DATA] = result
        st.session_state.pop(UPLOAD_PROBLEMS, None)
    else:
        st.session_state[UPLOAD_PROBLEMS] = result.problems


def render_upload() -> None:
    """Upload CSVs (or a TimelineJS sheet) for this session; problems are listed and the current data stays."""
    limit = st.get_option("server.maxUploadSize")
    with st.expander("Use your own files for this session", expanded=bool(st.session_state.get(UPLOAD_PROBLEMS))):
        st.markdown(
            "Upload one or more of `events.csv`, `delegations.csv`, `eras.csv`, `sources.csv` (recognised by their "
            "header row), or a TimelineJS spreadsheet CSV. Uploaded tables replace the same tables of the data "
            f"folder for this browser session only; nothing on disk is written. Up to {limit} MB per file."
        )
        st.file_uploader("CSV files", type=["csv"], accept_multiple_files=True, key="upload")
        st.button(
            "Check and use these files",
            key="use_upload",
            on_click=handle_upload,
            disabled=not st.session_state.get("upload"),
        )
        problems = st.session_state.get(UPLOAD_PROBLEMS)
        if problems:
            st.error(f"These files were not used: {len(problems)} problem(s). The data in use has not changed.")
            render_problems(problems)


def render_data_page() -> None:
    """Draw the Data & sources page."""
    st.title("Data & sources")
    render_upload()
    dataset = require_dataset()
    if dataset is None:
        return
    counts = dataset.counts()
    st.caption(
        " · ".join(f"{n} {table}" for table, n in counts.items())
        + f" · data version {dataset.version} · {md_inline(folder_label(dataset.folder))}"
        + (f" · not present: {', '.join(dataset.missing)}" if dataset.missing else "")
    )
    render_link_notices(DATA, dict)
    query = st.text_input(
        "Search all tables", key="data_q", bind="query-params", placeholder="a word, a name or a year"
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
            st.caption(
                f"{len(matched)} of {len(frame)} rows" + (f" match “{md_inline(query)}”" if query.strip() else "")
            )
            st.dataframe(
                matched[shown_columns],
                hide_index=True,
                width="stretch",
                column_config=_column_config(name),
                key=f"table_{name}",
            )
            st.download_button(
                f"Download {name}" + (" (matching rows)" if query.strip() else ""),
                data=lambda m=matched, c=columns: to_csv_bytes(m[c]),
                on_click="ignore",
                file_name=name,
                mime="text/csv",
                key=f"download_{name}",
            )
