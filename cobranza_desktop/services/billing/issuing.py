"""Issuing an invoice on credit: the credit check, the invoice, and the punctuality reward.

A customer who is blocked (or beyond) gets no new credit unless the person issuing
writes why; the reason is kept on the invoice. Going over the credit limit only
warns. A punctual customer's earned reward is applied to the new invoice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.validation import checked_totals
from cobranza_desktop.services.billing.invoices import (
    InvoiceDraft,
    InvoiceView,
    create_invoice,
    get_invoice,
    invoice_view,
)
from cobranza_desktop.services.collections.restrictions import credit_check
from cobranza_desktop.services.penalties.incentives import IncentiveService, IncentiveView
from cobranza_desktop.storage.database import Book


@dataclass(frozen=True)
class IssuedInvoice:
    invoice: InvoiceView
    warnings: tuple[str, ...]  # e.g. over the credit limit
    reward: IncentiveView | None


class IssuingService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock
        self._incentives = IncentiveService(book, clock)

    def credit_warnings(self, customer_id: int, amount: Decimal) -> tuple[str, ...]:
        """What issuing ``amount`` more would mean for this customer's credit (no writes)."""
        with self._book.session() as session:
            # A placeholder reason: here we only want the messages, never the refusal.
            return credit_check(session, customer_id, amount, override_reason="-").messages

    def issue(self, draft: InvoiceDraft, override_reason: str = "") -> IssuedInvoice:
        total = checked_totals(draft.lines).total
        with self._book.transaction() as session:
            check = credit_check(session, draft.customer_id, total, override_reason)
            if check.blocked:
                note = _("Crédito autorizado pese a la restricción: {override_reason}").format(
                    override_reason=override_reason.strip()
                )
                draft = replace(draft, notes="\n".join(n for n in (draft.notes, note) if n))
            invoice = create_invoice(session, draft, self._clock.now())
            issued = invoice_view(invoice, self._clock.today())
        reward = self._incentives.grant_punctuality_reward(issued.id)
        if reward is not None:
            with self._book.session() as session:
                issued = invoice_view(get_invoice(session, issued.id), self._clock.today())
        return IssuedInvoice(issued, check.messages, reward)
