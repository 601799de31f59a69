"""The few places where SQLite and PostgreSQL spell SQL differently, in one module.

Two forms of each helper: SQLAlchemy constructs compiled per dialect (``days_between``,
``unindexed``) for queries built with the expression language, and text fragments
(``sql_days_between(dialect, …)``, …) for the hand-tuned statements of
``storage/queries``, which are assembled as text for the dialect of their session.

SQLite keeps its planner hints (``CROSS JOIN`` fixes a join order, a unary ``+`` keeps an
index out); PostgreSQL has statistics and needs neither, and accepts neither spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.functions import FunctionElement

SQLITE = "sqlite"


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


# -- constructs ---------------------------------------------------------------------------


class days_between(FunctionElement[int]):
    """Whole days from ``earlier`` to ``later`` (dates or ISO date strings)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


@compiles(days_between, SQLITE)
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


class unindexed(FunctionElement[Any]):
    """The column itself, which SQLite's planner will not read through an index."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, SQLITE)
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


class day_of(FunctionElement[Any]):
    """The date part of a timestamp column, comparable with a ``date``."""

    type = Date()
    inherit_cache = True
    name = "day_of"


@compiles(day_of)
def _day_of_default(element: day_of, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_of, SQLITE)
def _day_of_sqlite(element: day_of, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


# -- text fragments -----------------------------------------------------------------------


def sql_days_between(dialect: str, later: str, earlier: str) -> str:
    if dialect == SQLITE:
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


def sql_date(dialect: str, value: str) -> str:
    """A date (a parameter, a column) as the dialect compares dates."""
    return value if dialect == SQLITE else f"CAST({value} AS DATE)"


def sql_add_days(dialect: str, day: str, days: str) -> str:
    """``day`` + ``days`` as a number of days since the epoch (for comparisons)."""
    if dialect == SQLITE:
        return f"(julianday({day}) + {days})"
    return f"((CAST({day} AS DATE) - DATE '1970-01-01') + {days})"


def sql_day_number(dialect: str, day: str) -> str:
    """A date as a number of days on the same scale as :func:`sql_add_days`."""
    if dialect == SQLITE:
        return f"julianday({day})"
    return f"(CAST({day} AS DATE) - DATE '1970-01-01')"


def sql_month_start_plus(dialect: str, column: str, months: int, days: int) -> str:
    """The first day of ``column``'s month, plus ``months`` months and ``days`` days."""
    if dialect == SQLITE:
        return f"date({column}, 'start of month', '{months:+d} month', '{days:+d} days')"
    return (
        f"CAST(date_trunc('month', CAST({column} AS DATE)) + INTERVAL '{months} month'"
        f" + INTERVAL '{days} day' AS DATE)"
    )


def sql_greatest(dialect: str, *args: str) -> str:
    return ("MAX(" if dialect == SQLITE else "GREATEST(") + ", ".join(args) + ")"


def sql_least(dialect: str, *args: str) -> str:
    return ("MIN(" if dialect == SQLITE else "LEAST(") + ", ".join(args) + ")"


def sql_contains(dialect: str, haystack: str, needle: str) -> str:
    """``needle`` occurs in ``haystack`` (no LIKE wildcards to escape)."""
    function = "instr" if dialect == SQLITE else "strpos"
    return f"{function}({haystack}, {needle}) > 0"


def sql_char(dialect: str, code: int) -> str:
    return f"char({code})" if dialect == SQLITE else f"chr({code})"


def sql_ordered_join(dialect: str) -> str:
    """A join whose order SQLite must keep as written (its ``CROSS JOIN`` hint)."""
    return "CROSS JOIN" if dialect == SQLITE else "JOIN"


def sql_unindexed(dialect: str, column: str) -> str:
    return f"+{column}" if dialect == SQLITE else column


def sql_month(dialect: str, column: str) -> str:
    """The ``YYYY-MM`` of a date column."""
    return f"substr({column}, 1, 7)" if dialect == SQLITE else f"to_char({column}, 'YYYY-MM')"


def sql_fraction(dialect: str, value: str) -> str:
    """``value`` as a number that divides without truncating (exact on PostgreSQL)."""
    return f"CAST({value} AS REAL)" if dialect == SQLITE else f"CAST({value} AS NUMERIC)"


def sql_truncate(dialect: str, value: str) -> str:
    """A number's integer part (SQLite's CAST truncates; PostgreSQL's rounds)."""
    if dialect == SQLITE:
        return f"CAST({value} AS INTEGER)"
    return f"CAST(TRUNC({value}) AS INTEGER)"


def insert_if_absent(session: Session, table: Any, values: dict[str, object]) -> None:
    """INSERT the row unless one with the same key exists (``ON CONFLICT DO NOTHING``):
    two writers creating the same row at once is then not an error."""
    if dialect_of(session) == SQLITE:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(table).values(**values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(table).values(**values).on_conflict_do_nothing())


def fetch_raw(session: Session, statement: Executable) -> list[tuple[Any, ...]]:
    """A Core statement's rows as the driver returns them: no Row objects and no result
    types applied, so a date may come as its ISO string (SQLite) or a ``date``
    (PostgreSQL) and the caller normalises it. SQLAlchemy still compiles and binds the
    statement for the dialect (and its events see it), only the fetch is the driver's."""
    result = session.connection().execute(statement)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def sql_in_ids(column: str, ids: Sequence[int], params: dict[str, object]) -> str:
    """``column IN (:id0, :id1, …)`` for hand-written SQL, the ids added to ``params``
    (keep each list within SQLite's limit of bound parameters). No ids: a condition that
    is false (PostgreSQL refuses an empty ``IN ()``, which SQLite takes)."""
    if not ids:
        return "1 = 0"
    names = []
    for i, value in enumerate(ids):
        params[f"id{i}"] = value
        names.append(f":id{i}")
    return f"{column} IN ({', '.join(names)})"


def fetch_tuples(session: Session, sql: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
    """Run hand-written SQL with ``:name`` parameters and return plain tuples.

    On SQLite straight through the DBAPI cursor of the session's connection (same
    transaction; building Row objects for thousands of rows cost as much as the query).
    Elsewhere through SQLAlchemy, which translates the parameter style."""
    if dialect_of(session) == SQLITE:
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()
    from sqlalchemy import text

    return [tuple(row) for row in session.execute(text(sql), params)]
