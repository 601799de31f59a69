"""Issuing an invoice on credit: the credit check, the invoice, and the punctuality reward.

A customer who is blocked (or beyond) gets no new credit unless the person issuing
writes why; the reason is kept on the invoice. Going over the credit limit only
warns. A punctual customer's earned reward is applied to the new invoice, in the same
transaction as the invoice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.validation import checked_totals
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.billing.incentives import IncentiveView, grant_punctuality_reward
from cobranza_desktop.services.billing.invoices import (
    InvoiceDraft,
    InvoiceView,
    create_invoice,
    get_invoice,
    invoice_view,
    next_folio,
)
from cobranza_desktop.services.customers.restrictions import credit_check
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice


@dataclass(frozen=True)
class IssuedInvoice:
    invoice: InvoiceView
    warnings: tuple[str, ...]  # e.g. over the credit limit
    reward: IncentiveView | None


def issue_on_credit(
    session: Session, draft: InvoiceDraft, now: datetime, override_reason: str = ""
) -> tuple[Invoice, tuple[str, ...]]:
    """Issue in the caller's transaction, after the credit check; the override is noted."""
    total = checked_totals(draft.lines).total
    check = credit_check(session, draft.customer_id, total, override_reason)
    if check.blocked:
        note = _("Crédito autorizado pese a la restricción: {override_reason}").format(
            override_reason=override_reason.strip()
        )
        draft = replace(draft, notes="\n".join(n for n in (draft.notes, note) if n))
    return create_invoice(session, draft, now), check.messages


class IssuingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def credit_warnings(self, customer_id: int, amount: Decimal) -> tuple[str, ...]:
        """What issuing ``amount`` more would mean for this customer's credit (no writes)."""
        with self._book.session() as session:
            # A placeholder reason: here we only want the messages, never the refusal.
            return credit_check(session, customer_id, amount, override_reason="-").messages

    def issue(self, draft: InvoiceDraft, override_reason: str = "") -> IssuedInvoice:
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            # The invoice and its reward stand or fall together: one transaction.
            invoice, messages = issue_on_credit(session, draft, self._clock.now(), override_reason)
            reward = grant_punctuality_reward(
                session, invoice, self._clock.today(), self._clock.now()
            )
            session.flush()
            issued = invoice_view(invoice, self._clock.today())
        return IssuedInvoice(issued, messages, reward)

    def issue_draft(self, invoice_id: int, override_reason: str = "") -> IssuedInvoice:
        """Issue a saved draft: the same credit check and reward as a new invoice."""
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            invoice = get_invoice(session, invoice_id)
            if invoice.lifecycle != Lifecycle.DRAFT.value:
                raise ConflictError(_("La factura ya fue emitida."))
            total = from_cents(invoice.total_cents)
            check = credit_check(session, invoice.customer_id, total, override_reason)
            if check.blocked:
                note = _("Crédito autorizado pese a la restricción: {override_reason}").format(
                    override_reason=override_reason.strip()
                )
                invoice.notes = "\n".join(n for n in (invoice.notes, note) if n)
            invoice.folio = next_folio(session, invoice.series)
            invoice.lifecycle = Lifecycle.ISSUED.value
            session.flush()
            reward = grant_punctuality_reward(
                session, invoice, self._clock.today(), self._clock.now()
            )
            session.flush()
            issued = invoice_view(invoice, self._clock.today())
        return IssuedInvoice(issued, check.messages, reward)
