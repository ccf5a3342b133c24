"""Write tables as a Tumen data folder: one UTF-8 CSV per table, columns in schema order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.schema import TABLES, columns_of


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path) -> Path:
    """Write every table of the schema to `folder` (created if needed; returned); a missing table gets a header-only file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in TABLES.items():
        columns = columns_of(schema)
        frame = tables.get(name, pd.DataFrame(columns=columns))
        frame.reindex(columns=columns).fillna("").to_csv(
            folder / name, index=False, encoding="utf-8", lineterminator="\n"
        )
    return folder
