"""The outbox: messages are stored before they are sent, kept after, retried on failure.

Rules:

- :meth:`OutboxService.queue_email` writes the message (with its attachments and the
  invoices it is about) in one transaction. Its ``natural_key`` is unique, so
  queueing the same reminder twice returns the message already there instead of
  adding a second one. A recipient, name or subject with a line break or a control
  character is refused there.
- :meth:`OutboxService.send` claims the message (``pending``/``failed`` -> ``sending``)
  in its own transaction, talks to the SMTP server outside any transaction, then
  records ``sent`` with the time, or what the failure means (:data:`STATUS_AFTER`):
  ``failed`` (transient: retried automatically), ``rejected`` (the server refused
  it for good, or it cannot be sent as it is), ``uncertain`` (the server got the whole
  message but its answer was lost or late: it may have arrived). A sent message is
  never sent again, and only ``pending``/``failed`` are ever sent automatically.
- A message left ``sending`` by a crash may or may not have arrived: at start-up
  :meth:`OutboxService.retry_pending` marks it ``interrupted``. Rejected, uncertain
  and interrupted messages wait for a person (:meth:`OutboxService.retry`).
- One bad message never stops the others; a failure of the server or the account
  (connection, login) does stop a batch, since every message would fail the same way.
- The SMTP settings live in the settings table under :data:`SMTP_SETTINGS_KEY`; the
  password lives in the system keyring, never in the book.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from email.message import EmailMessage

from sqlalchemy import select, update

from cobranza_desktop.domain.access import Permission
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
    DeliveryFailure,
    PasswordGetter,
    Sender,
    SmtpSender,
    SmtpSettings,
    build_message,
    check_headers,
    keyring_password_getter,
    new_message_id,
    store_password,
    validate_address,
)
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.messaging import outbox_queries
from cobranza_desktop.services.messaging.delivery_contacts import log_when_sent, on_sent
from cobranza_desktop.services.messaging.outbox_views import (
    AUTO_RETRY,
    CANCELLED,
    FAILED,
    INTERRUPTED,
    MANUAL_RETRY,
    PENDING,
    REJECTED,
    SENDING,
    SENT,
    STATUS_AFTER,
    UNCERTAIN,
    DeliveryReport,
    EmailDraft,
    OutboxView,
    SendAttempt,
    smtp_settings_from,
    smtp_settings_to,
    unique_ids,
    view_of,
)
from cobranza_desktop.services.messaging.outbox_views import (
    NEEDS_PERSON as NEEDS_PERSON,  # re-exported: callers import the outbox from here
)
from cobranza_desktop.services.messaging.outbox_views import (
    natural_key_of as natural_key_of,
)
from cobranza_desktop.services.messaging.outbox_views import (
    status_label as status_label,
)
from cobranza_desktop.storage.concurrency import add_unless_duplicate
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models.messaging import (
    OutboxAttachment,
    OutboxMessage,
    OutboxMessageInvoice,
    OutboxStatus,
)

SMTP_SETTINGS_KEY = "smtp"

SenderFactory = Callable[[SmtpSettings], Sender]

# Fields of the sender's settings: a problem there is not the message's.
_SENDER_FIELDS = frozenset({"from_address", "from_name"})
# Longer than any SMTP delivery takes (connect and send time out well before).
SERVER_SENDING_GRACE = timedelta(minutes=15)


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
            require(session, Permission.SETTINGS)
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
        status: nothing is queued, hence sent, twice. Refused with a
        :class:`ValidationError`, nothing written: a bad address, an empty body, a
        line break or control character in the address, name or subject, an
        invoice that does not exist.
        """
        if not draft.natural_key.strip():
            raise ValidationError("natural_key", _("Falta la clave."))
        recipient = validate_address(draft.to, "to")
        if not draft.body.strip():
            raise ValidationError("body", _("El mensaje está vacío."))
        subject = " ".join(draft.subject.split())
        recipient_name = draft.to_name.strip()
        check_headers(draft.to, recipient_name, subject)
        invoice_ids = unique_ids(draft.invoice_ids)
        settings = self.smtp_settings()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            existing = outbox_queries.by_key(session, draft.natural_key)
            if existing is not None:
                return view_of(existing), False
            outbox_queries.check_invoices_exist(session, invoice_ids)
            row = OutboxMessage(
                natural_key=draft.natural_key,
                channel="email",
                customer_id=draft.customer_id,
                stage=draft.stage,
                recipient=recipient,
                recipient_name=recipient_name,
                subject=subject,
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
            for position, invoice_id in enumerate(invoice_ids):
                row.invoice_links.append(
                    OutboxMessageInvoice(invoice_id=invoice_id, position=position)
                )
            if not add_unless_duplicate(session, row):  # another program queued it first
                existing = outbox_queries.by_key(session, draft.natural_key)
                assert existing is not None
                return view_of(existing), False
            return view_of(row), True

    def find(self, natural_key: str) -> OutboxView | None:
        with self._book.session() as session:
            row = outbox_queries.by_key(session, natural_key)
            return None if row is None else view_of(row)

    # ---------------------------------------------------------------------- send

    def send(self, outbox_id: int, *, allowed: Sequence[str] = AUTO_RETRY) -> OutboxView:
        """Try to deliver one message now. Never raises for a delivery failure:
        the returned view has the status it left the message in, and the error."""
        return self._attempt(outbox_id, allowed).view

    def try_send(self, outbox_id: int) -> SendAttempt:
        """:meth:`send`, also saying whether the server or the account failed (then
        the next messages would fail the same way: a batch stops there)."""
        return self._attempt(outbox_id, AUTO_RETRY)

    def _attempt(self, outbox_id: int, allowed: Sequence[str]) -> SendAttempt:
        settings = self.smtp_settings()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.status not in allowed:
                return SendAttempt(view_of(row))  # sent, cancelled, or being sent: nothing to do
            now = self._clock.now()
            if settings is None:
                row.status = FAILED
                row.last_error = _("No hay servidor de correo configurado.")
                row.last_attempt_at = now
                return SendAttempt(view_of(row), account_failure=True)
            try:
                message = self._message_of(row, settings)
            except ValidationError as exc:
                if exc.field in _SENDER_FIELDS:  # the settings, not this message
                    row.status, row.last_error, row.last_attempt_at = FAILED, exc.message, now
                    return SendAttempt(view_of(row), account_failure=True)
                # This message cannot go as it is (e.g. a line break in a name stored
                # by an older version): it waits for a person, the others go on.
                row.status = REJECTED
                row.attempts += 1
                row.last_attempt_at = now
                row.last_error = _("No se puede enviar este mensaje: {message}").format(
                    message=exc.message
                )
                return SendAttempt(view_of(row))
            claimed = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, OutboxMessage.status.in_(list(allowed)))
                .values(status=SENDING, attempts=OutboxMessage.attempts + 1, last_attempt_at=now)
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                return SendAttempt(view_of(row))
        failure, error, account = self._deliver(settings, message)
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row = session.get(OutboxMessage, outbox_id)
            assert row is not None
            if failure is None:
                row.status = SENT
                row.sent_at = self._clock.now()
                row.last_error = ""
                on_sent(session, row, self._clock.now())  # the contact it waited to be
            else:
                row.status = STATUS_AFTER[failure]
                row.last_error = error
            return SendAttempt(view_of(row), account_failure=account)

    def _message_of(self, row: OutboxMessage, settings: SmtpSettings) -> EmailMessage:
        try:
            return build_message(
                settings,
                row.recipient,
                row.subject,
                row.body,
                [Attachment(a.filename, a.data, a.mimetype) for a in row.attachments],
                to_name=row.recipient_name,
                message_id=row.message_id,
                sent_on=self._clock.now(),
            )
        except (ValueError, TypeError) as exc:  # what the mail library refuses
            raise ValidationError("message", str(exc)) from exc

    def _deliver(
        self, settings: SmtpSettings, message: EmailMessage
    ) -> tuple[DeliveryFailure | None, str, bool]:
        """``(failure or None, error, account failure)``; never raises."""
        try:
            self._sender_factory(settings).send(message)
        except DeliveryError as exc:
            # A refused login or a missing password is about the account, not this
            # message: it stays "failed" (retried, once per batch, which stops there)
            # rather than "rejected", so that fixing the settings sends them all.
            kind = DeliveryFailure.TEMPORARY if exc.account else exc.kind
            return kind, exc.message, exc.account
        except CobranzaError as exc:  # e.g. the settings do not validate: the account
            return DeliveryFailure.TEMPORARY, exc.message, True
        except Exception as exc:  # a bug or an unexpected library error: keep it visible
            error = _("Error inesperado: {exc!r}").format(exc=exc)
            return DeliveryFailure.TEMPORARY, error, False
        return None, "", False

    def log_when_sent(
        self,
        outbox_id: int,
        action_keys: Sequence[str] = (),
        *,
        notes: str = "",
        override_reason: str = "",
    ) -> None:
        """A message not sent yet is not a contact: log it as one (and complete the agenda
        actions ``action_keys``) when it is sent. At once if it already was."""
        now = self._clock.now()
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.customer_id is None:
                return
            log_when_sent(
                session, row.id, row.customer_id, action_keys, notes, override_reason, now
            )
            if row.status == SENT:
                on_sent(session, row, now)

    def queue_and_send(self, draft: EmailDraft) -> OutboxView:
        view, _created = self.queue_email(draft)
        return self.send(view.id)

    def retry(self, outbox_id: int) -> OutboxView:
        """Retry by hand: also a message that waits for a person (interrupted,
        uncertain, rejected). Deciding to retry is the person's call."""
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
        """Mark messages left ``sending`` (a crash mid-delivery) as ``interrupted``.

        On a server another program may be sending right now: only a message left
        ``sending`` for longer than any delivery takes counts as interrupted there."""
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            query = select(OutboxMessage).where(OutboxMessage.status == SENDING)
            if not self._book.is_file:
                since = self._clock.now() - SERVER_SENDING_GRACE
                query = query.where(OutboxMessage.last_attempt_at < since)
            rows = session.scalars(query).all()
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

        Messages interrupted mid-delivery are marked and left for a person, like the
        uncertain and rejected ones. A message that fails alone does not stop the
        others; a failure of the server or the account does (the rest are
        ``postponed``, untouched, for the next time).
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
        by_status: dict[OutboxStatus, list[int]] = {}
        errors: dict[int, str] = {}
        postponed: tuple[int, ...] = ()
        account_error = ""
        for done, outbox_id in enumerate(ids):
            if cancelled is not None and cancelled():
                break
            attempt = self._attempt(outbox_id, AUTO_RETRY)
            view = attempt.view
            by_status.setdefault(view.status, []).append(outbox_id)
            if view.status != SENT and view.last_error:
                errors[outbox_id] = view.last_error
            if progress is not None:
                progress((done + 1) / len(ids))
            if attempt.account_failure and view.status != SENT:
                postponed = tuple(ids[done + 1 :])
                account_error = view.last_error
                break
        return DeliveryReport(
            sent=tuple(by_status.get(SENT, ())),
            failed=tuple(by_status.get(FAILED, ())),
            interrupted=interrupted,
            errors=errors,
            rejected=tuple(by_status.get(REJECTED, ())),
            uncertain=tuple(by_status.get(UNCERTAIN, ())),
            postponed=postponed,
            account_error=account_error,
        )

    def cancel(self, outbox_id: int, reason: str) -> OutboxView:
        """Give up on a message that was not sent. It stays, with the reason."""
        if not reason.strip():
            raise ValidationError("reason", _("Escriba el motivo."))
        with self._book.transaction() as session:
            require(session, Permission.COLLECT)
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            if row.status in (SENT, SENDING):
                raise ConflictError(_("Un mensaje enviado o en envío no se puede cancelar."))
            row.status = CANCELLED
            row.cancelled_at = self._clock.now()
            row.cancel_reason = reason.strip()
            return view_of(row)

    # ---------------------------------------------------------------------- read

    def get(self, outbox_id: int) -> OutboxView:
        with self._book.session() as session:
            row = session.get(OutboxMessage, outbox_id)
            if row is None:
                raise NotFoundError(_("Ese mensaje ya no existe."))
            return view_of(row)

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
            rows = outbox_queries.page(session, statuses, search, limit=limit, offset=offset)
            return [view_of(row) for row in rows]

    def count(self, statuses: Sequence[str] | None = None, search: str = "") -> int:
        with self._book.session() as session:
            return outbox_queries.count(session, statuses, search)

    def counts(self) -> dict[OutboxStatus, int]:
        with self._book.session() as session:
            return outbox_queries.status_counts(session)
