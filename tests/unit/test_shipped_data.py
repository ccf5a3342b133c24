"""Integrity of the shipped dataset: valid, sourced, the article's delegations present once, eras contiguous."""

from datetime import timedelta

import pytest

from components.loading import load_dataset
from components.schema import Derived, EraSchema, EventSchema, SourceSchema, split_multi
from tests.conftest import SHIPPED

ARTICLE_DELEGATIONS = {
    # (direction, sector) of each delegation the seed article lists; one row each.
    ("dprk_to_russia", "Energy"): 1,
    ("dprk_to_russia", "Foreign affairs"): 1,
    ("dprk_to_russia", "Sports"): 1,
    ("dprk_to_russia", "Party"): 1,
    ("russia_to_dprk", "Education"): 1,
    ("russia_to_dprk", "Security"): 1,
    ("russia_to_dprk", "Agriculture"): 1,
    ("russia_to_dprk", "Digital"): 1,
    ("russia_to_dprk", "Economy"): 1,
    ("russia_to_dprk", "Diaspora"): 1,
    ("russia_to_dprk", "Environment"): 1,
    ("russia_to_dprk", "Sports"): 1,
    # Military Academy and Ministry of Defense are both Defense.
    ("russia_to_dprk", "Defense"): 2,
}


@pytest.fixture(scope="module")
def dataset():
    result = load_dataset(SHIPPED)
    assert result.ok, "\n".join(map(str, result.problems))
    return result.dataset


def test_shipped_data_validates(dataset):
    assert len(dataset.events) >= 60
    assert dataset.sources[SourceSchema.id].is_unique


def test_every_article_delegation_is_present_exactly_once(dataset):
    listed = dataset.delegations[dataset.delegations["listed_in_article"] == "true"]
    counts = listed.groupby(["direction", "sector"]).size().to_dict()
    assert counts == ARTICLE_DELEGATIONS
    assert len(listed) == 14


def test_every_row_cites_a_known_source(dataset):
    known = set(dataset.sources[SourceSchema.id])
    for table in (dataset.events, dataset.delegations):
        for cell in table[EventSchema.source_ids]:
            refs = split_multi(cell)
            assert refs and set(refs) <= known, cell


def test_every_source_has_a_url_except_the_seed_article(dataset):
    missing = dataset.sources[dataset.sources[SourceSchema.url] == ""]
    assert missing[SourceSchema.id].tolist() == ["seed-article"]
    assert dataset.sources[SourceSchema.url].str.match(r"^(https?://.+)?$").all()


def test_every_source_is_cited(dataset):
    cited = {
        ref for t in (dataset.events, dataset.delegations) for c in t[EventSchema.source_ids] for ref in split_multi(c)
    }
    assert set(dataset.sources[SourceSchema.id]) <= cited


def test_eras_are_contiguous_from_1858_to_2025(dataset):
    eras = dataset.eras.sort_values(Derived.lower)
    assert eras[Derived.lower].iloc[0].year == 1858 and eras[Derived.upper].iloc[-1].year == 2025
    for prev, nxt in zip(eras.iloc[:-1].itertuples(), eras.iloc[1:].itertuples(), strict=True):
        gap = getattr(nxt, Derived.lower) - getattr(prev, Derived.upper)
        assert gap == timedelta(days=1), (prev.id, nxt.id)


def test_each_event_overlaps_its_era(dataset):
    eras = dataset.eras.set_index(EraSchema.id)
    for row in dataset.events.itertuples():
        era = eras.loc[getattr(row, EventSchema.era)]
        assert (
            getattr(row, Derived.lower) <= era[Derived.upper] and getattr(row, Derived.upper) >= era[Derived.lower]
        ), row.id


def test_rows_that_correct_the_article_say_so(dataset):
    # A row that cites the article and is not simply confirmed must explain itself in notes.
    for table in (dataset.events, dataset.delegations):
        cites = table[EventSchema.source_ids].map(lambda c: "seed-article" in split_multi(c))
        unsure = table[EventSchema.claim_status] != "confirmed"
        assert (table[cites & unsure][EventSchema.notes] != "").all()
