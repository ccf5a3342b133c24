"""The timeline page: one hand-off to its view."""

from views.timeline import render_timeline_page

render_timeline_page()
