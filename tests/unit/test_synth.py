"""Synthetic datasets: valid for the loader at every size, reproducible per seed, realistic in shape."""

from pathlib import Path

import pandas as pd
import pytest

from components.dates import parse_edtf
from components.loading import load_dataset
from components.schema import TABLES, EraSchema, EventSchema, SourceSchema, columns_of, split_multi
from components.synth import synthesize
from components.writing import write_tables

SIZES = [(0, 0), (1, 1), (50, 10), (2000, 300)]


@pytest.fixture(scope="module")
def big() -> dict[str, pd.DataFrame]:
    return synthesize(2000, 300, seed=7)


@pytest.mark.parametrize(("n_events", "n_delegations"), SIZES)
def test_written_dataset_loads_without_problems(tmp_path: Path, n_events, n_delegations):
    tables = synthesize(n_events, n_delegations, seed=1)
    write_tables(tables, tmp_path)
    result = load_dataset(tmp_path)
    assert result.ok, result.problems[:5]
    assert result.dataset.counts()["events"] == n_events
    assert result.dataset.counts()["delegations"] == n_delegations


@pytest.mark.parametrize(("n_events", "n_delegations"), SIZES)
def test_tables_have_exactly_the_schema_columns(n_events, n_delegations):
    tables = synthesize(n_events, n_delegations)
    assert list(tables) == list(TABLES)
    for name, schema in TABLES.items():
        assert list(tables[name].columns) == columns_of(schema), name


def test_write_tables_puts_columns_in_schema_order(tmp_path: Path, big):
    shuffled = {name: frame[frame.columns[::-1]] for name, frame in big.items()}
    write_tables(shuffled, tmp_path)
    for name, schema in TABLES.items():
        header = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(columns_of(schema))


def test_same_seed_gives_identical_tables_and_another_seed_differs():
    first, again, other = synthesize(300, 40, seed=3), synthesize(300, 40, seed=3), synthesize(300, 40, seed=4)
    for name in TABLES:
        pd.testing.assert_frame_equal(first[name], again[name])
    assert not first["events.csv"].equals(other["events.csv"])
    assert not first["delegations.csv"].equals(other["delegations.csv"])


@pytest.mark.parametrize("name", ["events.csv", "delegations.csv"])
def test_dates_mix_precisions_qualifiers_and_ranges(big, name):
    frame = big[name]
    precisions = {parse_edtf(s).precision for s in frame["start"]}
    assert precisions == {"year", "month", "day"}
    assert frame["start"].str[-1].isin(["~", "?", "%"]).any()
    ranges = frame[frame["end"] != ""]
    assert 0 < len(ranges) < len(frame)
    assert all(parse_edtf(e).upper >= parse_edtf(s).lower for s, e in zip(ranges["start"], ranges["end"]))
    assert (ranges["end"] != ranges["start"]).all()


def test_recent_years_are_denser_than_early_ones(big):
    years = big["events.csv"]["start"].str[:4].astype(int)
    recent_per_year = (years >= 2020).sum() / 6
    early_per_year = (years < 1900).sum() / 42
    assert recent_per_year > 5 * max(early_per_year, 1 / 42)
    assert years.min() >= 1858 and years.max() <= 2025


def test_every_event_lies_in_its_era(big):
    eras = big["eras.csv"].set_index(EraSchema.id)
    for start, era in zip(big["events.csv"][EventSchema.start], big["events.csv"][EventSchema.era]):
        date = parse_edtf(start)
        assert parse_edtf(eras.loc[era, "start"]).lower <= date.lower, (start, era)
        assert date.upper <= parse_edtf(eras.loc[era, "end"]).upper, (start, era)


def test_eras_are_contiguous_from_1858_to_2025(big):
    eras = big["eras.csv"]
    assert eras["start"].iloc[0] == "1858-05-28" and eras["end"].iloc[-1] == "2025-12-31"
    for end, next_start in zip(eras["end"].iloc[:-1], eras["start"].iloc[1:]):
        assert (parse_edtf(next_start).lower - parse_edtf(end).upper).days == 1


def test_ids_unique_citations_and_urls_synthetic(big):
    events, delegations, sources = big["events.csv"], big["delegations.csv"], big["sources.csv"]
    assert events["id"].is_unique and events["id"].str.match(r"^syn-e-\d{6}$").all()
    assert delegations["id"].is_unique and delegations["id"].str.match(r"^syn-d-\d{6}$").all()
    assert sources[SourceSchema.url].str.startswith("https://example.org/").all()
    assert events["title"].str.startswith("Synthetic event ").all()
    for frame in (events, delegations):
        cited = frame["source_ids"].map(split_multi)
        counts = cited.map(len)
        assert counts.between(1, 3).all() and set(counts) == {1, 2, 3}
        assert (cited.map(lambda ids: len(set(ids))) == counts).all()  # no source cited twice in a row


@pytest.mark.parametrize("column", ["category", "claim_status"])
def test_vocabularies_are_weighted_unevenly(big, column):
    shares = big["events.csv"][column].value_counts(normalize=True)
    assert shares.iloc[0] > 2 * shares.iloc[-1]
