"""The customer list at the scale of a big book: per-customer figures kept ready.

Balance, overdue amount and days past due are aggregates over the open invoices
(tens of thousands of rows on a 1,000,000-invoice book: ~250 ms). Recomputing them
on every keystroke or sort is too slow, so :class:`CustomerListIndex` keeps them in a
TEMP table with indexes, on a connection of its own, and rebuilds it only when the
book changed (``PRAGMA data_version``: any commit by another connection) or the day
changed. Searching, filtering, sorting and paging then run in SQL over indexes in a
few milliseconds.

Use it from one thread at a time (the window's database worker).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any, cast

from sqlalchemy import Engine

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.text import search_key
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
_REBUILD = [
    "DROP TABLE IF EXISTS temp.customer_figures",
    """CREATE TEMP TABLE customer_figures (
        customer_id INTEGER PRIMARY KEY,
        name_key TEXT NOT NULL,
        phone TEXT NOT NULL,
        status TEXT NOT NULL,
        rfc_email TEXT NOT NULL,
        phones TEXT NOT NULL,
        balance_cents INTEGER NOT NULL,
        overdue_cents INTEGER NOT NULL,
        days_past_due INTEGER NOT NULL)""",
    f"""INSERT INTO temp.customer_figures
    SELECT c.id, c.name_key, c.phone, c.status,
           lower(c.rfc) || char(31) || lower(c.email),
           replace(replace(c.phone, '+', ''), ' ', '') || char(31)
               || replace(replace(c.whatsapp, '+', ''), ' ', ''),
           COALESCE(ob.open_cents, 0) - COALESCE(cr.credit_cents, 0),
           COALESCE(ob.overdue_cents, 0),
           CASE WHEN ob.oldest_overdue IS NULL THEN 0
                ELSE CAST(julianday(:today) - julianday(ob.oldest_overdue) AS INTEGER) END
    FROM customers c
    LEFT JOIN ({OPEN_BY_CUSTOMER}) ob ON ob.customer_id = c.id
    LEFT JOIN ({CREDIT_BY_CUSTOMER}) cr ON cr.customer_id = c.id""",
    # Covering the search fields: walking the list in name order never reads the table.
    "CREATE INDEX temp.ix_cf_name ON customer_figures"
    " (name_key, customer_id, rfc_email, phones, status, overdue_cents, days_past_due)",
    "CREATE INDEX temp.ix_cf_phone ON customer_figures (phone, customer_id)",
    "CREATE INDEX temp.ix_cf_status ON customer_figures (status, customer_id)",
    "CREATE INDEX temp.ix_cf_balance ON customer_figures (balance_cents, customer_id)",
    "CREATE INDEX temp.ix_cf_overdue ON customer_figures (overdue_cents, customer_id)",
    "CREATE INDEX temp.ix_cf_days ON customer_figures (days_past_due, customer_id)",
]


def _where(filters: CustomerListFilter, params: dict[str, object]) -> str:
    """The same search as the customer service's list: name (without accents), RFC,
    email, and phone digits when at least three are typed."""
    clauses = ["1 = 1"]
    query = filters.search.strip()
    if query:
        params["key"] = search_key(query)
        params["lower"] = query.lower()
        parts = ["instr(f.name_key, :key) > 0", "instr(f.rfc_email, :lower) > 0"]
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 3:
            params["digits"] = digits
            parts.append("instr(f.phones, :digits) > 0")
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


class CustomerListIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: sqlite3.Connection | None = None
        self._pool_connection: Any = None
        self._stamp: tuple[int, date] | None = None
        self.rebuilds = 0

    def _ready(self, today: date) -> sqlite3.Connection:
        if self._connection is None:
            self._pool_connection = self._engine.raw_connection()
            raw = self._pool_connection.driver_connection
            connection = cast(sqlite3.Connection, raw)
            connection.execute("PRAGMA temp_store = MEMORY")
            self._connection = connection
        connection = self._connection
        version = int(connection.execute("PRAGMA data_version").fetchone()[0])
        if self._stamp != (version, today):
            with connection:  # one transaction: the figures are rebuilt whole or not at all
                for statement in _REBUILD:
                    connection.execute(statement, {"today": today.isoformat()})
            self._stamp = (version, today)
            self.rebuilds += 1
        return connection

    def page(
        self,
        today: date,
        filters: CustomerListFilter,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[CustomerListRow]:
        connection = self._ready(today)
        params: dict[str, object] = {"limit": limit, "offset": offset}
        direction = "DESC" if descending else "ASC"
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["name"])
        sql = f"""
SELECT c.id, c.name, c.phone, c.rfc, c.email, c.status,
       f.balance_cents, f.overdue_cents, f.days_past_due
FROM (SELECT * FROM temp.customer_figures f
      WHERE {_where(filters, params)}
      ORDER BY {order} {direction}, f.customer_id {direction}
      LIMIT :limit OFFSET :offset) f
JOIN customers c ON c.id = f.customer_id
ORDER BY {order} {direction}, f.customer_id {direction}"""
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
            for r in connection.execute(sql, params)
        ]

    def totals(self, today: date, filters: CustomerListFilter) -> CustomerListTotals:
        connection = self._ready(today)
        params: dict[str, object] = {}
        sql = f"""
SELECT COUNT(*), COALESCE(SUM(f.balance_cents), 0), COALESCE(SUM(f.overdue_cents), 0)
FROM temp.customer_figures f
WHERE {_where(filters, params)}"""
        row = connection.execute(sql, params).fetchone()
        return CustomerListTotals(int(row[0]), int(row[1]), int(row[2]))

    def close(self) -> None:
        if self._pool_connection is not None:
            self._pool_connection.close()
        self._pool_connection = None
        self._connection = None
        self._stamp = None
