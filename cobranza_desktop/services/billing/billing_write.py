"""Writing a billing run in bulk: the invoices, their lines and the period records.

What the normal issuing path does invoice by invoice is done here once for the run:
the business's series and terms read once, the folios taken as one block under the
series' lock (consecutive, no gap, never shared with another issuer), the credit check
decided from the customer's state (a blocked customer's invoice notes why it was issued
anyway; the run never stops for it), and a few multi-row INSERTs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import (
    InvoiceKind,
    Lifecycle,
    invoice_number,
    validate_dates,
)
from cobranza_desktop.domain.money import to_cents
from cobranza_desktop.services.billing.billing_due import BILLED, DuePeriod
from cobranza_desktop.storage.audit_trail import Entry
from cobranza_desktop.storage.bulk import insert_returning_ids, insert_rows
from cobranza_desktop.storage.concurrency import locked_sequence
from cobranza_desktop.storage.models import Invoice, InvoiceLine
from cobranza_desktop.storage.models.subscriptions import SubscriptionPeriod
from cobranza_desktop.storage.office_hooks import record_entries

Step = Callable[[int], None]  # called with how many periods are done so far


@dataclass(frozen=True)
class WrittenInvoice:
    due: DuePeriod
    invoice_id: int
    series: str
    folio: int
    total_cents: int


def _override_note() -> str:
    reason = _("Suscripción: se factura según el estado del cliente elegido para el servicio")
    return _("Crédito autorizado pese a la restricción: {override_reason}").format(
        override_reason=reason
    )


def reserve_folios(session: Session, series: str, count: int) -> int:
    """Take ``count`` consecutive folios of ``series`` in the caller's transaction; returns
    the first. The series row stays locked until the transaction ends (on a server), so
    that a concurrent issuer takes the folios after the block, never one inside it."""
    sequence = locked_sequence(session, series)
    first = sequence.next_folio
    sequence.next_folio = first + count
    session.flush()
    return first


def _invoice_row(due: DuePeriod, series: str, folio: int, now: datetime) -> dict[str, object]:
    totals = due.totals  # checked as the issuing path checks them (billing_due.py)
    assert totals is not None
    if totals.total <= 0:
        raise ValidationError("lines", _("El total de la factura debe ser mayor que cero."))
    validate_dates(due.charge.billing_date, due.due_date)
    return {
        "customer_id": due.sub.customer_id,
        "kind": InvoiceKind.INVOICE.value,
        "series": series,
        "folio": folio,
        "external_number": "",
        "lifecycle": Lifecycle.ISSUED.value,
        "issue_date": due.charge.billing_date,
        "due_date": due.due_date,
        "subtotal_cents": to_cents(totals.subtotal),
        "discount_cents": to_cents(totals.discount),
        "tax_cents": to_cents(totals.tax),
        "total_cents": to_cents(totals.total),
        "paid_cents": 0,
        "cfdi_uuid": "",
        "sat_payment_method": "",
        "notes": "" if due.may_credit else _override_note(),
        "parent_invoice_id": None,
        "void_reason": "",
        "disputed": False,
        "created_at": now,
    }


def write_periods(
    session: Session,
    due: Sequence[DuePeriod],
    series: str,
    run_date: date,
    now: datetime,
    step: Step | None = None,
) -> list[WrittenInvoice]:
    """Issue the billed periods' invoices and record every period (billed or not)."""
    billed = [d for d in due if d.outcome == BILLED]
    first = reserve_folios(session, series, len(billed)) if billed else 0
    rows: list[dict[str, object]] = []
    for n, item in enumerate(due, start=1):
        if item.outcome == BILLED:
            rows.append(_invoice_row(item, series, first + len(rows), now))
        if step is not None:
            step(n)  # the caller's progress and cancel check; nothing is written yet
    ids = insert_returning_ids(session, Invoice, rows)
    written = [
        WrittenInvoice(item, iid, series, first + n, int(row["total_cents"]))  # type: ignore[call-overload]
        for n, (item, iid, row) in enumerate(zip(billed, ids, rows, strict=True))
    ]
    insert_rows(
        session,
        InvoiceLine,
        [
            {
                "invoice_id": w.invoice_id,
                "position": 1,
                "description": w.due.line.description,
                "quantity": w.due.line.quantity,
                "unit_price": w.due.line.unit_price,
                "discount_percent": w.due.line.discount_percent,
                "tax_rate_percent": w.due.line.tax_rate_percent,
            }
            for w in written
            if w.due.line is not None
        ],
    )
    # Core inserts pass no ORM flush: the audit trail is written here, as the ORM's is.
    record_entries(
        session,
        [
            Entry(
                "invoice.issued",
                "invoice",
                w.invoice_id,
                w.due.sub.customer_id,
                {"number": invoice_number(w.series, w.folio), "total_cents": w.total_cents},
            )
            for w in written
        ],
    )
    invoice_of = {id(w.due): w.invoice_id for w in written}
    insert_rows(
        session,
        SubscriptionPeriod,
        [
            {
                "subscription_id": d.sub.id,
                "period_start": d.charge.start,
                "period_end": d.charge.end,
                "billing_date": d.charge.billing_date,
                "outcome": d.outcome,
                "invoice_id": invoice_of.get(id(d)),
                "run_date": run_date,
                "created_at": now,
            }
            for d in due
        ],
    )
    return written
