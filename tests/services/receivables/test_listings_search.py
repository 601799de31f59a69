"""The invoice and payment lists find customers the way the customer list does:
without regard to accents or case."""

from __future__ import annotations

from datetime import date

from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.receivables.listings import ListingService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.queries.listings import InvoiceFilter, PaymentFilter
from tests.factories import customer, invoice


def test_lists_search_customers_without_accents(ws: Workspace) -> None:
    avila = customer(ws, "Botica Ávila")
    other = customer(ws, "Abarrotes Zapata")
    invoice(ws, avila.id)
    invoice(ws, other.id)
    ws.payments.record(PaymentInput(avila.id, "10.00", date(2026, 11, 20), "transfer", "SPEI 77"))
    listings = ListingService(ws.book, ws.clock)
    found = listings.invoices(InvoiceFilter(customer_text="AVILA"))
    assert [i.customer_name for i in found] == ["Botica Ávila"]
    payments = listings.payments(PaymentFilter(text="avila"))
    assert [p.customer_name for p in payments] == ["Botica Ávila"]
    by_reference = listings.payments(PaymentFilter(text="SPEI 77"))
    assert len(by_reference) == 1
