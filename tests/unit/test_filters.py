"""Filters as values: applying them and describing them, table-driven on the mini dataset."""

from datetime import date

import pytest

from components.filters import DelegationFilter, EventFilter, actor_options, step
from components.loading import load_dataset
from tests.conftest import MINI, sample


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI).dataset


@pytest.mark.parametrize(
    ("flt", "ids"),
    [
        (EventFilter(), ["e-old", "e-month", "e-range"]),
        (EventFilter(date_from=date(1900, 1, 1)), ["e-month", "e-range"]),
        (EventFilter(date_to=date(1937, 9, 15)), ["e-old", "e-month"]),
        (EventFilter(date_from=date(1650, 12, 31), date_to=date(1650, 12, 31)), ["e-old"]),
        (EventFilter(date_from=date(2024, 6, 19)), ["e-range"]),
        (EventFilter(categories=("summit", "migration")), ["e-old", "e-range"]),
        (EventFilter(statuses=("confirmed",)), ["e-month"]),
        (EventFilter(actors=("Example B",)), ["e-month", "e-range"]),
        (EventFilter(query="otherwise"), ["e-range"]),
        (EventFilter(query="two-day"), ["e-range"]),
        (EventFilter(categories=("war",)), []),
    ],
)
def test_event_filter(mini, flt, ids):
    assert flt.apply(mini.events)["id"].tolist() == ids


@pytest.mark.parametrize(
    ("flt", "ids"),
    [
        (DelegationFilter(), ["d-one", "d-two"]),
        (DelegationFilter(direction="russia_to_dprk"), ["d-two"]),
        (DelegationFilter(sectors=("Sports",)), ["d-one"]),
        (DelegationFilter(levels=("working",)), ["d-two"]),
        (DelegationFilter(listed_only=True), ["d-one"]),
        (DelegationFilter(date_from=date(2024, 8, 31)), ["d-two"]),
        (DelegationFilter(query="person one"), ["d-one"]),
    ],
)
def test_delegation_filter(mini, flt, ids):
    assert flt.apply(mini.delegations)["id"].tolist() == ids


@pytest.mark.parametrize(
    ("flt", "text"),
    [
        (EventFilter(), "Events: 3 of 3"),
        (EventFilter(categories=("treaty",), actors=("Russia",)), "Treaty events involving Russia: 3 of 3"),
        (
            EventFilter(date_from=date(2024, 6, 1), date_to=date(2024, 12, 31), query="treaty"),
            "Events matching “treaty” from 1 June 2024 to 31 December 2024: 3 of 3",
        ),
        (
            DelegationFilter(direction="russia_to_dprk", sectors=("Defense", "Sports")),
            "Delegations from Russia to North Korea in Defense and Sports: 3 of 3",
        ),
        (
            DelegationFilter(listed_only=True, levels=("ministerial",)),
            "Delegations listed in the article at level Ministers: 3 of 3",
        ),
    ],
)
def test_describe_in_plain_english(flt, text):
    # Values are named by their labels in the dataset file (the sample's: data/dataset.toml as shipped).
    assert flt.describe(3, 3, sample().description) == text


@pytest.mark.parametrize(
    ("flt", "text"),
    [
        (EventFilter(categories=("treaty",)), "treaty events: 3 of 3"),
        (DelegationFilter(direction="north", levels=("top",)), "Delegations (north) at level top: 3 of 3"),
    ],
)
def test_describe_without_a_description_names_ids(flt, text):
    assert flt.describe(3, 3) == text


def test_actor_options_most_frequent_first(mini):
    assert actor_options(mini.events) == ["Example A", "Example B"]


@pytest.mark.parametrize(
    ("current", "offset", "expected"),
    [("b", 1, "c"), ("b", -1, "a"), ("c", 1, "c"), ("a", -1, "a"), (None, 1, "a"), (None, -1, "c"), ("zz", 1, "a")],
)
def test_story_step(current, offset, expected):
    assert step(["a", "b", "c"], current, offset) == expected
