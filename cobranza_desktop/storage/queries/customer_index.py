"""The customer list at the scale of a big book: per-customer figures kept ready.

Balance, overdue amount and days past due are aggregates over the open invoices
(tens of thousands of rows on a 1,000,000-invoice book: ~250 ms). Recomputing them
on every keystroke or sort is too slow, so :class:`CustomerListIndex` keeps them in a
TEMP table with indexes, on a connection of its own, and rebuilds it only when the
book changed (SQLite's ``PRAGMA data_version``: any commit by another connection; on
PostgreSQL the book's change counters, which every write bumps) or the day
changed. Searching, filtering, sorting and paging then run in SQL over indexes in a
few milliseconds.

Use it from one thread at a time (the window's database worker).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from sqlalchemy import Engine

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.text import search_key
from cobranza_desktop.storage.dialect import SQLITE, sql_char, sql_contains, sql_days_between
from cobranza_desktop.storage.queries.balances import CREDIT_BY_CUSTOMER, OPEN_BY_CUSTOMER
from cobranza_desktop.storage.queries.customer_list import CustomerListRow, CustomerListTotals

SORT_COLUMNS = {
    "name": "f.name_key",
    "phone": "f.phone",
    "balance": "f.balance_cents",
    "overdue": "f.overdue_cents",
    "days_past_due": "f.days_past_due",
    "status": "f.status",
    "rfc": "f.rfc_email",
}

# A compact, indexed copy of what the list filters and sorts on. ``rfc_email`` and
# ``phones`` make a search one ``instr`` per field instead of five LIKEs over the table.
_COLUMNS = """(
        customer_id INTEGER PRIMARY KEY,
        name_key TEXT NOT NULL,
        phone TEXT NOT NULL,
        status TEXT NOT NULL,
        rfc_email TEXT NOT NULL,
        phones TEXT NOT NULL,
        balance_cents BIGINT NOT NULL,
        overdue_cents BIGINT NOT NULL,
        days_past_due INTEGER NOT NULL)"""
_INDEXES = [
    # Covering the search fields: walking the list in name order never reads the table.
    "ix_cf_name ON customer_figures"
    " (name_key, customer_id, rfc_email, phones, status, overdue_cents, days_past_due)",
    "ix_cf_phone ON customer_figures (phone, customer_id)",
    "ix_cf_status ON customer_figures (status, customer_id)",
    "ix_cf_balance ON customer_figures (balance_cents, customer_id)",
    "ix_cf_overdue ON customer_figures (overdue_cents, customer_id)",
    "ix_cf_days ON customer_figures (days_past_due, customer_id)",
]


def _fill(dialect: str) -> str:
    sep = sql_char(dialect, 31)
    days = sql_days_between(dialect, ":today", "ob.oldest_overdue")
    return f"""INSERT INTO customer_figures
    SELECT c.id, c.name_key, c.phone, c.status,
           lower(c.rfc) || {sep} || lower(c.email),
           replace(replace(c.phone, '+', ''), ' ', '') || {sep}
               || replace(replace(c.whatsapp, '+', ''), ' ', ''),
           COALESCE(ob.open_cents, 0) - COALESCE(cr.credit_cents, 0),
           COALESCE(ob.overdue_cents, 0),
           CASE WHEN ob.oldest_overdue IS NULL THEN 0 ELSE {days} END
    FROM customers c
    LEFT JOIN ({OPEN_BY_CUSTOMER}) ob ON ob.customer_id = c.id
    LEFT JOIN ({CREDIT_BY_CUSTOMER}) cr ON cr.customer_id = c.id"""


def _rebuild(dialect: str) -> list[str]:
    """SQLite: the TEMP table dropped and made again with its indexes. PostgreSQL: made
    once per connection and refilled (a temporary table's rows are never logged)."""
    if dialect == SQLITE:
        return [
            "DROP TABLE IF EXISTS temp.customer_figures",
            f"CREATE TEMP TABLE customer_figures {_COLUMNS}",
            _fill(dialect),
            *(f"CREATE INDEX temp.{index}" for index in _INDEXES),
        ]
    return [
        f"CREATE TEMP TABLE IF NOT EXISTS customer_figures {_COLUMNS}",
        *(f"CREATE INDEX IF NOT EXISTS {index}" for index in _INDEXES),
        "DELETE FROM customer_figures",
        _fill(dialect),
        "ANALYZE customer_figures",
    ]


def _where(filters: CustomerListFilter, params: dict[str, object], dialect: str) -> str:
    """The same search as the customer service's list: name (without accents), RFC,
    email, and phone digits when at least three are typed."""
    clauses = ["1 = 1"]
    query = filters.search.strip()
    if query:
        params["key"] = search_key(query)
        params["lower"] = query.lower()
        parts = [
            sql_contains(dialect, "f.name_key", ":key"),
            sql_contains(dialect, "f.rfc_email", ":lower"),
        ]
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 3:
            params["digits"] = digits
            parts.append(sql_contains(dialect, "f.phones", ":digits"))
        clauses.append("(" + " OR ".join(parts) + ")")
    if filters.status:
        params["status"] = filters.status
        clauses.append("f.status = :status")
    if filters.overdue_only:
        clauses.append("f.overdue_cents > 0")
    if filters.days_range is not None:
        low, high = filters.days_range
        params["days_low"] = low
        clauses.append("f.days_past_due >= :days_low")
        if high is not None:
            params["days_high"] = high
            clauses.append("f.days_past_due <= :days_high")
    return " AND ".join(clauses)


def _search_params(params: dict[str, object]) -> tuple[object, ...]:
    # What the search's WHERE depends on (the page's limit and offset do not count).
    return tuple(sorted((k, v) for k, v in params.items() if k not in {"limit", "offset"}))


# The book's version on a server: every change counter, in one line.
_COUNTERS_SQL = (
    "SELECT COALESCE(string_agg(name || '=' || value, ',' ORDER BY name), '') FROM change_counters"
)

_PG_PARAM = re.compile(r"(?<![:\w]):(\w+)")


def _pyformat(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s``."""
    return _PG_PARAM.sub(r"%(\1)s", sql)


class CustomerListIndex:
    def __init__(self, engine: Engine, local_commits: Callable[[], int] = lambda: 0) -> None:
        self._engine = engine
        self._local_commits = local_commits  # this program's writes, counted in-process
        self._dialect = engine.dialect.name
        self._connection: Any = None
        self._pool_connection: Any = None
        self._stamp: tuple[object, date] | None = None
        # (stamp, where, its parameters, totals) of the last page read on a server.
        self._page_totals: tuple[object, str, tuple[object, ...], CustomerListTotals] | None = None
        self._page_commits = 0
        self.rebuilds = 0

    def _execute(self, sql: str, params: dict[str, object] | None = None) -> Any:
        if self._dialect == SQLITE:
            return self._connection.execute(sql, params or {})
        cursor = self._connection.cursor()
        cursor.execute(_pyformat(sql), params or {})
        return cursor

    def _ready(self, today: date) -> None:
        if self._connection is None:
            self._pool_connection = self._engine.raw_connection()
            self._connection = self._pool_connection.driver_connection
            if self._dialect == SQLITE:
                cast(sqlite3.Connection, self._connection).execute("PRAGMA temp_store = MEMORY")
            else:
                self._connection.autocommit = True  # each read sees the latest commits
        if self._stamp is not None and self._stamp == (self._book_version(), today):
            return
        if self._dialect == SQLITE:
            with self._connection:  # one transaction: the figures are rebuilt whole or not at all
                version: object = self._book_version()
                for statement in _rebuild(self._dialect):
                    self._execute(statement, {"today": today.isoformat()})
        else:
            version = self._rebuild_on_server(today)
            # Outside the refill's transaction (VACUUM cannot run in one): marks the new
            # rows all-visible, so a search walks the covering index without reading the
            # table row by row (20,000 heap fetches per rare search otherwise).
            self._execute("VACUUM customer_figures")
        self._stamp = None if version is None else (version, today)
        self.rebuilds += 1

    def _book_version(self) -> object:
        """What changes when another connection commits: SQLite's ``data_version``; on
        PostgreSQL the book's change counters (every write bumps its kinds at commit,
        ``storage/office_hooks.py``); another window's refill of its own figures, which
        takes a transaction id too, does not count."""
        if self._dialect == SQLITE:
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        return str(self._execute(_COUNTERS_SQL).fetchone()[0])

    def _rebuild_on_server(self, today: date) -> object:
        """Refill the figures in one repeatable-read transaction and return the stamp they
        are fresh for: the change counters as that same snapshot saw them."""
        with self._connection.transaction():
            self._execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            version = self._book_version()
            for statement in _rebuild(self._dialect):
                self._execute(statement, {"today": today.isoformat()})
        return version

    def page(
        self,
        today: date,
        filters: CustomerListFilter,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[CustomerListRow]:
        self._ready(today)
        params: dict[str, object] = {"limit": limit, "offset": offset}
        direction = "DESC" if descending else "ASC"
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["name"])
        where = _where(filters, params, self._dialect)
        # On a server each query is a round trip and a rare search walks every row:
        # the page carries the totals of its search (one scan, one snapshot), which the
        # list's totals line asks for next.
        server = self._dialect != SQLITE
        totals = (
            ", COUNT(*) OVER () AS n, SUM(f.balance_cents) OVER () AS tb,"
            " SUM(f.overdue_cents) OVER () AS tov"
            if server
            else ""
        )
        sql = f"""
SELECT c.id, c.name, c.phone, c.rfc, c.email, c.status,
       f.balance_cents, f.overdue_cents, f.days_past_due{", f.n, f.tb, f.tov" if server else ""}
FROM (SELECT f.*{totals} FROM customer_figures f
      WHERE {where}
      ORDER BY {order} {direction}, f.customer_id {direction}
      LIMIT :limit OFFSET :offset) f
JOIN customers c ON c.id = f.customer_id
ORDER BY {order} {direction}, f.customer_id {direction}"""
        fetched = self._execute(sql, params).fetchall()
        self._page_commits = self._local_commits()
        if server and (fetched or offset == 0):
            first = fetched[0] if fetched else (0,) * 12
            self._page_totals = (
                self._stamp,
                where,
                _search_params(params),
                CustomerListTotals(int(first[9]), int(first[10] or 0), int(first[11] or 0)),
            )
        return [
            CustomerListRow(
                customer_id=int(r[0]),
                name=str(r[1]),
                phone=str(r[2]),
                rfc=str(r[3]),
                email=str(r[4]),
                status=str(r[5]),
                balance_cents=int(r[6]),
                overdue_cents=int(r[7]),
                days_past_due=int(r[8]),
            )
            for r in fetched
        ]

    def totals(self, today: date, filters: CustomerListFilter) -> CustomerListTotals:
        params: dict[str, object] = {}
        where = _where(filters, params, self._dialect)
        known, self._page_totals = self._page_totals, None
        if (
            known is not None
            and self._stamp is not None
            and known[:3] == (self._stamp, where, _search_params(params))
            and self._page_commits == self._local_commits()  # nothing written here since
        ):
            # The page of this very search, read just before, carried them: the same
            # snapshot as the rows shown, and no round trip. Used once.
            return known[3]
        self._ready(today)
        sql = f"""
SELECT COUNT(*), COALESCE(SUM(f.balance_cents), 0), COALESCE(SUM(f.overdue_cents), 0)
FROM customer_figures f
WHERE {where}"""
        row = self._execute(sql, params).fetchone()
        return CustomerListTotals(int(row[0]), int(row[1]), int(row[2]))

    def close(self) -> None:
        if self._pool_connection is not None:
            if self._dialect != SQLITE and not self._connection.closed:
                self._execute("DROP TABLE IF EXISTS customer_figures")
                self._connection.autocommit = False
            self._pool_connection.close()
        self._pool_connection = None
        self._connection = None
        self._stamp = None
        self._page_totals = None
