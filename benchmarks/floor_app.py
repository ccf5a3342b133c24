"""The floor: a bare Streamlit page drawing one Plotly scatter of the same events, with one text filter."""

import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st


@st.cache_data
def load(folder: str) -> pd.DataFrame:
    df = pd.read_csv(Path(folder) / "events.csv", dtype=str, keep_default_na=False)
    df["date"] = pd.to_datetime(df["start"].str[:4] + "-01-01", format="%Y-%m-%d")
    return df


events = load(os.environ["FLOOR_DATA_DIR"])
query = st.text_input("Search", key="q")
shown = events[events["title"].str.contains(query, case=False, regex=False)] if query else events
st.caption(f"Events: {len(shown)} of {len(events)}")
st.plotly_chart(px.scatter(shown, x="date", y="category", hover_name="title"), key="floor")
