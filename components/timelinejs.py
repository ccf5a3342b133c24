"""TimelineJS spreadsheet CSV interop: import a sheet as the four Tumen tables, export Tumen tables as a sheet."""

from __future__ import annotations

import calendar
import csv
import hashlib
import html
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from components.dates import format_human, parse_edtf
from components.description import Description, Term
from components.problems import Problem
from components.schema import (
    CLAIM_STATUS_MEANING,
    CLAIM_STATUSES,
    TABLES,
    EventSchema,
    SourceSchema,
    columns_of,
    split_multi,
)
from components.tables import FORMULA_START, neutralise_formula

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline",
    "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
REQUIRED_COLUMNS = ("Year", "Headline")
# Group → category: each distinct Group (trimmed, as written, Unicode kept) is a category, in order of first
# appearance; events without a Group go to UNGROUPED (the only category of a sheet without Groups).
UNGROUPED = "Events"
IMPORT_SOURCE_ID = "timelinejs-import"
IMPORTED_ERA_ID = "imported"
NOTE_SEPARATOR = "; "
YEAR_EXPECTED = "a year from 1 to 9999 written in digits (Tumen dates cannot be BCE)"
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_SKIP = {"script", "style", "template", "noscript"}
# Export writes a row's claim status and its sources as marked paragraphs of Text; import reads them back.
STATUS_CLASS, SOURCES_CLASS = "tumen-status", "tumen-sources"
_MARKED = re.compile(rf'<p class="({STATUS_CLASS}|{SOURCES_CLASS})">(.*?)</p>', re.DOTALL | re.IGNORECASE)
_STATUS = re.compile(r"claim status:\s*([a-z]+)", re.IGNORECASE)
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"}


@dataclass(frozen=True)
class ImportResult:
    """The four Tumen tables made from a TimelineJS sheet, its title and description (dataset.toml), and every row
    that could not be imported."""

    tables: dict[str, pd.DataFrame]
    title: str = ""
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    description: Description = field(default_factory=Description)

    @property
    def ok(self) -> bool:
        """True when every row was imported."""
        return not self.problems


class _HtmlText(HTMLParser):
    """Collect the plain text (main and tl-note) and the links of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main: list[str] = []
        self.note: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._stack: list[tuple[str, bool]] = []
        self._skip = self._in_note = 0
        self._link: tuple[str, list[str]] | None = None

    def _out(self) -> list[str]:
        return self.note if self._in_note else self.main

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK:
            self._out().append(" ")
        attrs = {k: v or "" for k, v in attrs}
        is_note = "tl-note" in attrs.get("class", "").split()
        self._stack.append((tag, is_note))
        self._skip += tag in _SKIP
        self._in_note += is_note
        if tag == "a" and not self._skip:
            self._link = (attrs.get("href", "").strip(), [])

    def handle_endtag(self, tag):
        if tag in _BLOCK:
            self._out().append(" ")
        if tag not in (t for t, _ in self._stack):
            return
        while self._stack:
            open_tag, is_note = self._stack.pop()
            self._skip -= open_tag in _SKIP
            self._in_note -= is_note
            if open_tag == "a" and self._link:
                self.links.append((self._link[0], _squash("".join(self._link[1]))))
                self._link = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._skip:
            self._out().append(data)
            if self._link:
                self._link[1].append(data)


def _squash(text: str) -> str:
    return " ".join(text.split())


def html_text(fragment: str) -> tuple[str, str, list[tuple[str, str]]]:
    """Plain text of an HTML fragment: (main text, tl-note text, [(href, link text)])."""
    parser = _HtmlText()
    parser.feed(fragment)
    parser.close()
    if parser._stack:  # close what the fragment left open, so an unclosed <a> still counts
        parser.handle_endtag(parser._stack[0][0])
    return _squash("".join(parser.main)), _squash("".join(parser.note)), parser.links


def slug(text: str, limit: int = 60) -> str:
    """Lowercase ASCII letters, digits and hyphens for an id (accents folded, at most `limit` characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:limit].rsplit("-", 1)[0] if len(words) > limit else words


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _cell(value: str) -> str:
    """A stripped cell, without the apostrophe that export puts before a formula-like value."""
    value = value.strip()
    return value[1:] if value[:1] == "'" and value[1:2] and value[1] in FORMULA_START else value


def _read(source: str | Path, name: str | None) -> tuple[str, str | None, list[Problem]]:
    """(file name, CSV text or None, problems): a str with a line break or a comma that names no file is the text."""
    if isinstance(source, str) and ("\n" in source or ("," in source and not os.path.isfile(source))):
        return name or "timeline.csv", source.removeprefix("\ufeff"), []
    path = Path(source)
    name = name or path.name
    if not os.path.isfile(path):
        return name, None, [Problem(name, None, "", str(source), "a TimelineJS CSV file")]
    raw = path.read_bytes()
    try:
        return name, raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return name, None, [Problem(name, line, "", repr(raw[exc.start : exc.start + 8]), "UTF-8 text")]


def _records(text: str, name: str) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """(spreadsheet line, {TimelineJS column: cell}) for each non-blank row, or the problems of a broken file."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        # The broken record is the one after the last good one (its spreadsheet line, header = line 1); the
        # reader's own line_num points at where it gave up, often the end of the file.
        return [], [Problem(name, len(records) + 1, "", str(exc), "well-formed CSV (quotes matched)")]
    header = [h.strip().lower() for h in records[0]] if records else []
    expected = "this column in the header row"
    missing = [Problem(name, 1, c, "", expected) for c in REQUIRED_COLUMNS if c.lower() not in header]
    if missing:
        return [], missing
    where = {c: header.index(c.lower()) for c in COLUMNS if c.lower() in header}
    rows = []
    for line, record in enumerate(records[1:], start=2):
        cells = {c: _cell(record[i]) if i < len(record) else "" for c, i in where.items()}
        if any(cells.values()):
            rows.append((line, {c: cells.get(c, "") for c in COLUMNS}))
    return rows, []


def _date(cells: dict[str, str], prefix: str, bad) -> str | None:
    """EDTF from the Year/Month/Day cells (prefix "" or "End "): "" when all are empty, None after a problem."""
    y, m, d = (cells[prefix + part] for part in ("Year", "Month", "Day"))
    if not (y or m or d):
        return ""
    if not y:
        return bad(prefix + "Year", y, f"a {prefix}Year when {prefix}Month or {prefix}Day is given")
    if not re.fullmatch(r"-?\d{1,5}", y) or not 1 <= int(y) <= 9999:
        return bad(prefix + "Year", y, YEAR_EXPECTED)
    year = int(y)
    if not m:
        return f"{year:04d}" if not d else bad(prefix + "Month", m, "a month (1–12) when a day is given")
    if not m.isdigit() or not 1 <= int(m) <= 12:
        return bad(prefix + "Month", m, "a month number from 1 to 12")
    if not d:
        return f"{year:04d}-{int(m):02d}"
    last = calendar.monthrange(year, int(m))[1]
    if not d.isdigit() or not 1 <= int(d) <= last:
        return bad(prefix + "Day", d, f"a day from 1 to {last}")
    return f"{year:04d}-{int(m):02d}-{int(d):02d}"


def _dates(cells: dict[str, str], bad) -> tuple[str, str] | None:
    start, end = _date(cells, "", bad), _date(cells, "End ", bad)
    if start is None or end is None:
        return None
    if not start:
        return bad("Year", cells["Year"], "a Year (every row but the title needs a date)")
    if end and parse_edtf(end).upper < parse_edtf(start).lower:
        return bad("End Year", cells["End Year"], f"an end date not before the start ({start})")
    return start, end


def _cite(sources: dict[str, dict[str, str]], url: str, title: str = "") -> str | None:
    """The id of the `reference` source for an http(s) `url`, made on first use; None for anything else."""
    if not _URL.match(url):
        return None
    if url not in sources:
        host = urlsplit(url).hostname or url
        digest = hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()[:8]
        source_id = f"tl-src-{slug(host, 40)}-{digest}"
        sources[url] = dict(id=source_id, title=title or url, publisher=host, published="", url=url, kind="reference")
    return sources[url]["id"]


def _marked(text: str) -> tuple[str, str, str]:
    """(Text without Tumen's status and sources paragraphs, the claim status they give or "", the sources HTML)."""
    status, cited = "", []
    for kind, inner in _MARKED.findall(text):
        if kind.lower() == SOURCES_CLASS:
            cited.append(inner)
            continue
        found = _STATUS.search(html_text(inner)[0])
        status = found.group(1).lower() if found and found.group(1).lower() in CLAIM_STATUSES else status
    return _MARKED.sub(" ", text), status, " ".join(cited)


def _event(cells: dict[str, str], start: str, end: str, sources: dict) -> dict[str, str]:
    text, status, cited_html = _marked(cells["Text"])
    main, note, links = html_text(text)
    links += html_text(cited_html)[2]
    media, credit = cells["Media"], html_text(cells["Media Credit"])[0]
    caption = html_text(cells["Media Caption"])[0]
    media_text, _, media_links = ("", "", []) if _URL.match(media) else html_text(media)
    summary = main or media_text or caption or html_text(cells["Headline"])[0]
    cited = [_cite(sources, href, text) for href, text in [*links, *media_links, (media, caption)]]
    shown, group = cells["Display Date"], " ".join(cells["Group"].split())
    category = group or UNGROUPED
    notes = [note, f"Display date: {shown}" if shown and shown != format_human(start, end) else ""]
    notes += [f"{c}: {cells[c]}" for c in ("Time", "End Time") if cells[c]]
    notes += [
        f"Media: {media}" if _URL.match(media) else f"Media: {media_text}" if media_text not in ("", summary) else ""
    ]
    notes += [f"Media credit: {credit}" if credit else ""]
    source_ids = list(dict.fromkeys(s for s in cited if s)) or [IMPORT_SOURCE_ID]
    return {
        **dict(start=start, end=end, title=html_text(cells["Headline"])[0], summary=summary, era=""),
        **dict(category=category, actors="", location="", claim_status=status or "reported"),
        **dict(source_ids="; ".join(source_ids), notes=NOTE_SEPARATOR.join(n for n in notes if n)),
    }


def _assign_eras(events: list[dict[str, str]], eras: list[dict[str, str]], title: str, name: str) -> None:
    if not events:
        return
    if not eras:
        years = [int(e[k][:4]) for e in events for k in ("start", "end") if e[k]]
        summary = f"Every event imported from the TimelineJS file {name}."
        eras.append(dict(id=IMPORTED_ERA_ID, name=title or "Imported", start=f"{min(years):04d}"))
        eras[0] |= dict(end=f"{max(years):04d}", summary=summary)
    spans = [(era["id"], parse_edtf(era["start"]).lower, parse_edtf(era["end"]).upper) for era in eras]
    for event in events:
        lo, hi = parse_edtf(event["start"]).lower, parse_edtf(event["end"] or event["start"]).upper
        event["era"] = min(spans, key=lambda span, lo=lo, hi=hi: _fit(span, lo, hi))[0]


def _fit(span: tuple, lo, hi) -> tuple:
    """Sort key for an event's era: one containing its start, else one overlapping it, else the nearest."""
    era_id, a, b = span
    return not a <= lo <= b, not (a <= hi and lo <= b), max((a - lo).days, (lo - b).days, 0), era_id


def import_timelinejs(source: str | Path, *, name: str | None = None) -> ImportResult:
    """Read a TimelineJS CSV (a path, or the CSV text itself) into Tumen tables; report every row not imported.

    Dated rows become events: Year/Month/Day → EDTF `start` (`1863`, `1937-09`, `2024-06-19`), End Year/Month/Day
    → `end`, partial dates kept partial, years 1–9999 only. A row with a problem is left out and reported with its
    spreadsheet line (header = 1) and TimelineJS column. Text HTML becomes plain text (tl-note spans go to notes,
    with Media, Group and time details); every http(s) link in Text or Media becomes a `reference` source, and an
    event with none cites the `article` source IMPORT_SOURCE_ID. Type=title gives the title; Type=era rows become
    eras; an event goes to the era containing its start (else overlapping it, else the nearest); with no era rows,
    one era IMPORTED_ERA_ID spans every event. Group → category: see UNGROUPED; the description lists the
    categories in order of first appearance, with the title row as its title. Background and Media Thumbnail are
    not kept.
    """
    name, text, problems = _read(source, name)
    rows, problems = ([], problems) if text is None else _records(text, name)
    events, eras, sources, titles = [], [], {}, []
    event_ids, era_ids = set(), {IMPORTED_ERA_ID}
    for line, cells in rows:

        def bad(column, value, expected, line=line):
            problems.append(Problem(name, line, column, value, expected))

        kind = cells["Type"].lower()
        headline = html_text(cells["Headline"])[0]
        if kind == "title":
            if titles:
                bad("Type", cells["Type"], "at most one title row (Type=title)")
            titles.append(headline)
            continue
        dates = _dates(cells, bad)
        if dates is None:
            continue
        if not headline:
            bad("Headline", cells["Headline"], "a headline (the event or era title)")
        elif kind == "era" and not dates[1]:
            bad("End Year", "", "an End Year (an era needs an end date)")
        elif kind == "era":
            era_id = _unique(slug(headline) or "era", era_ids)
            summary = html_text(cells["Text"])[0] or headline
            eras.append(dict(id=era_id, name=headline, start=dates[0], end=dates[1], summary=summary))
        else:
            event = _event(cells, *dates, sources)
            event["id"] = _unique(f"tl-{dates[0][:4]}-{slug(headline) or 'event'}", event_ids)
            events.append(event)
    title = titles[0] if titles else ""
    _assign_eras(events, eras, title, name)
    source_rows = list(sources.values())
    if any(IMPORT_SOURCE_ID in e["source_ids"].split("; ") for e in events):
        source_rows.append(dict(id=IMPORT_SOURCE_ID, title=title or name, publisher=f"TimelineJS spreadsheet {name}"))
        source_rows[-1] |= dict(published="", url="", kind="article")
    rows = {"events.csv": events, "eras.csv": eras, "sources.csv": source_rows, "delegations.csv": []}
    tables = {n: pd.DataFrame(rows[n], columns=columns_of(TABLES[n]), dtype=object) for n in rows}
    categories = tuple(Term(c) for c in dict.fromkeys(e["category"] for e in events))
    description = Description(title=title, categories=categories, declared=("categories",))
    return ImportResult(tables, title, tuple(problems), description)


def _date_cells(edtf: str) -> list[str]:
    if not edtf:
        return ["", "", ""]
    parsed = parse_edtf(edtf)
    d, precision = parsed.lower, parsed.precision
    return [str(d.year), str(d.month) if precision != "year" else "", str(d.day) if precision == "day" else ""]


def _row(start: str, end: str, headline: str, text: str, kind: str = "", group: str = "", media=("", "")) -> list:
    cells = dict(zip(COLUMNS[:3], _date_cells(start), strict=True))
    cells |= dict(zip(COLUMNS[4:7], _date_cells(end), strict=True))
    shown = headline if html_text(headline)[0] == headline else html.escape(headline, quote=False)
    cells |= {"Display Date": format_human(start, end) if start else "", "Headline": shown, "Text": text}
    credit = media[1] if html_text(media[1])[0] == media[1] else html.escape(media[1], quote=False)
    cells |= {"Type": kind, "Group": group, "Media": media[0], "Media Credit": credit}
    return [neutralise_formula(cells.get(c, "")) for c in COLUMNS]


def _status_html(status: str) -> str:
    meaning = CLAIM_STATUS_MEANING.get(status, "")
    return f'<p class="{STATUS_CLASS}"><strong>Claim status: {html.escape(status)}.</strong> {html.escape(meaning, quote=False)}</p>'


def _sources_html(source_ids: str, by_id: dict[str, dict]) -> str:
    """The row's sources as links (http/https only; anything else as plain text), in a marked paragraph."""
    items = []
    for sid in split_multi(source_ids):
        src = by_id.get(sid)
        if src is None:
            continue
        title = html.escape(str(src[SourceSchema.title]), quote=False)
        meta = ", ".join(str(v) for v in (src[SourceSchema.publisher], src[SourceSchema.published]) if v)
        link = (
            f'<a href="{html.escape(src[SourceSchema.url])}">{title}</a>'
            if _URL.match(src[SourceSchema.url])
            else title
        )
        items.append(link + (f" ({html.escape(meta, quote=False)})" if meta else ""))
    return f'<p class="{SOURCES_CLASS}">Sources: {"; ".join(items)}</p>' if items else ""


def export_timelinejs(
    events: pd.DataFrame,
    eras: pd.DataFrame | None,
    *,
    sources: pd.DataFrame | None = None,
    title: str = "",
    categories: dict[str, str] | None = None,
) -> str:
    """A TimelineJS CSV of Tumen tables: a title row, one Type=era row per era, one row per event.

    Display Date is `dates.format_human` (EDTF qualifiers survive only there); Text is the summary HTML-escaped in a
    <p>, the claim status in a paragraph of its own (so a refuted claim reads as refuted on its slide), the sources
    as links, and the notes in a tl-note span (a "Media: URL" note goes back to Media); Group is the category.
    Formula-like cells get an apostrophe, which import drops again, so import → export → import keeps the events,
    their statuses and their sources' links. Group is the category's label from `categories` (id → label, the
    dataset file's), else its id.
    """
    categories = categories or {}
    by_id = {} if sources is None else {r[SourceSchema.id]: r for r in sources.to_dict("records")}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    if title:
        writer.writerow(_row("", "", title, "", kind="title"))
    for era in [] if eras is None else eras.to_dict("records"):
        text = f"<p>{html.escape(str(era['summary']), quote=False)}</p>"
        writer.writerow(_row(era["start"], era["end"], era["name"], text, kind="era"))
    for event in events.to_dict("records"):
        parts = [p for p in str(event.get(EventSchema.notes, "") or "").split(NOTE_SEPARATOR) if p]
        media = next((p[7:] for p in parts if p.startswith("Media: ") and _URL.match(p[7:])), "")
        credit = next((p[14:] for p in parts if p.startswith("Media credit: ")), "")
        kept = [p for p in parts if p not in (f"Media: {media}", f"Media credit: {credit}")]
        text = f"<p>{html.escape(str(event[EventSchema.summary]), quote=False)}</p>"
        text += _status_html(str(event.get(EventSchema.claim_status, "") or "reported"))
        text += _sources_html(str(event.get(EventSchema.source_ids, "") or ""), by_id)
        if kept:
            text += f'<span class="tl-note">{html.escape(NOTE_SEPARATOR.join(kept), quote=False)}</span>'
        row = (event[EventSchema.start], event[EventSchema.end] or "", event[EventSchema.title], text)
        group = categories.get(event[EventSchema.category], event[EventSchema.category])
        writer.writerow(_row(*row, group=group, media=(media, credit)))
    return out.getvalue()
