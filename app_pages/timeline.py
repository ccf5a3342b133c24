"""The timeline page: one hand-off to its view."""

from components.views_timeline import render_timeline_page

render_timeline_page()
