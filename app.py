"""Tumen: the table of contents. Page config and navigation only; pages are app_pages/, drawn by views/."""

import streamlit as st

# A Material icon, not an emoji: Streamlit checks an emoji against its catalogue of 5,244 (~0.1 s per start).
st.set_page_config(page_title="Tumen: North Korea and Russia", page_icon=":material/waves:", layout="wide")

pages = [
    st.Page("app_pages/timeline.py", title="Timeline", url_path="timeline", default=True),
    st.Page("app_pages/delegations.py", title="Delegations", url_path="delegations"),
    st.Page("app_pages/data.py", title="Data & sources", url_path="data"),
]
st.navigation(pages).run()
