"""The delegations page: one hand-off to its view."""

from views.delegations import render_delegations_page

render_delegations_page()
