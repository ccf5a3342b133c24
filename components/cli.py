"""Command line: `python -m components.cli validate [DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.loading import load_dataset

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def cmd_validate(folder: Path) -> int:
    """Print a one-line summary (exit 0) or every problem (exit 1)."""
    result = load_dataset(folder)
    if result.ok:
        counts = ", ".join(f"{n} {name}" for name, n in result.dataset.counts().items())
        print(f"{folder}: valid ({counts}; version {result.dataset.version})")
        return 0
    print(f"{folder}: {len(result.problems)} problem(s)", file=sys.stderr)
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a sub-command."""
    parser = argparse.ArgumentParser(prog="python -m components.cli", description="Tumen data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check a data folder and report every problem")
    validate.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return cmd_validate(args.folder)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
