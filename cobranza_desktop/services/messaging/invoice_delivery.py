"""Sending an invoice to the customer: at issue, or later from the invoice list.

By email through the outbox (the PDF, plus the CFDI XML when the invoice has one on
disk), or by WhatsApp (a click-to-chat link with the amount and the due date). The
invoice records when and how it was delivered; the invoice list shows it. The seed text
asks to deliver the invoice at once, to take away the excuse "the invoice never came".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.errors import NotFoundError, ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.messaging.email import Attachment
from cobranza_desktop.messaging.whatsapp import whatsapp_link
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxService, OutboxView
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.storage.models.imports import CfdiDocument
from cobranza_desktop.storage.models.messaging import OutboxStatus


@dataclass(frozen=True)
class DeliveryDraft:
    """What would be sent: to whom, the text, and the attachments' names."""

    invoice_id: int
    number: str
    customer_id: int
    customer_name: str
    email: str
    phone: str
    subject: str
    body: str
    whatsapp_text: str
    attachment_names: tuple[str, ...]


@dataclass(frozen=True)
class DeliveryResult:
    invoice_id: int
    channel: Channel
    delivered: bool
    message: OutboxView | None = None
    link: str = ""


def delivery_key(invoice_id: int) -> str:
    """One delivery email per invoice: sending it again returns the one in the outbox."""
    return f"invoice-delivery:{invoice_id}"


class InvoiceDeliveryService:
    def __init__(
        self, book: Book, clock: Clock, outbox: OutboxService, documents: DocumentService
    ) -> None:
        self._book = book
        self._clock = clock
        self._outbox = outbox
        self._documents = documents

    def draft(self, invoice_id: int) -> DeliveryDraft:
        with self._book.session() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None or invoice.lifecycle != "issued":
                raise NotFoundError(
                    _("No existe la factura emitida {invoice_id}.").format(invoice_id=invoice_id)
                )
            customer = invoice.customer
            business = load_profile(session).name or _("su proveedor")
            number = invoice_number(invoice.series, invoice.folio, invoice.external_number)
            amount = format_money(from_cents(invoice.total_cents))
            due = format_date(invoice.due_date)
            xml = self._xml_path(session, invoice.id)
        names = [f"factura-{number}.pdf"] + ([f"factura-{number}.xml"] if xml else [])
        contact = customer.contact_name or customer.name
        body = _(
            "Estimado(a) {contact}:\n\nLe enviamos su factura {number} por {amount}, con "
            "vencimiento el {due}. La encontrará adjunta.\n\nSi algún dato no es correcto, "
            "responda a este correo y la corregimos de inmediato.\n\nGracias por su "
            "preferencia.\n\n{business}"
        ).format(contact=contact, number=number, amount=amount, due=due, business=business)
        text = _(
            "Hola, {contact}. {business} le envía su factura {number} por {amount}, con "
            "vencimiento el {due}. Si algún dato no es correcto, díganos y la corregimos."
        ).format(contact=contact, number=number, amount=amount, due=due, business=business)
        return DeliveryDraft(
            invoice_id=invoice_id,
            number=number,
            customer_id=customer.id,
            customer_name=customer.name,
            email=customer.email,
            phone=customer.whatsapp or customer.phone,
            subject=_("Factura {number} — {business}").format(number=number, business=business),
            body=body,
            whatsapp_text=text,
            attachment_names=tuple(names),
        )

    @staticmethod
    def _xml_path(session: Session, invoice_id: int) -> Path | None:
        source = session.scalar(
            select(CfdiDocument.source).where(CfdiDocument.invoice_id == invoice_id)
        )
        if not source:
            return None
        path = Path(str(source))
        return path if path.suffix.lower() == ".xml" and path.is_file() else None

    def send_email(self, invoice_id: int) -> DeliveryResult:
        """Queue the invoice email in the outbox and try to send it now.

        Without an email address nothing is queued. A message that fails stays in the
        outbox with its error (and is retried); the invoice counts as delivered once sent.
        """
        draft = self.draft(invoice_id)
        if not draft.email:
            raise ValidationError(
                "email", _("El cliente no tiene correo: envíela por WhatsApp o imprímala.")
            )
        attachments = [
            Attachment(draft.attachment_names[0], self._documents.invoice_pdf_by_id(invoice_id))
        ]
        with self._book.session() as session:
            xml = self._xml_path(session, invoice_id)
        if xml is not None:
            attachments.append(
                Attachment(draft.attachment_names[1], xml.read_bytes(), "application/xml")
            )
        message = self._outbox.queue_and_send(
            EmailDraft(
                natural_key=delivery_key(invoice_id),
                to=draft.email,
                to_name=draft.customer_name,
                subject=draft.subject,
                body=draft.body,
                attachments=attachments,
                customer_id=draft.customer_id,
                stage="invoice_delivery",
                invoice_ids=(invoice_id,),
            )
        )
        delivered = message.status is OutboxStatus.SENT
        self._record(invoice_id, Channel.EMAIL, delivered)
        return DeliveryResult(invoice_id, Channel.EMAIL, delivered, message=message)

    def whatsapp(self, invoice_id: int) -> DeliveryResult:
        """The WhatsApp link; the invoice counts as delivered when the link is opened."""
        draft = self.draft(invoice_id)
        if not draft.phone:
            raise ValidationError("phone", _("El cliente no tiene teléfono ni WhatsApp."))
        link = whatsapp_link(draft.phone, draft.whatsapp_text)
        self._record(invoice_id, Channel.WHATSAPP, True)
        return DeliveryResult(invoice_id, Channel.WHATSAPP, True, link=link)

    def _record(self, invoice_id: int, channel: Channel, delivered: bool) -> None:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:  # pragma: no cover - checked by draft()
                return
            invoice.delivery_channel = channel.value
            if delivered and invoice.delivered_at is None:
                invoice.delivered_at = self._clock.now()
