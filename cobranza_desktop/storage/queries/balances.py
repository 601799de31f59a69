"""Per-customer balances from the denormalized paid/allocated amounts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class BalanceRow:
    customer_id: int
    open_cents: int  # what open invoices still owe
    overdue_cents: int
    oldest_overdue_due_date: date | None
    credit_cents: int  # money received and not yet applied

    @property
    def balance_cents(self) -> int:
        return self.open_cents - self.credit_cents


OPEN_BY_CUSTOMER = """
SELECT customer_id,
       SUM(total_cents - paid_cents) AS open_cents,
       SUM(CASE WHEN due_date < :today THEN total_cents - paid_cents ELSE 0 END) AS overdue_cents,
       MIN(CASE WHEN due_date < :today THEN due_date END) AS oldest_overdue
FROM invoices
WHERE lifecycle = 'issued' AND paid_cents < total_cents
GROUP BY customer_id
"""

CREDIT_BY_CUSTOMER = """
SELECT customer_id, SUM(amount_cents - allocated_cents) AS credit_cents
FROM payments
WHERE reversed_at IS NULL AND allocated_cents < amount_cents
GROUP BY customer_id
"""


def customer_balance(session: Session, customer_id: int, today: date) -> BalanceRow:
    params = {"today": today.isoformat(), "cid": customer_id}
    open_row = session.execute(
        text(
            OPEN_BY_CUSTOMER.replace(
                "GROUP BY customer_id", "AND customer_id = :cid GROUP BY customer_id"
            )
        ),
        params,
    ).first()
    credit_row = session.execute(
        text(CREDIT_BY_CUSTOMER.replace("GROUP BY", "AND customer_id = :cid GROUP BY")), params
    ).first()
    oldest = open_row[3] if open_row else None
    return BalanceRow(
        customer_id=customer_id,
        open_cents=int(open_row[1]) if open_row else 0,
        overdue_cents=int(open_row[2]) if open_row else 0,
        oldest_overdue_due_date=date.fromisoformat(oldest) if oldest else None,
        credit_cents=int(credit_row[1]) if credit_row else 0,
    )


def credit_by_customer(session: Session, customer_ids: Collection[int]) -> dict[int, int]:
    """Unapplied credit in cents of each given customer that has some (one grouped query)."""
    wanted = set(customer_ids)
    if not wanted:
        return {}
    rows = session.execute(text(CREDIT_BY_CUSTOMER))
    return {int(cid): int(cents) for cid, cents in rows if cid in wanted and cents}


def net_of_credit(balances: Sequence[tuple[int, int]], credit_cents: int) -> dict[int, int]:
    """What each open item (id, cents; oldest due first) still owes once the credit pays
    the oldest first: the rule of oldest-first allocation, without writing it."""
    left = credit_cents
    result: dict[int, int] = {}
    for item_id, cents in balances:
        used = min(left, cents)
        left -= used
        result[item_id] = cents - used
    return result
