"""View-layer data access: load once per process, reload when a file changes, keep the last good data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

from components import verified
from components.config import resolve_data_dir
from components.loading import LoadResult, folder_fingerprint, load_dataset


@st.cache_resource(show_spinner=False, max_entries=8)
def _load(folder: str, fingerprint: tuple) -> LoadResult:
    # `fingerprint` is only a cache key: a changed file (size or mtime) means a fresh load.
    # One shared, never-mutated result for every session and rerun: st.cache_data would unpickle a fresh copy
    # each rerun (~100 ms and ~100 MB at 100k events). Frames are frozen in dataclasses and pandas copies on write.
    # Files that passed before are not checked again (components.verified): a start on unchanged data is faster.
    return load_dataset(folder, cache=verified.cache_dir())


@st.cache_resource
def _last_good() -> dict[str, LoadResult]:
    return {}


def data_dir() -> Path:
    """The folder chosen with `-- --data-dir DIR`, TUMEN_DATA_DIR, or the shipped data."""
    return resolve_data_dir(sys.argv[1:], os.environ)


def current_data() -> tuple[LoadResult, LoadResult | None]:
    """The latest load of the data folder, and the last good load to fall back on (None if none)."""
    folder = data_dir()
    key = str(folder.resolve())
    result = _load(key, folder_fingerprint(folder))
    memory = _last_good()
    if result.ok:
        memory[key] = result
        return result, result
    return result, memory.get(key)
