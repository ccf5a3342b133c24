"""dataset.toml: every error it can give (file, line, key, expectation), derivation without it, palette, round trip."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from components import palette
from components.dataset_file import parse_dataset_file, write_dataset_file
from components.description import DATASET_FILE, Description, Term, complete, folder_title, nearest
from components.loading import load_dataset
from tests.conftest import MINI

GOOD = """title = "A title"
milestone_category = "b"

[[categories]]
id = "a"
label = "Alpha"
color = "#123456"

[[categories]]
id = "b"

[[directions]]
id = "out"
label = "Out → In"
short = "to In"

[[directions]]
id = "in"
above = true
"""


def _problems(text: str):
    described, problems = parse_dataset_file(text.encode())
    assert described is None
    return [(p.file, p.line, p.column, p.value, p.expected) for p in problems]


def test_a_good_file_gives_its_description():
    described, problems = parse_dataset_file(GOOD.encode())
    assert problems == []
    assert described.title == "A title" and described.milestone_category == "b"
    assert described.ids("categories") == ("a", "b") and described.labels("categories") == {"a": "Alpha", "b": "b"}
    assert described.ids("directions") == ("in", "out")  # the one with above = true comes first: drawn above
    assert described.colors("categories")["a"] == "#123456"
    assert described.declared == ("categories", "directions")


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ('titel = "x"\n', 1, "titel", "a known key: title"),
        ('title = 3\n', 1, "title", "text in quotes"),
        ('[[categories]]\nid = "a"\ncolour = "#fff"\n', 3, "categories[1].colour", "a known key: id, label, color"),
        ('[[categories]]\nid = "a"\n\n[[categories]]\nid = "b"\ncolor = "blue"\n', 6, "categories[2].color",
         "a colour like #1f77b4"),
        ('[[categories]]\nid = "a"\n[[categories]]\nid = "a"\n', 4, "categories[2].id", "each id once"),
        ('[[categories]]\nlabel = "No id"\n', 1, "categories[1].id", "an id"),
        ('categories = "a, b"\n', 1, "categories", "an array of tables"),
        ('[[directions]]\nid = "a"\n', None, "directions", "exactly two [[directions]]"),
        ('[[directions]]\nid = "a"\nabove = true\n[[directions]]\nid = "b"\nabove = true\n', 6, "directions[2].above",
         "one direction only"),
        ('[[directions]]\nid = "a"\nabove = "yes"\n[[directions]]\nid = "b"\n', 3, "directions[1].above",
         "true or false"),
        ('milestone_category = "z"\n[[categories]]\nid = "a"\n', 1, "milestone_category", "one of the [[categories]]"),
        ('optional_columns = ["notes"]\n', 1, "optional_columns", "optional columns among: listed_in_article"),
        ('[since]\nera = "x"\nwhen = "now"\n', 3, "since.when", "a known key: era, label"),
        ('title = "unclosed\n', 1, "", "TOML"),
        ("[[categories]\nid = 'a'\n", 1, "", "TOML"),
    ],
)  # fmt: skip
def test_each_error_names_the_file_its_line_the_key_and_what_was_expected(text, line, column, expected):
    problems = _problems(text)
    assert any(f == DATASET_FILE and ln == line and c == column and expected in e for f, ln, c, _, e in problems), (
        problems
    )


def test_not_utf8_is_reported_with_its_line():
    _, problems = parse_dataset_file(b'title = "ok"\ntitle2 = "\xff"\n')
    assert [(p.line, p.expected) for p in problems] == [(2, "UTF-8 text")]


def test_all_problems_are_reported_at_once():
    text = 'bogus = 1\n[[categories]]\nid = "a"\ncolor = "red"\n[[categories]]\nid = "a"\n'
    assert {c for _, _, c, _, _ in _problems(text)} == {"bogus", "categories[1].color", "categories[2].id"}


def test_written_file_reads_back_the_same_description_unicode_included():
    described = Description(
        title="Ñandú: “quotes” and \\ backslash",
        subtitle="line\nbreak",
        categories=(Term("Été"), Term("北朝鮮", "North Korea", "#abcdef")),
        directions=(Term("up", "Up", short="to top"), Term("down", "Down")),
        milestone_category="Été",
        optional_columns=("listed_in_article",),
        declared=("categories", "directions"),
    )
    again, problems = parse_dataset_file(write_dataset_file(described).encode())
    assert problems == [] and again == described


def test_without_a_file_vocabularies_come_from_the_data_in_order_of_first_appearance():
    events = pd.DataFrame({"category": ["b", "a", "b", "c"]})
    delegations = pd.DataFrame({"direction": ["y", "x"], "sector": ["S", "S"], "level": ["l", "m"],
                                "listed_in_article": ["false", "false"]})  # fmt: skip
    described = complete(None, {"events.csv": events, "delegations.csv": delegations}, "/some/women-in_computing")
    assert described.ids("categories") == ("b", "a", "c")
    assert described.ids("directions") == ("y", "x") and described.ids("levels") == ("l", "m")
    assert described.title == "women in computing" and described.citation == "women in computing"
    assert described.declared == () and not described.uses("listed_in_article")


def test_a_file_without_a_vocabulary_leaves_it_to_the_data():
    described, _ = parse_dataset_file(b'title = "T"\n')
    events = pd.DataFrame({"category": ["x"]})
    assert complete(described, {"events.csv": events}, "f").ids("categories") == ("x",)


@pytest.mark.parametrize(
    ("label", "title"),
    [("women_in_computing.csv", "women in computing"), ("/a/b/my-data/", "my data"), ("", "Timeline")],
)
def test_folder_title(label, title):
    assert folder_title(label) == title


@pytest.mark.parametrize(
    ("value", "hint"),
    [("Treaty", "treaty"), ("tretay", "treaty"), ("Defence", "Defense"), ("zzz", None)],
)
def test_nearest_declared_value_is_offered(value, hint):
    text = nearest(value, ("treaty", "war", "Defense"))
    assert (f"“{hint}”" in text) if hint else text == ""


def test_palette_extends_past_twelve_categories_by_cycling():
    colors = palette.qualitative(30)
    assert colors[:12] == list(palette.SAFE) and colors[12] == colors[0] and len(colors) == 30
    many = Description(categories=tuple(Term(f"c{i}") for i in range(13)))
    assert len(many.colors("categories")) == 13  # a 13th category gets a colour, not an exception


@pytest.mark.parametrize(("text", "ok"), [("#abc", True), ("#A1B2C3", True), ("red", False), ("#abcd", False)])
def test_colours_are_hex(text, ok):
    assert palette.is_color(text) is ok


def test_a_broken_dataset_file_stops_the_load_like_a_broken_table(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    (folder / DATASET_FILE).write_text('[[categories]]\nid = "treaty"\ncolor = "teal"\n')
    result = load_dataset(folder)
    assert not result.ok
    assert [(p.file, p.line, p.column) for p in result.problems] == [(DATASET_FILE, 3, "categories[1].color")]
