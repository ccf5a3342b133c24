"""Delegations page: delegations exchanged between the two states over time."""

from __future__ import annotations

import streamlit as st

from components.figures import build_delegations_figure
from components.views_common import require_dataset


def render_delegations_page() -> None:
    """Draw the Delegations page."""
    st.title("Delegations")
    dataset = require_dataset()
    if dataset is None:
        return
    st.caption(f"{len(dataset.delegations)} delegations")
    fig = build_delegations_figure(dataset.delegations)
    st.plotly_chart(fig, key="delegations_chart", width="stretch")
