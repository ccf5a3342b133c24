"""The data page: one hand-off to its view."""

from views.data import render_data_page

render_data_page()
