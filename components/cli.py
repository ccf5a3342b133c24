"""Command line: validate a data folder, make synthetic data, import and export TimelineJS sheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.config import SHIPPED_DATA, lan_addresses
from components.dataset_file import shipped_description
from components.loading import load_dataset
from components.problems import Problem
from components.synth import synthesize
from components.timelinejs import export_timelinejs, import_timelinejs
from components.writing import write_tables


def _print_problems(label: str, problems: tuple[Problem, ...] | list[Problem]) -> None:
    print(f"{label}: {len(problems)} problem(s)", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def cmd_validate(folder: Path) -> int:
    """Print a one-line summary (exit 0) or every problem (exit 1)."""
    result = load_dataset(folder)
    if result.ok:
        counts = ", ".join(f"{n} {name}" for name, n in result.dataset.counts().items())
        print(f"{folder}: valid ({counts}; version {result.dataset.version})")
        return 0
    _print_problems(str(folder), result.problems)
    return 1


def cmd_synth(n_events: int, n_delegations: int, out: Path, seed: int) -> int:
    """Write a valid synthetic dataset (reproducible for a seed)."""
    described = shipped_description()
    write_tables(synthesize(n_events, n_delegations, seed=seed, description=described), out, described)
    print(f"{out}: {n_events} synthetic events, {n_delegations} delegations (seed {seed})")
    return 0


def cmd_import_timelinejs(path: Path, out: Path) -> int:
    """Turn a TimelineJS CSV into a Tumen folder; report rows that could not be imported (exit 1 if any)."""
    result = import_timelinejs(path)
    if "events.csv" in result.tables and not result.tables["events.csv"].empty:
        write_tables(result.tables, out, result.description)
        n = len(result.tables["events.csv"])
        print(f"{out}: {n} events, {len(result.tables['eras.csv'])} eras from “{result.title or path.name}”")
    if result.problems:
        _print_problems(f"{path} (rows not imported)", result.problems)
        return 1
    return cmd_validate(out)


def cmd_export_timelinejs(folder: Path, out: Path) -> int:
    """Write the events and eras of a valid folder as a TimelineJS CSV."""
    result = load_dataset(folder)
    if not result.ok:
        _print_problems(str(folder), result.problems)
        return 1
    dataset = result.dataset
    described = dataset.description
    sheet = export_timelinejs(
        dataset.events, dataset.eras, sources=dataset.sources, title=described.title,
        categories=described.labels("categories"),
    )  # fmt: skip
    out.write_text(sheet, encoding="utf-8")
    print(f"{out}: {len(result.dataset.events)} events and {len(result.dataset.eras)} eras as a TimelineJS sheet")
    return 0


def cmd_share_urls(port: int) -> int:
    """Print the LAN links of a shared server, and what sharing means."""
    addresses = lan_addresses()
    print("Sharing Tumen on the local network. Colleagues can open:")
    for address in addresses or ["<this machine's address>"]:
        print(f"  http://{address}:{port}/")
    print("Anyone who can reach this machine on that port can use the app, without a password. Ctrl-C stops it.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a sub-command."""
    parser = argparse.ArgumentParser(prog="python -m components.cli", description="Tumen data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a data folder and report every problem")
    p.add_argument("folder", nargs="?", type=Path, default=SHIPPED_DATA)
    p = sub.add_parser("synth", help="write a synthetic dataset for scale tests")
    p.add_argument("--events", type=int, default=1000)
    p.add_argument("--delegations", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("import-timelinejs", help="turn a TimelineJS spreadsheet CSV into a Tumen folder")
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("export-timelinejs", help="write a folder's events and eras as a TimelineJS CSV")
    p.add_argument("folder", nargs="?", type=Path, default=SHIPPED_DATA)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("share-urls", help="print the addresses a colleague on the local network can open")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--hosts-only", action="store_true", help="print only the addresses, for allowedHosts")
    args = parser.parse_args(argv)
    if args.command == "share-urls" and args.hosts_only:
        print(" ".join(lan_addresses()))
        return 0
    if args.command == "share-urls":
        return cmd_share_urls(args.port)
    if args.command == "validate":
        return cmd_validate(args.folder)
    if args.command == "synth":
        return cmd_synth(args.events, args.delegations, args.out, args.seed)
    if args.command == "import-timelinejs":
        return cmd_import_timelinejs(args.file, args.out)
    return cmd_export_timelinejs(args.folder, args.out)


if __name__ == "__main__":
    sys.exit(main())
