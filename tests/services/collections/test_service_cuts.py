"""The technician's list and reconnection with its fee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.service_cuts import ServiceCutService
from cobranza_desktop.services.receivables.payments import PaymentInput
from tests.factories import customer


def test_cut_while_owing_reconnect_once_paid_with_the_fee_booked(ws: Workspace) -> None:
    cid = customer(ws, "Red Vecinal").id
    sub = SubscriptionService(ws.book, ws.clock).create(
        SubscriptionInput(
            cid, "Internet", "400.00", "mensual", 1, date(2026, 9, 1), reconnection_fee="100.00"
        )
    )
    BillingRunService(ws.book, ws.clock).run()
    ws.restrictions.change(cid, CustomerStatus.SUSPENDED, "adeudo", "internet")
    cuts = ServiceCutService(ws.book, ws.clock)
    listing = cuts.technician_list()
    assert [t.subscription_id for t in listing.to_cut] == [sub.id]
    assert listing.to_cut[0].overdue == Decimal("928.00")  # Sep. and Oct.; November is not due yet
    assert listing.to_reconnect == ()
    owed = sum((i.balance for i in ws.invoices.for_customer(cid, open_only=True)), Decimal(0))
    ws.payments.record(PaymentInput(cid, owed, date(2026, 11, 22)))
    listing = cuts.technician_list()
    assert listing.to_cut == () and [t.customer_id for t in listing.to_reconnect] == [cid]
    done = cuts.reconnect(sub.id, "pagó")
    assert done.fee == Decimal("116.00") and done.fee_invoice_number
    assert ws.customers.get(cid).status == CustomerStatus.ACTIVE
    with pytest.raises(ConflictError):
        cuts.reconnect(sub.id, "otra vez")
    assert cuts.technician_list().to_reconnect == ()
