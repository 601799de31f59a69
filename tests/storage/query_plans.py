"""The statements a read sends to SQLite, with their query plans, from sqlite3's own trace:
it sees those sent through SQLAlchemy and the plain-tuple reads sent to the DBAPI cursor
alike, with their parameters written in."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from cobranza_desktop.services.book.workspace import Workspace


def traced_plans(ws: Workspace, read: Callable[[Session], object]) -> dict[str, str]:
    """Each SELECT (or WITH) ``read`` runs, mapped to its plan's steps joined by " | "."""
    statements: list[str] = []
    with ws.book.session() as session:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        raw.set_trace_callback(statements.append)  # type: ignore[attr-defined]
        try:
            read(session)
        finally:
            raw.set_trace_callback(None)  # type: ignore[attr-defined]
        return {
            sql: " | ".join(str(r[-1]) for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
            for sql in statements
            if sql.lstrip().upper().startswith(("SELECT", "WITH"))
        }
