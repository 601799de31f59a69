"""Multi-row INSERTs that hand back the new ids, in the order of the rows.

SQLite: one ``executemany`` (the sqlite3 module's fast path), then the ids are read as
the contiguous range after the previous maximum. That holds because SQLite has one
writer: the transaction holds the write lock from its first write to its commit, and
an ``INTEGER PRIMARY KEY`` takes ``max(rowid) + 1``.
Other databases (PostgreSQL): ``INSERT … RETURNING`` in parameter order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

CHUNK = 5000  # rows per statement: bounded memory, few round trips


def _sqlite_plan(table: Any, keys: Sequence[str], dialect: Any) -> tuple[str, list[Any]] | None:
    """The INSERT text and, per column, a value getter, for the SQLite fast path: the
    rows' own keys plus the columns with a constant default. None when a column needs
    what only SQLAlchemy's executemany does (a callable default)."""
    columns: list[Any] = []
    getters: list[Any] = []
    for column in table.columns:
        processor = column.type.dialect_impl(dialect).bind_processor(dialect)
        if column.key in keys:
            key = column.key
        elif column.default is not None:
            if not column.default.is_scalar:
                return None
            key, constant = None, column.default.arg
        else:
            continue  # the database's default, or NULL
        columns.append(column.name)
        if key is not None:
            getters.append((key, processor, None))
        else:
            getters.append((None, processor, constant))
    marks = ", ".join("?" for _ in columns)
    names = ", ".join(f'"{name}"' for name in columns)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', getters


def _sqlite_insert(session: Session, table: Any, rows: Sequence[dict[str, object]]) -> bool:
    """One DBAPI ``executemany`` with the values converted as SQLAlchemy would (its
    bind processors), without its per-row bookkeeping, which cost more than SQLite's
    own work on 100,000 rows. False when the fast path does not apply."""
    connection = session.connection()
    plan = _sqlite_plan(table, list(rows[0]), connection.dialect)
    if plan is None:
        return False
    sql, getters = plan
    try:
        values = _values(getters, rows)
    except KeyError:
        return False
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()
    return True


def _values(getters: list[Any], rows: Sequence[dict[str, object]]) -> list[tuple[Any, ...]]:
    # Column by column (one list comprehension each), then zipped into rows: a third of
    # the cost of a generator per row.
    columns: list[list[Any]] = []
    for key, processor, constant in getters:
        if key is None:
            columns.append([processor(constant) if processor else constant] * len(rows))
        elif processor is None:
            columns.append([row[key] for row in rows])
        else:
            values = [row[key] for row in rows]
            # One object on every row (an import's creation time): converted once.
            if values[0] is values[-1] and len({id(value) for value in values}) == 1:
                columns.append([processor(values[0])] * len(values))
            else:
                columns.append(_converted(processor, values))
    return list(zip(*columns, strict=True))


def _converted(processor: Any, values: list[Any]) -> list[Any]:
    """Each value through the processor, each distinct date once: an import's dates
    repeat (thousands of rows share a few hundred days), and a dict probe costs a
    fraction of formatting a date. Only plain dates: equal values of other types can
    print differently (Decimal("1.0") and Decimal("1.00"), aware datetimes)."""
    if set(map(type, values)) != {date}:
        return [processor(value) for value in values]
    done = {value: processor(value) for value in set(values)}
    return [done[value] for value in values]


def _insert(session: Session, table: Any, rows: list[dict[str, object]]) -> None:
    if session.get_bind().dialect.name == "sqlite" and _same_keys(rows):
        session.flush()  # the ORM's pending rows go first, as with session.execute
        if _sqlite_insert(session, table, rows):
            return
    session.execute(insert(table), rows)


def _same_keys(rows: Sequence[dict[str, object]]) -> bool:
    """Rows of one length; with every key of the first (a KeyError in the fast path
    sends the chunk to SQLAlchemy instead), that is the same keys."""
    return len({len(row) for row in rows}) == 1


def insert_rows(session: Session, model: type[Any], rows: Sequence[dict[str, object]]) -> None:
    table = model.__table__
    for start in range(0, len(rows), CHUNK):
        _insert(session, table, list(rows[start : start + CHUNK]))


def insert_returning_ids(
    session: Session, model: type[Any], rows: Sequence[dict[str, object]]
) -> list[int]:
    if not rows:
        return []
    table = model.__table__
    if session.get_bind().dialect.name == "sqlite":
        ids: list[int] = []
        for start in range(0, len(rows), CHUNK):
            chunk = list(rows[start : start + CHUNK])
            before = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)
            _insert(session, table, chunk)
            after = int(session.scalar(select(func.max(table.c.id))) or 0)
            if after - before != len(chunk):  # never expected; refuse rather than guess
                raise RuntimeError(f"{table.name}: ids not contiguous after a bulk insert")
            ids.extend(range(before + 1, after + 1))
        return ids
    returned: list[int] = []
    for start in range(0, len(rows), CHUNK):
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        returned.extend(
            int(i) for i in session.scalars(statement, list(rows[start : start + CHUNK]))
        )
    return returned
