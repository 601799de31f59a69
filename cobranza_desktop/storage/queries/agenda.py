"""What the collections agenda and the risk rating read: one set-based query per kind of
fact, for all the customers (or plans, or promises) at once, never one per row.

The domain evaluates what the rows mean (:mod:`cobranza_desktop.domain.plans`,
:mod:`cobranza_desktop.domain.agenda_cases`); nothing here decides anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import func, select, true, union
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import (
    day_of,
    dialect_of,
    fetch_tuples,
    sql_date,
    sql_in_ids,
    sql_unindexed,
)
from cobranza_desktop.storage.models import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.collections import (
    CollectionAction,
    ContactLog,
    DueDateExtension,
    PaymentPlan,
    PlanInstalment,
    PlanInvoice,
    Promise,
    StatusTransition,
)
from cobranza_desktop.storage.queries.predicates import as_sql, issued_invoice, open_invoice

# SQLite allows ~999 bound parameters in a statement.
IN_CHUNK = 900


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), IN_CHUNK):
        yield list(ids[start : start + IN_CHUNK])


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


# -- invoices ------------------------------------------------------------------------------


class OpenInvoiceRow(NamedTuple):
    """One open invoice (a tuple: the agenda reads tens of thousands of them)."""

    id: int
    customer_id: int
    series: str
    folio: int | None
    due_date: date
    balance_cents: int
    # Read with the row (it is looked up anyway: series and folio are not in the index),
    # so that the ladder needs no second read of every open invoice.
    parent_invoice_id: int | None = None  # a late charge: the invoice it penalises
    disputed: bool = False
    # What the receipt confirmation reads, with the row too (no second scan of them all).
    kind: str = "invoice"
    external_number: str = ""
    issue_date: date | None = None
    receipt_status: str = ""
    needs_correction: bool = False


def open_invoices_on(
    session: Session, day: date, customer_ids: Sequence[int] | None = None
) -> list[OpenInvoiceRow]:
    """Every open invoice issued by ``day`` (of the customers, if given), by customer and
    due date."""
    if customer_ids is not None:
        return [
            row for chunk in chunks(customer_ids) for row in _open_invoices(session, day, chunk)
        ]
    return _open_invoices(session, day, None)


_OPEN = as_sql(open_invoice())


def _open_invoices(
    session: Session, day: date, customer_ids: list[int] | None
) -> list[OpenInvoiceRow]:
    params: dict[str, object] = {"day": day.isoformat()}
    scope = "" if customer_ids is None else "AND " + sql_in_ids("customer_id", customer_ids, params)
    dialect = dialect_of(session)
    # "+ 0" (and the unary "+" on issue_date): no other index may serve the order or the
    # date, so SQLite reads the small partial index of open invoices and sorts them,
    # instead of walking every invoice (as the aging query does).
    sql = f"""
SELECT id, customer_id, series, folio, due_date, total_cents - paid_cents, parent_invoice_id,
       disputed, kind, external_number, issue_date, receipt_status, needs_correction
FROM invoices
WHERE {_OPEN} AND {sql_unindexed(dialect, "issue_date")} <= {sql_date(dialect, ":day")} {scope}
ORDER BY customer_id + 0, due_date, id
"""
    # Plain tuples (on SQLite straight from the DBAPI cursor, dates as text): SQLAlchemy's
    # Row objects and their per-value processors cost as much as the query. The few
    # distinct dates are parsed once each.
    days: dict[object, date] = {}
    rows: list[OpenInvoiceRow] = []
    for row in fetch_tuples(session, sql, params):
        i, cid, series, folio, due, owed, parent, disputed, kind, external, issued = row[:11]
        due_day = days.get(due)
        if due_day is None:
            due_day = days[due] = _as_date(due)
        issue_day = days.get(issued)
        if issue_day is None and issued is not None:
            issue_day = days[issued] = _as_date(issued)
        rows.append(
            OpenInvoiceRow(
                i,
                cid,
                series,
                folio,
                due_day,
                owed,
                parent,
                bool(disputed),
                kind,
                external,
                issue_day,
                row[11],
                bool(row[12]),
            )
        )
    return rows


def effective_due_dates(
    session: Session, invoice_ids: Sequence[int], granted_by: date | None = None
) -> dict[int, date]:
    """The latest extended due date of each invoice that has an extension; with
    ``granted_by``, only the extensions granted by the end of that day (the book as it
    was then, for a computation as of a past day)."""
    result: dict[int, date] = {}
    query = select(DueDateExtension.invoice_id, DueDateExtension.new_due_date).order_by(
        DueDateExtension.id
    )
    if granted_by is not None:
        end = datetime.combine(granted_by + timedelta(days=1), datetime.min.time())
        query = query.where(DueDateExtension.created_at < end)
    if len(invoice_ids) > IN_CHUNK:  # many invoices: one read of the (small) table
        wanted = set(invoice_ids)
        for invoice_id, new_due in session.execute(query):
            if invoice_id in wanted:
                result[invoice_id] = new_due
        return result
    for chunk in chunks(invoice_ids):
        rows = session.execute(query.where(DueDateExtension.invoice_id.in_(chunk)))
        for invoice_id, new_due in rows:
            result[invoice_id] = new_due
    return result


@dataclass(frozen=True)
class HistoryInvoiceRow:
    customer_id: int
    invoice_id: int
    due_date: date
    total_cents: int
    paid_cents: int


def history_invoices(
    session: Session, customer_ids: Sequence[int], since: date, today: date
) -> list[HistoryInvoiceRow]:
    """Regular issued invoices due in [since, today) of the customers."""
    result: list[HistoryInvoiceRow] = []
    for chunk in chunks(customer_ids):
        for cid, inv_id, due, total, paid in session.execute(
            select(
                Invoice.customer_id,
                Invoice.id,
                Invoice.due_date,
                Invoice.total_cents,
                Invoice.paid_cents,
            ).where(
                Invoice.customer_id.in_(chunk),
                issued_invoice(),
                Invoice.kind == "invoice",
                Invoice.due_date >= since,
                Invoice.due_date < today,
                Invoice.issue_date <= today,
            )
        ):
            result.append(HistoryInvoiceRow(cid, inv_id, due, total, paid))
    return result


def last_paid_dates(session: Session, invoice_ids: Sequence[int]) -> dict[int, date]:
    """For each invoice, the date of the last payment applied to it."""
    result: dict[int, date] = {}
    for chunk in chunks(invoice_ids):
        rows = session.execute(
            select(Allocation.invoice_id, func.max(Payment.payment_date))
            .join(Payment, Payment.id == Allocation.payment_id)
            .where(Allocation.invoice_id.in_(chunk), Allocation.active.is_(True))
            .group_by(Allocation.invoice_id)
        )
        for invoice_id, paid in rows:
            result[invoice_id] = _as_date(paid)
    return result


# -- payments, promises and plans --------------------------------------------------------------


def payments_by_customer(
    session: Session, customer_ids: Sequence[int], start: date, end: date
) -> dict[int, list[tuple[date, int]]]:
    """Each customer's non-reversed payments dated within [start, end], in cents."""
    result: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for chunk in chunks(customer_ids):
        rows = session.execute(
            select(Payment.customer_id, Payment.payment_date, Payment.amount_cents).where(
                Payment.customer_id.in_(chunk),
                Payment.reversed_at.is_(None),
                Payment.payment_date >= start,
                Payment.payment_date <= end,
            )
        )
        for cid, day, cents in rows:
            result[cid].append((day, cents))
    return result


def promises_due_around(session: Session, day: date, since: date) -> list[Promise]:
    """Live promises given by ``day`` and promised on or after ``since``."""
    return list(
        session.scalars(
            select(Promise).where(
                Promise.given_on <= day,
                Promise.status != "cancelled",
                Promise.promised_date >= since,
            )
        )
    )


def customer_promises(
    session: Session, customer_ids: Sequence[int] | None, since: date, before: date
) -> list[Promise]:
    """The customers' (all customers', with ``None``) promises of any status promised in
    [since, before)."""
    query = select(Promise).where(Promise.promised_date >= since, Promise.promised_date < before)
    if customer_ids is None:
        return list(session.scalars(query))
    found: list[Promise] = []
    for chunk in chunks(customer_ids):
        found.extend(session.scalars(query.where(Promise.customer_id.in_(chunk))))
    return found


def plans_started(
    session: Session, day: date, customer_ids: Sequence[int] | None = None
) -> list[PaymentPlan]:
    """Plans started by ``day`` (all customers, or only ``customer_ids``)."""
    query = select(PaymentPlan).where(PaymentPlan.start_date <= day)
    if customer_ids is None:
        return list(session.scalars(query.where(PaymentPlan.status != "cancelled")))
    found: list[PaymentPlan] = []
    for chunk in chunks(customer_ids):
        found.extend(session.scalars(query.where(PaymentPlan.customer_id.in_(chunk))))
    return found


@dataclass(frozen=True)
class PlanFacts:
    """For each plan: its instalments (number, due date, cents), the invoices it holds
    (its interest invoice included) and the money applied to them since it started."""

    instalments: dict[int, list[tuple[int, date, int]]]
    invoice_ids: dict[int, list[int]]
    paid_cents: dict[int, int]


def plan_facts(session: Session, plan_ids: Sequence[int], today: date) -> PlanFacts:
    instalments: dict[int, list[tuple[int, date, int]]] = defaultdict(list)
    invoice_ids: dict[int, list[int]] = defaultdict(list)
    paid: dict[int, int] = {}
    for chunk in chunks(plan_ids):
        for plan_id, number, due, cents in session.execute(
            select(
                PlanInstalment.plan_id,
                PlanInstalment.number,
                PlanInstalment.due_date,
                PlanInstalment.amount_cents,
            )
            .where(PlanInstalment.plan_id.in_(chunk))
            .order_by(PlanInstalment.plan_id, PlanInstalment.number)
        ):
            instalments[plan_id].append((number, due, cents))
        held = union(
            select(PlanInvoice.plan_id, PlanInvoice.invoice_id).where(
                PlanInvoice.plan_id.in_(chunk)
            ),
            select(PaymentPlan.id, PaymentPlan.interest_invoice_id).where(
                PaymentPlan.id.in_(chunk), PaymentPlan.interest_invoice_id.is_not(None)
            ),
        ).subquery()
        for plan_id, invoice_id in session.execute(
            select(held.c.plan_id, held.c.invoice_id).order_by(held.c.plan_id)
        ):
            invoice_ids[plan_id].append(invoice_id)
        for plan_id, cents in session.execute(
            select(held.c.plan_id, func.sum(Allocation.amount_cents))
            .join(Allocation, Allocation.invoice_id == held.c.invoice_id)
            .join(Payment, Payment.id == Allocation.payment_id)
            .join(PaymentPlan, PaymentPlan.id == held.c.plan_id)
            .where(
                Allocation.active.is_(True),
                Payment.payment_date >= PaymentPlan.start_date,
                Payment.payment_date <= today,
            )
            .group_by(held.c.plan_id)
        ):
            paid[plan_id] = int(cents or 0)
    return PlanFacts(dict(instalments), dict(invoice_ids), paid)


# -- contacts, actions and statuses ------------------------------------------------------------


def follow_ups_due(session: Session, day: date, since: date) -> list[tuple[int, int, date]]:
    """(contact id, customer id, next action date) of live follow-ups due in [since, day]."""
    rows = session.execute(
        select(ContactLog.id, ContactLog.customer_id, ContactLog.next_action_date).where(
            ContactLog.voided_at.is_(None),
            ContactLog.next_action_date.is_not(None),
            ContactLog.next_action_date <= day,
            ContactLog.next_action_date >= since,
            ContactLog.contacted_at < day + timedelta(days=1),
        )
    )
    return [(cid, customer, next_day) for cid, customer, next_day in rows if next_day]


def dispute_counts(
    session: Session, customer_ids: Sequence[int] | None, since: date, today: date
) -> dict[int, int]:
    """Disputes logged per customer (all customers, with ``None``) within [since, today]."""
    query = (
        select(ContactLog.customer_id, func.count())
        .where(
            ContactLog.outcome == "dispute",
            ContactLog.voided_at.is_(None),
            day_of(ContactLog.contacted_at) >= since,
            day_of(ContactLog.contacted_at) <= today,
        )
        .group_by(ContactLog.customer_id)
    )
    if customer_ids is None:
        return {cid: int(count) for cid, count in session.execute(query)}
    result: dict[int, int] = {}
    for chunk in chunks(customer_ids):
        rows = session.execute(query.where(ContactLog.customer_id.in_(chunk)))
        result.update({cid: int(count) for cid, count in rows})
    return result


def customers_with_status(session: Session, statuses: Sequence[str]) -> set[int]:
    return set(session.scalars(select(Customer.id).where(Customer.status.in_(list(statuses)))))


def _scoped(customer_ids: Sequence[int], column: Any) -> Iterable[Any]:
    """The filters that keep a query to the customers: chunks of ids for a few, nothing for
    many (one read of the table, kept to the customers by the caller)."""
    if len(customer_ids) > IN_CHUNK:
        yield true()
        return
    for chunk in chunks(customer_ids):
        yield column.in_(chunk)


def customer_names(session: Session, customer_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(name, status) of each of the customers: plain tuples, no records loaded (the
    agenda asks for most of the book's customers: one read of the table, kept to them)."""
    wanted = set(customer_ids)
    if len(customer_ids) > IN_CHUNK:
        scopes: Iterable[list[int] | None] = [None]
    else:
        scopes = chunks(customer_ids)
    found: dict[int, tuple[str, str]] = {}
    for scope in scopes:
        params: dict[str, object] = {}
        where = "" if scope is None else "WHERE " + sql_in_ids("id", scope, params)
        for cid, name, status in fetch_tuples(
            session, f"SELECT id, name, status FROM customers {where}", params
        ):
            if cid in wanted:
                found[cid] = (name, status)
    return found


def logged_keys(session: Session, customer_ids: Sequence[int]) -> set[tuple[int, str, str]]:
    """(customer, stage, subject) of every agenda action logged for the customers."""
    wanted = set(customer_ids)
    keys: set[tuple[int, str, str]] = set()
    for scope in _scoped(customer_ids, CollectionAction.customer_id):
        rows = session.execute(
            select(
                CollectionAction.customer_id, CollectionAction.stage, CollectionAction.subject
            ).where(scope)
        )
        keys.update((c, s, subj) for c, s, subj in rows if c in wanted)
    return keys


def acted_on(session: Session, customer_ids: Sequence[int], day: date) -> set[int]:
    """Customers with an agenda action already done or skipped on ``day``."""
    wanted = set(customer_ids)
    found: set[int] = set()
    for scope in _scoped(customer_ids, CollectionAction.customer_id):
        found.update(
            session.scalars(
                select(CollectionAction.customer_id).where(
                    scope, CollectionAction.action_date == day
                )
            )
        )
    return found & wanted


def contact_days(
    session: Session, customer_ids: Sequence[int], start: date, end: date
) -> dict[int, list[date]]:
    """The days of each customer's (non-voided) contacts within [start, end], one per contact."""
    wanted = set(customer_ids)
    result: dict[int, list[date]] = defaultdict(list)
    for scope in _scoped(customer_ids, ContactLog.customer_id):
        rows = session.execute(
            select(ContactLog.customer_id, ContactLog.contacted_at).where(
                scope,
                ContactLog.voided_at.is_(None),
                ContactLog.contacted_at >= start,
                ContactLog.contacted_at < end + timedelta(days=1),
            )
        )
        for cid, moment in rows:
            if cid in wanted:
                result[cid].append(moment.date() if isinstance(moment, datetime) else moment)
    return result


def latest_transitions(session: Session, customer_ids: Sequence[int]) -> dict[int, int]:
    wanted = set(customer_ids)
    result: dict[int, int] = {}
    for scope in _scoped(customer_ids, StatusTransition.customer_id):
        rows = session.execute(
            select(StatusTransition.customer_id, func.max(StatusTransition.id))
            .where(scope)
            .group_by(StatusTransition.customer_id)
        )
        result.update({cid: int(tid) for cid, tid in rows if cid in wanted})
    return result
