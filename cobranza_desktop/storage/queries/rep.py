"""The REP radar's two lists, computed in SQL.

A payment against a PPD invoice needs a payment receipt (REP, CFDI type P) by the 5th
of the next month; a PUE invoice with a balance after the end of its month should have
been PPD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import dialect_of, sql_month_start_plus


def _pending_rep(d: str) -> str:
    return _pending_rep_rows(d) + "ORDER BY deadline, p.payment_date, p.id, i.id\n"


def _pending_rep_head(d: str) -> str:
    """The first ``:limit`` rows, each with how many there are and how many are late:
    the window functions count in SQL what the Today panel used to count in Python."""
    return f"""
SELECT r.*, COUNT(*) OVER () AS n,
       SUM(CASE WHEN r.deadline < :as_of THEN 1 ELSE 0 END) OVER () AS late
FROM ({_pending_rep_rows(d)}) AS r
ORDER BY r.deadline, r.paid_on, r.pid, r.iid
LIMIT :limit
"""


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
    """The Today panel's view of the radar: ``limit`` rows of each list, counted in SQL
    (on a big book the whole lists are near a million rows)."""
    d = dialect_of(session)
    params = {"as_of": as_of.isoformat(), "limit": limit}
    pending = session.execute(text(_pending_rep_head(d)), params).all()
    pue = session.execute(text(_pue_unpaid_head(d)), params).all()
    return RepHead(
        pending=[_pending_row(r) for r in pending],
        pending_count=int(pending[0][10]) if pending else 0,
        overdue_count=int(pending[0][11] or 0) if pending else 0,
        pue=[_pue_row(r) for r in pue],
        pue_count=int(pue[0][8]) if pue else 0,
    )
