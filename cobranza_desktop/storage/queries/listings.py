"""Paged, filtered and sorted lists of invoices and payments for the window, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from cobranza_desktop.domain.text import search_key
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.queries.predicates import as_sql, open_invoice, table_alias

INVOICE_SORT = {
    "number": "i.series {d}, i.folio {d}",
    "customer": "c.name COLLATE NOCASE {d}",
    "issue_date": "i.issue_date {d}",
    "due_date": "i.due_date {d}",  # the issued date: it has an index; extensions are few
    "total": "i.total_cents {d}",
    "balance": (
        "(CASE WHEN i.lifecycle = 'issued' THEN i.total_cents - i.paid_cents ELSE 0 END) {d}"
    ),
    "status": "i.lifecycle {d}, (i.paid_cents >= i.total_cents) {d}, i.due_date {d}",
}

PAYMENT_SORT = {
    "date": "p.payment_date {d}",
    "customer": "c.name COLLATE NOCASE {d}",
    "amount": "p.amount_cents {d}",
    "method": "p.method {d}",
    "reference": "p.reference {d}",
    "unallocated": "(p.amount_cents - p.allocated_cents) {d}",
}

_OPEN = as_sql(open_invoice(table_alias(Invoice, "i")))

# The date in force: an extension's agreed date, else the issued one. Overdue counts from
# it, as in the customer's balances, the agenda and interest (aging keeps the original).
AGREED_DUE = (
    "COALESCE((SELECT MAX(x.new_due_date) FROM due_date_extensions x"
    " WHERE x.invoice_id = i.id), i.due_date)"
)

# Invoice status filters, in SQL terms (":today" is bound). Extensions only move a date
# later, so the plain due-date test comes first and keeps its index.
INVOICE_STATUS = {
    "open": _OPEN,
    "overdue": f"{_OPEN} AND i.due_date < :today AND {AGREED_DUE} < :today",
    "paid": "i.lifecycle = 'issued' AND i.paid_cents >= i.total_cents",
    "draft": "i.lifecycle = 'draft'",
    "voided": "i.lifecycle = 'voided'",
}

# Delivery and receipt filters (issue 20), in SQL terms.
INVOICE_DELIVERY = {
    "undelivered": "i.lifecycle = 'issued' AND i.delivered_at IS NULL",
    "delivered": "i.delivered_at IS NOT NULL",
    "unconfirmed": "i.lifecycle = 'issued' AND i.receipt_status = ''",
    "confirmed": "i.receipt_status = 'received'",
    "to_correct": "i.needs_correction = :yes",
}


@dataclass(frozen=True)
class InvoiceFilter:
    status: str | None = None  # a key of INVOICE_STATUS, or None for all
    date_from: date | None = None  # issue date
    date_to: date | None = None
    customer_id: int | None = None
    customer_text: str = ""  # part of the customer's name
    delivery: str | None = None  # a key of INVOICE_DELIVERY, or None for all


@dataclass(frozen=True)
class InvoiceListRecord:
    invoice_id: int
    customer_id: int
    customer_name: str
    series: str
    folio: int | None
    kind: str
    lifecycle: str
    issue_date: date
    due_date: date  # the date in force (AGREED_DUE)
    total_cents: int
    paid_cents: int
    delivered: bool = False
    receipt_status: str = ""
    needs_correction: bool = False
    external_number: str = ""  # an imported document's own number
    currency: str = ""  # "" is the book's currency (MXN)
    foreign_total_cents: int | None = None  # a foreign document's stamped total
    exchange_rate: Decimal | None = None


@dataclass(frozen=True)
class PaymentFilter:
    date_from: date | None = None
    date_to: date | None = None
    customer_id: int | None = None
    text: str = ""  # part of the customer's name or of the reference
    include_reversed: bool = True
    rep_pending: bool = False  # only payments against PPD invoices that still lack a REP


@dataclass(frozen=True)
class PaymentListRecord:
    payment_id: int
    customer_id: int
    customer_name: str
    payment_date: date
    amount_cents: int
    allocated_cents: int
    method: str
    reference: str
    reversed: bool


def _period_and_customer(
    date_column: str,
    customer_column: str,
    date_from: date | None,
    date_to: date | None,
    customer_id: int | None,
    params: dict[str, object],
) -> list[str]:
    """The filters both lists share: a date range and one customer."""
    clauses = ["1 = 1"]
    if date_from:
        clauses.append(f"{date_column} >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to:
        clauses.append(f"{date_column} <= :date_to")
        params["date_to"] = date_to.isoformat()
    if customer_id is not None:
        clauses.append(f"{customer_column} = :customer_id")
        params["customer_id"] = customer_id
    return clauses


def _invoice_where(f: InvoiceFilter, today: date, params: dict[str, object]) -> str:
    clauses = _period_and_customer(
        "i.issue_date", "i.customer_id", f.date_from, f.date_to, f.customer_id, params
    )
    if f.status:
        clauses.append(INVOICE_STATUS[f.status])
        params["today"] = today.isoformat()
    if f.customer_text.strip():
        # The customer's name, or the document's own number (an imported folio, its UUID).
        clauses.append(
            "(c.name_key LIKE :customer_like OR UPPER(i.external_number) LIKE :number_like"
            " OR UPPER(i.cfdi_uuid) LIKE :number_like)"
        )
        params["customer_like"] = f"%{search_key(f.customer_text)}%"
        params["number_like"] = f"%{f.customer_text.strip().upper()}%"
    if f.delivery:
        clauses.append(INVOICE_DELIVERY[f.delivery])
        if f.delivery == "to_correct":
            params["yes"] = True
    return " AND ".join(clauses)


def invoice_page(
    session: Session,
    today: date,
    f: InvoiceFilter,
    sort: str = "issue_date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[InvoiceListRecord]:
    params: dict[str, object] = {"limit": limit, "offset": offset}
    direction = "DESC" if descending else "ASC"
    order = INVOICE_SORT.get(sort, INVOICE_SORT["issue_date"]).format(d=direction)
    sql = f"""
SELECT i.id, i.customer_id, c.name, i.series, i.folio, i.kind, i.lifecycle,
       i.issue_date, {AGREED_DUE}, i.total_cents, i.paid_cents,
       i.delivered_at, i.receipt_status, i.needs_correction, i.external_number, i.currency,
       i.foreign_total_cents, i.exchange_rate
FROM invoices i JOIN customers c ON c.id = i.customer_id
WHERE {_invoice_where(f, today, params)}
ORDER BY {order}, i.id {direction}
LIMIT :limit OFFSET :offset"""
    return [
        InvoiceListRecord(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            str(r[3]),
            None if r[4] is None else int(r[4]),
            str(r[5]),
            str(r[6]),
            date.fromisoformat(str(r[7])),
            date.fromisoformat(str(r[8])),
            int(r[9]),
            int(r[10]),
            r[11] is not None,
            str(r[12] or ""),
            bool(r[13]),
            str(r[14] or ""),
            str(r[15] or ""),
            None if r[16] is None else int(r[16]),
            None if r[17] is None else Decimal(str(r[17])),
        )
        for r in session.execute(text(sql), params)
    ]


def invoice_totals(session: Session, today: date, f: InvoiceFilter) -> tuple[int, int, int]:
    """(count, total cents, open balance cents) of the invoices that match."""
    params: dict[str, object] = {}
    sql = f"""
SELECT COUNT(*), COALESCE(SUM(i.total_cents), 0),
       COALESCE(SUM(CASE WHEN i.lifecycle = 'issued' THEN i.total_cents - i.paid_cents END), 0)
FROM invoices i JOIN customers c ON c.id = i.customer_id
WHERE {_invoice_where(f, today, params)}"""
    row = session.execute(text(sql), params).one()
    return int(row[0]), int(row[1]), int(row[2])


# The REP radar's rule (storage/queries/rep.py) as a filter of the payments list.
REP_PENDING = """(p.reversed_at IS NULL AND p.rep_uuid = '' AND p.method != 'discount'
AND EXISTS (SELECT 1 FROM allocations a JOIN invoices ri ON ri.id = a.invoice_id
            WHERE a.payment_id = p.id AND a.active = :rep_active
              AND ri.lifecycle = 'issued' AND ri.sat_payment_method = 'PPD'))"""


def _payment_where(f: PaymentFilter, params: dict[str, object]) -> str:
    clauses = _period_and_customer(
        "p.payment_date", "p.customer_id", f.date_from, f.date_to, f.customer_id, params
    )
    if f.text.strip():
        clauses.append("(c.name_key LIKE :key_like OR p.reference LIKE :like)")
        params["key_like"] = f"%{search_key(f.text)}%"
        params["like"] = f"%{f.text.strip()}%"
    if not f.include_reversed:
        clauses.append("p.reversed_at IS NULL")
    if f.rep_pending:
        clauses.append(REP_PENDING)
        params["rep_active"] = True
    return " AND ".join(clauses)


def payment_page(
    session: Session,
    f: PaymentFilter,
    sort: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[PaymentListRecord]:
    params: dict[str, object] = {"limit": limit, "offset": offset}
    direction = "DESC" if descending else "ASC"
    order = PAYMENT_SORT.get(sort, PAYMENT_SORT["date"]).format(d=direction)
    sql = f"""
SELECT p.id, p.customer_id, c.name, p.payment_date, p.amount_cents, p.allocated_cents,
       p.method, p.reference, p.reversed_at IS NOT NULL
FROM payments p JOIN customers c ON c.id = p.customer_id
WHERE {_payment_where(f, params)}
ORDER BY {order}, p.id {direction}
LIMIT :limit OFFSET :offset"""
    return [
        PaymentListRecord(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            date.fromisoformat(str(r[3])),
            int(r[4]),
            int(r[5]),
            str(r[6]),
            str(r[7]),
            bool(r[8]),
        )
        for r in session.execute(text(sql), params)
    ]


def payment_totals(session: Session, f: PaymentFilter) -> tuple[int, int]:
    """(count, received cents, not counting reversed payments) of the payments that match."""
    params: dict[str, object] = {}
    sql = f"""
SELECT COUNT(*), COALESCE(SUM(CASE WHEN p.reversed_at IS NULL THEN p.amount_cents END), 0)
FROM payments p JOIN customers c ON c.id = p.customer_id
WHERE {_payment_where(f, params)}"""
    row = session.execute(text(sql), params).one()
    return int(row[0]), int(row[1])
