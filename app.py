"""Tumen: the table of contents. Page config and navigation only; pages live in components/."""

import streamlit as st

st.set_page_config(page_title="Tumen: North Korea and Russia", page_icon="🌊", layout="wide")

pages = [
    st.Page("app_pages/timeline.py", title="Timeline", url_path="timeline", default=True),
    st.Page("app_pages/delegations.py", title="Delegations", url_path="delegations"),
    st.Page("app_pages/data.py", title="Data & sources", url_path="data"),
]
st.navigation(pages).run()
