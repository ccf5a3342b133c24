"""Shared render_* helpers: the problem report and the dataset gate each page goes through."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.loading import Dataset, Problem
from components.state import current_data, data_dir


def problems_frame(problems: tuple[Problem, ...]) -> pd.DataFrame:
    """Problems as a table a maintainer can read and sort."""
    return pd.DataFrame(
        [
            {"file": p.file, "line": p.line, "column": p.column, "value": p.value, "expected": p.expected}
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


def require_dataset() -> Dataset | None:
    """The dataset to draw, or None after showing why there is none (never a traceback)."""
    latest, good = current_data()
    if latest.ok:
        return latest.dataset
    folder = data_dir()
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
