"""Per-customer balances from the denormalized paid/allocated amounts: the one place a
balance is computed (customer file, receipts, credit checks, discounts, the agenda)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    BindParameter,
    Date,
    Select,
    Subquery,
    bindparam,
    case,
    false,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ClauseElement

from cobranza_desktop.storage.models import Allocation, Invoice, Payment
from cobranza_desktop.storage.models.collections import DueDateExtension
from cobranza_desktop.storage.queries.predicates import open_invoice, unapplied_payment


@dataclass(frozen=True)
class BalanceRow:
    customer_id: int
    open_cents: int  # what open invoices still owe
    overdue_cents: int
    oldest_overdue_due_date: date | None  # as agreed (an extension's date, if any)
    credit_cents: int  # money received and not yet applied

    @property
    def balance_cents(self) -> int:
        return self.open_cents - self.credit_cents


def latest_extensions() -> Subquery:
    """Each extended invoice's agreed date: its latest extension's (extensions only move
    it later, so the latest is the largest). One small aggregate, joined once."""
    return (
        select(
            DueDateExtension.invoice_id.label("invoice_id"),
            func.max(DueDateExtension.new_due_date).label("new_due_date"),
        )
        .group_by(DueDateExtension.invoice_id)
        .subquery("ext")
    )


def _open_by_customer(
    today: date | BindParameter[date] | None,
) -> Select[int, int, int, date | None]:
    owed = Invoice.total_cents - Invoice.paid_cents
    ext = latest_extensions()
    # Overdue counts from the agreed date, as the agenda and interest do (aging keeps the
    # original). Without a day nothing is overdue: the condition is then plainly false.
    agreed = func.coalesce(ext.c.new_due_date, Invoice.due_date)
    overdue = agreed < today if today is not None else false()
    return (
        select(
            Invoice.customer_id,
            func.sum(owed).label("open_cents"),
            func.sum(case((overdue, owed), else_=literal_column("0"))).label("overdue_cents"),
            func.min(case((overdue, agreed))).label("oldest_overdue"),
        )
        .select_from(Invoice)
        .outerjoin(ext, ext.c.invoice_id == Invoice.id)
        .where(open_invoice())
        .group_by(Invoice.customer_id)
    )


def _credit_by_customer() -> Select[int, int]:
    return (
        select(
            Payment.customer_id,
            func.sum(Payment.amount_cents - Payment.allocated_cents).label("credit_cents"),
        )
        .where(unapplied_payment())
        .group_by(Payment.customer_id)
    )


def _named_sql(statement: ClauseElement) -> str:
    return str(statement.compile(dialect=sqlite.dialect(paramstyle="named")))


# The same two queries as SQL text, for the customer list's hand-tuned statements, which
# bind ``:today`` themselves. Compiled from the constructs above: one definition.
OPEN_BY_CUSTOMER = _named_sql(_open_by_customer(bindparam("today", type_=Date)))
CREDIT_BY_CUSTOMER = _named_sql(_credit_by_customer())


def customer_balances(
    session: Session, customer_ids: Sequence[int], today: date | None = None
) -> dict[int, BalanceRow]:
    """The balance of each customer in ``customer_ids``: two set-based queries, whatever
    their number. ``today`` sets what is overdue; without it nothing is."""
    opened: dict[int, tuple[int, int, date | None]] = {}
    credit: dict[int, int] = {}
    for start in range(0, len(customer_ids), 900):  # SQLite's bound-parameter limit
        chunk = list(customer_ids[start : start + 900])
        for cid, owed, overdue, oldest in session.execute(
            _open_by_customer(today).where(Invoice.customer_id.in_(chunk))
        ):
            opened[cid] = (int(owed or 0), int(overdue or 0), oldest)
        for cid, cents in session.execute(
            _credit_by_customer().where(Payment.customer_id.in_(chunk))
        ):
            credit[cid] = int(cents or 0)
    return {
        cid: BalanceRow(
            customer_id=cid,
            open_cents=opened.get(cid, (0, 0, None))[0],
            overdue_cents=opened.get(cid, (0, 0, None))[1],
            oldest_overdue_due_date=opened.get(cid, (0, 0, None))[2],
            credit_cents=credit.get(cid, 0),
        )
        for cid in customer_ids
    }


def customer_balance(session: Session, customer_id: int, today: date | None = None) -> BalanceRow:
    return customer_balances(session, [customer_id], today)[customer_id]


def _later_corrections(as_of: date) -> tuple[Select[int, int], Select[int, int]]:
    """What today's credit has that the credit of ``as_of`` had not, and the reverse.

    An allocation counts from its payment's date, or from its invoice's issue date if
    that is later: the rule by which aging and interest see the book on a past day. So
    the credit then was today's, less the unapplied money of payments dated after the
    day, plus what payments of that day or before later paid on invoices issued after it.
    Both parts read only what came after the day (fast for recent days, as aging is)."""
    later_money = select(Payment.customer_id, Payment.amount_cents - Payment.allocated_cents).where(
        unapplied_payment(), Payment.payment_date > as_of
    )
    # The invoices issued after the day drive it (few, on their issue-date index): as a
    # join, SQLite's planner walks every allocation instead (2.5 s on 1M invoices).
    issued_later = select(Invoice.id).where(Invoice.issue_date > as_of)
    later_invoices = (
        select(Payment.customer_id, Allocation.amount_cents)
        .select_from(Allocation)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.invoice_id.in_(issued_later),
            Allocation.active.is_(True),
            Payment.reversed_at.is_(None),
            Payment.payment_date <= as_of,
        )
    )
    return later_money, later_invoices


def credit_by_customer(
    session: Session, customer_ids: Collection[int] | None, as_of: date | None = None
) -> dict[int, int]:
    """Unapplied credit in cents of each given customer (any, with ``None``) that has some;
    with ``as_of``, the credit as it was at the end of that day (see ``_later_corrections``)."""
    if customer_ids is not None and len(customer_ids) > 900:
        # Many customers: one read of the book's credit (the unapplied payments, and what
        # came after the day), kept to them here, beats a read per chunk of ids.
        wanted = set(customer_ids)
        return {c: v for c, v in credit_by_customer(session, None, as_of).items() if c in wanted}
    credit: dict[int, int] = {}
    ids = None if customer_ids is None else sorted(set(customer_ids))
    chunks = [None] if ids is None else [ids[i : i + 900] for i in range(0, len(ids), 900)]
    queries = [_credit_by_customer()]
    if as_of is not None:
        queries.extend(_later_corrections(as_of))
    if ids is not None:
        # One expanding parameter: each statement built once, not a bound value per id.
        among = Payment.customer_id.in_(bindparam("ids", expanding=True))
        queries = [query.where(among) for query in queries]
    for chunk in chunks:  # SQLite's bound-parameter limit
        parameters = {} if chunk is None else {"ids": chunk}
        for cid, cents in session.execute(queries[0], parameters):
            credit[cid] = int(cents or 0)
        if as_of is None:
            continue
        for cid, cents in session.execute(queries[1], parameters):
            credit[cid] = credit.get(cid, 0) - int(cents)
        for cid, cents in session.execute(queries[2], parameters):
            credit[cid] = credit.get(cid, 0) + int(cents)
    return {cid: cents for cid, cents in credit.items() if cents}


def credit_received_by_day(session: Session, customer_id: int) -> list[tuple[date, int]]:
    """The customer's credit in cents by the day its money came in, oldest first: a
    refund dated D may only spend the days up to D (money received later was not there
    to give back). The days add up to today's credit."""
    received = Payment.amount_cents - Payment.allocated_cents
    rows = session.execute(
        select(Payment.payment_date, func.sum(received))
        .where(Payment.customer_id == customer_id, unapplied_payment())
        .group_by(Payment.payment_date)
        .order_by(Payment.payment_date)
    )
    return [(day, int(cents)) for day, cents in rows]


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
