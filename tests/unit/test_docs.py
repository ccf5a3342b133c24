"""Docs kept true by tests: every vocabulary value and every CSV column appears in docs/data.md and README."""

import pytest

from components.schema import CATEGORIES, CLAIM_STATUSES, DIRECTIONS, LEVELS, SECTORS, SOURCE_KINDS, TABLES, columns_of
from tests.conftest import ROOT

DATA_MD = (ROOT / "docs" / "data.md").read_text()
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("category", CATEGORIES),
        ("claim_status", CLAIM_STATUSES),
        ("direction", DIRECTIONS),
        ("sector", SECTORS),
        ("level", LEVELS),
        ("kind", SOURCE_KINDS),
    ],
)
def test_vocabulary_documented(name, values):
    section = DATA_MD.split(f"**{name}**", 1)[1].split("\n\n", 1)[0]
    documented = {v for v in values if f"`{v}`" in section}
    assert documented == set(values)


@pytest.mark.parametrize("name", list(TABLES))
def test_readme_lists_columns_of_each_table(name):
    line = next(ln for ln in README.splitlines() if ln.startswith(f"| `{name}` |"))
    assert line.split("|")[2].strip() == ", ".join(columns_of(TABLES[name]))
