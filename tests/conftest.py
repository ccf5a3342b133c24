"""Shared test fixtures: paths and a writable copy of the mini dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
