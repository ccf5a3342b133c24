"""Tumen components: a pure core (no Streamlit) and thin render_* views."""
