"""Docs kept true by tests: every vocabulary value and every CSV column appears in docs/data.md and README."""

import pytest

from components.dataset_file import shipped_description
from components.schema import CLAIM_STATUSES, SOURCE_KINDS, TABLES, columns_of
from tests.conftest import ROOT

SHIPPED = shipped_description()  # docs/data.md documents the shipped dataset's vocabularies

DATA_MD = (ROOT / "docs" / "data.md").read_text()
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("category", SHIPPED.ids("categories")),
        ("claim_status", CLAIM_STATUSES),
        ("direction", SHIPPED.ids("directions")),
        ("sector", SHIPPED.ids("sectors")),
        ("level", SHIPPED.ids("levels")),
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


def _readme_param_rows() -> dict[str, list[str]]:
    section = README.split("## Links", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells
    return rows


def test_readme_documents_every_url_parameter_and_nothing_else():
    from components.urlstate import PARAMS

    rows = _readme_param_rows()
    assert set(rows) == {p.key for p in PARAMS}
    for p in PARAMS:
        _key, pages, repeats, holds = rows[p.key]
        assert pages == ", ".join(f"`{x}`" for x in p.pages), p.key
        assert repeats == ("yes" if p.many else "no"), p.key
        assert all(f"`{v}`" in holds or p.key == "listed" for v in p.fixed), p.key
