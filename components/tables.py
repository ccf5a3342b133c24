"""Pure table helpers: text search across columns and CSV export safe for spreadsheets."""

from __future__ import annotations

import pandas as pd

# Cells starting with these are run as formulas by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def search_text(df: pd.DataFrame, columns: list[str]) -> pd.Series:
    """The lower-cased text of `columns` joined per row (vectorised), for `search_frame`."""
    if df.empty or not columns:
        return pd.Series("", index=df.index, dtype=str)
    text = df[columns[0]].astype(str)
    for column in columns[1:]:
        text = text + "\n" + df[column].astype(str)
    return text.str.lower()


def search_frame(
    df: pd.DataFrame, query: str, columns: list[str] | None = None, haystack: pd.Series | None = None
) -> pd.DataFrame:
    """Rows where every word of `query` appears (case-insensitive) in one of `columns` (or a precomputed text)."""
    words = query.lower().split()
    if not words or df.empty:
        return df
    if haystack is None:
        cols = columns or [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]
        haystack = search_text(df, cols)
    else:
        haystack = haystack.loc[df.index]
    mask = pd.Series(True, index=df.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return df[mask]


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


def cite_line(description: str, version: str, link: str, today: str) -> str:
    """How to cite a view: the dataset version (a hash of the data files), the view, its link and the date."""
    return f"Tumen dataset, version {version}. {description}. {link} (accessed {today})."
