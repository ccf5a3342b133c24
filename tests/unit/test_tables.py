"""Text search and spreadsheet-safe CSV export."""

import io

import pandas as pd
import pytest

from components.search import search_frame
from components.tables import neutralise_formula, to_csv_bytes

FRAME = pd.DataFrame(
    {"title": ["Treaty signed", "Deportation of Koreans", "Shoigu visit"], "notes": ["June 2024", "1937", "Pyongyang"]}
)


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Treaty signed", "Deportation of Koreans", "Shoigu visit"]),
        ("treaty", ["Treaty signed"]),
        ("KOREANS 1937", ["Deportation of Koreans"]),
        ("pyongyang shoigu", ["Shoigu visit"]),
        ("treaty 1937", []),
    ],
)
def test_search_frame_matches_every_word(query, titles):
    assert search_frame(FRAME, query)["title"].tolist() == titles


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Plain text", "Plain text"),
        ("1937-09", "1937-09"),
        (12, 12),
    ],
)
def test_neutralise_formula(cell, expected):
    assert neutralise_formula(cell) == expected


def test_csv_export_round_trips_plain_rows_and_neutralises_formulas():
    df = pd.DataFrame({"id": ["a", "b"], "title": ["Fine", "=1+1"]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(df)), dtype=str)
    assert back["id"].tolist() == ["a", "b"]
    assert back["title"].tolist() == ["Fine", "'=1+1"]
