"""The aging report in one SQL statement.

An invoice's balance as of a date is what it owes now plus what was applied to it by
payments dated after that date. The two parts come as separate rows of ``open_items``
(same customer, same due date, so the same bucket): what is owed now, from the small
partial index of open invoices, and the later payments, joined to their invoices only
when there are any. The query stays fast for recent dates and exact for past ones, and
needs no per-invoice join of the two (a LEFT JOIN cost 1.5x more as of six months ago).

Two planner hints keep it so on SQLite on a large book (SQLite has no statistics unless ANALYZE
ran, and then guesses badly here):

- ``payments CROSS JOIN allocations`` fixes the join order, so that the later payments
  are found by date (``ix_payments_date``) and their allocations by the covering
  ``ix_allocations_payment``. Without it SQLite walks every allocation in invoice order
  to save a sort for the GROUP BY (about 0.9 s on a million invoices, even when no
  payment is later than the date).
- the unary ``+`` on ``issue_date`` keeps ``ix_invoices_issue_date`` out, so that the
  open invoices are read from the partial covering index ``ix_invoices_open`` instead of
  visiting every invoice issued up to the date.

PostgreSQL has statistics and takes neither hint (``storage/dialect.py`` writes them for
SQLite only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import (
    dialect_of,
    fetch_tuples,
    sql_ordered_join,
    sql_unindexed,
)
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.predicates import as_sql, open_invoice, table_alias

# A report row as fetched: (customer_id, name, bucket_0, ..., bucket_n, total), in cents.
AgingRecord = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class AgingRow:
    customer_id: int
    name: str
    bucket_cents: tuple[int, ...]
    total_cents: int


def row_from_record(record: AgingRecord) -> AgingRow:
    return AgingRow(record[0], record[1], record[2:-1], record[-1])


def _bucket_sql(bound_count: int) -> str:
    """SUM(CASE ...) columns for buckets delimited by due-date bounds :b0 > :b1 > ..."""
    columns = ["SUM(CASE WHEN due_date >= :b0 THEN balance ELSE 0 END)"]
    for i in range(1, bound_count):
        columns.append(
            f"SUM(CASE WHEN due_date < :b{i - 1} AND due_date >= :b{i} THEN balance ELSE 0 END)"
        )
    columns.append(f"SUM(CASE WHEN due_date < :b{bound_count - 1} THEN balance ELSE 0 END)")
    return ",\n       ".join(f"{c} AS bucket{i}" for i, c in enumerate(columns))


_OPEN = as_sql(open_invoice(table_alias(Invoice, "i")))


def open_items_as_of(dialect: str) -> str:
    """The ``later`` and ``open_items`` CTEs (``WITH …``) for the dialect's planner."""
    return f"""
WITH later AS (
    SELECT a.invoice_id AS invoice_id, SUM(a.amount_cents) AS cents
    FROM payments p {sql_ordered_join(dialect)} allocations a
        ON a.payment_id = p.id AND a.active = TRUE
    WHERE p.payment_date > :as_of
    GROUP BY a.invoice_id
),
open_items AS (
    SELECT i.customer_id AS customer_id, i.due_date AS due_date,
           i.total_cents - i.paid_cents AS balance
    FROM invoices i
    WHERE {_OPEN} AND {sql_unindexed(dialect, "i.issue_date")} <= :as_of
    UNION ALL
    SELECT i.customer_id, i.due_date, later.cents
    FROM later JOIN invoices i ON i.id = later.invoice_id
    WHERE i.lifecycle = 'issued' AND i.issue_date <= :as_of
)
"""


def aging_records(
    session: Session, as_of: date, bounds: list[date], customer_id: int | None = None
) -> list[AgingRecord]:
    """One record per customer with a balance, bucketed by the due-date ``bounds``.

    Plain tuples, as sqlite3 fetches them: a report of thousands of debtors then costs
    little more than its query (see ``aging_rows`` for typed rows).
    """
    params: dict[str, object] = {"as_of": as_of.isoformat()}
    params.update({f"b{i}": b.isoformat() for i, b in enumerate(bounds)})
    where = ""
    if customer_id is not None:
        where = "WHERE customer_id = :customer_id"
        params["customer_id"] = customer_id
    bucket_columns = ", ".join(f"agg.bucket{i}" for i in range(len(bounds) + 1))
    sql = f"""{open_items_as_of(dialect_of(session))}
SELECT c.id, c.name, {bucket_columns}, agg.total
FROM (SELECT customer_id,
       {_bucket_sql(len(bounds))},
       SUM(balance) AS total
      FROM open_items {where}
      GROUP BY customer_id
      HAVING SUM(balance) > 0) AS agg
JOIN customers c ON c.id = agg.customer_id
ORDER BY c.name_key, c.id
"""
    # Plain tuples (on SQLite straight through the DBAPI cursor): building SQLAlchemy Row
    # objects for thousands of debtors cost about as much as the query itself.
    return fetch_tuples(session, sql, params)


def aging_rows(
    session: Session, as_of: date, bounds: list[date], customer_id: int | None = None
) -> list[AgingRow]:
    """One typed row per customer with a balance, bucketed by the due-date ``bounds``."""
    return [row_from_record(r) for r in aging_records(session, as_of, bounds, customer_id)]
