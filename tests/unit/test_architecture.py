"""The pure core (components/) never imports Streamlit; the view layer (views/) is where st.* lives."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = sorted((ROOT / "components").glob("*.py"))
VIEWS = sorted((ROOT / "views").glob("*.py"))


def _imports_streamlit(path: Path) -> bool:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            return True
    return False


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_the_core_never_imports_streamlit(path):
    assert not _imports_streamlit(path), f"components/{path.name} is core code and must not import streamlit"


def _imports_views(path: Path) -> bool:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in ("views", "app_pages") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("views", "app_pages"):
            return True
    return False


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_the_core_never_imports_the_view_layer(path):
    assert not _imports_views(path), f"components/{path.name} is core code and must not import views/ or app_pages/"


def test_streamlit_lives_only_in_the_view_layer():
    # The rule, not a list: outside views/, only the app's entry points (app.py, app_pages/) and the benchmark's
    # floor apps may import streamlit.
    app_code = [p for p in ROOT.rglob("*.py") if not {".venv", "tests", "node_modules"} & set(p.parts)]
    allowed = {ROOT / "app.py", *ROOT.glob("app_pages/*.py"), *VIEWS, *ROOT.glob("benchmarks/*.py")}
    assert [p.relative_to(ROOT).as_posix() for p in app_code if _imports_streamlit(p) and p not in allowed] == []


@pytest.mark.parametrize("path", CORE + VIEWS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_module_has_a_docstring(path):
    assert ast.get_docstring(ast.parse(path.read_text())), f"{path.name} needs a one-line docstring"


def _vocabulary() -> set[str]:
    """Every id and label of the shipped dataset's own vocabularies (categories, directions, sectors, levels)."""
    import tomllib

    data = tomllib.loads((ROOT / "data" / "dataset.toml").read_text())
    vocabularies = ("categories", "directions", "sectors", "levels")
    return {t[k] for v in vocabularies for t in data.get(v, []) for k in ("id", "label", "short") if t.get(k)}


def _string_constants(path: Path) -> set[str]:
    """The string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    }


@pytest.mark.parametrize("path", [*CORE, *VIEWS], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_code_holds_no_dataset_vocabulary(path):
    # Vocabularies, labels and colours live in the data folder's dataset.toml; the code knows tables and columns.
    found = _string_constants(path) & _vocabulary()
    assert not found, f"{path.parent.name}/{path.name} names dataset values {sorted(found)}: use the dataset file"


STATIC_SCRIPTS = sorted([*ROOT.glob("views/*.js"), *ROOT.glob("views/*.css"), *ROOT.glob("components/*.js")])


@pytest.mark.parametrize("path", STATIC_SCRIPTS, ids=lambda p: p.name)
def test_static_scripts_survive_the_html_sanitiser(path):
    # Streamlit passes st.html through DOMPurify, which silently drops a <script> or <style> whose text holds "<"
    # before a letter, "/" or "!" (its SAFE_FOR_XML rule): era_labels.js once vanished for a "<era>" in a comment.
    text = path.read_text()
    found = [m.group() for m in re.finditer(r"<[/\w!]", text)]
    assert not found, f"{path.name} holds {found}: the page would drop it without a word"
