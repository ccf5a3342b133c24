"""Remember which exact table files passed validation, so an unchanged folder loads without re-checking them.

A record is an empty file named by a hash of the files' bytes and of the code and library versions that checked
them: it holds no data. Any changed byte, rule or version gives a new name, so the files are checked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import re
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

ENV_VAR = "TUMEN_CACHE_DIR"  # a folder, or "off" to check the files on every load
_HERE = Path(__file__).resolve().parent
LOADER = "loading.py"  # the checking code is this module and every components module it imports, at any depth
_FROM_IMPORT = re.compile(r"^[ \t]*from components(?:\.(\w+))? import (\([^)]*\)|[^\n]*)", re.MULTILINE)
_IMPORT = re.compile(r"^[ \t]*import components\.(\w+)", re.MULTILINE)
CHECKING_LIBRARIES = ("pandas", "pandera", "pyarrow", "numpy")
KEEP = 64  # records kept: the most recently written (one per data version, folder and code version)


@cache
def checking_code(start: str = LOADER) -> tuple[str, ...]:
    """The components modules whose code decides whether files are valid: `start` and all it imports, sorted.

    Imports are read from the source text (a pattern, not a parse: at the app's first start parsing the modules
    took ~50 ms, reading them ~1 ms); a line that only looks like an import adds a file to the hash, never drops one.
    """
    found, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in found or not (_HERE / name).is_file():
            continue
        found.add(name)
        text = (_HERE / name).read_text()
        for module, names in _FROM_IMPORT.findall(text):
            if module:
                todo.append(f"{module}.py")
            else:
                todo += [f"{part.split()[0]}.py" for part in names.strip("()").split(",") if part.split()]
        todo += [f"{module}.py" for module in _IMPORT.findall(text)]
    return tuple(sorted(found - {Path(__file__).name}))


@cache
def code_version() -> str:
    """A hash of the checking code and the versions of Python and the libraries it runs on."""
    digest = hashlib.sha256(platform.python_version().encode())
    for library in CHECKING_LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library}=={metadata.version(library)}".encode())
    for name in checking_code():
        digest.update(name.encode() + (_HERE / name).read_bytes())
    return digest.hexdigest()


def files_key(files: Mapping[str, bytes]) -> str:
    """The record name for these files (name → bytes) under the current code."""
    digest = hashlib.sha256(code_version().encode())
    for name in sorted(files):
        digest.update(f"\0{name}\0{len(files[name])}\0".encode())
        digest.update(files[name])
    return digest.hexdigest()


def cache_dir(env: Mapping[str, str] = os.environ) -> Path | None:
    """Where records live: TUMEN_CACHE_DIR, else $XDG_CACHE_HOME/tumen or ~/.cache/tumen; None when turned off."""
    chosen = env.get(ENV_VAR, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "tumen"


def seen(folder: Path, key: str) -> bool:
    """True when files with this key passed validation before."""
    return (folder / "validated" / key).is_file()


def remember(folder: Path, key: str, keep: int = KEEP) -> None:
    """Record that files with this key passed, keeping the `keep` newest records; a folder that cannot be written
    only costs the next load a check."""
    records = folder / "validated"
    with contextlib.suppress(OSError):
        records.mkdir(parents=True, exist_ok=True)
        (records / key).touch()
        found = sorted(records.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name == key), reverse=True)
        for old in found[keep:]:
            old.unlink(missing_ok=True)
