"""Somebody else's timeline: a TimelineJS import opens as its own dataset, and nothing of Tumen's data shows."""

from __future__ import annotations

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from components.cli import main
from tests.conftest import FIXTURES

SHEETS = {
    "women": (FIXTURES / "timelinejs" / "women_in_computing.csv", "Women in Computing", ["Events"], 1815),
    "unicode": (
        FIXTURES / "timelinejs" / "unicode_groups.csv",
        "Хроника: ünïcødé groups",
        ["Города", "科学", "Ñandú & <Co>", "Events"],
        1703,
    ),
}
# Words of Tumen's own data and article: none may show on a page drawn from another dataset.
TUMEN_WORDS = re.compile(
    r"\b(?:Korea|Russia|DPRK|USSR|Soviet|Pyongyang|Moscow|treaty|Kim Jong|Putin)|in the article", re.IGNORECASE
)
PAGES = (None, "app_pages/delegations.py", "app_pages/data.py")


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    out = {}
    for name, (sheet, *_) in SHEETS.items():
        folder = tmp_path_factory.mktemp(name)
        assert main(["import-timelinejs", str(sheet), "--out", str(folder)]) == 0
        out[name] = folder
    return out


def _text(at: AppTest) -> str:
    """Everything the page sends to the browser: element protos, figures and widget labels included."""
    return "\n".join(str(node.proto) for node in _walk(at._tree) if getattr(node, "proto", None) is not None)


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _figure(at: AppTest) -> dict:
    import json

    return json.loads(at.get("plotly_chart")[0].proto.spec)


@pytest.mark.parametrize("name", list(SHEETS))
def test_the_timeline_shows_the_sheets_title_and_one_lane_per_group(make_app, folders, name):
    _, title, groups, _ = SHEETS[name]
    at = make_app(folders[name])
    assert not at.exception
    assert at.title[0].value.replace("\\", "") == title  # Markdown escapes aside, the sheet's title row
    lanes = _figure(at)["layout"]["yaxis"]["ticktext"]
    assert [html.unescape(lane) for lane in lanes] == groups
    assert [o for o in at.multiselect(key="category").options] == groups


@pytest.mark.parametrize("name", list(SHEETS))
def test_the_first_year_can_be_chosen_and_linked(make_app, folders, name):
    *_, first = SHEETS[name]
    at = make_app(folders[name], params={"from": f"{first}-01-01"})
    assert not [w for w in at.warning if "Ignored" in w.value]
    widget = at.date_input(key="from")
    assert widget.value is not None and widget.value.year == first
    assert widget.min.year < first


@pytest.mark.parametrize("name", list(SHEETS))
@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_tumens_own_words(make_app, folders, name, page):
    at = make_app(folders[name], page=page)
    assert not at.exception
    found = TUMEN_WORDS.findall(_text(at))
    assert not found, f"{page or 'timeline'} shows {sorted(set(found))}"
