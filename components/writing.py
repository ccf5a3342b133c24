"""Write tables as a Tumen data folder: one UTF-8 CSV per table, columns in schema order, and dataset.toml."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.dataset_file import write_dataset_file
from components.description import DATASET_FILE, Description
from components.schema import TABLES, columns_of


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, description: Description | None = None) -> Path:
    """Write every table of the schema to `folder` (created if needed; returned); a missing table gets a header-only
    file; with a `description`, its dataset.toml too."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if description is not None:
        (folder / DATASET_FILE).write_text(write_dataset_file(description), encoding="utf-8")
    for name, schema in TABLES.items():
        columns = columns_of(schema)
        frame = tables.get(name, pd.DataFrame(columns=columns))
        frame.reindex(columns=columns).fillna("").to_csv(
            folder / name, index=False, encoding="utf-8", lineterminator="\n"
        )
    return folder
