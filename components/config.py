"""Where the data lives: `--data-dir DIR` after `--` on the command line, else TUMEN_DATA_DIR, else data/."""

from __future__ import annotations

import argparse
import contextlib
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


def folder_label(folder: str | Path) -> str:
    """What visitors see of a data folder: its name, never the server's absolute path (that is for the CLI)."""
    path = Path(str(folder))
    return (path.name or str(folder)) if path.is_absolute() else str(folder)


def lan_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses (from `hostname -I`, else name resolution); no traffic sent."""
    import shutil
    import socket
    import subprocess

    found: set[str] = set()
    if shutil.which("hostname"):
        try:
            out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5, check=False).stdout
            found.update(a for a in out.split() if "." in a)
        except (OSError, subprocess.SubprocessError):
            pass
    if not found:
        with contextlib.suppress(OSError):
            found.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    return sorted(a for a in found if not a.startswith("127."))
