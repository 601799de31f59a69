"""Multi-row INSERTs that hand back the new ids, in the order of the rows.

SQLite: one ``executemany`` (the sqlite3 module's fast path), then the ids are read as
the contiguous range after the previous maximum. That holds because SQLite has one
writer: the transaction holds the write lock from its first write to its commit, and
an ``INTEGER PRIMARY KEY`` takes ``max(rowid) + 1``.
Other databases (PostgreSQL): ``INSERT … RETURNING`` in parameter order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

CHUNK = 5000  # rows per statement: bounded memory, few round trips


def insert_rows(session: Session, model: type[Any], rows: Sequence[dict[str, object]]) -> None:
    table = model.__table__
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(table), list(rows[start : start + CHUNK]))


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
            session.execute(insert(table), chunk)
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
