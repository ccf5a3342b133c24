"""A problem found in a data file, located as a spreadsheet user sees it."""

from __future__ import annotations

from dataclasses import dataclass

HEADER_LINE = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located as a spreadsheet user sees it (header = line 1)."""

    file: str
    line: int | None
    column: str
    value: str
    expected: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.column:
            where += f", column {self.column}"
        shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return f"{where}: {shown!r} — expected {self.expected}"


def row_line(index: int) -> int:
    """The spreadsheet line of a data row, from its 0-based position among the data rows."""
    return int(index) + 2  # header is line 1, first data row line 2
