"""The view layer: the only package that imports Streamlit; the pure core lives in components/."""
