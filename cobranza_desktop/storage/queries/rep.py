"""The REP radar's two lists, computed in SQL.

A payment against a PPD invoice needs a payment receipt (REP, CFDI type P) by the 5th
of the next month; a PUE invoice with a balance after the end of its month should have
been PPD.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.storage.dialect import dialect_of, sql_month_start_plus


def _pending_rep(d: str) -> str:
    return f"""
SELECT p.id, p.customer_id, i.id, i.series, i.folio, i.external_number, i.cfdi_uuid,
       SUM(a.amount_cents), p.payment_date,
       {sql_month_start_plus(d, "p.payment_date", 1, 4)} AS deadline
FROM allocations a
JOIN payments p ON p.id = a.payment_id
JOIN invoices i ON i.id = a.invoice_id
WHERE a.active = TRUE AND p.reversed_at IS NULL AND p.rep_uuid = '' AND p.method != 'discount'
  AND i.lifecycle = 'issued' AND i.sat_payment_method = 'PPD' AND p.payment_date <= :as_of
GROUP BY p.id, i.id
ORDER BY deadline, p.payment_date, p.id, i.id
"""


def _pue_unpaid(d: str) -> str:
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
ORDER BY pue.month_end, pue.id
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
    return [
        PendingRepRow(
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
        for r in rows
    ]


def pue_unpaid(session: Session, as_of: date) -> list[PueUnpaidRow]:
    rows = session.execute(
        text(_pue_unpaid(dialect_of(session))), {"as_of": as_of.isoformat()}
    ).all()
    return [
        PueUnpaidRow(
            int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4]), str(r[5]), int(r[6]), _day(r[7])
        )
        for r in rows
        if int(r[6]) > 0
    ]
