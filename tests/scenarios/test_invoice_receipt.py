"""Billing meets collections: an invoice is delivered, its receipt is confirmed, and a
"details wrong" answer pauses its ladder until the invoice is corrected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.contact_policy import NonPaymentReason
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.book.workspace import Workspace, open_workspace
from cobranza_desktop.services.collections.receipts import ReceiptAnswer, ReceiptService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from tests.factories import invoice
from tests.messaging.conftest import SmtpServer

MONDAY = date(2026, 11, 2)


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    smtp = SmtpServer()
    smtp.start()
    yield smtp
    smtp.stop()


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Workspace, FixedClock]]:
    clock = FixedClock.on(MONDAY)
    ws = open_workspace(tmp_path / "libro.sqlite", clock)
    yield ws, clock
    ws.close()


def _stages(ws: Workspace, customer_id: int) -> list[str]:
    day = ws.agenda.agenda()
    return [i.stage for i in (*day.items, *day.deferred) if i.customer_id == customer_id]


def test_issue_deliver_confirm_details_wrong_pause_correct_resume(
    shop: tuple[Workspace, FixedClock], server: SmtpServer
) -> None:
    ws, clock = shop
    outbox = OutboxService(ws.book, clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", server.port, "none", "", "cobranza@taller.mx", timeout=3)
    )
    delivery = InvoiceDeliveryService(ws.book, clock, outbox, ws.documents)
    receipts = ReceiptService(ws.book, clock)
    lupe = ws.customers.create(
        CustomerData(name="Abarrotes Doña Lupe", phone="55 1234 5678", email="lupe@example.com")
    ).id
    control = ws.customers.create(CustomerData(name="Control", phone="55 8765 4321")).id
    sale = invoice(ws, lupe, "1160.00", issued=MONDAY, due=date(2026, 11, 12), tax="0")
    other = invoice(ws, control, "500.00", issued=MONDAY, due=date(2026, 11, 12), tax="0")

    # Issue -> delivery: the PDF goes out through the outbox at once.
    sent = delivery.send_email(sale.id)
    assert sent.delivered
    [mail] = server.inbox.messages
    assert mail.rcpt_tos == ["lupe@example.com"]
    assert sale.number in mail.message["Subject"]
    assert [a.get_filename() for a in mail.message.iter_attachments()] == [
        f"factura-{sale.number}.pdf"
    ]
    assert delivery.send_email(sale.id).message.id == sent.message.id  # never twice
    assert len(server.inbox.messages) == 1
    assert receipts.get(sale.id).delivered

    # Day 1: too early to ask. Day 2: the agenda asks whether it arrived.
    clock.advance(days=1)
    assert "confirm_receipt" not in _stages(ws, lupe)
    clock.advance(days=1)
    [item] = [i for i in ws.agenda.agenda().items if i.customer_id == lupe]
    assert item.stage == "confirm_receipt" and item.invoice_ids == (sale.id,)
    assert "¿Recibió la factura" in item.reason and "¿Sus datos son correctos?" in item.reason

    # The customer answers "details wrong": logged, flagged, and asked only once.
    flagged = receipts.answer(sale.id, ReceiptAnswer.WRONG, "El RFC está mal")
    assert flagged.needs_correction and flagged.receipt_status == "wrong"
    [contact] = ws.contacts.timeline(lupe)
    assert contact.reason is NonPaymentReason.WRONG_INVOICE_DATA
    assert "El RFC está mal" in contact.notes
    received = receipts.answer(other.id, ReceiptAnswer.RECEIVED)
    assert received.receipt_status == "received" and not received.needs_correction
    clock.advance(days=1)  # Thursday 5: a week before the due date
    assert "confirm_receipt" not in _stages(ws, lupe)

    # The ladder is paused for this invoice; the control customer's ladder runs.
    assert _stages(ws, lupe) == []
    assert _stages(ws, control) == ["friendly_reminder"]
    clock.advance(days=1)
    assert _stages(ws, lupe) == []

    # Corrected: the ladder resumes where the calendar is.
    resumed = receipts.mark_corrected(sale.id, "RFC corregido, factura reenviada")
    assert not resumed.needs_correction
    assert _stages(ws, lupe) == ["friendly_reminder"]


def test_an_invoice_already_paid_is_not_asked_about(shop: tuple[Workspace, FixedClock]) -> None:
    from cobranza_desktop.services.receivables.payments import PaymentInput

    ws, clock = shop
    cid = ws.customers.create(CustomerData(name="Paga Luego", phone="55 1234 5678")).id
    paid = invoice(ws, cid, "300.00", issued=MONDAY, due=date(2026, 12, 2), tax="0")
    ws.payments.record(PaymentInput(cid, "300.00", MONDAY))
    clock.advance(days=2)
    assert _stages(ws, cid) == []
    with pytest.raises(ValidationError, match="datos están mal"):
        ReceiptService(ws.book, clock).answer(paid.id, ReceiptAnswer.WRONG, "")


def test_the_answer_after_asking_from_today_and_only_once(
    shop: tuple[Workspace, FixedClock],
) -> None:
    ws, clock = shop
    cid = ws.customers.create(CustomerData(name="Lupe", phone="55 1234 5678")).id
    sale = invoice(ws, cid, "300.00", issued=MONDAY, due=date(2026, 12, 2), tax="0")
    clock.advance(days=2)
    [item] = ws.agenda.agenda().items
    assert item.stage == "confirm_receipt"
    ws.agenda.complete(item, "no_answer")  # asked by WhatsApp from Today; no answer yet
    assert _stages(ws, cid) == []
    clock.advance(days=1)
    receipts = ReceiptService(ws.book, clock)
    assert receipts.answer(sale.id, ReceiptAnswer.RECEIVED).receipt_status == "received"
    with pytest.raises(ConflictError):
        receipts.answer(sale.id, ReceiptAnswer.WRONG, "Otra cosa")
    assert not receipts.get(sale.id).needs_correction


def test_an_announcement_counts_against_the_cap_of_the_agenda(
    shop: tuple[Workspace, FixedClock],
) -> None:
    from cobranza_desktop.domain.contact_policy import Channel
    from cobranza_desktop.services.messaging.announcements import (
        Announcement,
        AnnouncementService,
    )

    ws, clock = shop
    cid = ws.customers.create(CustomerData(name="Lupe", phone="55 1234 5678")).id
    invoice(ws, cid, "300.00", issued=date(2026, 9, 1), due=date(2026, 10, 1), tax="0")
    assert [i.customer_id for i in ws.agenda.agenda().items] == [cid]
    service = AnnouncementService(ws.book, clock, OutboxService(ws.book, clock))
    result = service.send(Announcement("Cierre", Channel.WHATSAPP, "Hola {{ contact_name }}"))
    assert [r.customer_id for r in result.links] == [cid]
    day = ws.agenda.agenda()
    assert day.items == () and [d.customer_id for d in day.deferred] == [cid]
