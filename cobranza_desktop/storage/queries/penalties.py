"""Reads for the penalty engine: candidate invoices with their payments, and charge history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import fetch_raw, fetch_tuples, unindexed
from cobranza_desktop.storage.models.core import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.penalties import PenaltyCharge
from cobranza_desktop.storage.queries.predicates import issued_invoice, open_invoice

CHUNK = 500


class CandidateRow(NamedTuple):
    """An invoice the engine assesses (a tuple: tens of thousands are made per run)."""

    invoice_id: int
    customer_id: int
    customer_name: str
    series: str
    folio: int | None
    total_cents: int
    due_date: date
    # Read with the row: only imported invoices need their import's date looked up.
    import_batch_id: int | None = None
    # Active allocations of unreversed payments: (payment date, cents), any date.
    payments: tuple[tuple[date, int], ...] = ()
    # The customer signed the credit terms (``customers.terms_signed_on``).
    terms_signed: bool = True


@dataclass(frozen=True)
class HistoryRow:
    fee_keys: frozenset[str]
    interest_through: date | None


# The order of the proposal, as a C-level key over the tuple.
_BY_CUSTOMER_NAME = itemgetter(
    *(
        CandidateRow._fields.index(f)
        for f in ("customer_name", "customer_id", "due_date", "invoice_id")
    )
)


@lru_cache(maxsize=8192)
def _parse_day(text: str) -> date:
    return date.fromisoformat(text)


def as_day(value: date | str) -> date:
    """A date column as the driver returned it (an ISO string on SQLite), as a ``date``:
    each distinct day parsed once, however many of the rows share it."""
    return value if isinstance(value, date) else _parse_day(value)


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
        # Explicit: the outer read joins allocations and payments too.
        .correlate(PenaltyCharge)
        .scalar_subquery()
    )
    unfinished = (
        select(PenaltyCharge.invoice_id)
        .group_by(PenaltyCharge.invoice_id)
        .having(func.max(PenaltyCharge.period_end) < last_payment)
        .correlate(None)
    )
    paid_later = (
        select(Allocation.invoice_id)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
            Payment.payment_date > as_of,
        )
        .correlate(None)
    )
    columns = (
        Invoice.id,
        Invoice.customer_id,
        Customer.name,
        Invoice.series,
        Invoice.folio,
        Invoice.total_cents,
        Invoice.due_date,
        Invoice.import_batch_id,
        Customer.terms_signed_on.is_not(None),
        Payment.payment_date,
        Allocation.amount_cents,
    )
    # Two reads instead of one with OR: the open ones from the small partial index of open
    # invoices (the unary "+" keeps the planner off the date indexes, which would walk
    # every invoice), and the few paid ones with a period of interest still to charge.
    # A disputed invoice is not charged while the dispute lasts; an invoice paid after
    # ``as_of`` was open then, and counts as the book was on that date.
    # Each invoice with its payments in the same read (one row per allocation, as a left
    # join from the invoice: the planner keeps the invoice index and probes allocations).
    invoices_with_payments = (
        select(*columns)
        .select_from(Invoice)
        .join(Customer, Customer.id == Invoice.customer_id)
        .outerjoin(
            Allocation, and_(Allocation.invoice_id == Invoice.id, Allocation.active.is_(True))
        )
        .outerjoin(
            Payment, and_(Payment.id == Allocation.payment_id, Payment.reversed_at.is_(None))
        )
    )
    open_query = invoices_with_payments.where(
        open_invoice(),
        Invoice.kind == "invoice",
        unindexed(Invoice.due_date) < as_of,
        unindexed(Invoice.issue_date) <= as_of,
        Invoice.disputed.is_(False),
    )
    charged_query = invoices_with_payments.where(
        issued_invoice(),
        Invoice.paid_cents >= Invoice.total_cents,
        Invoice.kind == "invoice",
        Invoice.due_date < as_of,
        Invoice.issue_date <= as_of,
        Invoice.disputed.is_(False),
        or_(Invoice.id.in_(unfinished), Invoice.id.in_(paid_later)),
    )
    # The driver's rows (no Row objects: tens of thousands of them), one per allocation.
    found: dict[int, tuple[Any, list[tuple[date, int]]]] = {}
    for query in (open_query, charged_query):
        if customer_id is not None:
            query = query.where(Invoice.customer_id == customer_id)
        for row in fetch_raw(session, query):
            entry = found.get(row[0])
            if entry is None:
                entry = found[row[0]] = (row, [])
            if row[9] is not None:
                entry[1].append((as_day(row[9]), row[10]))
    new = tuple.__new__  # every field given, in order: not the generated constructor
    rows = [
        new(
            CandidateRow,
            (
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                as_day(row[6]),
                row[7],
                tuple(paid),
                bool(row[8]),
            ),
        )
        for row, paid in found.values()
    ]
    rows.sort(key=_BY_CUSTOMER_NAME)
    return rows


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


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
    params: dict[str, object] = {}
    dated = ""
    if as_of is not None:
        params["as_of"] = as_of.isoformat()
        dated = " AND as_of <= :as_of"
    for chunk in _chunks(invoice_ids):
        # The ids written into the statement as integer literals: binding (and, through
        # SQLAlchemy, rendering) a parameter per id cost more than reading the charges.
        listed = ",".join(map(str, map(int, chunk)))
        sql = (
            "SELECT invoice_id, kind, charge_key, period_end FROM penalty_charges"
            f" WHERE invoice_id IN ({listed}) AND recompute = FALSE{dated}"
        )
        for invoice_id, kind, key, period_end in fetch_tuples(session, sql, params):
            if kind == "fee":
                keys[invoice_id].add(key)
                continue
            period_end = as_day(period_end)
            if invoice_id not in through or period_end > through[invoice_id]:
                through[invoice_id] = period_end
    return {
        invoice_id: HistoryRow(frozenset(keys.get(invoice_id, set())), through.get(invoice_id))
        for invoice_id in set(keys) | set(through)
    }
