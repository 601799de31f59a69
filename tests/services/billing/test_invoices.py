from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from cobranza_desktop.domain.invoices import InvoiceStatus, make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from tests.factories import customer, invoice


def test_folios_have_no_gaps_even_after_errors(ws: Workspace) -> None:
    c = customer(ws)
    first = invoice(ws, c.id)
    with pytest.raises(ValidationError):  # due date before issue date: refused, no folio used
        invoice(ws, c.id, issued=date(2026, 10, 5), due=date(2026, 10, 1))
    draft = ws.invoices.save_draft(InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2)))
    assert draft.number == "" and draft.status is InvoiceStatus.DRAFT
    second = invoice(ws, c.id)
    issued_draft = ws.issuing.issue_draft(draft.id).invoice
    assert [first.number, second.number, issued_draft.number] == ["A-00001", "A-00002", "A-00003"]
    with pytest.raises(ConflictError):
        ws.issuing.issue_draft(draft.id)


def test_due_date_follows_customer_terms(ws: Workspace) -> None:
    c = customer(ws, payment_terms_days=15)
    assert invoice(ws, c.id, issued=date(2026, 11, 1)).due_date == date(2026, 11, 16)
    d = customer(ws, "Otro")  # no terms of its own: the business default, 30 days
    assert invoice(ws, d.id, issued=date(2026, 11, 1)).due_date == date(2026, 12, 1)


def test_totals_and_lookup_by_number(ws: Workspace) -> None:
    c = customer(ws)
    lines = (
        make_line("Taladro", 1, "1999.99", discount_percent=10),
        make_line("Broca", 3, "45.50"),
    )
    issued = ws.invoices.issue(
        InvoiceDraft(
            c.id,
            lines,
            date(2026, 11, 1),
            cfdi_uuid="6f1b5c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f",
            sat_payment_method="ppd",
        )
    )
    # 1799.991 + 136.50 = 1936.491 → 1936.49; IVA 16% = 309.83856 → 309.84
    assert (issued.subtotal, issued.tax, issued.total) == (
        Decimal("1936.49"),
        Decimal("309.84"),
        Decimal("2246.33"),
    )
    found = ws.invoices.get_by_number("a-00001")
    assert found.id == issued.id and found.sat_payment_method == "PPD"
    assert found.cfdi_uuid == "6F1B5C1E-2A3B-4C5D-8E9F-0A1B2C3D4E5F"
    with pytest.raises(NotFoundError):
        ws.invoices.get_by_number("A-00099")


def test_void_needs_a_reason_and_keeps_the_invoice(ws: Workspace) -> None:
    c = customer(ws)
    inv = invoice(ws, c.id)
    with pytest.raises(ValidationError):
        ws.invoices.void(inv.id, "  ")
    assert ws.invoices.get(inv.id).status is InvoiceStatus.OVERDUE
    voided = ws.invoices.void(inv.id, "Precio equivocado")
    assert voided.status is InvoiceStatus.VOIDED and voided.void_reason == "Precio equivocado"
    assert voided.balance == 0
    assert ws.customers.balance(c.id).balance == 0
    with pytest.raises(ConflictError):
        ws.invoices.void(inv.id, "otra vez")


def test_an_unknown_customer_is_refused(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        invoice(ws, 999)
