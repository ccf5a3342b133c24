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


@pytest.fixture
def download(monkeypatch):
    """`download(button)`: the bytes a download button sends when clicked (its data is made on click)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, object] = {}
    real = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, *args, **kwargs):
        file_id = real(self, data_callable, *args, **kwargs)
        made[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)

    def _bytes(button) -> bytes:
        data = made[button.proto.deferred_file_id]()
        return data.encode() if isinstance(data, str) else data

    return _bytes
