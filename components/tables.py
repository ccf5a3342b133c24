"""Pure table helpers: CSV and JSON export safe for spreadsheets, and the citation line."""

from __future__ import annotations

import pandas as pd

# Cells starting with these are run as formulas by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would evaluate with an apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV (UTF-8) of `df` with formula-like text cells neutralised."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(neutralise_formula)
    return safe.to_csv(index=False).encode("utf-8")


def to_json_bytes(df: pd.DataFrame) -> bytes:
    """JSON (UTF-8) records of `df`, one object per row."""
    return df.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8")


def cite_line(name: str, description: str, version: str, link: str, today: str) -> str:
    """How to cite a view: the dataset's name and version (a hash of its files), the view, its link and the date."""
    return f"{name}, version {version}. {description}. {link} (accessed {today})."
