"""Text search: the lower-cased text of a row's columns, and the rows where every word of a query appears."""

from __future__ import annotations

import pandas as pd


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
