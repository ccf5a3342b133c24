"""TimelineJS CSV interop: column mapping, partial dates, HTML to text, problems with line and column, round trip."""

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from components.loading import load_dataset
from components.problems import Problem
from components.schema import TABLES, columns_of
from components.timelinejs import (
    COLUMNS,
    IMPORT_SOURCE_ID,
    IMPORTED_ERA_ID,
    UNGROUPED,
    export_timelinejs,
    html_text,
    import_timelinejs,
)
from components.writing import write_tables
from tests.conftest import FIXTURES, MINI

TL = FIXTURES / "timelinejs"
SAMPLE = TL / "women_in_computing.csv"
CORNERS = TL / "corners.csv"
WITH_ERAS = TL / "with_eras.csv"
KEPT = ["start", "end", "title", "summary", "category"]


def sheet(*rows: dict[str, str]) -> str:
    """A TimelineJS CSV with the given cells (missing cells empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def one(**cells: str) -> dict[str, str]:
    """Import a sheet with one event row (Headline and Text defaulted) and return that event."""
    result = import_timelinejs(sheet({"Headline": "An event", "Text": "Some text.", **cells}))
    assert result.problems == ()
    (event,) = result.tables["events.csv"].to_dict("records")
    return event


def events_of(path: Path) -> pd.DataFrame:
    return import_timelinejs(path).tables["events.csv"]


def test_header_matches_the_timelinejs_sample():
    with SAMPLE.open(encoding="utf-8") as f:
        assert tuple(next(csv.reader(f))) == COLUMNS


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [
        ({"Headline": "Treaty signed"}, "title", "Treaty signed"),
        ({"Text": "<p>What happened.</p>"}, "summary", "What happened."),
        ({"Group": "Treaty"}, "category", "Treaty"),
        ({}, "claim_status", "reported"),
        ({}, "actors", ""),
        ({}, "location", ""),
        ({}, "era", IMPORTED_ERA_ID),
        ({}, "source_ids", IMPORT_SOURCE_ID),
        ({"Headline": "Rózsa Péter writes!"}, "id", "tl-1863-rozsa-peter-writes"),
        ({"Media": "https://example.org/a.jpg"}, "notes", "Media: https://example.org/a.jpg"),
        ({"Media Credit": "<b>Agency</b>"}, "notes", "Media credit: Agency"),
        ({"Time": "10:00", "End Time": "11:00"}, "notes", "Time: 10:00; End Time: 11:00"),
        ({"Display Date": "Spring 1863"}, "notes", "Display date: Spring 1863"),
        ({"Display Date": "1863"}, "notes", ""),  # same as Tumen would write it: nothing to keep
        ({"Text": "", "Media Caption": "A caption"}, "summary", "A caption"),
        ({"Text": "", "Media": "<blockquote>A quote</blockquote>"}, "summary", "A quote"),
        ({"Text": ""}, "summary", "An event"),  # no text at all: the headline
        ({"Headline": "'=1+1 is text"}, "title", "=1+1 is text"),  # export's apostrophe dropped
        ({"Headline": "'Quoted' word"}, "title", "'Quoted' word"),
    ],
)
def test_column_mapping(cells, column, expected):
    assert one(Year="1863", **cells)[column] == expected


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ({"Year": "1863"}, "1863", ""),
        ({"Year": "1937", "Month": "9"}, "1937-09", ""),
        ({"Year": "2024", "Month": "06", "Day": "19"}, "2024-06-19", ""),
        ({"Year": "1943", "Month": "7", "End Year": "1946"}, "1943-07", "1946"),
        ({"Year": "1815", "Month": "12", "Day": "10", "End Year": "1852", "End Month": "11"}, "1815-12-10", "1852-11"),
        ({"Year": "2024", "Month": "6", "Day": "18", "End Year": "2024", "End Month": "6", "End Day": "19"}, "2024-06-18", "2024-06-19"),
        ({"Year": "800"}, "0800", ""),
        ({"Year": "1"}, "0001", ""),
        ({"Year": "9999", "Month": "12", "Day": "31"}, "9999-12-31", ""),
        ({"Year": "2024", "Month": "2", "Day": "29"}, "2024-02-29", ""),
    ],
)  # fmt: skip
def test_partial_dates_stay_partial(dates, start, end):
    event = one(**dates)
    assert (event["start"], event["end"]) == (start, end)


@pytest.mark.parametrize(
    ("cells", "column", "value", "words"),
    [
        ({}, "Year", "", "needs a date"),
        ({"Month": "5"}, "Year", "", "Year when Month"),
        ({"Year": "-500"}, "Year", "-500", "BCE"),
        ({"Year": "500 BC"}, "Year", "500 BC", "BCE"),
        ({"Year": "0"}, "Year", "0", "1 to 9999"),
        ({"Year": "10000"}, "Year", "10000", "1 to 9999"),
        ({"Year": "c. 1900"}, "Year", "c. 1900", "digits"),
        ({"Year": "1937", "Month": "13"}, "Month", "13", "1 to 12"),
        ({"Year": "1937", "Month": "Sep"}, "Month", "Sep", "1 to 12"),
        ({"Year": "1937", "Day": "5"}, "Month", "", "when a day is given"),
        ({"Year": "2023", "Month": "2", "Day": "29"}, "Day", "29", "1 to 28"),
        ({"Year": "2010", "End Year": "2005"}, "End Year", "2005", "not before the start (2010)"),
        ({"Year": "2010", "End Month": "5"}, "End Year", "", "End Year when End Month"),
        ({"Year": "2010", "End Year": "-1"}, "End Year", "-1", "BCE"),
        ({"Year": "2010", "Headline": ""}, "Headline", "", "headline"),
        ({"Year": "2010", "End Year": "2011", "Type": "era", "Headline": ""}, "Headline", "", "headline"),
        ({"Year": "2010", "Type": "era"}, "End Year", "", "era needs an end"),
        ({"Type": "era"}, "Year", "", "needs a date"),
    ],
)
def test_row_problems_name_line_column_value_and_are_not_imported(cells, column, value, words):
    text = sheet({"Headline": "Fine", "Year": "2000"}, {"Headline": "Broken", "Text": "x", **cells})
    result = import_timelinejs(text, name="mine.csv")
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("mine.csv", 3, column, value)
    assert words in problem.expected
    assert result.tables["events.csv"]["title"].tolist() == ["Fine"]


def test_missing_year_reported_with_spreadsheet_line_and_column():
    # corners.csv has a multi-line cell on line 3 and a blank line 8: lines count rows, as a spreadsheet does.
    problems = import_timelinejs(CORNERS).problems
    assert [(p.file, p.line, p.column, p.value) for p in problems] == [
        ("corners.csv", 5, "Year", ""),
        ("corners.csv", 7, "Year", "-500"),
        ("corners.csv", 9, "Day", "30"),
        ("corners.csv", 12, "End Year", "2005"),
    ]
    assert str(problems[0]).startswith("corners.csv, line 5, column Year: '' — expected a Year when Month")


@pytest.mark.parametrize(
    ("fragment", "main", "note"),
    [
        ("<p>Plain</p>", "Plain", ""),
        ("A &amp; B &lt;tag&gt; Caf&eacute; &#8211; &#x41;", "A & B <tag> Café – A", ""),
        ("<script>alert('x')</script>Safe", "Safe", ""),
        ("<SCRIPT type='text/javascript'>document.write('<p>no</p>')</SCRIPT>Upper", "Upper", ""),
        ("<style>p { color: red }</style><p>Styled</p>", "Styled", ""),
        ("Before<script>never closed", "Before", ""),
        ('<a href="https://x.org">link text</a> kept', "link text kept", ""),
        ("<p>One</p><p>Two</p>", "One Two", ""),
        ("Line\nbreak<br>here<br/>and\tthere", "Line break here and there", ""),
        ("<b>bold</b>face <i>unclosed", "boldface unclosed", ""),
        ("<img src=x onerror=alert(1)>Image", "Image", ""),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>", ""),
        ('Main<span class="tl-note">An <b>aside</b></span> more', "Main more", "An aside"),
        ('<div class="big tl-note"><p>Nested</p> note</div>', "", "Nested note"),
        ("stray</p> end tag", "stray end tag", ""),
        ("", "", ""),
    ],
)
def test_html_becomes_plain_text(fragment, main, note):
    assert html_text(fragment)[:2] == (main, note)


@pytest.mark.parametrize(
    ("fragment", "links"),
    [
        ('<a href="https://x.org/a?b=1&amp;c=2">X</a>', [("https://x.org/a?b=1&c=2", "X")]),
        ('<a href="http://y.org">Y <b>bold</b></a> and <a href="/relative">Z</a>', [("http://y.org", "Y bold"), ("/relative", "Z")]),
        ('<a href="https://open.org">never closed', [("https://open.org", "never closed")]),
        ("<script><a href='https://hidden.org'>no</a></script>", []),
    ],
)  # fmt: skip
def test_html_links_are_collected(fragment, links):
    assert html_text(fragment)[2] == links


def test_links_and_media_become_cited_reference_sources():
    text = sheet(
        {
            "Year": "1950",
            "Headline": "Linked",
            "Text": '<a href="https://example.org/p?a=1&amp;b=2">Page</a> <a href="mailto:a@b.c">mail</a>'
            ' <a href="javascript:alert(1)">js</a> <a href="https://example.org/p?a=1&amp;b=2">again</a>',
            "Media": "https://media.example.com/x.jpg",
            "Media Caption": "A <i>picture</i>",
        },
        {"Year": "1951", "Headline": "Unlinked", "Text": "No links."},
    )
    result = import_timelinejs(text)
    sources = result.tables["sources.csv"].set_index("url")
    page, media = sources.loc["https://example.org/p?a=1&b=2"], sources.loc["https://media.example.com/x.jpg"]
    assert (page["title"], page["publisher"], page["kind"]) == ("Page", "example.org", "reference")
    assert (media["title"], media["publisher"], media["kind"]) == ("A picture", "media.example.com", "reference")
    linked, unlinked = result.tables["events.csv"]["source_ids"]
    assert linked.split("; ") == [page["id"], media["id"]]
    assert unlinked == IMPORT_SOURCE_ID
    own = sources.loc[""]
    assert (own["id"], own["kind"], own["title"]) == (IMPORT_SOURCE_ID, "article", "timeline.csv")


@pytest.mark.parametrize(
    ("group", "category"),
    [
        ("Treaty", "Treaty"),
        (" War  and peace ", "War and peace"),
        ("Ñandú · 北朝鮮", "Ñandú · 北朝鮮"),
        ("", UNGROUPED),
    ],
)
def test_each_group_is_a_category_as_written(group, category):
    result = import_timelinejs(sheet({"Year": "2000", "Headline": "A", "Text": "t", "Group": group}))
    event = result.tables["events.csv"].iloc[0]
    assert event["category"] == category and "Group:" not in event["notes"]
    assert result.description.ids("categories") == (category,)


def test_groups_become_the_dataset_files_categories_in_order_of_first_appearance():
    rows = [{"Year": str(1900 + i), "Headline": f"E{i}", "Group": g} for i, g in enumerate("BABCA")]
    result = import_timelinejs(sheet({"Type": "title", "Headline": "Sheet title"}, *rows))
    assert result.description.ids("categories") == ("B", "A", "C")
    assert result.description.title == "Sheet title"


def test_corner_fixture_bom_quotes_multiline_html_and_duplicates():
    result = import_timelinejs(CORNERS)
    assert result.title == "Corner cases"
    events = result.tables["events.csv"].set_index("id")
    assert list(events.index) == [
        "tl-1937-deportation-begins",
        "tl-2024-two-day-summit",
        "tl-1950-script-row",
        "tl-1991-collapse",
        "tl-2000-1-1-is-not-a-formula",
        "tl-1937-deportation-begins-2",
    ]
    assert events.loc["tl-1937-deportation-begins", "summary"] == 'Text with "quotes" and a multi-line cell.'
    assert events.loc["tl-1937-deportation-begins", "category"] == "Repression"
    script = events.loc["tl-1950-script-row"]
    assert script["summary"] == "Café <b> & linked text."
    assert "alert" not in script["summary"] + script["notes"] and "color" not in script["summary"]
    assert script["notes"] == ("A note – here; Media: https://example.com/media.jpg; Media credit: Example Credit")
    assert events.loc["tl-2000-1-1-is-not-a-formula", "title"] == "=1+1 is not a formula"


@pytest.mark.parametrize("path", [SAMPLE, CORNERS, WITH_ERAS], ids=lambda p: p.name)
def test_imported_folder_passes_load_dataset(path, tmp_path):
    result = import_timelinejs(path)
    folder = write_tables(result.tables, tmp_path / "data")
    loaded = load_dataset(folder)
    assert loaded.ok, loaded.problems
    for name, schema in TABLES.items():
        assert (folder / name).read_text().splitlines()[0] == ",".join(columns_of(schema))
    assert loaded.dataset.counts()["events"] == len(result.tables["events.csv"])
    assert loaded.dataset.counts()["delegations"] == 0


def test_the_timelinejs_sample_imports_completely():
    result = import_timelinejs(SAMPLE)
    assert (result.title, result.problems) == ("Women in Computing", ())
    events = result.tables["events.csv"].set_index("title")
    assert len(events) == 10
    assert events.loc["Ada Lovelace", ["start", "end"]].tolist() == ["1815-12-10", "1852-11-27"]
    assert events.loc["...And the women who made it work", ["start", "end"]].tolist() == ["1943-07", "1946"]
    assert events.loc["Rózsa Péter writes recursion", ["start", "end"]].tolist() == ["1951", ""]
    assert events.loc["Ada Lovelace", "notes"].startswith('This slide demonstrates a simple "image" media type.')
    assert "Babbage's Analytical Engine contains" in events.loc["Ada Lovelace", "summary"]
    assert "There is no demand for women engineers" in events.loc["Edith Clarke: Bucking the Trend", "summary"]
    sources = result.tables["sources.csv"].set_index("id")
    ada = [sources.loc[s, "title"] for s in events.loc["Ada Lovelace", "source_ids"].split("; ")]
    assert ada[:2] == ["Ada Lovelace", "Charles Babbage's Analytical Engine"]
    assert sources.loc[IMPORT_SOURCE_ID, "title"] == "Women in Computing"
    (era,) = result.tables["eras.csv"].to_dict("records")
    assert (era["id"], era["start"], era["end"]) == (IMPORTED_ERA_ID, "1815", "1985")


def test_era_rows_become_eras_and_events_join_the_best_fitting_one():
    result = import_timelinejs(WITH_ERAS)
    assert [(p.line, p.column) for p in result.problems] == [(8, "End Year")]
    eras = result.tables["eras.csv"]
    assert eras[["id", "name", "start", "end"]].values.tolist() == [
        ["cold-war", "Cold War", "1945", "1990"],
        ["after-the-ussr", "After the USSR", "1991", "2025"],
    ]
    assert eras["summary"].tolist() == ["From liberation to the Soviet collapse.", "After the USSR"]
    assignment = dict(result.tables["events.csv"][["title", "era"]].values)
    assert assignment == {
        "Inside the first era": "cold-war",
        "Overlapping the first era": "cold-war",
        "After every era": "after-the-ussr",
        "Cold War": "cold-war",
    }


@pytest.mark.parametrize(
    "source",
    [CORNERS, str(CORNERS), CORNERS.read_text(encoding="utf-8-sig"), CORNERS.read_text(encoding="utf-8")],
    ids=["path", "str-path", "text", "text-with-bom"],
)
def test_a_path_or_the_csv_text_import_the_same(source):
    assert import_timelinejs(source).tables["events.csv"].equals(events_of(CORNERS))


@pytest.mark.parametrize(
    ("content", "line", "column", "words"),
    [
        (b"Year,Headline\n1900,Caf\xe9\n", 2, "", "UTF-8"),
        (b"Year,Text\n1900,x\n", 1, "Headline", "header row"),
        (b"", 1, "Year", "header row"),
        (b'Year,Headline\n1900,"never closed\n', 2, "", "quotes matched"),
    ],
)
def test_broken_files_are_problems_not_exceptions(tmp_path, content, line, column, words):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    result = import_timelinejs(path)
    assert (result.problems[0].file, result.problems[0].line, result.problems[0].column) == ("broken.csv", line, column)
    assert words in result.problems[0].expected
    assert all(result.tables[name].empty for name in TABLES)


@pytest.mark.parametrize("source", [Path("no/such.csv"), "no/such.csv"], ids=["path", "str"])
def test_a_missing_file_is_a_problem(source):
    (problem,) = import_timelinejs(source).problems
    assert (problem.file, problem.line, problem.value) == ("such.csv", None, "no/such.csv")


def _export_rows(events: pd.DataFrame, eras: pd.DataFrame | None = None, title: str = "") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_timelinejs(events, eras, title=title))))


def test_export_writes_timelinejs_columns_title_eras_and_events():
    dataset = load_dataset(MINI).dataset
    text = export_timelinejs(dataset.events, dataset.eras, title="Mini")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = _export_rows(dataset.events, dataset.eras, title="Mini")
    assert [(r["Type"], r["Headline"]) for r in rows[:3]] == [
        ("title", "Mini"),
        ("era", "Early era"),
        ("era", "Late era"),
    ]
    assert [r[c] for r in rows[1:3] for c in ("Year", "Month", "Day", "End Year", "End Month", "End Day")] == [
        *("1600", "", "", "1899", "12", "31"),
        *("1900", "1", "1", "2025", "12", "31"),
    ]
    old, month, span = rows[3:]
    assert [old[c] for c in ("Year", "Month", "Display Date", "Group", "Type")] == [
        "1650",
        "",
        "c. 1650",
        "migration",
        "",
    ]
    assert [month[c] for c in ("Year", "Month", "Day", "Display Date")] == ["1937", "9", "", "September 1937"]
    assert [span[c] for c in ("Day", "End Day", "Display Date")] == ["18", "19", "18–19 June 2024"]
    assert span["Text"] == (
        '<p>Spans two days.</p><p class="tumen-status"><strong>Claim status: disputed.</strong> '
        "Credible sources disagree, or the seed article's claim is contested.</p>"
        '<span class="tl-note">The article says otherwise.</span>'
    )


STATUS_P = (
    '<p class="tumen-status"><strong>Claim status: reported.</strong> '
    "Reported by credible sources but not officially confirmed, or resting on one source.</p>"
)


@pytest.mark.parametrize(
    ("column", "value", "cell", "text"),
    [
        ("title", "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")", None),
        ("title", "-1 degree", "'-1 degree", None),
        ("title", "AT&T & <b>", "AT&amp;T &amp; &lt;b&gt;", None),
        ("title", "Plain & simple", "Plain & simple", None),
        ("summary", "<script>alert(1)</script> & more", None, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>" + STATUS_P),
        ("notes", "Other; Media: https://x.org/m.jpg", None, f'<p>S.</p>{STATUS_P}<span class="tl-note">Other</span>'),
    ],
)  # fmt: skip
def test_export_escapes_html_and_neutralises_formulas(column, value, cell, text):
    event = {"id": "e", "start": "2000", "end": "", "title": "T", "summary": "S.", "category": "war", "notes": ""}
    event |= {"claim_status": "reported"}
    (row,) = _export_rows(pd.DataFrame([{**event, column: value}]), None)
    if cell is not None:
        assert row["Headline"] == cell
    if text is not None:
        assert row["Text"] == text
    back = import_timelinejs(export_timelinejs(pd.DataFrame([{**event, column: value}]), None))
    assert back.tables["events.csv"].iloc[0][column] == value


@pytest.mark.parametrize("path", [SAMPLE, CORNERS, WITH_ERAS], ids=lambda p: p.name)
def test_round_trip_import_export_import_keeps_events(path):
    first = import_timelinejs(path)
    exported = export_timelinejs(first.tables["events.csv"], first.tables["eras.csv"], title=first.title)
    second = import_timelinejs(exported)
    assert second.problems == ()
    assert second.title == first.title
    columns = [*KEPT, "notes"]
    pd.testing.assert_frame_equal(second.tables["events.csv"][columns], first.tables["events.csv"][columns])


def test_round_trip_from_a_tumen_dataset_keeps_dates_without_qualifiers():
    dataset = load_dataset(MINI).dataset
    back = import_timelinejs(export_timelinejs(dataset.events, dataset.eras)).tables["events.csv"]
    assert back["start"].tolist() == ["1650", "1937-09", "2024-06-18"]  # "1650~" lives on only in Display Date
    assert back[KEPT[1:]].values.tolist() == dataset.events[KEPT[1:]].values.tolist()
    assert back["era"].tolist() == ["early-era", "late-era", "late-era"]


def test_problem_type_is_the_loaders():
    assert isinstance(import_timelinejs(sheet({"Headline": "No date"})).problems[0], Problem)


SOURCES = pd.DataFrame(
    [
        {"id": "s1", "title": "Report <one>", "publisher": "Agency", "published": "2024", "url": "https://a.org/1?x=1&y=2", "kind": "news"},
        {"id": "s2", "title": "Second", "publisher": "", "published": "", "url": "https://b.org/2", "kind": "un"},
        {"id": "s3", "title": "An article with no address", "publisher": "P", "published": "", "url": "", "kind": "article"},
    ]
)  # fmt: skip


@pytest.mark.parametrize("status", ["confirmed", "reported", "disputed", "refuted"])
def test_export_shows_the_claim_status_and_import_reads_it_back(status):
    event = {"id": "e", "start": "2000", "end": "", "title": "T", "summary": "S.", "category": "war", "notes": ""}
    event |= {"claim_status": status, "source_ids": "s1"}
    (row,) = list(csv.DictReader(io.StringIO(export_timelinejs(pd.DataFrame([event]), None, sources=SOURCES))))
    assert f"Claim status: {status}." in html_text(row["Text"])[0]  # what a reader of the slide sees
    back = import_timelinejs(export_timelinejs(pd.DataFrame([event]), None, sources=SOURCES))
    assert back.tables["events.csv"].iloc[0]["claim_status"] == status
    assert back.tables["events.csv"].iloc[0]["summary"] == "S."


def test_export_links_the_sources_and_import_makes_them_sources_again():
    event = {"id": "e", "start": "2000", "end": "", "title": "T", "summary": "S.", "category": "war", "notes": "N"}
    event |= {"claim_status": "refuted", "source_ids": "s1; s2; s3; gone"}
    (row,) = list(csv.DictReader(io.StringIO(export_timelinejs(pd.DataFrame([event]), None, sources=SOURCES))))
    main, note, links = html_text(row["Text"])
    assert links == [("https://a.org/1?x=1&y=2", "Report <one>"), ("https://b.org/2", "Second")]
    assert "An article with no address (P)" in main and note == "N"
    back = import_timelinejs(export_timelinejs(pd.DataFrame([event]), None, sources=SOURCES))
    sources = back.tables["sources.csv"]
    assert sorted(zip(sources["url"], sources["title"])) == [
        ("https://a.org/1?x=1&y=2", "Report <one>"),
        ("https://b.org/2", "Second"),
    ]
    ev = back.tables["events.csv"].iloc[0]
    assert len(ev["source_ids"].split("; ")) == 2 and (ev["summary"], ev["notes"]) == ("S.", "N")
