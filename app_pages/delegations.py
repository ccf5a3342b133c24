"""The delegations page: one hand-off to its view."""

from components.views_delegations import render_delegations_page

render_delegations_page()
