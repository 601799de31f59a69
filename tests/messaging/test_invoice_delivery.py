"""Sending an invoice: the PDF and the CFDI XML through the outbox, or a WhatsApp link."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.email import SmtpSettings
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.storage.models.imports import CfdiDocument, ImportBatch
from tests.factories import invoice
from tests.messaging.conftest import SmtpServer

XML = b'<?xml version="1.0" encoding="UTF-8"?><cfdi:Comprobante Total="1160.00"/>'


def _service(ws: Workspace, port: int) -> InvoiceDeliveryService:
    outbox = OutboxService(ws.book, ws.clock, password_getter=lambda: None)
    outbox.save_smtp_settings(
        SmtpSettings("127.0.0.1", port, "none", "", "facturas@taller.mx", timeout=3)
    )
    return InvoiceDeliveryService(ws.book, ws.clock, outbox, ws.documents)


def test_email_carries_the_pdf_and_the_cfdi_xml(
    ws: Workspace, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    cid = ws.customers.create(
        CustomerData(name="Lupe", phone="55 1234 5678", email="lupe@example.com")
    ).id
    sale = invoice(ws, cid, "1000.00", issued=date(2026, 11, 20), due=date(2026, 12, 20))
    xml = tmp_path / "factura.xml"
    xml.write_bytes(XML)
    with ws.book.transaction() as session:
        batch = ImportBatch(kind="cfdi", source=str(xml), created_at=datetime(2026, 11, 20))
        session.add(batch)
        session.flush()
        session.add(
            CfdiDocument(
                uuid="6F1B7C52-0000-4000-8000-000000000001",
                doc_type="I",
                source=str(xml),
                issued_on=date(2026, 11, 20),
                total_cents=116000,
                invoice_id=sale.id,
                batch_id=batch.id,
                created_at=datetime(2026, 11, 20),
            )
        )
    result = _service(ws, smtp_server.port).send_email(sale.id)
    assert result.delivered
    [mail] = smtp_server.inbox.messages
    parts = {a.get_filename(): a for a in mail.message.iter_attachments()}
    assert set(parts) == {f"factura-{sale.number}.pdf", f"factura-{sale.number}.xml"}
    assert parts[f"factura-{sale.number}.xml"].get_content_type() == "application/xml"
    assert parts[f"factura-{sale.number}.xml"].get_payload(decode=True) == XML
    body = mail.message.get_body(preferencelist=("plain",))
    assert body is not None and "$1,160.00" in body.get_content()
    assert ReceiptService(ws.book, ws.clock).get(sale.id).delivered


def test_a_failed_email_stays_in_the_outbox_and_is_not_delivered(ws: Workspace) -> None:
    cid = ws.customers.create(
        CustomerData(name="Lupe", phone="55 1234 5678", email="lupe@example.com")
    ).id
    sale = invoice(ws, cid, "1000.00", issued=date(2026, 11, 20), due=date(2026, 12, 20))
    from tests.messaging.conftest import free_port

    result = _service(ws, free_port()).send_email(sale.id)  # nobody listens there
    assert not result.delivered and result.message is not None
    assert result.message.last_error
    assert not ReceiptService(ws.book, ws.clock).get(sale.id).delivered


def test_whatsapp_link_with_amount_and_due_date(ws: Workspace) -> None:
    cid = ws.customers.create(CustomerData(name="Lupe", phone="55 1234 5678")).id
    sale = invoice(ws, cid, "1000.00", issued=date(2026, 11, 20), due=date(2026, 12, 20))
    service = InvoiceDeliveryService(
        ws.book, ws.clock, OutboxService(ws.book, ws.clock), ws.documents
    )
    with pytest.raises(ValidationError):
        service.send_email(sale.id)  # no email address: nothing queued
    result = service.whatsapp(sale.id)
    text = unquote(result.link)
    assert result.link.startswith("https://wa.me/525512345678")
    assert "$1,160.00" in text and "20/12/2026" in text and sale.number in text
    assert ReceiptService(ws.book, ws.clock).get(sale.id).delivered
