"""Small helpers to put customers, invoices and payments in a test book."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.customers.records import CustomerView


def customer(ws: Workspace, name: str = "Ferretería López", **fields: object) -> CustomerView:
    data = {"phone": "55 1234 5678", **fields}
    return ws.customers.create(CustomerData(name=name, **data))  # type: ignore[arg-type]


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
