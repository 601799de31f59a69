"""What the invoice editor does with a draft: save it (new or edited), or issue it.

A draft is not issued: it has no folio and changes no balance, so it may be edited and
deleted. Issuing it goes through the issuing service, like a new invoice (credit check).
"""

from __future__ import annotations

from collections.abc import Callable

from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService, InvoiceView
from cobranza_desktop.services.billing.issuing import IssuedInvoice, IssuingService


def save_draft_work(
    invoices: InvoiceService, draft_id: int | None, draft: InvoiceDraft
) -> Callable[[], InvoiceView]:
    if draft_id is None:
        return lambda: invoices.save_draft(draft)
    return lambda: invoices.update_draft(draft_id, draft)


def issue_draft_work(
    invoices: InvoiceService,
    issuing: IssuingService,
    draft_id: int,
    draft: InvoiceDraft,
    override_reason: str,
) -> Callable[[], IssuedInvoice]:
    def work() -> IssuedInvoice:
        # What is on screen is saved first, so the invoice issued is the one shown.
        invoices.update_draft(draft_id, draft)
        return issuing.issue_draft(draft_id, override_reason)

    return work
