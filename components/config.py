"""Where the data lives: `--data-dir DIR` after `--` on the command line, else TUMEN_DATA_DIR, else data/."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path

SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"
ENV_VAR = "TUMEN_DATA_DIR"


def resolve_data_dir(argv: Sequence[str], env: Mapping[str, str]) -> Path:
    """The data folder chosen by the user, or the shipped one."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", default=None)
    known, _ = parser.parse_known_args(list(argv))
    chosen = known.data_dir or env.get(ENV_VAR) or ""
    return Path(chosen).expanduser() if chosen.strip() else SHIPPED_DATA
