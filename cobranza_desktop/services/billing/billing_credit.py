"""Paying the run's new invoices from prepayments and credit, in bulk.

The rule is the one of issuing invoice by invoice (``apply_credit_after_issuing``): as
each invoice is issued, first its prepayment pays it, then (if the subscription applies
credit and the customer had some) each unapplied payment of the customer, oldest first,
pays their open invoices, oldest due first. Here that sequence is replayed in memory on
the balances read once, so that the allocations are the same, cent for cent, and written
with a few statements: the allocations (with the facts they copy), then the sums the book
caches on payments and invoices.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.storage.bulk import insert_rows
from cobranza_desktop.storage.concurrency import single_writer
from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.models.allocation_facts import invoice_facts, payment_facts
from cobranza_desktop.storage.models.subscriptions import SubscriptionPrepayment
from cobranza_desktop.storage.queries.predicates import open_invoice, unapplied_payment
from cobranza_desktop.storage.risk_tallies import written_around

_CHUNK = 900  # bound parameters per IN list (SQLite's limit)


@dataclass(frozen=True)
class NewInvoice:
    """An invoice the run has just inserted, and how it may be paid."""

    id: int
    customer_id: int
    issue_date: date
    due_date: date
    total_cents: int
    prepayment_payment_id: int | None
    general_credit: bool


@dataclass
class _Open:
    id: int
    customer_id: int
    due_date: date
    issue_date: date
    kind: str
    balance: int
    sat_payment_method: str
    paid: int = 0  # applied by this run


@dataclass
class _Money:
    id: int
    customer_id: int
    payment_date: date
    method: str
    remaining: int
    reversed: bool
    rep_uuid: str
    applied: int = 0  # by this run


@dataclass
class _Replay:
    payments: dict[int, _Money] = field(default_factory=dict)
    general: dict[int, list[_Money]] = field(default_factory=dict)  # customer -> by date, id
    open: dict[int, list[_Open]] = field(default_factory=dict)  # customer -> open invoices
    invoices: dict[int, _Open] = field(default_factory=dict)
    allocations: list[tuple[_Money, _Open, int]] = field(default_factory=list)

    def apply(self, money: _Money, item: _Open, cents: int) -> None:
        self.allocations.append((money, item, cents))
        money.remaining -= cents
        money.applied += cents
        item.balance -= cents
        item.paid += cents


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _lock(session: Session, customers: Collection[int], payment_ids: Collection[int]) -> None:
    """On a server, the rows this run will pay from and to, locked in id order (as a clerk
    paying them does), so that the balances read next are the last commit's."""
    if single_writer(session):
        return
    for chunk in _chunks(customers):
        session.execute(
            select(Invoice.id)
            .where(Invoice.customer_id.in_(chunk), open_invoice())
            .order_by(Invoice.id)
            .with_for_update()
        ).all()
    for chunk in _chunks(set(payment_ids)):
        session.execute(
            select(Payment.id).where(Payment.id.in_(chunk)).order_by(Payment.id).with_for_update()
        ).all()


def _money(row: Sequence[object]) -> _Money:
    pid, cid, day, method, amount, allocated, reversed_at, rep_uuid = row
    return _Money(
        int(pid),  # type: ignore[call-overload]
        int(cid),  # type: ignore[call-overload]
        day,  # type: ignore[arg-type]
        str(method),
        int(amount) - int(allocated),  # type: ignore[call-overload]
        reversed_at is not None,
        str(rep_uuid),
    )


_PAYMENT_COLUMNS = (
    Payment.id,
    Payment.customer_id,
    Payment.payment_date,
    Payment.method,
    Payment.amount_cents,
    Payment.allocated_cents,
    Payment.reversed_at,
    Payment.rep_uuid,
)


def _load(session: Session, new: Sequence[NewInvoice]) -> _Replay:
    replay = _Replay()
    inserted = {n.id for n in new}  # already in the table: replayed as they were issued
    general = {n.customer_id for n in new if n.general_credit}
    prepaid = {n.prepayment_payment_id for n in new if n.prepayment_payment_id is not None}
    _lock(session, general, prepaid)
    for chunk in _chunks(prepaid):
        for row in session.execute(select(*_PAYMENT_COLUMNS).where(Payment.id.in_(chunk))):
            replay.payments[row[0]] = _money(row)
    if not general:
        return replay
    reserved = set(
        session.scalars(
            select(SubscriptionPrepayment.payment_id).where(
                SubscriptionPrepayment.status == "active"
            )
        )
    )
    for chunk in _chunks(general):
        for row in session.execute(
            select(*_PAYMENT_COLUMNS)
            .where(Payment.customer_id.in_(chunk), unapplied_payment())
            .order_by(Payment.payment_date, Payment.id)
        ):
            if row[0] in reserved:
                continue
            money = replay.payments.setdefault(row[0], _money(row))
            replay.general.setdefault(money.customer_id, []).append(money)
        for iid, cid, due, issued, kind, total, paid, sat in session.execute(
            select(
                Invoice.id,
                Invoice.customer_id,
                Invoice.due_date,
                Invoice.issue_date,
                Invoice.kind,
                Invoice.total_cents,
                Invoice.paid_cents,
                Invoice.sat_payment_method,
            )
            .where(Invoice.customer_id.in_(chunk), open_invoice())
            .order_by(Invoice.id)
        ):
            if iid in inserted:
                continue
            item = _Open(iid, cid, due, issued, kind, total - paid, sat)
            replay.open.setdefault(cid, []).append(item)
            replay.invoices[iid] = item
    for money_list in replay.general.values():
        money_list.sort(key=lambda m: (m.payment_date, m.id))
    return replay


def _replay(replay: _Replay, new: Sequence[NewInvoice]) -> None:
    for invoice in new:
        item = _Open(
            invoice.id,
            invoice.customer_id,
            invoice.due_date,
            invoice.issue_date,
            "invoice",
            invoice.total_cents,
            "",  # a billing run's invoices have no SAT payment method (billing_write)
        )
        replay.invoices[item.id] = item
        replay.open.setdefault(invoice.customer_id, []).append(item)
        if invoice.prepayment_payment_id is not None:
            money = replay.payments[invoice.prepayment_payment_id]
            cents = min(money.remaining, item.balance)
            if not money.reversed and cents > 0:
                replay.apply(money, item, cents)
        if not invoice.general_credit:
            continue
        items = sorted(replay.open.get(invoice.customer_id, []), key=lambda i: (i.due_date, i.id))
        for money in replay.general.get(invoice.customer_id, []):
            if money.remaining <= 0:
                continue
            for open_item in items:
                if money.remaining <= 0:
                    break
                cents = min(money.remaining, open_item.balance)
                if cents > 0:
                    replay.apply(money, open_item, cents)


def apply_run_credit(session: Session, new: Sequence[NewInvoice], now: datetime) -> int:
    """Pay the run's new invoices from their prepayments and the customers' credit, as
    issuing them one by one would; returns the cents applied."""
    # Only invoices that can be paid matter; the others need no reading at all.
    payable = [n for n in new if n.general_credit or n.prepayment_payment_id is not None]
    if not payable:
        return 0
    customers = {n.customer_id for n in payable}
    # Every new invoice of those customers is an open item their credit may pay.
    relevant = [n for n in new if n.customer_id in customers]
    replay = _load(session, relevant)
    _replay(replay, relevant)
    if not replay.allocations:
        return 0
    insert_rows(
        session,
        Allocation,
        [
            {
                "payment_id": money.id,
                "invoice_id": item.id,
                "amount_cents": cents,
                "active": True,
                "created_at": now,
                "undo_reason": "",
                **payment_facts(
                    money.payment_date,
                    money.method,
                    money.customer_id,
                    rep_uuid=money.rep_uuid,
                    reversed=money.reversed,
                ),
                # Open invoices (``open_invoice``): issued, whatever their SAT method.
                **invoice_facts(
                    item.issue_date,
                    item.due_date,
                    item.kind,
                    lifecycle=Lifecycle.ISSUED.value,
                    sat_payment_method=item.sat_payment_method,
                ),
            }
            for money, item, cents in replay.allocations
        ],
    )
    payments = cast(Table, Payment.__table__)
    applied = [{"b_id": m.id, "b_cents": m.applied} for m in replay.payments.values() if m.applied]
    paid = [{"b_id": i.id, "b_cents": i.paid} for i in replay.invoices.values() if i.paid]
    assert applied and paid  # never an executemany without rows: that would be one bare UPDATE
    session.execute(
        update(payments)
        .where(payments.c.id == bindparam("b_id"))
        .values(allocated_cents=payments.c.allocated_cents + bindparam("b_cents")),
        applied,
    )
    invoices = cast(Table, Invoice.__table__)
    session.execute(
        update(invoices)
        .where(invoices.c.id == bindparam("b_id"))
        # An edit begun on the invoice before this run must be refused (optimistic lock).
        .values(
            paid_cents=invoices.c.paid_cents + bindparam("b_cents"),
            version=invoices.c.version + 1,
        ),
        paid,
    )
    # Core writes bypass the flush that notes whose risk tally to recompute at commit.
    written_around(session, {item.customer_id for _m, item, _c in replay.allocations})
    return sum(cents for _m, _i, cents in replay.allocations)
