"""Shared render_* helpers: the problem report and the dataset gate each page goes through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import palette
from components.config import folder_label
from components.filters import checked_range
from components.loading import Dataset
from components.problems import Problem
from components.schema import SourceSchema, split_multi
from components.snapshot import build_html_snapshot, cited_sources
from components.tables import cite_line, to_csv_bytes, to_json_bytes
from components.text import md_escape, md_inline, md_link
from components.timeline_axis import ERA_LABELS_JS
from components.urlstate import BY_KEY, HAND_SYNCED, INVERTED, invalid_params, migrate, notice, page_link, widget_value
from views.state import current_data, data_dir

_CSS, _JS = ((Path(__file__).parent / name).read_text() for name in ("keyboard.css", "keyboard.js"))
# The Timeline's own (views/timeline.js, .css): its selectors name only the Timeline's elements.
_TIMELINE_CSS, _TIMELINE_JS = ((Path(__file__).parent / name).read_text() for name in ("timeline.css", "timeline.js"))
_KEYBOARD = (
    f"<style>{_CSS}{_TIMELINE_CSS}</style><script>{_JS}</script><script>{ERA_LABELS_JS}</script>"
    f"<script>{_TIMELINE_JS}</script>"
)


def render_keyboard_support() -> None:
    """Our own static script and style (never data): Enter commits a typed date, opening a popover moves focus
    into it, and a code block's copy button is shown while the block has keyboard focus; and the Timeline's (a
    browser zoom handed to the page, touch that scrolls, era labels that fit their bands, pills that wrap)."""
    st.html(_KEYBOARD, unsafe_allow_javascript=True)


def chart_theme() -> palette.Theme:
    """The colour scheme the visitor's browser shows (Streamlit follows its light or dark setting)."""
    return palette.theme_named(st.context.theme.type)


def _short(value: str, limit: int = 200) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def problems_frame(problems: tuple[Problem, ...]) -> pd.DataFrame:
    """Problems as a table a maintainer can read and sort."""
    return pd.DataFrame(
        [
            {
                "file": folder_label(p.file),
                "line": p.line,
                "column": p.column,
                "value": _short(p.value),
                "expected": p.expected,
            }
            for p in problems
        ],
        columns=["file", "line", "column", "value", "expected"],
    )


def render_problems(problems: tuple[Problem, ...]) -> None:
    """Every problem of a data folder as a table (text only, never HTML)."""
    st.dataframe(
        problems_frame(problems),
        hide_index=True,
        width="stretch",
        column_config={"line": st.column_config.NumberColumn("line", format="%d")},
    )


SESSION_DATA = "_session_data"  # LoadResult of files uploaded in this session (never written to disk)


def handle_reset_data() -> None:
    """Drop this session's uploaded data and return to the data folder."""
    st.session_state.pop(SESSION_DATA, None)


def require_dataset(needs: str | None = None) -> Dataset | None:
    """The dataset to draw, or None after showing why there is none (never a traceback).

    `needs` names the table file the page draws; when the data has no such file the page says so.
    """
    dataset = _dataset()
    if dataset is not None and needs in dataset.missing:
        st.info(
            f"The data in use has no {needs}, so this page has nothing to show. "
            "The other pages show the tables it does have; add the file to the folder or upload it on Data & sources."
        )
        return None
    return dataset


def _dataset() -> Dataset | None:
    uploaded = st.session_state.get(SESSION_DATA)
    if uploaded is not None:
        st.info(
            f"Showing data uploaded in this session ({md_inline(folder_label(uploaded.dataset.folder))}); "
            "nothing on disk was changed."
        )
        st.button("Reset to the data folder", key="reset_data", on_click=handle_reset_data)
        return uploaded.dataset
    latest, good = current_data()
    if latest.ok:
        return latest.dataset
    folder = md_inline(folder_label(data_dir()))
    if good is not None:
        st.warning(
            f"The data in {folder} changed and now has {len(latest.problems)} problem(s); "
            "the app keeps showing the last valid version until they are fixed."
        )
        with st.expander("Problems in the changed files"):
            render_problems(latest.problems)
        return good.dataset
    st.error(f"The data in {folder} cannot be loaded: {len(latest.problems)} problem(s). Fix them and reload the page.")
    render_problems(latest.problems)
    return None


def render_sources(source_ids: str, sources: pd.DataFrame) -> None:
    """The sources of a row as a list of links (http/https only; text escaped)."""
    by_id = sources.set_index(SourceSchema.id)
    lines = []
    for sid in split_multi(source_ids):
        if sid not in by_id.index:
            lines.append(f"- {md_escape(sid)} (unknown source)")
            continue
        src = by_id.loc[sid]
        meta = ", ".join(md_escape(v) for v in (src[SourceSchema.publisher], src[SourceSchema.published]) if v)
        lines.append(f"- {md_link(src[SourceSchema.title], src[SourceSchema.url])}" + (f" ({meta})" if meta else ""))
    st.markdown("**Sources**\n\n" + "\n".join(lines))


def sync_from_url(key: str, valid: list[str] | set[str]) -> str | None:
    """Adopt `?key=value` into session state when the URL changed outside the app (a link, Back/Forward).

    Used for widgets whose options have display labels: a `bind="query-params"` widget stores the label in the
    URL, while Tumen's links carry short stable ids. Returns the value ignored as invalid, if any.
    """
    url = st.query_params.get(key)
    marker = f"_url_{key}"
    if marker in st.session_state and st.session_state[marker] == url:
        return None
    ignored = None
    if url is not None and url not in valid:
        ignored, url = url, None
        del st.query_params[key]
    st.session_state[key] = url
    st.session_state[marker] = url
    return ignored


def sync_to_url(key: str, value: str | None) -> None:
    """Write a hand-synced value to the URL (removed when empty, so defaults stay out of links)."""
    if value:
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[f"_url_{key}"] = value or None


def sync_list_from_url(key: str, valid: list[str] | tuple[str, ...]) -> None:
    """Adopt `?key=a&key=b` into a multiselect's state when the URL changed outside the app (a link, Back/Forward).

    For multiselects whose options have display labels: bound, they would put the labels in the URL. Values the
    data does not know are dropped from the URL (render_link_notices names them).
    """
    url = tuple(st.query_params.get_all(key))
    marker = f"_url_{key}"
    if st.session_state.get(marker) == url:
        return
    known = set(valid)
    kept = [v for v in dict.fromkeys(url) if v in known]
    if len(kept) != len(url):
        sync_list_to_url(key, kept)
    st.session_state[key] = kept
    st.session_state[marker] = tuple(kept)


def sync_list_to_url(key: str, values: list[str]) -> None:
    """Write a hand-synced multiselect to the URL, one repeated key per value (removed when empty)."""
    values = list(values)
    if values:
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[f"_url_{key}"] = tuple(values)


_LINK_INVERTED = "_link_inverted_range"


def apply_url_migrations() -> None:
    """Rewrite renamed keys and values in the address bar before any widget reads it, so old links keep working."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    migrated = migrate(params)
    if migrated == params:
        return
    st.query_params.from_dict(migrated)
    for key, values in migrated.items():  # bound widgets read the address as opened: hand them the new values
        if params.get(key) != values and key in BY_KEY and key not in HAND_SYNCED:
            st.session_state[key] = widget_value(key, values)


def render_link_notices(
    page: str, known: Callable[[], dict[str, object]], bounds: tuple[date, date] | None = None
) -> None:
    """Migrate old keys, then once per page and session (when a link is opened) say which values were ignored.

    Call it before any widget of the page. `known` gives the values found in the data (eras, ids, actors,
    vocabularies); it is only called when there is a link to check. `bounds` are the page's date-widget bounds.
    """
    apply_url_migrations()
    marker = f"_link_checked_{page}"
    if st.session_state.get(marker):
        return
    st.session_state[marker] = True
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    problems = invalid_params(params, page, known(), bounds) if params else []
    if any(key == "to" and why.startswith(INVERTED) for key, _, why in problems):
        del st.query_params["to"]  # the date widget would take it: drop it before it binds
        st.session_state[_LINK_INVERTED] = True  # said here: checked_dates need not say it again
    if problems:
        st.warning(md_inline(notice(problems)))


def checked_dates(date_from: date | None, date_to: date | None) -> tuple[date | None, date | None]:
    """The date filters to apply; an end before the start is ignored, with a notice saying so."""
    date_from, date_to, why = checked_range(date_from, date_to)
    if why and not st.session_state.pop(_LINK_INVERTED, False):
        st.warning(why)
    return date_from, date_to


def matched_selection(
    key: str, noun: str, matched: pd.DataFrame, rows: pd.DataFrame, id_column: str, label: Callable[[pd.Series], str]
) -> pd.Series | None:
    """The row selected in session state `key` if the filters still match it, else None.

    A selection the filters hide (from a link or an earlier click) is unselected and named in a notice.
    """
    selected = st.session_state.get(key)
    if not selected:
        return None
    match = matched[matched[id_column] == selected]
    if not match.empty:
        return match.iloc[0]
    hidden = rows[rows[id_column] == selected]
    if not hidden.empty:
        st.info(
            f"The {noun} “{md_inline(label(hidden.iloc[0]))}” is not among the {noun}s these filters match, so it "
            "is no longer selected. Widen or clear the filters to see it."
        )
    st.session_state[key] = None
    return None


def render_link(page: str, values: dict[str, object], description: str) -> str:
    """The full link of the current view in a field with a copy button, under a plain-English description."""
    link = page_link(st.context.url or "http://127.0.0.1:8501/", page, values)
    st.markdown("**Link to this view** · " + md_escape(description))
    st.code(link, language=None, wrap_lines=True)
    return link


def render_share_box(
    page: str,
    values: dict[str, object],
    description: str,
    dataset: Dataset,
    *,
    name: str,
    rows: pd.DataFrame,
    columns: list[str],
    charts: Callable[[], list[tuple[str, go.Figure]]],
    table: Callable[[], pd.DataFrame],
    timelinejs: Callable[[], str] | None = None,
) -> None:
    """A "Share" button opening the view's link (with a copy button), a citation line and exports of the view.

    A popover rather than a box on the page keeps the chart above the fold. Its contents are built only while it
    is open (opening it reruns the page): sent closed on every filter change, the link, citation and four export
    buttons cost ~0.04 s of each chart update in the browser (benchmarks/, shipped data).
    """
    share = st.popover(
        "Share, cite or export this view", icon=":material/share:", key=f"share_{name}", on_change="rerun"
    )
    with share:
        if not share.open:
            return
        link = render_link(page, values, description)
        cite = cite_line(dataset.description.citation, description, dataset.version, link, date.today().isoformat())
        st.markdown("**Cite this view**")
        st.code(cite, language=None, wrap_lines=True)
        csv_col, json_col = st.columns(2)
        html_col, tl_col = st.columns(2)
        csv_col.download_button(
            "CSV", data=lambda: to_csv_bytes(rows[columns]), file_name=f"tumen-{name}.csv", mime="text/csv",
            on_click="ignore", key=f"export_csv_{name}", width="stretch",
        )  # fmt: skip
        json_col.download_button(
            "JSON", data=lambda: to_json_bytes(rows[columns]), file_name=f"tumen-{name}.json", mime="application/json",
            on_click="ignore", key=f"export_json_{name}", width="stretch",
        )  # fmt: skip

        def snapshot() -> str:
            return build_html_snapshot(
                title=f"{dataset.description.title}: {name}",
                description=description,
                cite=cite,
                link=link,
                charts=charts(),
                table=table(),
                sources=cited_sources(rows, dataset.sources),
            )

        html_col.download_button(
            "HTML snapshot (offline)", data=snapshot, file_name=f"tumen-{name}.html", mime="text/html",
            on_click="ignore", key=f"export_html_{name}", width="stretch",
        )  # fmt: skip
        if timelinejs is not None:
            tl_col.download_button(
                "TimelineJS sheet", data=timelinejs, file_name=f"tumen-{name}-timelinejs.csv", mime="text/csv",
                on_click="ignore", key=f"export_timelinejs_{name}", width="stretch",
            )  # fmt: skip
        st.caption(
            "Charts: use the camera icon on a chart for a PNG. CSV cells that a spreadsheet would run as formulas are prefixed with '."
        )
