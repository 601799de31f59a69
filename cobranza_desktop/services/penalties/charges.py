"""Booking late charges and waiving them, and reading the charges made.

A late charge (cargo moratorio) is an invoice of kind ``late_charge`` in series
:data:`LATE_CHARGE_SERIES`, linked to its invoice by ``parent_invoice_id``, with one line
and no tax; a :class:`PenaltyCharge` row keeps its natural key and breakdown. Waiving
voids the document with the reason and keeps the period charged-and-waived, unless the
waiver is a correction (``recompute``): then the period is charged again on the next run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import (
    InvoiceKind,
    Lifecycle,
    LineInput,
    format_number,
    invoice_totals,
)
from cobranza_desktop.domain.money import ZERO, from_cents, to_cents
from cobranza_desktop.domain.penalties import ChargeKind, PenaltyBreakdown
from cobranza_desktop.services.billing.voiding import waive_charge_document
from cobranza_desktop.services.penalties.proposals import ProposedCharge, _number
from cobranza_desktop.storage.audit_trail import Entry
from cobranza_desktop.storage.concurrency import already_done_as, locked_sequence
from cobranza_desktop.storage.models import Invoice, InvoiceLine
from cobranza_desktop.storage.models.penalties import PenaltyCharge
from cobranza_desktop.storage.office_hooks import record_entries

LATE_CHARGE_SERIES = "CM"


@dataclass(frozen=True)
class ChargeView:
    id: int
    customer_id: int
    invoice_id: int
    invoice_number: str
    charge_invoice_id: int
    charge_number: str
    kind: ChargeKind
    key: str
    as_of: date
    period_start: date
    period_end: date
    base: Decimal
    annual_rate_percent: Decimal
    day_basis: int
    days: int
    amount: Decimal
    paid: Decimal
    waived_at: datetime | None
    waive_reason: str

    @property
    def waived(self) -> bool:
        return self.waived_at is not None

    @property
    def balance(self) -> Decimal:
        return ZERO if self.waived else self.amount - self.paid


@dataclass(frozen=True)
class AppliedPenalties:
    as_of: date
    charges: tuple[ChargeView, ...]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.charges), ZERO)


def _charge_view(charge: PenaltyCharge, parent_number: str, document: Invoice) -> ChargeView:
    # A charge voided elsewhere (e.g. waived in a payment plan) is shown as waived too.
    voided_elsewhere = charge.waived_at is None and document.lifecycle == Lifecycle.VOIDED.value
    return ChargeView(
        id=charge.id,
        customer_id=charge.customer_id,
        invoice_id=charge.invoice_id,
        invoice_number=parent_number,
        charge_invoice_id=charge.charge_invoice_id,
        charge_number=_number(document.series, document.folio),
        kind=ChargeKind(charge.kind),
        key=charge.charge_key,
        as_of=charge.as_of,
        period_start=charge.period_start,
        period_end=charge.period_end,
        base=from_cents(charge.base_cents),
        annual_rate_percent=charge.annual_rate_percent,
        day_basis=charge.day_basis,
        days=charge.days,
        amount=from_cents(charge.amount_cents),
        paid=from_cents(document.paid_cents),
        waived_at=document.voided_at if voided_elsewhere else charge.waived_at,
        waive_reason=document.void_reason if voided_elsewhere else charge.waive_reason,
    )


def _segments_json(breakdown: PenaltyBreakdown) -> str:
    return json.dumps(
        [
            {
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
                "balance": str(s.balance),
                "days": s.days,
                "amount": str(s.amount),
                "capped": s.capped,
            }
            for s in breakdown.segments
        ]
    )


def _take_folios(session: Session, count: int) -> int:
    """Reserve ``count`` consecutive folios of the late-charge series; returns the first."""
    sequence = locked_sequence(session, LATE_CHARGE_SERIES)
    first = sequence.next_folio
    sequence.next_folio = first + count
    session.flush()
    return first


def _notes(item: ProposedCharge) -> str:
    notes = _("Cargo moratorio de la factura {invoice_number}").format(
        invoice_number=item.invoice_number
    )
    if item.unsigned_reason:
        notes += " · " + _("Sin condiciones firmadas; se cobra porque: {reason}").format(
            reason=item.unsigned_reason
        )
    return notes


def book_charges(
    session: Session, items: Sequence[ProposedCharge], as_of: date, now: datetime
) -> list[ChargeView]:
    """Write the late-charge documents and their records, in the caller's transaction.

    Each document is an issued invoice of kind ``late_charge`` with one untaxed line,
    numbered without gaps in :data:`LATE_CHARGE_SERIES`. Written with bulk inserts: a
    first run on a big book may charge thousands of invoices at once.
    """
    if not items:
        return []
    with already_done_as(
        _("Otra persona aplicó estos recargos al mismo tiempo; calcule de nuevo.")
    ):
        return _book_charges(session, items, as_of, now)


def _book_charges(
    session: Session, items: Sequence[ProposedCharge], as_of: date, now: datetime
) -> list[ChargeView]:
    first = _take_folios(session, len(items))
    documents: list[dict[str, object]] = []
    lines: list[LineInput] = []
    for offset, item in enumerate(items):
        b = item.breakdown
        line = LineInput(b.describe(), Decimal(1), b.amount, ZERO, ZERO)
        totals = invoice_totals([line])
        if totals.total != b.amount:  # pragma: no cover - one untaxed line at the amount
            raise AssertionError("a late charge's total must be its amount")
        lines.append(line)
        documents.append(
            {
                "customer_id": item.customer_id,
                "kind": InvoiceKind.LATE_CHARGE.value,
                "series": LATE_CHARGE_SERIES,
                "folio": first + offset,
                "lifecycle": Lifecycle.ISSUED.value,
                "issue_date": as_of,
                "due_date": as_of,
                "subtotal_cents": to_cents(totals.subtotal),
                "discount_cents": to_cents(totals.discount),
                "tax_cents": to_cents(totals.tax),
                "total_cents": to_cents(totals.total),
                "paid_cents": 0,
                "cfdi_uuid": "",
                "sat_payment_method": "",
                "notes": _notes(item),
                "parent_invoice_id": item.invoice_id,
                "created_at": now,
                "void_reason": "",
            }
        )
    document_ids = list(
        session.scalars(
            insert(Invoice).returning(Invoice.id, sort_by_parameter_order=True), documents
        )
    )
    session.execute(
        insert(InvoiceLine),
        [
            {
                "invoice_id": document_id,
                "position": 1,
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "discount_percent": line.discount_percent,
                "tax_rate_percent": line.tax_rate_percent,
            }
            for document_id, line in zip(document_ids, lines, strict=True)
        ],
    )
    records = [
        {
            "customer_id": item.customer_id,
            "invoice_id": item.invoice_id,
            "charge_invoice_id": document_id,
            "kind": item.breakdown.kind.value,
            "charge_key": item.breakdown.key,
            "as_of": as_of,
            "period_start": item.breakdown.period_start,
            "period_end": item.breakdown.period_end,
            "base_cents": to_cents(item.breakdown.base),
            "fixed_fee_cents": to_cents(item.breakdown.fixed_fee),
            "percent_fee": item.breakdown.percent_fee,
            "annual_rate_percent": item.breakdown.annual_rate_percent,
            "day_basis": item.breakdown.day_basis,
            "days": item.breakdown.days,
            "amount_cents": to_cents(item.breakdown.amount),
            "breakdown_json": _segments_json(item.breakdown),
            "created_at": now,
            "waive_reason": "",
        }
        for item, document_id in zip(items, document_ids, strict=True)
    ]
    charge_ids = list(
        session.scalars(
            insert(PenaltyCharge).returning(PenaltyCharge.id, sort_by_parameter_order=True),
            records,
        )
    )
    # Bulk inserts pass no ORM flush: the trail is written here, in the same transaction.
    record_entries(
        session,
        [
            Entry(
                "penalty.applied",
                "invoice",
                document_id,
                item.customer_id,
                {
                    "number": format_number(LATE_CHARGE_SERIES, first + offset),
                    "total_cents": to_cents(item.breakdown.amount),
                    "key": item.breakdown.key,
                },
            )
            for offset, (item, document_id) in enumerate(zip(items, document_ids, strict=True))
        ],
    )
    return [
        ChargeView(
            id=charge_id,
            customer_id=item.customer_id,
            invoice_id=item.invoice_id,
            invoice_number=item.invoice_number,
            charge_invoice_id=document_id,
            charge_number=format_number(LATE_CHARGE_SERIES, first + offset),
            kind=item.breakdown.kind,
            key=item.breakdown.key,
            as_of=as_of,
            period_start=item.breakdown.period_start,
            period_end=item.breakdown.period_end,
            base=item.breakdown.base,
            annual_rate_percent=item.breakdown.annual_rate_percent,
            day_basis=item.breakdown.day_basis,
            days=item.breakdown.days,
            amount=item.breakdown.amount,
            paid=ZERO,
            waived_at=None,
            waive_reason="",
        )
        for offset, (item, document_id, charge_id) in enumerate(
            zip(items, document_ids, charge_ids, strict=True)
        )
    ]


def waive_charge(
    session: Session, charge_id: int, reason: str, now: datetime, *, recompute: bool = False
) -> ChargeView:
    """Waive (condonar) a charge, in the caller's transaction: its document is voided with
    the reason, never deleted. Money already applied to it goes back to the customer's
    credit.

    A plain waiver forgives: the period stays charged-and-waived and the engine does not
    charge it again. With ``recompute`` the waiver corrects (say, after a payment recorded
    later with an earlier date): the period is free again, and the next run charges it from
    the book as it is then. An interest period is cumulative, so correcting one corrects
    the later interest periods of the invoice too; a later period that was forgiven must be
    dealt with first (it is refused), since recharging it would take back the forgiveness.
    """
    if not reason.strip():
        raise ValidationError(
            "reason",
            _("Escriba el motivo de la condonación."),
        )
    charge = session.get(PenaltyCharge, charge_id)
    if charge is None:
        raise NotFoundError(_("No existe el cargo {charge_id}.").format(charge_id=charge_id))
    if charge.waived_at is not None:
        raise ConflictError(_("El cargo ya fue condonado."))
    document = session.get(Invoice, charge.charge_invoice_id)
    parent = session.get(Invoice, charge.invoice_id)
    assert document is not None and parent is not None
    if document.lifecycle == Lifecycle.VOIDED.value:
        raise ConflictError(
            _("El cargo ya fue cancelado: {void_reason}").format(void_reason=document.void_reason)
        )
    corrected = [charge]
    if recompute and charge.kind == ChargeKind.INTEREST.value:
        later = session.scalars(
            select(PenaltyCharge).where(
                PenaltyCharge.invoice_id == charge.invoice_id,
                PenaltyCharge.kind == ChargeKind.INTEREST.value,
                PenaltyCharge.period_end > charge.period_end,
                PenaltyCharge.recompute.is_(False),
            )
        ).all()
        if any(c.waived_at is not None for c in later):
            raise ConflictError(
                _("Hay un periodo posterior ya condonado: no se puede volver a calcular este.")
            )
        corrected.extend(later)
    for item in corrected:
        item_document = session.get(Invoice, item.charge_invoice_id)
        assert item_document is not None
        waive_charge_document(session, item, item_document, reason.strip(), now)
        if recompute:
            _free_period(item)
    session.flush()
    return _charge_view(charge, _number(parent.series, parent.folio), document)


def _free_period(charge: PenaltyCharge) -> None:
    """Let the engine charge the period again: the natural key moves aside (it stays
    unique and readable) and the row says it was waived to recompute."""
    charge.recompute = True
    charge.charge_key = f"{charge.charge_key}#c{charge.id}"


def list_charges(
    session: Session, *, customer_id: int | None = None, invoice_id: int | None = None
) -> list[ChargeView]:
    """Charges made, newest first, waived ones included."""
    query = select(PenaltyCharge).order_by(PenaltyCharge.as_of.desc(), PenaltyCharge.id.desc())
    if customer_id is not None:
        query = query.where(PenaltyCharge.customer_id == customer_id)
    if invoice_id is not None:
        query = query.where(PenaltyCharge.invoice_id == invoice_id)
    views = []
    for charge in session.scalars(query):
        parent = session.get(Invoice, charge.invoice_id)
        document = session.get(Invoice, charge.charge_invoice_id)
        assert parent is not None and document is not None
        views.append(_charge_view(charge, _number(parent.series, parent.folio), document))
    return views
