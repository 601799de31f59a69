"""The REP radar's two lists, computed in SQL.

A payment against a PPD invoice needs a payment receipt (REP, CFDI type P) by the 5th
of the next month; a PUE invoice with a balance after the end of its month should have
been PPD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import dialect_of, sql_month_start_plus
from cobranza_desktop.storage.models.allocation_facts import day_number

REP_DUE_DAY = 5  # of the month after the payment (the ``+1 month +4 days`` below)


def _pending_rep(d: str) -> str:
    return _pending_rep_rows(d) + "ORDER BY deadline, p.payment_date, p.id, i.id\n"


# The pending allocations, read from the partial index ``ix_allocations_rep_pending`` on
# the facts each allocation copies from its payment and invoice (no join per row); its
# condition (``REP_PENDING_WHERE``) is spelled the same here, or the index is not used.
# Each (payment, invoice) pair is a row of ``_pending_rep_rows``, whose order (deadline,
# then payment date) is payment-date order: the deadline depends on the payment's month.
_PENDING = """
FROM allocations a
WHERE a.active = TRUE AND a.is_money = TRUE AND a.rep_open = TRUE AND a.on_ppd = TRUE
"""

_PENDING_PAIRS = f"""
SELECT a.payment_day, a.payment_id, a.invoice_id, SUM(a.amount_cents) AS cents
{_PENDING}  AND a.payment_day <= :as_of_day
GROUP BY a.payment_day, a.payment_id, a.invoice_id
"""


def _pairs_count(bounds: str) -> str:
    # DISTINCT in index order, which needs no temporary b-tree: a payment may have two
    # allocations to one invoice, and the pair is one row.
    return f"""(SELECT COUNT(*) FROM (
    SELECT DISTINCT a.payment_day, a.payment_id, a.invoice_id {_PENDING} AND {bounds}) AS r)"""


# The late pairs (paid before ``late_before``) and the others, each counted over its own
# range of the index: cheaper than one scan that tests each pair's deadline.
_PENDING_COUNTS = f"""
SELECT {_pairs_count("a.payment_day < :late_before")} AS late,
       {_pairs_count("a.payment_day >= :late_before AND a.payment_day <= :as_of_day")} AS due
"""


def _pending_rep_head(d: str) -> str:
    """The first ``:limit`` rows of ``_pending_rep_rows``, in its order."""
    return f"""
SELECT p.id AS pid, p.customer_id AS cid, i.id AS iid, i.series, i.folio, i.external_number,
       i.cfdi_uuid, r.cents, p.payment_date AS paid_on,
       {sql_month_start_plus(d, "p.payment_date", 1, 4)} AS deadline
FROM ({_PENDING_PAIRS} ORDER BY a.payment_day, a.payment_id, a.invoice_id LIMIT :limit) AS r
JOIN payments p ON p.id = r.payment_id
JOIN invoices i ON i.id = r.invoice_id
ORDER BY r.payment_day, r.payment_id, r.invoice_id
"""


def late_before(as_of: date) -> date:
    """The first payment date whose REP is not late on ``as_of``: a payment's REP is due
    the 5th of the next month, so those of a month are late from the 6th of the next."""
    month = as_of.replace(day=1)
    if as_of.day > REP_DUE_DAY:
        return month
    return (month - timedelta(days=1)).replace(day=1)


def _pending_rep_rows(d: str) -> str:
    return f"""
SELECT p.id AS pid, p.customer_id AS cid, i.id AS iid, i.series, i.folio, i.external_number,
       i.cfdi_uuid, SUM(a.amount_cents) AS cents, p.payment_date AS paid_on,
       {sql_month_start_plus(d, "p.payment_date", 1, 4)} AS deadline
FROM allocations a
JOIN payments p ON p.id = a.payment_id
JOIN invoices i ON i.id = a.invoice_id
WHERE a.active = TRUE AND p.reversed_at IS NULL AND p.rep_uuid = '' AND p.method != 'discount'
  AND i.lifecycle = 'issued' AND i.sat_payment_method = 'PPD' AND p.payment_date <= :as_of
GROUP BY p.id, i.id
"""


def _pue_unpaid(d: str) -> str:
    return _pue_unpaid_rows(d) + "ORDER BY pue.month_end, pue.id\n"


def _pue_unpaid_head(d: str) -> str:
    return f"""
SELECT r.*, COUNT(*) OVER () AS n
FROM ({_pue_unpaid_rows(d)}) AS r
WHERE r.balance_then > 0
ORDER BY r.month_end, r.id
LIMIT :limit
"""


def _pue_unpaid_rows(d: str) -> str:
    # The open PUE invoices: read from ``ix_invoices_pue_open`` (its condition spelled the
    # same), not from every open invoice.
    return f"""
WITH pue AS (
    SELECT i.id, i.customer_id, i.series, i.folio, i.external_number, i.cfdi_uuid,
           i.total_cents, {sql_month_start_plus(d, "i.issue_date", 1, -1)} AS month_end
    FROM invoices i
    WHERE i.lifecycle = 'issued' AND i.sat_payment_method = 'PUE'
      AND i.paid_cents < i.total_cents
)
SELECT pue.id, pue.customer_id, pue.series, pue.folio, pue.external_number, pue.cfdi_uuid,
       pue.total_cents - COALESCE((
           SELECT SUM(a.amount_cents) FROM allocations a JOIN payments p ON p.id = a.payment_id
           WHERE a.invoice_id = pue.id AND a.active = TRUE AND p.payment_date <= pue.month_end
       ), 0) AS balance_then,
       pue.month_end
FROM pue
WHERE pue.month_end < :as_of
"""


@dataclass(frozen=True)
class PendingRepRow:
    payment_id: int
    customer_id: int
    invoice_id: int
    series: str
    folio: int | None
    external_number: str
    uuid: str
    cents: int
    paid_on: date
    deadline: date


@dataclass(frozen=True)
class PueUnpaidRow:
    invoice_id: int
    customer_id: int
    series: str
    folio: int | None
    external_number: str
    uuid: str
    balance_cents: int
    month_end: date


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def pending_rep(session: Session, as_of: date) -> list[PendingRepRow]:
    rows = session.execute(
        text(_pending_rep(dialect_of(session))), {"as_of": as_of.isoformat()}
    ).all()
    return [_pending_row(r) for r in rows]


def _pending_row(r: Sequence[Any]) -> PendingRepRow:
    return PendingRepRow(
        int(r[0]),
        int(r[1]),
        int(r[2]),
        str(r[3]),
        r[4],
        str(r[5]),
        str(r[6]),
        int(r[7]),
        _day(r[8]),
        _day(r[9]),
    )


def pue_unpaid(session: Session, as_of: date) -> list[PueUnpaidRow]:
    rows = session.execute(
        text(_pue_unpaid(dialect_of(session))), {"as_of": as_of.isoformat()}
    ).all()
    return [_pue_row(r) for r in rows if int(r[6]) > 0]


def _pue_row(r: Sequence[Any]) -> PueUnpaidRow:
    return PueUnpaidRow(
        int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4]), str(r[5]), int(r[6]), _day(r[7])
    )


@dataclass(frozen=True)
class RepHead:
    """The first rows of both lists, and how many there are in all."""

    pending: list[PendingRepRow]
    pending_count: int
    overdue_count: int  # pending rows past their deadline
    pue: list[PueUnpaidRow]
    pue_count: int


def rep_head(session: Session, as_of: date, limit: int) -> RepHead:
    """The Today panel's view of the radar: ``limit`` rows of each list and how many there
    are (on a big book the whole lists are near a million rows), counted in SQL."""
    d = dialect_of(session)
    params = {"as_of": as_of.isoformat(), "limit": limit}
    days = {"as_of_day": day_number(as_of), "late_before": day_number(late_before(as_of))}
    pending = session.execute(text(_pending_rep_head(d)), params | days).all()
    late, due = session.execute(text(_PENDING_COUNTS), days).one()
    pue = session.execute(text(_pue_unpaid_head(d)), params).all()
    return RepHead(
        pending=[_pending_row(r) for r in pending],
        pending_count=int(late) + int(due),
        overdue_count=int(late),
        pue=[_pue_row(r) for r in pue],
        pue_count=int(pue[0][8]) if pue else 0,
    )
