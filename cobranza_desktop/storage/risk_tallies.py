"""The per-customer risk tallies: kept in the transaction that changes the records.

The risk rating counts each customer's settled invoices (how many, how many late, days
late in all). Reading every invoice of the book for that took most of the agenda's time;
the tally of a customer changes only when their invoices, payments or allocations do.
So every session of the book collects, at each flush, the customers whose records it
wrote, and recomputes their tallies once, just before it commits (one set-based query
for all of them). Nothing can commit such a change without its tally.

A day's rating leaves out invoices not yet due on that day and payments after it; the
read side (:func:`tallies_on`) subtracts the first (all on time by construction) and
says which customers have the second (a day in the past), to be read in full instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

from sqlalchemy import Connection, and_, delete, event, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from cobranza_desktop.domain.risk import LateTally
from cobranza_desktop.storage.dialect import dialect_of, fetch_tuples, sql_date, sql_in_ids
from cobranza_desktop.storage.models import Allocation, Customer, Invoice, Payment
from cobranza_desktop.storage.models.core import SETTLED_WHERE
from cobranza_desktop.storage.models.summaries import RiskTally

_CUSTOMERS = "risk_tallies.customers"
_INVOICES = "risk_tallies.invoices"
# Bound parameters per statement stay well under SQLite's limit.
_CHUNK = 900


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def settled_invoices(connection: Connection, customer_ids: Collection[int] | None) -> Iterator[Any]:
    """(customer, due date, settled on) of each settled regular invoice of the customers
    (all customers with ``None``): settled on the date of its last applied payment."""
    query = (
        select(Invoice.customer_id, Invoice.due_date, func.max(Payment.payment_date))
        .join(Allocation, and_(Allocation.invoice_id == Invoice.id, Allocation.active.is_(True)))
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(text(SETTLED_WHERE))
        .group_by(Invoice.id, Invoice.customer_id, Invoice.due_date)
    )
    if customer_ids is None:
        yield from connection.execute(query)
        return
    for chunk in _chunks(customer_ids):
        yield from connection.execute(query.where(Invoice.customer_id.in_(chunk)))


@dataclass
class _Sums:
    count: int = 0
    late: int = 0
    days: int = 0
    worst: int = 0
    last_paid: date | None = None


def tally_rows(rows: Iterable[Any]) -> dict[int, _Sums]:
    """Sum the settled invoices per customer (days late in Python: portable SQL)."""
    sums: dict[int, _Sums] = {}
    for customer_id, due, paid in rows:
        due, paid = _as_date(due), _as_date(paid)
        days = max(0, (paid - due).days)
        entry = sums.setdefault(customer_id, _Sums())
        entry.count += 1
        entry.late += days > 0
        entry.days += days
        entry.worst = max(entry.worst, days)
        if entry.last_paid is None or paid > entry.last_paid:
            entry.last_paid = paid
    return sums


# An advisory-lock namespace for the tallies (any constant; "RT" in ASCII).
_TALLY_LOCK = 0x5254
# More customers than this in one write: lock the table instead of each customer.
_MANY_LOCKS = 500


def _serialise(connection: Connection, customer_ids: Collection[int] | None) -> None:
    """On a server, two writers refreshing one customer's tally take turns: each locks the
    customer (in id order, so no deadlock) before reading, and under READ COMMITTED the
    read that follows sees what the other committed. SQLite has one writer already."""
    if connection.dialect.name != "postgresql":
        return
    if customer_ids is None or len(customer_ids) > _MANY_LOCKS:
        connection.execute(text("LOCK TABLE risk_tallies IN SHARE ROW EXCLUSIVE MODE"))
        return
    for customer_id in sorted(customer_ids):
        connection.execute(
            text(
                "SELECT pg_advisory_xact_lock(CAST(:space AS integer), CAST(:customer AS integer))"
            ),
            {"space": _TALLY_LOCK, "customer": customer_id},
        )


def refresh_tallies(connection: Connection, customer_ids: Collection[int] | None) -> int:
    """Recompute the tallies of the customers (all, with ``None``); returns rows written."""
    _serialise(connection, customer_ids)
    sums = tally_rows(settled_invoices(connection, customer_ids))
    if customer_ids is None:
        connection.execute(delete(RiskTally))
    else:
        for chunk in _chunks(customer_ids):
            connection.execute(delete(RiskTally).where(RiskTally.customer_id.in_(chunk)))
    values = [
        {
            "customer_id": cid,
            "settled_count": s.count,
            "late_count": s.late,
            "days_late": s.days,
            "max_days_late": s.worst,
            "last_paid_on": s.last_paid,
        }
        for cid, s in sorted(sums.items())
    ]
    for start in range(0, len(values), 5000):
        connection.execute(insert(RiskTally), values[start : start + 5000])
    return len(values)


def stale_tallies(connection: Connection) -> list[tuple[int, str, str]]:
    """(customer, kept, recomputed) of each tally that does not match the records."""
    fresh = {
        cid: (s.count, s.late, s.days, s.worst, s.last_paid)
        for cid, s in tally_rows(settled_invoices(connection, None)).items()
    }
    kept = {
        cid: (n, late, days, worst, None if paid is None else _as_date(paid))
        for cid, n, late, days, worst, paid in connection.execute(
            select(
                RiskTally.customer_id,
                RiskTally.settled_count,
                RiskTally.late_count,
                RiskTally.days_late,
                RiskTally.max_days_late,
                RiskTally.last_paid_on,
            )
        )
    }
    return [
        (cid, str(kept.get(cid)), str(fresh.get(cid)))
        for cid in sorted(set(fresh) | set(kept))
        if kept.get(cid) != fresh.get(cid)
    ]


# -- upkeep -----------------------------------------------------------------------------------


def _collect(session: Session, _flush_context: object) -> None:
    """After each flush: remember whose records were written."""
    customers: set[int] = session.info.setdefault(_CUSTOMERS, set())
    invoices: set[int] = session.info.setdefault(_INVOICES, set())
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Invoice | Payment) and obj.customer_id is not None:
            customers.add(obj.customer_id)
        elif isinstance(obj, Allocation) and obj.invoice_id is not None:
            invoices.add(obj.invoice_id)
        elif isinstance(obj, Customer) and obj in session.deleted and obj.id is not None:
            customers.add(obj.id)


def written_around(session: Session, customer_ids: Iterable[int]) -> None:
    """Rows of these customers were written with Core (``storage/bulk.py``), which the
    flush events do not see: their tallies are recomputed at commit with the others."""
    session.info.setdefault(_CUSTOMERS, set()).update(customer_ids)


def _refresh_pending(session: Session) -> None:
    """Before commit: flush the last changes, then recompute the tallies they touch."""
    session.flush()
    customers: set[int] = session.info.pop(_CUSTOMERS, set())
    invoices: set[int] = session.info.pop(_INVOICES, set())
    if not customers and not invoices:
        return
    connection = session.connection()
    for chunk in _chunks(invoices):
        customers.update(
            connection.execute(select(Invoice.customer_id).where(Invoice.id.in_(chunk))).scalars()
        )
    refresh_tallies(connection, customers)


def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_CUSTOMERS, None)
    session.info.pop(_INVOICES, None)


def keep_tallies(sessions: sessionmaker[Session]) -> None:
    """Keep the tallies of every session ``sessions`` makes up to date."""
    event.listen(sessions, "after_flush", _collect)
    event.listen(sessions, "before_commit", _refresh_pending)
    event.listen(sessions, "after_rollback", _forget)


# -- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayTallies:
    """Each customer's settled tally as of a day, and who must be read in full instead."""

    tallies: dict[int, LateTally]
    read_in_full: frozenset[int]


def tallies_on(
    session: Session, day: date, customer_ids: Collection[int] | None = None
) -> DayTallies:
    """Two set-based reads for the whole book: the tallies, less the settled invoices not
    yet due on ``day`` (each paid on or before ``day``, so on time: one invoice less, no
    late day more). Customers with a payment after ``day`` are read in full instead."""
    few = customer_ids is not None and len(customer_ids) <= _CHUNK
    tallies: dict[int, LateTally] = {}
    full: set[int] = set()
    dialect = dialect_of(session)
    params: dict[str, object] = {"day": day.isoformat()}
    among = ""
    if few and customer_ids is not None:
        among = sql_in_ids("customer_id", sorted(customer_ids), params)
    # Plain tuples (a row a customer: SQLAlchemy's rows, let alone the ORM's loading, are
    # most of the cost), the date compared in SQL.
    after_day = f"last_paid_on > {sql_date(dialect, ':day')}"
    for cid, count, late, days, worst, paid_after in fetch_tuples(
        session,
        f"SELECT customer_id, settled_count, late_count, days_late, max_days_late, {after_day}"
        f" FROM risk_tallies {'WHERE ' + among if among else ''}",
        params,
    ):
        if paid_after:
            full.add(cid)
        else:
            tallies[cid] = LateTally(count, late, days, worst)
    # "+ 0": grouping by the bare column would walk ix_invoices_customer_due (every
    # invoice) instead of the small settled index's range of days.
    not_due = fetch_tuples(
        session,
        f"SELECT customer_id + 0, count(*) FROM invoices WHERE {SETTLED_WHERE}"
        f" AND due_date >= {sql_date(dialect, ':day')} {'AND ' + among if among else ''}"
        " GROUP BY customer_id + 0",
        params,
    )
    for cid, count in not_due:
        tally = tallies.get(cid)
        if tally is not None:
            tallies[cid] = LateTally(
                tally.count - int(count), tally.late, tally.days_late, tally.max_late
            )
    return DayTallies(tallies, frozenset(full))
