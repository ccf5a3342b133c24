"""Synthetic Tumen datasets of any size, reproducible from a seed, for load and performance testing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.dataset_file import shipped_description
from components.description import Description
from components.schema import (
    CLAIM_STATUSES,
    SOURCE_KINDS,
    DelegationSchema,
    EraSchema,
    EventSchema,
    SourceSchema,
    columns_of,
)

# The ids and dates of data/eras.csv, hard-coded so synthesis is self-contained: contiguous, 1858-05-28..2025-12-31.
ERAS = (
    ("imperial", "1858-05-28", "1917-11-06"),
    ("early-soviet", "1917-11-07", "1945-08-08"),
    ("liberation-war", "1945-08-09", "1953-07-27"),
    ("postwar", "1953-07-28", "1961-07-05"),
    ("cold-war", "1961-07-06", "1991-12-25"),
    ("post-soviet", "1991-12-26", "2000-02-08"),
    ("pragmatic-ties", "2000-02-09", "2022-02-23"),
    ("rapprochement", "2022-02-24", "2024-06-18"),
    ("partnership", "2024-06-19", "2025-12-31"),
)
FIRST = np.datetime64(ERAS[0][1], "D")
LAST = np.datetime64(ERAS[-1][2], "D")
URL_BASE = "https://example.org/synthetic/"
_ERA_STARTS = np.array([start for _, start, _ in ERAS], dtype="datetime64[D]")
_ERA_IDS = np.array([era_id for era_id, _, _ in ERAS], dtype=object)
_YEAR, _MONTH, _DAY = 0, 1, 2  # date precisions, coarsest first
_ACTORS = np.array(["Russia", "USSR", "Russian Empire", "DPRK", "Korea", "China", "Japan", "South Korea", "UN"], object)
_RU_PLACES = ("Moscow, Russia", "Vladivostok, Russia", "Khabarovsk, Russia", "Khasan, Russia", "Kazan, Russia")
_KP_PLACES = ("Pyongyang, North Korea", "Rason, North Korea", "Wonsan, North Korea", "Sinuiju, North Korea")
_TITLES = ("Minister", "Deputy Minister", "Chairman", "Governor", "Ambassador", "Head of Department", "Secretary")


def _zipf(values, n: int, rng: np.random.Generator, s: float = 1.0) -> np.ndarray:
    """Draw n values, the first most often (weight 1/rank**s): an uneven, realistic mix."""
    weights = 1.0 / np.arange(1, len(values) + 1) ** s
    return rng.choice(np.array(values, dtype=object), size=n, p=weights / weights.sum())


def _numbers(n: int) -> pd.Series:
    """`000001`, `000002`, … as text."""
    return pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(6)


def _days(rng: np.random.Generator, n: int, first: np.datetime64, tau_years: float, uniform: float) -> np.ndarray:
    """Sorted days in [first, LAST]: mostly a truncated exponential towards LAST, plus a uniform share."""
    span = int((LAST - first).astype(int))
    tau = tau_years * 365.25
    age = -tau * np.log1p(-rng.random(n) * (1.0 - np.exp(-span / tau)))
    age = np.where(rng.random(n) < uniform, rng.random(n) * span, age)
    return np.sort(LAST - np.rint(age).astype(np.int64).astype("timedelta64[D]"))


def _fit_precision(days: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Refine a year or month precision until the whole start interval lies inside one era."""
    era = np.searchsorted(_ERA_STARTS, days, side="right") - 1
    for precision, unit in ((_YEAR, "Y"), (_MONTH, "M")):
        lower = days.astype(f"datetime64[{unit}]")
        bounds = np.stack([lower.astype("datetime64[D]"), (lower + 1).astype("datetime64[D]") - 1])
        same_era = (np.searchsorted(_ERA_STARTS, bounds, side="right") - 1 == era).all(axis=0)
        inside = same_era & (bounds[0] >= FIRST) & (bounds[1] <= LAST)
        wanted = np.where((wanted == precision) & ~inside, precision + 1, wanted)
    return wanted, era


def _format(days: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """EDTF text of each day at its precision: `1863`, `1937-09`, `2024-06-19`."""
    month_start = days.astype("datetime64[M]")
    year = pd.Series(days.astype("datetime64[Y]").astype(np.int64) + 1970).astype(str).str.zfill(4)
    month = pd.Series(month_start.astype(np.int64) % 12 + 1).astype(str).str.zfill(2)
    day = pd.Series((days - month_start.astype("datetime64[D]")).astype(np.int64) + 1).astype(str).str.zfill(2)
    year_month = year + "-" + month
    return np.select([precision == _YEAR, precision == _MONTH], [year, year_month], year_month + "-" + day)


def _qualifiers(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.choice(np.array(["", "~", "?", "%"], dtype=object), size=n, p=[0.9, 0.05, 0.04, 0.01])


def _dates(rng: np.random.Generator, n: int, first: np.datetime64, *, tau: float, uniform: float, ranges: float):
    """Starts (sorted), ends (empty for points, never before the start) and the era index of each start."""
    days = _days(rng, n, first, tau, uniform)
    old = days < np.datetime64("1945-01-01")
    draw = rng.random(n)
    wanted = np.where(draw < np.where(old, 0.3, 0.1), _YEAR, np.where(draw < np.where(old, 0.6, 0.3), _MONTH, _DAY))
    precision, era = _fit_precision(days, wanted)
    length = 1 + (rng.random(n) * np.array([3650, 700, 14])[precision]).astype(np.int64)
    end = _format(np.minimum(days + length.astype("timedelta64[D]"), LAST), precision)
    start = _format(days, precision)
    is_range = (rng.random(n) < ranges) & (end != start)
    end = np.where(is_range, end + _qualifiers(rng, n), "")
    return start + _qualifiers(rng, n), end, era


def _citations(rng: np.random.Generator, n: int, source_ids: np.ndarray) -> np.ndarray:
    """1–3 distinct source ids per row, `; `-separated; low-numbered sources are cited most."""
    pool = len(source_ids)
    count = rng.choice([1, 2, 3], size=n, p=[0.5, 0.3, 0.2])
    first = (pool * rng.random(n) ** 2).astype(np.int64)
    second = rng.integers(1, pool - 1, size=n)  # offsets 0 < second < third < pool keep the three distinct
    third = second + rng.integers(1, pool - second, size=n)
    out = source_ids[first].astype(object)
    out = out + np.where(count >= 2, "; " + source_ids[(first + second) % pool], "")
    return out + np.where(count >= 3, "; " + source_ids[(first + third) % pool], "")


def _eras() -> pd.DataFrame:
    rows = [
        (era_id, f"Synthetic era {i}: {era_id}", start, end, f"Synthetic era {i}, from {start} to {end}.")
        for i, (era_id, start, end) in enumerate(ERAS, start=1)
    ]
    return pd.DataFrame(rows, columns=columns_of(EraSchema))


def _sources(rng: np.random.Generator, n: int) -> pd.DataFrame:
    ids = "syn-s-" + _numbers(n)
    published = _format(_days(rng, n, np.datetime64("1990-01-01"), 10, 0.2), np.full(n, _DAY))
    kinds = sorted(SOURCE_KINDS, key=lambda kind: kind != "news")  # news first, so most common
    frame = {
        SourceSchema.id: ids,
        SourceSchema.title: "Synthetic source " + _numbers(n).str.lstrip("0"),
        SourceSchema.publisher: "Synthetic publisher " + pd.Series(rng.integers(1, 41, size=n)).astype(str),
        SourceSchema.published: np.where(rng.random(n) < 0.15, "", published),
        SourceSchema.url: URL_BASE + ids,
        SourceSchema.kind: _zipf(kinds, n, rng, 0.8),
    }
    return pd.DataFrame(frame)[columns_of(SourceSchema)]


def _events(rng: np.random.Generator, n: int, source_ids: np.ndarray, categories: tuple[str, ...]) -> pd.DataFrame:
    start, end, era = _dates(rng, n, FIRST, tau=25, uniform=0.1, ranges=0.2)
    category = _zipf(categories[::-1], n, rng, 0.8)
    actor = rng.integers(0, len(_ACTORS), size=n)
    other = (actor + rng.integers(1, len(_ACTORS), size=n)) % len(_ACTORS)  # never the same actor twice
    actors = _ACTORS[actor] + np.where(rng.random(n) < 0.6, "; " + _ACTORS[other], "")
    number = _numbers(n).str.lstrip("0")
    frame = {
        EventSchema.id: "syn-e-" + _numbers(n),
        EventSchema.start: start,
        EventSchema.end: end,
        EventSchema.title: "Synthetic event " + number + ": " + category + " in " + pd.Series(start).str[:4],
        EventSchema.summary: "Synthetic summary of event " + number + "; generated data, not a real event.",
        EventSchema.era: _ERA_IDS[era],
        EventSchema.category: category,
        EventSchema.actors: actors,
        EventSchema.location: _zipf(_KP_PLACES + _RU_PLACES, n, rng, 0.7),
        EventSchema.claim_status: _zipf(CLAIM_STATUSES, n, rng, 1.5),
        EventSchema.source_ids: _citations(rng, n, source_ids),
        EventSchema.notes: np.where(rng.random(n) < 0.1, "Synthetic note.", ""),
    }
    return pd.DataFrame(frame)[columns_of(EventSchema)]


def _delegations(rng: np.random.Generator, n: int, source_ids: np.ndarray, described: Description) -> pd.DataFrame:
    start, end, _ = _dates(rng, n, np.datetime64("1945-08-09"), tau=15, uniform=0.1, ranges=0.6)
    directions, levels = described.ids("directions"), described.ids("levels")
    direction = _zipf(directions, n, rng, 0.3)
    sector = _zipf(described.ids("sectors"), n, rng, 0.9)
    to_russia = direction == directions[0]
    venue = np.where(to_russia, _zipf(_RU_PLACES, n, rng), _zipf(_KP_PLACES, n, rng))
    number = _numbers(n).str.lstrip("0")
    frame = {
        DelegationSchema.id: "syn-d-" + _numbers(n),
        DelegationSchema.start: start,
        DelegationSchema.end: end,
        DelegationSchema.direction: direction,
        DelegationSchema.sector: sector,
        DelegationSchema.body: "Synthetic " + sector + " body " + pd.Series(rng.integers(1, 201, size=n)).astype(str),
        DelegationSchema.leader: "Synthetic Leader " + pd.Series(rng.integers(1, 2001, size=n)).astype(str),
        DelegationSchema.leader_title: _zipf(_TITLES, n, rng, 0.7),
        DelegationSchema.level: _zipf(levels[::-1], n, rng, 0.6),
        DelegationSchema.venue: venue,
        DelegationSchema.summary: "Synthetic delegation " + number + ": " + sector + " visit to " + venue + ".",
        DelegationSchema.listed_in_article: np.where(rng.random(n) < 0.1, "true", "false"),
        DelegationSchema.claim_status: _zipf(CLAIM_STATUSES, n, rng, 1.5),
        DelegationSchema.source_ids: _citations(rng, n, source_ids),
        DelegationSchema.notes: np.where(rng.random(n) < 0.1, "Synthetic note.", ""),
    }
    return pd.DataFrame(frame)[columns_of(DelegationSchema)]


def synthesize(
    n_events: int, n_delegations: int, *, seed: int = 0, description: Description | None = None
) -> dict[str, pd.DataFrame]:
    """The four tables (keyed by file name) of a valid synthetic dataset; the same seed gives the same tables.

    Vocabularies are those of `description`, by default the shipped dataset file's.
    """
    described = description or shipped_description()
    rng = np.random.default_rng(seed)
    sources = _sources(rng, max(3, (n_events + n_delegations) // 4))
    source_ids = sources[SourceSchema.id].to_numpy(dtype=object)
    return {
        "events.csv": _events(rng, n_events, source_ids, described.ids("categories")),
        "delegations.csv": _delegations(rng, n_delegations, source_ids, described),
        "eras.csv": _eras(),
        "sources.csv": sources,
    }
