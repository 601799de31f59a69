"""Announcements: one message to a filtered set of customers («comunicados»).

The seed text asks to keep a channel open with "mensajes, comunicados y recordatorios"
sent periodically, never so often that customers feel harassed. So an announcement:

- goes to all customers, those with a balance, those with a subscription, one status,
  or one risk rating;
- is written with the template engine and its merge fields (``due_date`` is the
  customer's next due date, when there is one);
- counts against each customer's contact cap and the quiet hours: whoever the policy
  leaves out (or who has no address for the channel) is listed with the reason, never
  silently skipped;
- is previewed first (how many, and three rendered samples);
- goes by email through the outbox (one natural key per announcement and customer, so
  sending it again sends nothing twice), or as WhatsApp links to go through one by one;
- is logged in each recipient's timeline as a contact once it went out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import N_, _, current_language
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.risk import Rating, assess
from cobranza_desktop.messaging.message_data import (
    InvoiceLine,
    MessageData,
    PaymentData,
    build_variables,
)
from cobranza_desktop.messaging.rendering import check_template, render_text
from cobranza_desktop.messaging.template_store import TemplateLibrary
from cobranza_desktop.messaging.whatsapp import whatsapp_link
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import histories, load_policy
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.settings import read_setting
from cobranza_desktop.services.collections.contacts import (
    ContactInput,
    contact_days_around,
    log_contact,
)
from cobranza_desktop.services.messaging.outbox import EmailDraft, OutboxService, OutboxView
from cobranza_desktop.services.messaging.reminders import TEMPLATE_OVERRIDES_KEY
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer, Invoice
from cobranza_desktop.storage.models.messaging import OutboxStatus
from cobranza_desktop.storage.models.subscriptions import Subscription
from cobranza_desktop.storage.queries.balances import customer_balances
from cobranza_desktop.storage.queries.predicates import open_invoice

SAMPLES = 3
MAX_TITLE = 120


class Audience(StrEnum):
    ALL = "all"
    WITH_BALANCE = "with_balance"
    WITH_SUBSCRIPTION = "with_subscription"
    STATUS = "status"
    RISK = "risk"

    def label(self) -> str:
        return _(_AUDIENCE_LABELS[self])


_AUDIENCE_LABELS = {
    Audience.ALL: N_("Todos los clientes"),
    Audience.WITH_BALANCE: N_("Clientes con saldo"),
    Audience.WITH_SUBSCRIPTION: N_("Clientes con suscripción"),
    Audience.STATUS: N_("Clientes en un estado"),
    Audience.RISK: N_("Clientes con una calificación de riesgo"),
}


@dataclass(frozen=True)
class Announcement:
    title: str
    channel: Channel  # EMAIL or WHATSAPP
    body: str  # template text with merge fields
    subject: str = ""  # template text (email)
    audience: Audience = Audience.ALL
    status: CustomerStatus | None = None  # with Audience.STATUS
    rating: Rating | None = None  # with Audience.RISK

    def key(self) -> str:
        digest = hashlib.sha256(f"{self.title}\n{self.subject}\n{self.body}".encode()).hexdigest()
        return digest[:12]


@dataclass(frozen=True)
class RenderedAnnouncement:
    customer_id: int
    customer_name: str
    address: str  # the email or the phone
    subject: str
    body: str
    link: str = ""  # WhatsApp


@dataclass(frozen=True)
class LeftOut:
    customer_id: int
    customer_name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AnnouncementPreview:
    recipients: tuple[RenderedAnnouncement, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def count(self) -> int:
        return len(self.recipients)

    @property
    def samples(self) -> tuple[RenderedAnnouncement, ...]:
        return self.recipients[:SAMPLES]


@dataclass(frozen=True)
class AnnouncementResult:
    sent: tuple[RenderedAnnouncement, ...]
    links: tuple[RenderedAnnouncement, ...]  # WhatsApp: to open one by one
    failed: tuple[tuple[RenderedAnnouncement, str], ...]
    left_out: tuple[LeftOut, ...]
    messages: tuple[OutboxView, ...] = field(default=())


def _check(announcement: Announcement) -> None:
    if not announcement.title.strip() or len(announcement.title) > MAX_TITLE:
        raise ValidationError(
            "title", _("Escriba un título de hasta {max} caracteres.").format(max=MAX_TITLE)
        )
    if announcement.channel not in (Channel.EMAIL, Channel.WHATSAPP):
        raise ValidationError("channel", _("Los comunicados van por correo o por WhatsApp."))
    if not announcement.body.strip():
        raise ValidationError("body", _("El mensaje está vacío."))
    if announcement.channel is Channel.EMAIL and not announcement.subject.strip():
        raise ValidationError("subject", _("Escriba el asunto del correo."))
    # An unknown field is refused even when nobody would receive the message today.
    check_template(announcement.body, "body")
    if announcement.channel is Channel.EMAIL:
        check_template(announcement.subject, "email_subject")
    if announcement.audience is Audience.STATUS and announcement.status is None:
        raise ValidationError("status", _("Elija el estado de los clientes."))
    if announcement.audience is Audience.RISK and announcement.rating is None:
        raise ValidationError("rating", _("Elija la calificación de riesgo."))


def audience_ids(session: Session, announcement: Announcement, today: date) -> list[int]:
    """The customers the announcement is for, by name."""
    query = select(Customer.id).order_by(Customer.name_key, Customer.id)
    if announcement.audience is Audience.STATUS and announcement.status is not None:
        query = query.where(Customer.status == announcement.status.value)
    if announcement.audience is Audience.WITH_SUBSCRIPTION:
        query = query.where(
            Customer.id.in_(select(Subscription.customer_id).where(Subscription.status == "active"))
        )
    ids = list(session.scalars(query))
    if announcement.audience is Audience.WITH_BALANCE:
        balances = customer_balances(session, ids, today)
        ids = [cid for cid in ids if balances[cid].open_cents > balances[cid].credit_cents]
    if announcement.audience is Audience.RISK and announcement.rating is not None:
        found = histories(session, ids, today)
        ids = [
            cid
            for cid in ids
            if assess(
                found[cid].records, found[cid].broken_promises, found[cid].disputes, today
            ).rating
            is announcement.rating
        ]
    return ids


def _open_lines(session: Session, customer_id: int) -> list[InvoiceLine]:
    rows = session.execute(
        select(Invoice)
        .where(Invoice.customer_id == customer_id, open_invoice())
        .order_by(Invoice.due_date, Invoice.id)
    ).scalars()
    return [
        InvoiceLine(
            invoice_number(i.series, i.folio, i.external_number),
            i.issue_date,
            i.due_date,
            from_cents(i.total_cents),
            from_cents(i.total_cents - i.paid_cents),
        )
        for i in rows
    ]


class AnnouncementService:
    def __init__(self, book: Book, clock: Clock, outbox: OutboxService) -> None:
        self._book = book
        self._clock = clock
        self._outbox = outbox

    def default_texts(self, channel: Channel) -> tuple[str, str]:
        """(subject, body) to start from: the «announcement» template, edited or not."""
        language = current_language()
        with self._book.session() as session:
            library = TemplateLibrary(
                overrides=read_setting(session, TEMPLATE_OVERRIDES_KEY, {}) or {}
            )
        body_part = "email_body" if channel is Channel.EMAIL else "whatsapp"
        subject = (
            library.source(language, "announcement", "email_subject").strip()
            if channel is Channel.EMAIL
            else ""
        )
        return subject, library.source(language, "announcement", body_part).strip()

    def preview(self, announcement: Announcement) -> AnnouncementPreview:
        """Who gets it (rendered), and who is left out and why. Writes nothing."""
        _check(announcement)
        now = self._clock.now()
        today = now.date()
        language = current_language()
        recipients: list[RenderedAnnouncement] = []
        left: list[LeftOut] = []
        with self._book.session() as session:
            profile = load_profile(session)
            policy = load_policy(session)
            for cid in audience_ids(session, announcement, today):
                customer = session.get(Customer, cid)
                assert customer is not None
                reasons = [
                    v.label()
                    for v in policy.violations(now, contact_days_around(session, cid, today))
                ]
                if announcement.channel is Channel.EMAIL:
                    address = customer.email
                    if not address:
                        reasons.append(_("No tiene correo"))
                else:
                    address = customer.whatsapp or customer.phone
                    if not address:
                        reasons.append(_("No tiene teléfono ni WhatsApp"))
                if announcement.channel is Channel.EMAIL and self._outbox.find(
                    self._natural_key(announcement, cid)
                ):
                    reasons.append(_("Ya recibió este comunicado hoy"))
                if reasons:
                    left.append(LeftOut(cid, customer.name, tuple(reasons)))
                    continue
                data = MessageData(
                    business_name=profile.name,
                    business_phone=display_phone(profile.phone) if profile.phone else "",
                    business_email=profile.email,
                    customer_name=customer.name,
                    contact_name=customer.contact_name,
                    today=today,
                    invoices=_open_lines(session, cid),
                    currency=profile.currency,
                    payment=PaymentData(profile.bank_name, profile.clabe, profile.name),
                )
                variables = build_variables(data, language)
                body = render_text(announcement.body, variables, "body")
                subject = ""
                if announcement.channel is Channel.EMAIL:
                    subject = " ".join(
                        render_text(announcement.subject, variables, "email_subject").split()
                    )
                link = (
                    whatsapp_link(address, body) if announcement.channel is Channel.WHATSAPP else ""
                )
                recipients.append(
                    RenderedAnnouncement(cid, customer.name, address, subject, body, link)
                )
        return AnnouncementPreview(tuple(recipients), tuple(left))

    def send(self, announcement: Announcement) -> AnnouncementResult:
        """Send (email) or prepare (WhatsApp) the announcement for everyone the policy allows.

        Each recipient is logged as a contact once the message went out (email sent, or
        WhatsApp link prepared), which is what the cap counts next time.
        """
        with self._book.session() as session:
            require(session, Permission.COLLECT)  # refused before any message goes out
        preview = self.preview(announcement)
        sent: list[RenderedAnnouncement] = []
        failed: list[tuple[RenderedAnnouncement, str]] = []
        messages: list[OutboxView] = []
        for rec in preview.recipients:
            if announcement.channel is Channel.WHATSAPP:
                self._log(rec, announcement, Channel.WHATSAPP)
                continue
            view = self._outbox.queue_and_send(
                EmailDraft(
                    natural_key=self._natural_key(announcement, rec.customer_id),
                    to=rec.address,
                    to_name=rec.customer_name,
                    subject=rec.subject,
                    body=rec.body,
                    customer_id=rec.customer_id,
                    stage="announcement",
                )
            )
            messages.append(view)
            if view.status is OutboxStatus.SENT:
                sent.append(rec)
                self._log(rec, announcement, Channel.EMAIL)
            else:
                failed.append((rec, view.last_error or view.status.value))
        links = preview.recipients if announcement.channel is Channel.WHATSAPP else ()
        return AnnouncementResult(
            tuple(sent), tuple(links), tuple(failed), preview.left_out, tuple(messages)
        )

    def _natural_key(self, announcement: Announcement, customer_id: int) -> str:
        day = self._clock.today().isoformat()
        return f"announcement:{announcement.key()}:{day}:{customer_id}"

    def _log(self, rec: RenderedAnnouncement, announcement: Announcement, channel: Channel) -> None:
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            log_contact(
                session,
                ContactInput(
                    customer_id=rec.customer_id,
                    channel=channel,
                    outcome=Outcome.CONTACTED,
                    notes=_("Comunicado: {title}").format(title=announcement.title.strip()),
                ),
                self._clock.now(),
            )
