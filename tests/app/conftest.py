"""AppTest helpers: run app.py in-process on a chosen data folder."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SAMPLE


@pytest.fixture
def make_app(monkeypatch):
    """Build an AppTest for app.py on `folder` (the sample fixture by default, never data/), switched to `page`."""

    def _make(folder=None, page: str | None = None, params: dict | None = None) -> AppTest:
        monkeypatch.setenv("TUMEN_DATA_DIR", str(SAMPLE if folder is None else folder))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page).run()
        return at

    return _make
