"""Reads for the penalty engine: candidate invoices, their payments and charge history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import unindexed
from cobranza_desktop.storage.models.core import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.penalties import PenaltyCharge
from cobranza_desktop.storage.queries.predicates import issued_invoice, open_invoice

CHUNK = 500


@dataclass(frozen=True)
class CandidateRow:
    invoice_id: int
    customer_id: int
    customer_name: str
    series: str
    folio: int | None
    total_cents: int
    paid_cents: int
    issue_date: date
    due_date: date
    # Read with the row: only imported invoices need their import's date looked up.
    import_batch_id: int | None = None


@dataclass(frozen=True)
class HistoryRow:
    fee_keys: frozenset[str]
    interest_through: date | None


def candidate_invoices(
    session: Session, as_of: date, customer_id: int | None = None
) -> list[CandidateRow]:
    """Issued invoices (never late charges) past due on ``as_of`` that may owe penalties.

    Those open on ``as_of`` (open now, or paid since by payments dated after it), plus
    those already charged whose last payment came after the last charged day (their final
    period of interest is still due). A disputed invoice accrues nothing while disputed.
    """
    last_payment = (
        select(func.max(Payment.payment_date))
        .join(Allocation, Allocation.payment_id == Payment.id)
        .where(
            Allocation.invoice_id == PenaltyCharge.invoice_id,
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
        )
        .scalar_subquery()
    )
    unfinished = (
        select(PenaltyCharge.invoice_id)
        .group_by(PenaltyCharge.invoice_id)
        .having(func.max(PenaltyCharge.period_end) < last_payment)
    )
    paid_later = (
        select(Allocation.invoice_id)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
            Payment.payment_date > as_of,
        )
    )
    columns = (
        Invoice.id,
        Invoice.customer_id,
        Customer.name,
        Invoice.series,
        Invoice.folio,
        Invoice.total_cents,
        Invoice.paid_cents,
        Invoice.issue_date,
        Invoice.due_date,
        Invoice.import_batch_id,
    )
    # Two reads instead of one with OR: the open ones from the small partial index of open
    # invoices (the unary "+" keeps the planner off the date indexes, which would walk
    # every invoice), and the few paid ones with a period of interest still to charge.
    # A disputed invoice is not charged while the dispute lasts; an invoice paid after
    # ``as_of`` was open then, and counts as the book was on that date.
    open_query = select(*columns).where(
        open_invoice(),
        Invoice.kind == "invoice",
        unindexed(Invoice.due_date) < as_of,
        unindexed(Invoice.issue_date) <= as_of,
        Invoice.disputed.is_(False),
    )
    charged_query = select(*columns).where(
        issued_invoice(),
        Invoice.paid_cents >= Invoice.total_cents,
        Invoice.kind == "invoice",
        Invoice.due_date < as_of,
        Invoice.issue_date <= as_of,
        Invoice.disputed.is_(False),
        or_(Invoice.id.in_(unfinished), Invoice.id.in_(paid_later)),
    )
    rows: list[CandidateRow] = []
    for query in (open_query, charged_query):
        query = query.join(Customer, Customer.id == Invoice.customer_id)
        if customer_id is not None:
            query = query.where(Invoice.customer_id == customer_id)
        rows.extend(
            CandidateRow(*row[:9], import_batch_id=row[9]) for row in session.execute(query)
        )
    rows.sort(key=lambda r: (r.customer_name, r.customer_id, r.due_date, r.invoice_id))
    return rows


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def payments_by_invoice(
    session: Session, invoice_ids: Sequence[int]
) -> dict[int, list[tuple[date, int]]]:
    """Active allocations of unreversed payments: (payment date, cents) per invoice."""
    result: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for chunk in _chunks(invoice_ids):
        rows = session.execute(
            select(Allocation.invoice_id, Payment.payment_date, Allocation.amount_cents)
            .join(Payment, Payment.id == Allocation.payment_id)
            .where(
                Allocation.invoice_id.in_(chunk),
                Allocation.active.is_(True),
                Payment.reversed_at.is_(None),
            )
        )
        for invoice_id, paid_on, cents in rows:
            result[invoice_id].append((paid_on, cents))
    return result


def charges_after(session: Session, day: date) -> int:
    """How many charges were computed as of a date after ``day``."""
    return int(session.scalar(select(func.count()).where(PenaltyCharge.as_of > day)) or 0)


def charge_history(
    session: Session, invoice_ids: Sequence[int], as_of: date | None = None
) -> dict[int, HistoryRow]:
    """What was charged on each invoice by ``as_of`` (default: ever).

    Waived charges count (a forgiven period is never charged again), except those waived
    *to recompute* (:attr:`PenaltyCharge.recompute`): their period is free again.
    """
    keys: dict[int, set[str]] = defaultdict(set)
    through: dict[int, date] = {}
    for chunk in _chunks(invoice_ids):
        rows = session.execute(
            select(
                PenaltyCharge.invoice_id,
                PenaltyCharge.kind,
                PenaltyCharge.charge_key,
                PenaltyCharge.period_end,
            ).where(
                PenaltyCharge.invoice_id.in_(chunk),
                PenaltyCharge.recompute.is_(False),
                *(() if as_of is None else (PenaltyCharge.as_of <= as_of,)),
            )
        )
        for invoice_id, kind, key, period_end in rows:
            if kind == "fee":
                keys[invoice_id].add(key)
            elif invoice_id not in through or period_end > through[invoice_id]:
                through[invoice_id] = period_end
    return {
        invoice_id: HistoryRow(frozenset(keys.get(invoice_id, set())), through.get(invoice_id))
        for invoice_id in set(keys) | set(through)
    }
