"""The use cases written after the office (refunds, drafts, disputes, corrections, terms,
the extension rule) check the role and leave their trace in the audit trail."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from cobranza_desktop.domain.errors import PermissionDeniedError
from cobranza_desktop.domain.extensions import ExtensionCharges
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.base.corrections_log import customer_corrections
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.storage.models import Invoice
from tests import factories
from tests.services.office.conftest import COLLECTOR, MONDAY, OWNER


def _invoices(ws: Workspace) -> int:
    with ws.book.session() as session:
        return int(session.scalar(select(func.count()).select_from(Invoice)) or 0)


def test_a_collector_may_not_do_the_owners_bookkeeping(office: dict[str, Workspace]) -> None:
    owner, collector = office["owner"], office["collector"]
    ana = factories.customer(owner, "Ana").id
    bill = factories.invoice(owner, ana, "100.00", tax="0")
    draft = owner.invoices.save_draft(
        InvoiceDraft(ana, (make_line("Servicio", 1, "50.00"),), date(2026, 11, 1), None)
    )
    owner.payments.record(PaymentInput(ana, "300.00", date(2026, 11, 2), allocations=()))
    before = _invoices(owner)
    with pytest.raises(PermissionDeniedError):
        RefundService(collector.book, collector.clock).refund(ana, "10.00", "Devolución")
    with pytest.raises(PermissionDeniedError):
        collector.issuing.issue_draft(draft.id)
    with pytest.raises(PermissionDeniedError):
        CreditTermsService(collector.book, collector.clock).mark_signed(ana, MONDAY)
    with pytest.raises(PermissionDeniedError, match="configuración"):
        collector.penalties.set_extension_rule(ExtensionCharges.FROM_ORIGINAL_DATE)
    # A collector hears of a dispute and pauses the invoice; settling it is the owner's.
    collector.disputes.mark(bill.id, "No reconoce el cargo")
    with pytest.raises(PermissionDeniedError):
        collector.disputes.settle(bill.id, "Aclarado")
    assert _invoices(owner) == before
    assert owner.invoices.get(bill.id).disputed


def test_the_trail_tells_refunds_and_corrections_by_their_author(
    office: dict[str, Workspace],
) -> None:
    owner, collector = office["owner"], office["collector"]
    ana = factories.customer(owner, "Ana").id
    factories.invoice(owner, ana, "100.00", tax="0")
    owner.payments.record(PaymentInput(ana, "300.00", date(2026, 11, 2), allocations=()))
    factories.invoice(owner, ana, "50.00", tax="0", issued=date(2026, 11, 3))
    CorrectionService(collector.book, collector.clock).apply_credit(ana, "Lo pidió el cliente")
    RefundService(owner.book, owner.clock).refund(ana, "20.00", "Baja del servicio")
    trail = {(e.action, e.login): e for e in owner.audit.entries(customer_id=ana)}
    assert ("correction.credit_applied", COLLECTOR) in trail
    assert ("refund.issued", OWNER) in trail
    assert trail[("refund.issued", OWNER)].details["total_cents"] == 2000
    assert "Lo pidió el cliente" in trail[("correction.credit_applied", COLLECTOR)].summary
    # The corrections log (the customer's timeline) names the same person.
    with owner.book.session() as session:
        authors = {(c.kind.value, c.author) for c in customer_corrections(session, ana)}
    assert ("credit_applied", "Carla Cobradora") in authors
    assert owner.customers.balance(ana, MONDAY).open_amount == Decimal("0.00")
