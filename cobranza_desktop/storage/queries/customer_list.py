"""The customer list: search, filters, sorting and paging, all in SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.text import search_key
from cobranza_desktop.storage.dialect import SQLITE, dialect_of, sql_days_between
from cobranza_desktop.storage.queries.balances import CREDIT_BY_CUSTOMER, OPEN_BY_CUSTOMER

SORT_COLUMNS = {
    "name": "c.name_key",
    "phone": "c.phone",
    "balance": "balance_cents",
    "overdue": "overdue_cents",
    "days_past_due": "days_past_due",
    "status": "c.status",
    "rfc": "c.rfc",
}


@dataclass(frozen=True)
class CustomerListRow:
    customer_id: int
    name: str
    phone: str
    rfc: str
    email: str
    status: str
    balance_cents: int
    overdue_cents: int
    days_past_due: int


@dataclass(frozen=True)
class CustomerListTotals:
    count: int
    balance_cents: int
    overdue_cents: int


def _base(dialect: str) -> str:
    days = sql_days_between(dialect, ":today", "ob.oldest_overdue")
    return f"""
WITH ob AS ({OPEN_BY_CUSTOMER}), cr AS ({CREDIT_BY_CUSTOMER}),
rows AS (
    SELECT c.id AS id, c.name AS name, c.name_key AS name_key, c.phone AS phone,
           c.rfc AS rfc, c.email AS email,
           c.status AS status,
           COALESCE(ob.open_cents, 0) - COALESCE(cr.credit_cents, 0) AS balance_cents,
           COALESCE(ob.overdue_cents, 0) AS overdue_cents,
           CASE WHEN ob.oldest_overdue IS NULL THEN 0
                ELSE {days}
           END AS days_past_due
    FROM customers c
    LEFT JOIN ob ON ob.customer_id = c.id
    LEFT JOIN cr ON cr.customer_id = c.id
    WHERE {{where}}
)
"""


def _where(filters: CustomerListFilter, params: dict[str, object], dialect: str) -> str:
    clauses = ["1 = 1"]
    query = filters.search.strip()
    if query:
        params["like"] = f"%{query}%"
        params["key_like"] = f"%{search_key(query)}%"
        # SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does.
        like = "LIKE" if dialect == SQLITE else "ILIKE"
        parts = ["c.name_key LIKE :key_like", f"c.rfc {like} :like", f"c.email {like} :like"]
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 3:
            params["phone_like"] = f"%{digits}%"
            parts.append("c.phone LIKE :phone_like")
            parts.append("c.whatsapp LIKE :phone_like")
        clauses.append("(" + " OR ".join(parts) + ")")
    if filters.status:
        params["status"] = filters.status
        clauses.append("c.status = :status")
    return " AND ".join(clauses)


def _outer_where(filters: CustomerListFilter, params: dict[str, object]) -> str:
    clauses = ["1 = 1"]
    if filters.overdue_only:
        clauses.append("overdue_cents > 0")
    if filters.days_range is not None:
        low, high = filters.days_range
        params["days_low"] = low
        clauses.append("days_past_due >= :days_low")
        if high is not None:
            params["days_high"] = high
            clauses.append("days_past_due <= :days_high")
    return " AND ".join(clauses)


def customer_page(
    session: Session,
    today: date,
    filters: CustomerListFilter,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> list[CustomerListRow]:
    params: dict[str, object] = {"today": today.isoformat(), "limit": limit, "offset": offset}
    order = SORT_COLUMNS.get(sort, SORT_COLUMNS["name"])
    direction = "DESC" if descending else "ASC"
    dialect = dialect_of(session)
    sql = (
        _base(dialect).format(where=_where(filters, params, dialect))
        + f"SELECT * FROM rows WHERE {_outer_where(filters, params)} "
        + f"ORDER BY {order.replace('c.', '')} {direction}, id LIMIT :limit OFFSET :offset"
    )
    return [
        CustomerListRow(
            customer_id=int(r.id),
            name=r.name,
            phone=r.phone,
            rfc=r.rfc,
            email=r.email,
            status=r.status,
            balance_cents=int(r.balance_cents),
            overdue_cents=int(r.overdue_cents),
            days_past_due=int(r.days_past_due),
        )
        for r in session.execute(text(sql), params)
    ]


def customer_totals(
    session: Session, today: date, filters: CustomerListFilter
) -> CustomerListTotals:
    params: dict[str, object] = {"today": today.isoformat()}
    dialect = dialect_of(session)
    sql = (
        _base(dialect).format(where=_where(filters, params, dialect))
        + "SELECT COUNT(*), COALESCE(SUM(balance_cents), 0), COALESCE(SUM(overdue_cents), 0) "
        + f"FROM rows WHERE {_outer_where(filters, params)}"
    )
    row = session.execute(text(sql), params).one()
    return CustomerListTotals(int(row[0]), int(row[1]), int(row[2]))
