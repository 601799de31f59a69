"""Hints to SQLite's query planner that other databases do not need (nor accept).

SQLite picks one index per table; on the big book a date index can look attractive and
walk every invoice when a small partial index would do. The unary ``+`` on a column
hides it from the index choice. PostgreSQL has no unary ``+`` for dates (and plans by
statistics), so there the column is left as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class unindexed(FunctionElement[Any]):
    """``unindexed(Invoice.due_date)``: the column, not to be served by an index."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _hidden(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)
