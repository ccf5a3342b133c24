"""pandera checks built from the table schemas; imported only when files must be validated (pandera is slow to load)."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa

from components.problems import HEADER_LINE, Problem, row_line
from components.schema import RULES, TABLES, Table, header_of


@cache
def pandera_schema(table: type[Table]) -> pa.DataFrameSchema:
    """The pandera schema of a table: every column text and present, its rules as named checks, ids unique."""
    rules = RULES[table]
    columns = {
        column: pa.Column(
            str,
            checks=[pa.Check(rule.test, name=rule.expected) for rule in rules if column in rule.columns],
            nullable=False,
            unique=column in table.unique,
            coerce=False,
            name=column,
        )
        for column in table.columns
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=False, name=table.__name__)


def schema_problems(name: str, df: pd.DataFrame) -> list[Problem]:
    """Run the table's pandera schema lazily and turn every failure into a Problem."""
    try:
        pandera_schema(TABLES[name]).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        return [_problem_from_failure(name, row) for row in err.failure_cases.itertuples(index=False)]
    return []


def _problem_from_failure(name: str, row) -> Problem:
    check = str(row.check)
    if check == "column_in_dataframe":
        return Problem(name, HEADER_LINE, str(row.failure_case), "", "this column in the header row (it is missing)")
    if check == "column_in_schema":
        return Problem(name, HEADER_LINE, str(row.failure_case), "", "no such column; allowed: " + header_of(name))
    line = None if row.index is None or pd.isna(row.index) else row_line(row.index)
    if check == "field_uniqueness":
        check = "a unique id (this one appears more than once)"
    value = (
        ""
        if row.failure_case is None or (not isinstance(row.failure_case, str) and pd.isna(row.failure_case))
        else str(row.failure_case)
    )
    return Problem(name, line, str(row.column), value, check)
