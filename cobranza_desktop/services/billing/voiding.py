"""Voiding an invoice, and what voiding does to what hangs on it, in one transaction.

This module is the one home of voiding: invoices, late charges and discounts all end
here, and it imports none of them, so there is no circle (void -> waive -> void).

- A current payment plan that holds the invoice (or bills its interest on it): the
  void is refused until the plan is cancelled, since the plan's schedule would lie.
- Discounts granted on it: voided, their discount payments reversed (a discount is
  not money and must not turn into credit that pays other invoices).
- Late charges on it: waived with the same reason; their documents are voided.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services.receivables.allocations import undo_allocations_of_invoice
from cobranza_desktop.services.receivables.discount_grants import void_grants_of_invoice
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.collections import PaymentPlan, PlanInvoice
from cobranza_desktop.storage.models.penalties import PenaltyCharge


def refuse_if_in_current_plan(session: Session, invoice: Invoice) -> None:
    plan = session.scalars(
        select(PaymentPlan)
        .outerjoin(PlanInvoice, PlanInvoice.plan_id == PaymentPlan.id)
        .where(
            PaymentPlan.status == PlanStatus.CURRENT.value,
            or_(
                PlanInvoice.invoice_id == invoice.id, PaymentPlan.interest_invoice_id == invoice.id
            ),
        )
    ).first()
    if plan is not None:
        raise ConflictError(
            _("La factura está en el plan de pagos {number}. Cancele el plan antes.").format(
                number=plan.number
            )
        )


def void_invoice(session: Session, invoice: Invoice, reason: str, now: datetime) -> None:
    """Void an issued invoice. Money applied to it goes back to the customer's credit."""
    if invoice.lifecycle == Lifecycle.VOIDED.value:
        raise ConflictError(_("La factura ya está cancelada."))
    if not reason.strip():
        raise ValidationError("reason", _("Escriba el motivo de la cancelación."))
    release_dependents(session, invoice, reason.strip(), now)
    undo_allocations_of_invoice(session, invoice, now, reason.strip())
    invoice.lifecycle = Lifecycle.VOIDED.value
    invoice.voided_at = now
    invoice.void_reason = reason.strip()


def waive_charge_document(
    session: Session, charge: PenaltyCharge, document: Invoice, reason: str, now: datetime
) -> None:
    """Mark a late charge waived and void its document (the caller checked both)."""
    text = _("Condonado: {reason}").format(reason=reason)
    void_invoice(session, document, text, now)
    charge.waived_at = now
    charge.waive_reason = reason


def release_dependents(session: Session, invoice: Invoice, reason: str, now: datetime) -> None:
    """Called by ``void_invoice`` before the invoice's own allocations are undone."""
    refuse_if_in_current_plan(session, invoice)
    void_grants_of_invoice(session, invoice.id, reason, now)
    charges = session.scalars(
        select(PenaltyCharge)
        .join(Invoice, Invoice.id == PenaltyCharge.charge_invoice_id)
        .where(
            PenaltyCharge.invoice_id == invoice.id,
            PenaltyCharge.waived_at.is_(None),
            Invoice.lifecycle == Lifecycle.ISSUED.value,
        )
    ).all()
    for charge in charges:
        document = session.get(Invoice, charge.charge_invoice_id)
        assert document is not None
        waive_charge_document(session, charge, document, reason, now)
