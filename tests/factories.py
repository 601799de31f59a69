"""Small helpers to put customers, invoices and payments in a test book."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.customers.records import CustomerView
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.storage.database import Book


def customer(
    ws: Workspace, name: str = "Ferretería López", *, signed: bool = True, **fields: object
) -> CustomerView:
    """A customer who (unless ``signed=False``) signed the credit terms today: the penalty
    engine charges them the contract's terms, not only the legal rate."""
    data = {"phone": "55 1234 5678", **fields}
    made = ws.customers.create(CustomerData(name=name, **data))  # type: ignore[arg-type]
    if signed:
        sign_terms(ws.book, ws.clock, made.id)
    return made


def sign_terms(book: Book, clock: Clock, customer_id: int) -> None:
    """The customer signed the business's current credit terms today."""
    CreditTermsService(book, clock).mark_signed(customer_id, clock.today())


def invoice(
    ws: Workspace,
    customer_id: int,
    price: str | Decimal = "1000.00",
    issued: date = date(2026, 10, 1),
    due: date | None = None,
    tax: str = "16",
) -> InvoiceView:
    line = make_line("Servicio", 1, price, tax_rate_percent=tax)
    return ws.invoices.issue(InvoiceDraft(customer_id, (line,), issued, due))
