"""Drafts can be edited and deleted; an issued invoice cannot (it is voided)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.invoices import InvoiceStatus, make_line
from cobranza_desktop.services.base.corrections_log import CorrectionKind, customer_corrections
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.models import Invoice
from tests.factories import customer, invoice


def _kinds(ws: Workspace, cid: int) -> list[CorrectionKind]:
    with ws.book.session() as session:
        return [c.kind for c in customer_corrections(session, cid)]


def test_edit_then_issue_a_draft(ws: Workspace) -> None:
    c = customer(ws)
    draft = ws.invoices.save_draft(InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2)))
    edited = ws.invoices.update_draft(
        draft.id,
        InvoiceDraft(
            c.id, (make_line("Servicio", 2, "100", tax_rate_percent="0"),), date(2026, 10, 3)
        ),
    )
    assert (edited.id, edited.total, edited.issue_date) == (
        draft.id,
        Decimal("200.00"),
        date(2026, 10, 3),
    )
    assert [line.description for line in edited.lines] == ["Servicio"]
    assert edited.status is InvoiceStatus.DRAFT and edited.number == ""
    issued = ws.issuing.issue_draft(draft.id).invoice
    assert issued.number == "A-00001" and issued.balance == Decimal("200.00")
    assert _kinds(ws, c.id) == [CorrectionKind.DRAFT_EDITED]


def test_a_bad_edit_changes_nothing(ws: Workspace) -> None:
    c = customer(ws)
    draft = ws.invoices.save_draft(InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2)))
    with pytest.raises(ValidationError):
        ws.invoices.update_draft(
            draft.id,
            InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2), date(2026, 9, 1)),
        )
    assert ws.invoices.get(draft.id).total == draft.total and _kinds(ws, c.id) == []


def test_delete_a_draft_but_never_an_issued_invoice(ws: Workspace) -> None:
    c = customer(ws)
    issued = invoice(ws, c.id)
    draft = ws.invoices.save_draft(InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2)))
    with pytest.raises(ConflictError):
        ws.invoices.delete_draft(issued.id)
    with pytest.raises(ConflictError):
        ws.invoices.update_draft(
            issued.id, InvoiceDraft(c.id, (make_line("x", 1, "5"),), date(2026, 10, 2))
        )
    assert ws.invoices.delete_draft(draft.id, "Duplicado") == c.id
    with ws.book.session() as session:
        assert (
            session.get(Invoice, draft.id) is None and session.get(Invoice, issued.id) is not None
        )
    assert _kinds(ws, c.id) == [CorrectionKind.DRAFT_DELETED]


def test_voiding_is_logged_with_its_reason(ws: Workspace) -> None:
    c = customer(ws)
    issued = invoice(ws, c.id)
    ws.invoices.void(issued.id, "Se facturó dos veces")
    with ws.book.session() as session:
        (entry,) = customer_corrections(session, c.id)
    assert (entry.kind, entry.subject, entry.reason) == (
        CorrectionKind.INVOICE_VOIDED,
        issued.number,
        "Se facturó dos veces",
    )
