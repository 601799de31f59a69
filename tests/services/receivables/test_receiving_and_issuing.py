from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.incentives import EarlyPaymentTerms
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.billing.issuing import IssuingService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.receiving import ReceivingService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.customers.restrictions import RestrictionService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer, invoice


def _draft(customer_id: int, price: str = "1000.00") -> InvoiceDraft:
    return InvoiceDraft(customer_id, (make_line("Servicio", 1, price),), date(2026, 11, 1))


def test_a_blocked_customer_needs_a_reason_and_the_reason_is_kept(ws: Workspace) -> None:
    c = customer(ws)
    RestrictionService(ws.book, ws.clock).change(c.id, CustomerStatus.BLOCKED, "90 días sin pago")
    issuing = IssuingService(ws.book, ws.clock)
    with pytest.raises(ValidationError) as caught:
        issuing.issue(_draft(c.id))
    assert caught.value.field == "override_reason"
    assert ws.invoices.for_customer(c.id) == []  # nothing written
    issued = issuing.issue(_draft(c.id), override_reason="Pagó de contado el anticipo")
    assert "Pagó de contado el anticipo" in issued.invoice.notes
    assert issued.invoice.number == "A-00001"


def test_going_over_the_credit_limit_only_warns(ws: Workspace) -> None:
    c = customer(ws, credit_limit=Decimal("1000"))
    issuing = IssuingService(ws.book, ws.clock)
    assert issuing.credit_warnings(c.id, Decimal("500")) == ()
    issued = issuing.issue(_draft(c.id))  # 1,160.00 > 1,000.00
    assert issued.invoice.total == Decimal("1160.00")
    assert any("límite" in w for w in issued.warnings)


def test_receiving_applies_pending_and_early_payment_discounts(ws: Workspace) -> None:
    c = customer(ws)
    IncentiveService(ws.book, ws.clock).set_early_payment_terms(
        EarlyPaymentTerms(Decimal("2"), 10, 30)
    )
    inv = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 15), due=date(2026, 12, 15))
    CollectionToolsService(ws.book, ws.clock).grant_discount(c.id, "50.00", "Disculpa por retraso")
    # 1,160.00 owed; 2 % early discount = 23.20; 50.00 pending discount; the rest in cash.
    received = ReceivingService(ws.book, ws.clock).receive(
        PaymentInput(c.id, "1086.80", date(2026, 11, 20), PaymentMethod.CASH)
    )
    assert [d.amount for d in received.discounts] == [Decimal("50.00")]
    assert [i.amount for i in received.incentives] == [Decimal("23.20")]
    assert ws.invoices.get(inv.id).balance == 0
    assert ws.checks.run().ok
