"""A second floor: the bare scatter of floor_app.py on a page with the Timeline page's Streamlit widgets.

The same element types and counts as Tumen's Timeline page (sidebar filters bound to the URL, era pills, lanes,
share popover, event picker), but none of Tumen's code: no schema validation, no figure builders. Tumen measured
against it shows what Tumen's own code costs; floor_app.py measured against it shows what the widgets cost.
"""

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(page_title="floor with widgets", layout="wide")


@st.cache_data
def load(folder: str) -> tuple[pd.DataFrame, list[str]]:
    df = pd.read_csv(Path(folder) / "events.csv", dtype=str, keep_default_na=False)
    df["date"] = pd.to_datetime(df["start"].str[:4] + "-01-01", format="%Y-%m-%d")
    eras = pd.read_csv(Path(folder) / "eras.csv", dtype=str, keep_default_na=False)["name"].tolist()
    return df, eras


events, eras = load(os.environ["FLOOR_DATA_DIR"])
st.title("Floor with widgets")
low, high = dt.date(1800, 1, 1), dt.date(2100, 12, 31)
with st.sidebar:
    st.header("Filter events")
    st.date_input("From", value=None, min_value=low, max_value=high, key="from", bind="query-params")
    st.date_input("To", value=None, min_value=low, max_value=high, key="to", bind="query-params")
    st.multiselect("Categories", sorted(set(events["category"])), key="category", bind="query-params")
    st.multiselect("Claim status", ["confirmed", "reported", "disputed", "refuted"], key="status", bind="query-params")
    st.multiselect("Actors", sorted(set(events["actors"].str.split(";").explode())), key="actor", bind="query-params")
    query = st.text_input("Search", key="q", bind="query-params")
left, right = st.columns([10, 2], vertical_alignment="bottom")
left.pills("Era", eras, key="era")
a, b = right.columns(2)
a.button("◀ Era", width="stretch")
b.button("Era ▶", width="stretch")
shown = events[events["title"].str.contains(query, case=False, regex=False)] if query else events
st.segmented_control("Lanes", ["category", "actor"], default="category", key="lanes", bind="query-params")
st.caption(f"Events: {len(shown)} of {len(events)}")
share = st.popover("Share, cite or export this view", key="share", on_change="rerun")
with share:  # built only while open, as Tumen's is
    if share.open:
        st.text_input("Link", value=f"?q={query}")
        st.code("cite", language=None)
        c1, c2 = st.columns(2)
        c1.download_button("CSV", data=lambda: shown.to_csv(index=False), file_name="floor.csv", on_click="ignore")
        c2.download_button("JSON", data=lambda: shown.to_json(), file_name="floor.json", on_click="ignore")
st.plotly_chart(px.scatter(shown, x="date", y="category", hover_name="title"), key="floor", on_select="rerun")
st.caption("Shapes and bars: a caption under the chart.")
with st.container(border=True):
    pick, prev_col, next_col = st.columns([8, 1, 1], vertical_alignment="bottom")
    titles = shown["title"].head(1000).tolist()
    pick.selectbox("Event", titles, index=None, key="event")
    prev_col.button("◀ Prev", width="stretch")
    next_col.button("Next ▶", width="stretch")
