"""Timeline page: events over time in lanes, over era bands."""

from __future__ import annotations

import streamlit as st

from components.figures import build_timeline_figure
from components.views_common import require_dataset


def render_timeline_page() -> None:
    """Draw the Timeline page."""
    st.title("Tumen: North Korea and Russia, 1858–2025")
    dataset = require_dataset()
    if dataset is None:
        return
    st.caption(f"{len(dataset.events)} events · {len(dataset.eras)} eras")
    fig = build_timeline_figure(dataset.events, dataset.eras)
    st.plotly_chart(fig, key="timeline_chart", width="stretch")
