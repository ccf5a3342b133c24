"""Files that passed validation load again without being re-checked; anything changed is checked again."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from components import loading, verified
from components.loading import load_dataset
from tests.conftest import SAMPLE


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TUMEN_CACHE_DIR": "/srv/cache"}, Path("/srv/cache")),
        ({"TUMEN_CACHE_DIR": "off"}, None),
        ({"TUMEN_CACHE_DIR": " OFF "}, None),
        ({"XDG_CACHE_HOME": "/x"}, Path("/x/tumen")),
        ({"TUMEN_CACHE_DIR": "/a", "XDG_CACHE_HOME": "/x"}, Path("/a")),
        ({"TUMEN_CACHE_DIR": "  ", "XDG_CACHE_HOME": ""}, Path.home() / ".cache" / "tumen"),
        ({}, Path.home() / ".cache" / "tumen"),
    ],
)
def test_cache_dir(env, expected):
    assert verified.cache_dir(env) == expected


BASE = {"events.csv": b"id,start\ne-1,1937\n", "eras.csv": b"id\nx\n"}


@pytest.mark.parametrize(
    "changed",
    [
        {**BASE, "events.csv": b"id,start\ne-1,1938\n"},  # one byte
        {**BASE, "sources.csv": b"id\n"},  # one more file
        {"events.csv": BASE["events.csv"]},  # one file fewer
        {"events.csv": BASE["eras.csv"], "eras.csv": BASE["events.csv"]},  # same bytes, other names
        {"events.csv": b"id,start\ne-1,1937\neras.csv" + b"id\nx\n"},  # bytes moved across a file boundary
    ],
)
def test_any_change_to_the_files_gives_a_new_key(changed):
    assert verified.files_key(changed) != verified.files_key(BASE)
    assert verified.files_key(dict(reversed(BASE.items()))) == verified.files_key(BASE)


def test_a_change_to_the_checking_code_gives_a_new_key(monkeypatch):
    before = verified.files_key(BASE)
    monkeypatch.setattr(verified, "code_version", lambda: "another rule set")
    assert verified.files_key(BASE) != before


def _frames(result):
    d = result.dataset
    return [d.events, d.delegations, d.eras, d.sources]


def test_a_recorded_folder_loads_the_same_data_without_checks(tmp_path, monkeypatch):
    full = load_dataset(SAMPLE)
    first = load_dataset(SAMPLE, cache=tmp_path)
    assert first.ok and len(list((tmp_path / "validated").iterdir())) == 1

    def fail(*_):
        raise AssertionError("a recorded folder was checked again")

    monkeypatch.setattr(loading, "_check", fail)
    again = load_dataset(SAMPLE, cache=tmp_path)
    assert again.ok
    for got, want in zip(_frames(again), _frames(full), strict=True):
        pd.testing.assert_frame_equal(got, want)
    assert again.dataset.version == full.dataset.version and again.dataset.missing == full.dataset.missing


def test_bad_files_are_never_recorded_and_always_reported(mini_dir, tmp_path):
    events = mini_dir / "events.csv"
    events.write_text(events.read_text().replace("confirmed", "maybe", 1))
    for _ in range(2):
        result = load_dataset(mini_dir, cache=tmp_path)
        assert not result.ok and any(p.column == "claim_status" for p in result.problems)
    assert not (tmp_path / "validated").exists()


def test_a_file_edited_after_it_passed_is_checked_again(mini_dir, tmp_path):
    assert load_dataset(mini_dir, cache=tmp_path).ok
    events = mini_dir / "events.csv"
    events.write_text(events.read_text().replace("confirmed", "maybe", 1))
    result = load_dataset(mini_dir, cache=tmp_path)
    assert [p.column for p in result.problems] == ["claim_status"]


def test_a_cache_that_cannot_be_written_costs_only_speed(mini_dir, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    for _ in range(2):
        assert load_dataset(mini_dir, cache=blocked).ok
    assert blocked.read_text().startswith("a file")


def test_without_a_cache_every_load_is_checked(mini_dir, monkeypatch):
    calls = []
    real = loading._check
    monkeypatch.setattr(loading, "_check", lambda *a: calls.append(a[1]) or real(*a))
    assert load_dataset(mini_dir).ok and load_dataset(mini_dir).ok
    assert len(calls) == 2


def test_the_key_covers_every_module_a_load_runs():
    # A record made under other checking code must not vouch for files: the key hashes every components module
    # that loading.py reaches, found from the import graph (the pandera explanation included).
    code = verified.checking_code()
    assert {"loading.py", "schema.py", "validation.py", "dates.py"} <= set(code) and "verified.py" not in code
    loaded = {m.rsplit(".", 1)[1] + ".py" for m in __import__("sys").modules if m.startswith("components.")}
    assert set(code) <= loaded | {"validation.py"}  # nothing hashed that a load cannot run


def test_a_change_to_any_checking_module_changes_the_key(tmp_path, monkeypatch):
    for name in ("loading.py", "schema.py", "a.py", "b.py", "c.py", "d.py", "e.py", "unused.py"):
        (tmp_path / name).write_text("")
    (tmp_path / "loading.py").write_text("from components import schema\nfrom components.a import x\n")
    (tmp_path / "a.py").write_text(
        "import components.b\n\ndef f():\n    from components import (\n        c,\n        d as dd,  # x\n    )\n"
    )
    (tmp_path / "c.py").write_text(
        "from components import e  # every form of import: aliased, grouped, in a function\n"
    )
    monkeypatch.setattr(verified, "_HERE", tmp_path)
    verified.checking_code.cache_clear()
    verified.code_version.cache_clear()
    try:
        assert verified.checking_code() == ("a.py", "b.py", "c.py", "d.py", "e.py", "loading.py", "schema.py")
        before = verified.code_version()
        verified.code_version.cache_clear()
        (tmp_path / "b.py").write_text("# a rule changed two imports away\n")
        assert verified.code_version() != before
    finally:
        verified.checking_code.cache_clear()
        verified.code_version.cache_clear()


def test_only_the_newest_records_are_kept(tmp_path):
    for i in range(5):
        verified.remember(tmp_path, f"k{i}", keep=3)
        os.utime(tmp_path / "validated" / f"k{i}", ns=(i * 10**9, i * 10**9))
    verified.remember(tmp_path, "k5", keep=3)
    assert sorted(p.name for p in (tmp_path / "validated").iterdir()) == ["k3", "k4", "k5"]
    assert verified.seen(tmp_path, "k5") and not verified.seen(tmp_path, "k0")
