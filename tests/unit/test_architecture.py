"""The pure core never imports Streamlit; only render_* view modules (and state) do."""

import ast
from pathlib import Path

import pytest

COMPONENTS = Path(__file__).resolve().parents[2] / "components"
VIEW_MODULES = {"state.py"}  # plus every views_*.py


def _imports_streamlit(path: Path) -> bool:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            return True
    return False


@pytest.mark.parametrize("path", sorted(COMPONENTS.glob("*.py")), ids=lambda p: p.name)
def test_only_views_import_streamlit(path):
    is_view = path.name.startswith("views_") or path.name in VIEW_MODULES
    assert _imports_streamlit(path) == is_view or (not is_view and not _imports_streamlit(path))
    if not is_view:
        assert not _imports_streamlit(path), f"{path.name} is core code and must not import streamlit"


@pytest.mark.parametrize("path", sorted(COMPONENTS.glob("*.py")), ids=lambda p: p.name)
def test_every_module_has_a_docstring(path):
    assert ast.get_docstring(ast.parse(path.read_text())), f"{path.name} needs a one-line docstring"
