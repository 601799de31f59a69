"""Bookkeeping invariants, each as one SQL query that lists what breaks it."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

INVOICE_PAID_MISMATCH = """
SELECT i.id, i.paid_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
FROM invoices i LEFT JOIN allocations a ON a.invoice_id = i.id AND a.active = 1
GROUP BY i.id HAVING i.paid_cents != allocated
"""

PAYMENT_OVER_ALLOCATED = """
SELECT p.id, p.amount_cents, p.allocated_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
FROM payments p LEFT JOIN allocations a ON a.payment_id = p.id AND a.active = 1
GROUP BY p.id
HAVING allocated != p.allocated_cents OR allocated > p.amount_cents
    OR (p.reversed_at IS NOT NULL AND allocated > 0)
"""

ALLOCATION_CUSTOMER_MISMATCH = """
SELECT a.id FROM allocations a
JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
WHERE a.active = 1 AND (p.customer_id != i.customer_id OR i.lifecycle != 'issued')
"""

# Balance from invoices (total - paid) versus invoices - payments + credit, per customer.
CUSTOMER_BALANCE_MISMATCH = """
WITH inv AS (
    SELECT customer_id, SUM(total_cents) AS invoiced, SUM(total_cents - paid_cents) AS open_cents
    FROM invoices WHERE lifecycle = 'issued' GROUP BY customer_id
), pay AS (
    SELECT customer_id, SUM(amount_cents) AS received,
           SUM(amount_cents - allocated_cents) AS credit
    FROM payments WHERE reversed_at IS NULL GROUP BY customer_id
)
SELECT c.id, COALESCE(inv.open_cents, 0) AS balance,
       COALESCE(inv.invoiced, 0) - COALESCE(pay.received, 0) + COALESCE(pay.credit, 0) AS expected
FROM customers c LEFT JOIN inv ON inv.customer_id = c.id LEFT JOIN pay ON pay.customer_id = c.id
WHERE balance != expected
"""


def invariant_violations(session: Session) -> dict[str, list[tuple[object, ...]]]:
    """Each invariant's name and the rows that break it (empty lists when all hold)."""
    queries = {
        "invoice_paid_matches_allocations": INVOICE_PAID_MISMATCH,
        "payment_not_over_allocated": PAYMENT_OVER_ALLOCATED,
        "allocation_matches_customer": ALLOCATION_CUSTOMER_MISMATCH,
        "customer_balance_consistent": CUSTOMER_BALANCE_MISMATCH,
    }
    return {
        name: [tuple(row) for row in session.execute(text(sql)).all()]
        for name, sql in queries.items()
    }
