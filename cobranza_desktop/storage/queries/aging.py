"""The aging report in one SQL statement.

An invoice's balance as of a date is what it owes now plus what was applied to it by
payments dated after that date. Currently open invoices come from a small partial
index; fully paid invoices join only when a later payment touched them, so the query
stays fast for recent dates and exact for past ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class AgingRow:
    customer_id: int
    name: str
    bucket_cents: tuple[int, ...]
    total_cents: int


def _bucket_sql(bound_count: int) -> str:
    """SUM(CASE ...) columns for buckets delimited by due-date bounds :b0 > :b1 > ..."""
    columns = ["SUM(CASE WHEN due_date >= :b0 THEN balance ELSE 0 END)"]
    for i in range(1, bound_count):
        columns.append(
            f"SUM(CASE WHEN due_date < :b{i - 1} AND due_date >= :b{i} THEN balance ELSE 0 END)"
        )
    columns.append(f"SUM(CASE WHEN due_date < :b{bound_count - 1} THEN balance ELSE 0 END)")
    return ",\n       ".join(f"{c} AS bucket{i}" for i, c in enumerate(columns))


OPEN_ITEMS_AS_OF = """
WITH later AS (
    SELECT a.invoice_id AS invoice_id, SUM(a.amount_cents) AS cents
    FROM payments p JOIN allocations a ON a.payment_id = p.id AND a.active = 1
    WHERE p.payment_date > :as_of
    GROUP BY a.invoice_id
),
open_items AS (
    SELECT i.customer_id AS customer_id, i.due_date AS due_date,
           i.total_cents - i.paid_cents + COALESCE(later.cents, 0) AS balance
    FROM invoices i LEFT JOIN later ON later.invoice_id = i.id
    WHERE i.lifecycle = 'issued' AND i.paid_cents < i.total_cents AND +i.issue_date <= :as_of
    UNION ALL
    SELECT i.customer_id, i.due_date, later.cents
    FROM later JOIN invoices i ON i.id = later.invoice_id
    WHERE i.lifecycle = 'issued' AND i.paid_cents >= i.total_cents AND i.issue_date <= :as_of
)
"""


def aging_rows(
    session: Session, as_of: date, bounds: list[date], customer_id: int | None = None
) -> list[AgingRow]:
    """One row per customer with a balance, bucketed by the due-date ``bounds``."""
    params: dict[str, object] = {"as_of": as_of.isoformat()}
    params.update({f"b{i}": b.isoformat() for i, b in enumerate(bounds)})
    where = ""
    if customer_id is not None:
        where = "WHERE customer_id = :customer_id"
        params["customer_id"] = customer_id
    sql = f"""{OPEN_ITEMS_AS_OF}
SELECT c.id, c.name, agg.*
FROM (SELECT customer_id,
       {_bucket_sql(len(bounds))}
      FROM open_items {where}
      GROUP BY customer_id) AS agg
JOIN customers c ON c.id = agg.customer_id
ORDER BY c.name_key, c.id
"""
    rows: list[AgingRow] = []
    for record in session.execute(text(sql), params):
        buckets = tuple(int(v or 0) for v in record[3:])
        total = sum(buckets)
        if total > 0:
            rows.append(AgingRow(int(record[0]), str(record[1]), buckets, total))
    return rows
