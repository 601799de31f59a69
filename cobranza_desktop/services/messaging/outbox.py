"""The outbox: messages are stored before they are sent, kept after, retried on failure.

Rules:

- :meth:`OutboxService.queue_email` writes the message (with its attachments) in one
  transaction. Its ``natural_key`` is unique, so queueing the same reminder twice
  returns the message already there instead of adding a second one.
- :meth:`OutboxService.send` claims the message (``pending``/``failed`` -> ``sending``)
  in its own transaction, talks to the SMTP server outside any transaction, then
  records ``sent`` with the time, or ``failed`` with the error. A sent message is
  never sent again.
- A message left ``sending`` by a crash may or may not have arrived: at start-up
  :meth:`OutboxService.retry_pending` marks it ``interrupted``, and only a person can
  retry it (:meth:`OutboxService.retry`).
- The SMTP settings live in the settings table under :data:`SMTP_SETTINGS_KEY`; the
  password lives in the system keyring, never in the book.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import (
    CobranzaError,
    ConflictError,
    NotFoundError,
    ValidationError,
)
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.messaging.email import (
    Attachment,
    DeliveryError,
    PasswordGetter,
    Sender,
    SmtpSender,
    SmtpSettings,
    build_message,
    keyring_password_getter,
    new_message_id,
    store_password,
    validate_address,
)
from cobranza_desktop.services.book.settings import read_setting, write_setting
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.messaging import OutboxAttachment, OutboxMessage

SMTP_SETTINGS_KEY = "smtp"

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
INTERRUPTED = "interrupted"
CANCELLED = "cancelled"

# What the automatic retry picks up; a person may also retry an interrupted message.
AUTO_RETRY = (PENDING, FAILED)
MANUAL_RETRY = (PENDING, FAILED, INTERRUPTED)

SenderFactory = Callable[[SmtpSettings], Sender]


@dataclass(frozen=True)
class EmailDraft:
    """A message to queue. ``natural_key`` says what it is, e.g. the agenda action."""

    natural_key: str
    to: str
    subject: str
    body: str
    to_name: str = ""
    attachments: Sequence[Attachment] = ()
    customer_id: int | None = None
    stage: str = ""
    invoice_ids: Sequence[int] = ()


@dataclass(frozen=True)
class OutboxView:
    id: int
    natural_key: str
    channel: str
    customer_id: int | None
    stage: str
    invoice_ids: tuple[int, ...]
    recipient: str
    recipient_name: str
    subject: str
    body: str
    status: str
    attempts: int
    last_error: str
    created_at: datetime
    last_attempt_at: datetime | None
    sent_at: datetime | None
    attachment_names: tuple[str, ...]

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class DeliveryReport:
    sent: tuple[int, ...] = ()
    failed: tuple[int, ...] = ()
    interrupted: tuple[int, ...] = ()
    errors: dict[int, str] = field(default_factory=dict)


def status_label(status: str) -> str:
    labels = {
        PENDING: _("Pendiente"),
        SENDING: _("Enviando"),
        SENT: _("Enviado"),
        FAILED: _("Falló"),
        INTERRUPTED: _("Interrumpido"),
        CANCELLED: _("Cancelado"),
    }
    return labels.get(status, status)


def natural_key_of(*parts: object) -> str:
    """A natural key from its parts; long keys are shortened with a hash."""
    key = "|".join(str(p) for p in parts)
    if len(key) <= 250:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"{key[:180]}…#{digest}"


def _view(row: OutboxMessage) -> OutboxView:
    return OutboxView(
        id=row.id,
        natural_key=row.natural_key,
        channel=row.channel,
        customer_id=row.customer_id,
        stage=row.stage,
        invoice_ids=tuple(int(x) for x in row.invoice_ids.split(",") if x),
        recipient=row.recipient,
        recipient_name=row.recipient_name,
        subject=row.subject,
        body=row.body,
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at,
        last_attempt_at=row.last_attempt_at,
        sent_at=row.sent_at,
        attachment_names=tuple(a.filename for a in row.attachments),
    )


def smtp_settings_from(value: object) -> SmtpSettings | None:
    if not isinstance(value, dict) or not value.get("host"):
        return None
    return SmtpSettings(
        host=str(value.get("host", "")),
        port=int(value.get("port", 587)),
        security=str(value.get("security", "starttls")),
        username=str(value.get("username", "")),
        from_address=str(value.get("from_address", "")),
        from_name=str(value.get("from_name", "")),
        timeout=int(value.get("timeout", 20)),
    )


def smtp_settings_to(settings: SmtpSettings) -> dict[str, object]:
    return {
        "host": settings.host.strip(),
        "port": settings.port,
        "security": settings.security,
        "username": settings.username.strip(),
        "from_address": settings.from_address.strip(),
        "from_name": settings.from_name.strip(),
        "timeout": settings.timeout,
    }


class OutboxService:
    """Queue, send, retry and list outgoing messages.

    ``sender_factory`` builds the channel for given SMTP settings (default: an
    :class:`SmtpSender` whose password comes from ``password_getter``, by default the
    system keyring). Tests inject a getter so that no keyring is needed.
    """

    def __init__(
        self,
        book: Book,
        clock: Clock,
        *,
        sender_factory: SenderFactory | None = None,
        password_getter: PasswordGetter | None = None,
        password_store: Callable[[SmtpSettings, str], None] | None = None,
    ) -> None:
        self._book = book
        self._clock = clock
        self._password_getter = password_getter
        self._password_store = password_store or store_password
        self._sender_factory = sender_factory or self._smtp_sender

    def _smtp_sender(self, settings: SmtpSettings) -> Sender:
        getter = self._password_getter or keyring_password_getter(settings)
        return SmtpSender(settings, getter)

    # ------------------------------------------------------------------ settings

    def smtp_settings(self) -> SmtpSettings | None:
        with self._book.session() as session:
            return smtp_settings_from(read_setting(session, SMTP_SETTINGS_KEY))

    def save_smtp_settings(self, settings: SmtpSettings, password: str | None = None) -> None:
        """Validate and store the settings; a given password goes to the keyring only."""
        settings.validate()
        with self._book.transaction() as session:
            write_setting(session, SMTP_SETTINGS_KEY, smtp_settings_to(settings))
        if password is not None:
            self._password_store(settings, password)

    def test_connection(
        self, settings: SmtpSettings | None = None, password: str | None = None
    ) -> str:
        """Connect and log in with ``settings`` (default: the saved ones).

        ``password``, when given, is used instead of the stored one (a form being
        filled in); it is not saved.
        """
        chosen = settings or self._require_settings()
        if password:
            return SmtpSender(chosen, lambda: password).test_connection()
        sender = self._sender_factory(chosen)
        if not isinstance(sender, SmtpSender):
            return _("Canal de prueba: sin conexión real.")
        return sender.test_connection()

    def _require_settings(self) -> SmtpSettings:
        settings = self.smtp_settings()
        if settings is None:
            raise ValidationError(
                "smtp",
                _("Configure el servidor de correo (SMTP) en Configuración."),
            )
        return settings

    # --------------------------------------------------------------------- queue

    def queue_email(self, draft: EmailDraft) -> tuple[OutboxView, bool]:
        """Store a message before sending it. Returns ``(message, created)``.

        The same ``natural_key`` gives back the message already stored, whatever its
        status: nothing is queued, hence sent, twice.
        """
        if not draft.natural_key.strip():
            raise ValidationError("natural_key", _("Falta la clave."))
        recipient = validate_address(draft.to, "to")
        if not draft.body.strip():
            raise ValidationError("body", _("El mensaje está vacío."))
        settings = self.smtp_settings()
        with self._book.transaction() as session:
            existing = self._by_key(session, draft.natural_key)
            if existing is not None:
                return _view(existing), False
            row = OutboxMessage(
                natural_key=draft.natural_key,
                channel="email",
                customer_id=draft.customer_id,
                stage=draft.stage,
                invoice_ids=",".join(str(i) for i in draft.invoice_ids),
                recipient=recipient,
                recipient_name=draft.to_name.strip(),
                subject=" ".join(draft.subject.split()),
                body=draft.body,
                message_id=new_message_id(
                    settings.from_address if settings else "cobranza@localhost.localdomain"
                ),
                status=PENDING,
                attempts=0,
                last_error="",
                created_at=self._clock.now(),
                cancel_reason="",
            )
            for position, item in enumerate(draft.attachments):
                row.attachments.append(
                    OutboxAttachment(
                        position=position,
                        filename=item.filename,
                        mimetype=item.mimetype,
                        data=item.data,
                    )
                )
            session.add(row)
            session.flush()
            return _view(row), True

    @staticmethod
    def _by_key(session: Session, natural_key: str) -> OutboxMessage | None:
        return session.scalars(
            select(OutboxMessage).where(OutboxMessage.natural_key == natural_key)
        ).first()

    def find(self, natural_key: str) -> OutboxView | None:
        with self._book.session() as session:
            row = self._by_key(session, natural_key)
            return None if row is None else _view(row)

    # ---------------------------------------------------------------------- send

    def send(self, outbox_id: int, *, allowed: Sequence[str] = AUTO_RETRY) -> OutboxView:
        """Try to deliver one message now. Never raises for a delivery failure:
        the returned view has status ``failed`` and the error."""
        settings = self.smtp_settings()
        with self._book.transaction() as session:
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.status not in allowed:
                return _view(row)  # sent, cancelled, or being sent: nothing to do
            if settings is None:
                row.status = FAILED
                row.last_error = _("No hay servidor de correo configurado.")
                row.last_attempt_at = self._clock.now()
                return _view(row)
            claimed = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, OutboxMessage.status.in_(allowed))
                .values(
                    status=SENDING,
                    attempts=OutboxMessage.attempts + 1,
                    last_attempt_at=self._clock.now(),
                )
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                return _view(row)
            session.refresh(row)
            message = build_message(
                settings,
                row.recipient,
                row.subject,
                row.body,
                [Attachment(a.filename, a.data, a.mimetype) for a in row.attachments],
                to_name=row.recipient_name,
                message_id=row.message_id,
                sent_on=self._clock.now(),
            )
        error: str | None = None
        try:
            self._sender_factory(settings).send(message)
        except (DeliveryError, ValidationError) as exc:
            error = exc.message
        except CobranzaError as exc:
            error = exc.message
        except Exception as exc:  # a bug or an unexpected library error: keep it visible
            error = _("Error inesperado: {exc!r}").format(exc=exc)
        with self._book.transaction() as session:
            row = session.get(OutboxMessage, outbox_id)
            assert row is not None
            if error is None:
                row.status = SENT
                row.sent_at = self._clock.now()
                row.last_error = ""
            else:
                row.status = FAILED
                row.last_error = error
            return _view(row)

    def queue_and_send(self, draft: EmailDraft) -> OutboxView:
        view, _created = self.queue_email(draft)
        return self.send(view.id)

    def retry(self, outbox_id: int) -> OutboxView:
        """Retry by hand: also a message interrupted mid-delivery."""
        with self._book.session() as session:
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.status == SENT:
                raise ConflictError(_("Ese mensaje ya se envió."))
            if row.status == CANCELLED:
                raise ConflictError(_("Ese mensaje está cancelado."))
        return self.send(outbox_id, allowed=MANUAL_RETRY)

    def recover_interrupted(self) -> tuple[int, ...]:
        """Mark messages left ``sending`` (a crash mid-delivery) as ``interrupted``."""
        with self._book.transaction() as session:
            rows = session.scalars(
                select(OutboxMessage).where(OutboxMessage.status == SENDING)
            ).all()
            for row in rows:
                row.status = INTERRUPTED
                row.last_error = _(
                    "El envío se interrumpió: verifique si llegó antes de reintentarlo."
                )
            return tuple(row.id for row in rows)

    def retry_pending(
        self,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> DeliveryReport:
        """Send every pending or failed message, oldest first. Call it at start-up.

        Messages interrupted mid-delivery are marked and left for a person.
        """
        interrupted = self.recover_interrupted()
        with self._book.session() as session:
            ids = list(
                session.scalars(
                    select(OutboxMessage.id)
                    .where(OutboxMessage.status.in_(AUTO_RETRY))
                    .order_by(OutboxMessage.created_at, OutboxMessage.id)
                )
            )
        sent: list[int] = []
        failed: list[int] = []
        errors: dict[int, str] = {}
        for done, outbox_id in enumerate(ids):
            if cancelled is not None and cancelled():
                break
            view = self.send(outbox_id)
            if view.status == SENT:
                sent.append(outbox_id)
            elif view.status == FAILED:
                failed.append(outbox_id)
                errors[outbox_id] = view.last_error
            if progress is not None:
                progress((done + 1) / len(ids))
        return DeliveryReport(tuple(sent), tuple(failed), interrupted, errors)

    def cancel(self, outbox_id: int, reason: str) -> OutboxView:
        """Give up on a message that was not sent. It stays, with the reason."""
        if not reason.strip():
            raise ValidationError("reason", _("Escriba el motivo."))
        with self._book.transaction() as session:
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.status in (SENT, SENDING):
                raise ConflictError(_("Un mensaje enviado o en envío no se puede cancelar."))
            row.status = CANCELLED
            row.cancelled_at = self._clock.now()
            row.cancel_reason = reason.strip()
            return _view(row)

    # ---------------------------------------------------------------------- read

    def get(self, outbox_id: int) -> OutboxView:
        with self._book.session() as session:
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            return _view(row)

    @staticmethod
    def _filtered(statuses: Sequence[str] | None, search: str) -> list[object]:
        conditions: list[object] = []
        if statuses:
            conditions.append(OutboxMessage.status.in_(list(statuses)))
        text = search.strip()
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(
                or_(
                    OutboxMessage.recipient.ilike(pattern, escape="\\"),
                    OutboxMessage.recipient_name.ilike(pattern, escape="\\"),
                    OutboxMessage.subject.ilike(pattern, escape="\\"),
                    OutboxMessage.last_error.ilike(pattern, escape="\\"),
                )
            )
        return conditions

    def list(
        self,
        statuses: Sequence[str] | None = None,
        search: str = "",
        *,
        limit: int = 200,
        offset: int = 0,
    ) -> list[OutboxView]:
        """Messages, newest first, filtered in SQL by status and a search text."""
        with self._book.session() as session:
            query = (
                select(OutboxMessage)
                .where(*self._filtered(statuses, search))  # type: ignore[arg-type]
                .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
                .limit(limit)
                .offset(offset)
            )
            return [_view(row) for row in session.scalars(query)]

    def count(self, statuses: Sequence[str] | None = None, search: str = "") -> int:
        with self._book.session() as session:
            query = (
                select(func.count())
                .select_from(OutboxMessage)
                .where(*self._filtered(statuses, search))  # type: ignore[arg-type]
            )
            return int(session.scalar(query) or 0)

    def counts(self) -> dict[str, int]:
        with self._book.session() as session:
            rows = session.execute(
                select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
            ).all()
            return {str(status): int(n) for status, n in rows}
