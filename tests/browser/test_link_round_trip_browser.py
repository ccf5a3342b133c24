"""Every URL parameter the README documents survives a link: opened in a fresh browser it shows the view, and the
Share popover's link of that view shows the same view again in another fresh browser.

Driven by the README's table: a parameter documented later without a case here fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from components.filters import DelegationFilter, EventFilter, in_span
from components.schema import DelegationSchema, EraSchema, EventSchema
from tests.browser.conftest import CHART_TIMEOUT_MS, open_share
from tests.conftest import ROOT, sample

DATA = sample()
EVENTS, DELEGATIONS = len(DATA.events), len(DATA.delegations)
T = CHART_TIMEOUT_MS


def readme_params() -> list[tuple[str, str]]:
    """(parameter, page) for every row of the README's parameter table."""
    section = (ROOT / "README.md").read_text().split("## Links", 1)[1].split("\n## ", 1)[0]
    found = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            found += [(cells[0].strip("`"), page) for page in re.findall(r"`(/[a-z]*)`", cells[1])]
    return found


def _events_caption(page: Page, flt: EventFilter) -> None:
    text = flt.describe(len(flt.apply(DATA.events)), EVENTS, DATA.description)
    expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=T)


def _delegations_caption(page: Page, flt: DelegationFilter) -> None:
    text = flt.describe(len(flt.apply(DATA.delegations)), DELEGATIONS, DATA.description)
    expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=T)


def _sidebar_value(label: str, value: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        expect(page.get_by_label(label, exact=True)).to_have_value(value, timeout=T)

    return check


def _tag(label: str, value: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        widget = page.locator("[data-testid=stMultiSelect]").filter(has_text=label)
        expect(widget.get_by_text(value, exact=True)).to_be_visible(timeout=T)

    return check


def _date(label: str, value: date) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        group = page.get_by_role("group", name=label, exact=True)
        for part, number in (("year", value.year), ("month", value.month), ("day", value.day)):
            expect(group.get_by_role("spinbutton", name=f"{part}, {label}")).to_have_attribute(
                "aria-valuenow", str(number), timeout=T
            )

    return check


def _selected_button(text: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        button = page.locator("[data-testid=stButtonGroup] button", has_text=text).first
        expect(button).to_have_attribute("aria-checked", "true", timeout=T)

    return check


def _lane_ticks(labels: list[str]) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        ticks = page.locator(".js-plotly-plot .ytick text")
        expect(ticks.first).to_be_attached(timeout=T)
        expect(ticks).to_have_text(labels, timeout=T)

    return check


@dataclass(frozen=True)
class Case:
    """A non-default value of one parameter and what a reader then sees."""

    query: str
    checks: tuple[Callable[[Page], None], ...]


ERA = DATA.eras.iloc[4]
EVENT = DATA.events[DATA.events[EventSchema.category] == "treaty"].iloc[2]
DELEGATION = DATA.delegations.iloc[3]
ACTOR = "Kim Jong Un"
D1, D2 = date(2000, 1, 1), date(2019, 12, 31)
Z1, Z2 = date(2018, 3, 1), date(2019, 6, 30)
DD1, DD2 = date(2024, 6, 1), date(2024, 9, 30)

CASES: dict[tuple[str, str], Case] = {
    ("era", "/"): Case(
        f"era={ERA[EraSchema.id]}",
        (_selected_button(ERA[EraSchema.name]), lambda p: expect(p.get_by_text(re.compile(r"\d+ in this era")).first).to_be_visible(timeout=T)),
    ),
    ("from", "/"): Case(f"from={D1}", (_date("From", D1), lambda p: _events_caption(p, EventFilter(date_from=D1)))),
    ("to", "/"): Case(f"to={D2}", (_date("To", D2), lambda p: _events_caption(p, EventFilter(date_to=D2)))),
    ("category", "/"): Case(
        "category=treaty&category=summit",
        (_tag("Categories", DATA.description.label("categories", "treaty")),
         _tag("Categories", DATA.description.label("categories", "summit")),
         lambda p: _events_caption(p, EventFilter(categories=("treaty", "summit")))),
    ),
    ("status", "/"): Case(
        "status=disputed", (_tag("Claim status", "Disputed"), lambda p: _events_caption(p, EventFilter(statuses=("disputed",))))
    ),
    ("actor", "/"): Case(
        "actor=Kim+Jong+Un", (_tag("Actors", ACTOR), lambda p: _events_caption(p, EventFilter(actors=(ACTOR,))))
    ),
    ("q", "/"): Case(
        "q=deportation",
        (_sidebar_value("Search title, summary, actors, notes", "deportation"),
         lambda p: _events_caption(p, EventFilter(query="deportation"))),
    ),
    ("lanes", "/"): Case(
        "lanes=status", (_selected_button("Claim status"), _lane_ticks(["confirmed", "reported", "disputed", "refuted"]))
    ),
    ("event", "/"): Case(
        f"event={EVENT[EventSchema.id]}",
        (lambda p: expect(p.get_by_role("heading", name=EVENT[EventSchema.title])).to_be_visible(timeout=T),),
    ),
    ("scale", "/"): Case(
        "scale=time",
        (_selected_button("True time"),
         lambda p: expect(p.locator(".js-plotly-plot .xtitle")).to_have_text("scale: true time", timeout=T)),
    ),
    ("zoom", "/"): Case(
        f"zoom={Z1}..{Z2}",
        (lambda p: expect(p.get_by_role("button", name=f"Zoomed to {Z1} … {Z2}: show all")).to_be_visible(timeout=T),
         lambda p: expect(p.get_by_text(f"· {len(in_span(DATA.events, (Z1, Z2)))} in view (zoomed)")).to_be_visible(timeout=T)),
    ),
    ("from", "/delegations"): Case(
        f"from={DD1}", (_date("From", DD1), lambda p: _delegations_caption(p, DelegationFilter(date_from=DD1)))
    ),
    ("to", "/delegations"): Case(
        f"to={DD2}", (_date("To", DD2), lambda p: _delegations_caption(p, DelegationFilter(date_to=DD2)))
    ),
    ("q", "/delegations"): Case(
        "q=Shoigu",
        (_sidebar_value("Search body, leader, summary", "Shoigu"),
         lambda p: _delegations_caption(p, DelegationFilter(query="Shoigu"))),
    ),
    ("direction", "/delegations"): Case(
        "direction=russia_to_dprk",
        (_selected_button("Russia → North Korea"),
         lambda p: _delegations_caption(p, DelegationFilter(direction="russia_to_dprk"))),
    ),
    ("sector", "/delegations"): Case(
        "sector=Defense&sector=Sports",
        (_tag("Sectors", "Defense"), _tag("Sectors", "Sports"),
         lambda p: _delegations_caption(p, DelegationFilter(sectors=("Defense", "Sports")))),
    ),
    ("level", "/delegations"): Case(
        "level=ministerial", (_tag("Levels", "Ministers"), lambda p: _delegations_caption(p, DelegationFilter(levels=("ministerial",))))
    ),
    ("listed", "/delegations"): Case(
        "listed=true",
        (lambda p: expect(p.get_by_role("switch", name="Only delegations listed in the article")).to_be_checked(timeout=T),
         lambda p: _delegations_caption(p, DelegationFilter(listed_only=True))),
    ),
    ("delegation", "/delegations"): Case(
        f"delegation={DELEGATION[DelegationSchema.id]}",
        (lambda p: expect(p.get_by_role("heading", name=DELEGATION[DelegationSchema.body])).to_be_visible(timeout=T),),
    ),
    ("chart", "/delegations"): Case(
        "chart=Breadth",
        (lambda p: expect(p.get_by_role("tab", name="Breadth")).to_have_attribute("aria-selected", "true", timeout=T),
         lambda p: expect(p.locator(".st-key-breadth_chart .js-plotly-plot")).to_be_visible(timeout=T)),
    ),
    ("data_q", "/data"): Case(
        "data_q=Aigun",
        (_sidebar_value("Search all tables", "Aigun"),
         lambda p: expect(p.get_by_text(re.compile(r"^\d+ of \d+ rows match “Aigun”")).first).to_be_visible(timeout=T)),
    ),
}  # fmt: skip


def test_every_documented_parameter_has_a_case():
    assert set(readme_params()) == set(CASES), "a README parameter without a round-trip case, or a stale case"


def _open(browser: Browser, url: str) -> tuple[Page, object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    return page, context


def _shared_link(page: Page, path: str) -> str:
    """The link the page gives for its view: the Share popover's on pages that have one, else the address bar."""
    if path == "/data":
        return page.url
    open_share(page)
    return page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").first.inner_text().strip()


@pytest.mark.parametrize(("key", "path"), list(CASES), ids=lambda v: v)
def test_a_link_reproduces_the_view_and_so_does_its_share_link(browser: Browser, app_url, key, path):
    case = CASES[(key, path)]
    page, context = _open(browser, f"{app_url}{path}?{case.query}")
    for check in case.checks:
        check(page)
    expect(page.get_by_text("Ignored from the link")).to_have_count(0)
    link = _shared_link(page, path)
    assert parse_qs(urlsplit(link).query) == parse_qs(case.query), link
    context.close()
    again, context = _open(browser, f"{app_url}{urlsplit(link).path}?{urlsplit(link).query}")
    for check in case.checks:
        check(again)
    context.close()
