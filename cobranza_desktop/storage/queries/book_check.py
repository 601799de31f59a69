"""Bookkeeping invariants, each as one SQL query that lists what breaks it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.models.allocation_facts import (
    ON_PPD_SQL,
    REP_OPEN_SQL,
    day_number_sql,
)
from cobranza_desktop.storage.models.penalties import IncentiveGrant

INVOICE_PAID_MISMATCH = """
SELECT i.id, i.paid_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
FROM invoices i LEFT JOIN allocations a ON a.invoice_id = i.id AND a.active = TRUE
GROUP BY i.id, i.paid_cents HAVING i.paid_cents != COALESCE(SUM(a.amount_cents), 0)
"""

PAYMENT_OVER_ALLOCATED = """
SELECT p.id, p.amount_cents, p.allocated_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
FROM payments p LEFT JOIN allocations a ON a.payment_id = p.id AND a.active = TRUE
GROUP BY p.id, p.amount_cents, p.allocated_cents, p.reversed_at
HAVING COALESCE(SUM(a.amount_cents), 0) != p.allocated_cents
    OR COALESCE(SUM(a.amount_cents), 0) > p.amount_cents
    OR (p.reversed_at IS NOT NULL AND COALESCE(SUM(a.amount_cents), 0) > 0)
"""

ALLOCATION_CUSTOMER_MISMATCH = """
SELECT a.id FROM allocations a
JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
WHERE a.active = TRUE AND (p.customer_id != i.customer_id OR i.lifecycle != 'issued')
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
SELECT id, balance, expected FROM (
    SELECT c.id AS id, COALESCE(inv.open_cents, 0) AS balance,
           COALESCE(inv.invoiced, 0) - COALESCE(pay.received, 0) + COALESCE(pay.credit, 0)
               AS expected
    FROM customers c LEFT JOIN inv ON inv.customer_id = c.id
    LEFT JOIN pay ON pay.customer_id = c.id
) balances
WHERE balance != expected
"""


def allocation_facts_mismatch(dialect: str) -> str:
    """Allocations whose copied facts (``models/allocation_facts.py``) differ from their
    payment's and invoice's."""
    pay, issue, due = (
        day_number_sql(c, dialect) for c in ("p.payment_date", "i.issue_date", "i.due_date")
    )
    return f"""
SELECT a.id FROM allocations a
JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
WHERE a.customer_id IS NULL OR a.payment_day IS NULL OR a.issue_day IS NULL
   OR a.due_day IS NULL OR a.is_money IS NULL OR a.on_invoice IS NULL
   OR a.customer_id != p.customer_id OR a.payment_day != {pay} OR a.issue_day != {issue}
   OR a.due_day != {due} OR a.is_money != (p.method != 'discount')
   OR a.on_invoice != (i.kind = 'invoice')
   OR a.rep_open IS NULL OR a.on_ppd IS NULL
   OR a.rep_open != {REP_OPEN_SQL} OR a.on_ppd != {ON_PPD_SQL}
"""


def invariant_violations(session: Session) -> dict[str, list[tuple[object, ...]]]:
    """Each invariant's name and the rows that break it (empty lists when all hold)."""
    queries = {
        "invoice_paid_matches_allocations": INVOICE_PAID_MISMATCH,
        "payment_not_over_allocated": PAYMENT_OVER_ALLOCATED,
        "allocation_matches_customer": ALLOCATION_CUSTOMER_MISMATCH,
        "customer_balance_consistent": CUSTOMER_BALANCE_MISMATCH,
        "allocation_facts_match": allocation_facts_mismatch(session.get_bind().dialect.name),
    }
    return {
        name: [tuple(row) for row in session.execute(text(sql)).all()]
        for name, sql in queries.items()
    }


# -- incentives the rules say were earned ------------------------------------------------------


@dataclass(frozen=True)
class EarlyPaymentCandidate:
    """A payment applied to an invoice that has never had an early-payment discount."""

    payment_id: int
    invoice_id: int
    invoice_total_cents: int
    issue_date: date
    payment_date: date
    cents: int  # what the payment applied to the invoice when it was recorded
    paid_before_cents: int  # what the invoice had received before that payment


def early_payment_candidates(session: Session, since: datetime) -> list[EarlyPaymentCandidate]:
    """Money payments recorded since ``since`` on issued invoices with no early-payment grant.

    The allocations made with the payment (same moment) count; credit applied later was
    never offered the discount. Whether the discount was earned is the domain's call.
    """
    granted = select(IncentiveGrant.id).where(
        IncentiveGrant.invoice_id == Invoice.id, IncentiveGrant.kind == "early_payment"
    )
    per = (
        select(
            Allocation.payment_id.label("payment_id"),
            Allocation.invoice_id.label("invoice_id"),
            func.sum(Allocation.amount_cents).label("cents"),
            func.min(Allocation.id).label("first_id"),
        )
        .join(Payment, Payment.id == Allocation.payment_id)
        .join(Invoice, Invoice.id == Allocation.invoice_id)
        .where(
            Allocation.active.is_(True),
            Allocation.created_at == Payment.created_at,
            Payment.reversed_at.is_(None),
            Payment.method != "discount",
            Payment.created_at >= since,
            Payment.payment_date >= Invoice.issue_date,
            Invoice.lifecycle == "issued",
            Invoice.kind == "invoice",
            ~granted.exists(),
        )
        .group_by(Allocation.payment_id, Allocation.invoice_id)
        .subquery()
    )
    earlier = aliased(Allocation)
    paid_before = (
        select(func.coalesce(func.sum(earlier.amount_cents), 0))
        .where(
            earlier.invoice_id == per.c.invoice_id,
            earlier.active.is_(True),
            earlier.id < per.c.first_id,
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            per.c.payment_id,
            per.c.invoice_id,
            Invoice.total_cents,
            Invoice.issue_date,
            Payment.payment_date,
            per.c.cents,
            paid_before,
        )
        .join(Invoice, Invoice.id == per.c.invoice_id)
        .join(Payment, Payment.id == per.c.payment_id)
        .order_by(per.c.payment_id, per.c.invoice_id)
    )
    return [
        EarlyPaymentCandidate(pid, iid, total, issued, paid_on, int(cents), int(before))
        for pid, iid, total, issued, paid_on, cents, before in rows
    ]


@dataclass(frozen=True)
class AllocationEvent:
    """One allocation to a customer's invoice, with the moments that bound its life."""

    invoice_id: int
    amount_cents: int
    payment_date: date
    created_at: datetime
    undone_at: datetime | None
    payment_reversed_at: datetime | None


@dataclass(frozen=True)
class RewardEvent:
    granted_on: date
    created_at: datetime
    voided_at: datetime | None


@dataclass(frozen=True)
class InvoiceEvent:
    id: int
    customer_id: int
    due_date: date
    total_cents: int
    created_at: datetime
    voided_at: datetime | None
    lifecycle: str
    has_reward: bool
    issue_date: date


@dataclass(frozen=True)
class PunctualityHistory:
    """Every regular invoice, allocation and punctuality reward of the customers who have
    an invoice issued since the rule was set, in a few set-based queries."""

    invoices: tuple[InvoiceEvent, ...]
    allocations: dict[int, tuple[AllocationEvent, ...]]  # by invoice
    rewards: dict[int, tuple[RewardEvent, ...]]  # by customer


def punctuality_history(session: Session, since: datetime) -> PunctualityHistory:
    customers = (
        select(Invoice.customer_id)
        .where(
            Invoice.created_at >= since,
            Invoice.kind == "invoice",
            Invoice.lifecycle == "issued",
        )
        .distinct()
        .scalar_subquery()
    )
    rewarded = select(IncentiveGrant.id).where(
        IncentiveGrant.invoice_id == Invoice.id, IncentiveGrant.kind == "punctuality"
    )
    invoices = tuple(
        InvoiceEvent(*row)
        for row in session.execute(
            select(
                Invoice.id,
                Invoice.customer_id,
                Invoice.due_date,
                Invoice.total_cents,
                Invoice.created_at,
                Invoice.voided_at,
                Invoice.lifecycle,
                rewarded.exists(),
                Invoice.issue_date,
            )
            .where(
                Invoice.customer_id.in_(customers),
                Invoice.kind == "invoice",
                Invoice.lifecycle != "draft",
            )
            .order_by(Invoice.customer_id, Invoice.created_at, Invoice.id)
        )
    )
    allocations: dict[int, list[AllocationEvent]] = defaultdict(list)
    for invoice_id, amount, paid_on, created, undone, reversed_at in session.execute(
        select(
            Allocation.invoice_id,
            Allocation.amount_cents,
            Payment.payment_date,
            Allocation.created_at,
            Allocation.undone_at,
            Payment.reversed_at,
        )
        .join(Payment, Payment.id == Allocation.payment_id)
        .join(Invoice, Invoice.id == Allocation.invoice_id)
        .where(Invoice.customer_id.in_(customers), Invoice.kind == "invoice")
    ):
        allocations[invoice_id].append(
            AllocationEvent(invoice_id, amount, paid_on, created, undone, reversed_at)
        )
    rewards: dict[int, list[RewardEvent]] = defaultdict(list)
    for customer_id, granted_on, created, voided in session.execute(
        select(
            IncentiveGrant.customer_id,
            IncentiveGrant.granted_on,
            IncentiveGrant.created_at,
            IncentiveGrant.voided_at,
        ).where(IncentiveGrant.customer_id.in_(customers), IncentiveGrant.kind == "punctuality")
    ):
        rewards[customer_id].append(RewardEvent(granted_on, created, voided))
    return PunctualityHistory(
        invoices,
        {k: tuple(v) for k, v in allocations.items()},
        {k: tuple(v) for k, v in rewards.items()},
    )
