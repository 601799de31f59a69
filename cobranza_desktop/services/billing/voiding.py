"""What hangs on an invoice, and what voiding it does to each, in the same transaction.

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

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services.penalties.grants import void_grants_of_invoice
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


def release_dependents(session: Session, invoice: Invoice, reason: str, now: datetime) -> None:
    """Called by ``void_invoice`` before the invoice's own allocations are undone."""
    from cobranza_desktop.services.penalties.charges import waive_charge  # it voids invoices too

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
        waive_charge(session, charge.id, reason, now)
