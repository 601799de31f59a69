"""The billing run's invoices by email: each with its PDF, once, within the contact policy."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.messaging.run_delivery import RunDeliveryService
from tests.messaging.conftest import SmtpServer


def _service(ws: Workspace, port: int) -> RunDeliveryService:
    outbox = OutboxService(ws.book, ws.clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", port, "none", "", "cobros@gimnasio.mx", timeout=3)
    )
    delivery = InvoiceDeliveryService(ws.book, ws.clock, outbox, ws.documents)
    return RunDeliveryService(ws.book, ws.clock, delivery)


def _members(ws: Workspace) -> list[int]:
    subs = SubscriptionService(ws.book, ws.clock)
    ids = []
    for name, email in (("Ana", "ana@example.com"), ("Beto", ""), ("Caro", "caro@example.com")):
        who = ws.customers.create(CustomerData(name=name, phone="55 1234 5678", email=email)).id
        subs.create(SubscriptionInput(who, "Membresía", "500.00", "mensual", 1, date(2026, 11, 1)))
        ids.append(who)
    return ids


def test_each_new_invoice_goes_once_with_its_pdf(
    ws: Workspace, clock: FixedClock, smtp_server: SmtpServer
) -> None:
    clock.current = datetime(2026, 11, 20, 10, 0)  # a Friday morning
    _members(ws)
    result = BillingRunService(ws.book, ws.clock).run(date(2026, 11, 1))
    ids = [i.invoice_id for i in result.invoices]
    service = _service(ws, smtp_server.port)
    seen: list[tuple[int, int]] = []
    sent = service.deliver(ids, progress=lambda d, t: seen.append((d, t)))
    assert len(sent.sent) == 2 and len(sent.without_email) == 1 and not sent.held
    assert seen[-1] == (3, 3)
    mails = smtp_server.inbox.messages
    assert sorted(m.message["To"].split("<")[-1].rstrip(">") for m in mails) == [
        "ana@example.com",
        "caro@example.com",
    ]
    emailed = [i for i in result.invoices if i.invoice_id in sent.sent]
    for mail, invoice in zip(mails, emailed, strict=True):
        (pdf,) = [a for a in mail.message.iter_attachments()]
        assert pdf.get_filename() == f"factura-{invoice.number}.pdf"
        text = "".join(
            page.extract_text()
            for page in PdfReader(io.BytesIO(pdf.get_payload(decode=True))).pages
        )
        assert invoice.number in text and "580.00" in text  # 500.00 + 16 % IVA
    assert all(ReceiptService(ws.book, ws.clock).get(i).delivered for i in sent.sent)
    again = service.deliver(ids)  # one message per invoice: nothing is sent twice
    assert len(smtp_server.inbox.messages) == 2 and len(again.without_email) == 1


def test_nothing_is_sent_in_quiet_hours_or_on_sunday(
    ws: Workspace, clock: FixedClock, smtp_server: SmtpServer
) -> None:
    _members(ws)
    result = BillingRunService(ws.book, ws.clock).run(date(2026, 11, 1))
    ids = [i.invoice_id for i in result.invoices]
    service = _service(ws, smtp_server.port)
    for moment in (datetime(2026, 11, 20, 22, 30), datetime(2026, 11, 22, 11, 0)):  # a Sunday
        clock.current = moment
        held = service.deliver(ids)
        assert held.held == tuple(ids) and not held.sent
    assert smtp_server.inbox.messages == []
    clock.current = datetime(2026, 11, 23, 10, 0)  # Monday morning
    assert len(service.deliver(ids).sent) == 2
