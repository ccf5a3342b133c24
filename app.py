"""Tumen: the table of contents. Page config and navigation only; pages are app_pages/, drawn by views/."""

import streamlit as st

import views.common
import views.data
import views.delegations
import views.timeline

# An emoji, drawn by the browser. Not a Material icon: that favicon is fetched from fonts.gstatic.com, a request to
# a third party on every page load (tests/browser/test_hostile_text_browser.py fails on it).
st.set_page_config(page_title="Tumen", page_icon="🌊", layout="wide")


pages = [
    st.Page("app_pages/timeline.py", title="Timeline", url_path="timeline", default=True),
    st.Page("app_pages/delegations.py", title="Delegations", url_path="delegations"),
    st.Page("app_pages/data.py", title="Data & sources", url_path="data"),
]
views.common.render_keyboard_support()
st.navigation(pages).run()
