"""Shared test fixtures: paths and a writable copy of the mini dataset."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from components import verified

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
SHIPPED = ROOT / "data"


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A fresh copy of the valid mini dataset that a test may break."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(autouse=True, scope="session")
def _private_validation_cache(tmp_path_factory) -> None:
    """Records of validated files go to a folder of this test run (also for the app servers tests start)."""
    os.environ[verified.ENV_VAR] = str(tmp_path_factory.mktemp("validated-cache"))


SAMPLE = FIXTURES / "sample"  # a frozen copy of the shipped data: page tests run on it, never on data/


@functools.cache
def sample():
    """The sample fixture's Dataset, loaded once per test process (page tests never read data/)."""
    from components.loading import load_dataset

    result = load_dataset(SAMPLE)
    assert result.ok, result.problems
    return result.dataset


def examples(n: int) -> int:
    """Hypothesis examples for a property: all `n` in `make test`, a fifth in `make test-fast` (TUMEN_FAST=1)."""
    return max(10, n // 5) if os.environ.get("TUMEN_FAST") else n
