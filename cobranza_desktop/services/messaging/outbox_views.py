"""What the outbox hands out: drafts in, frozen views and reports out, status labels,
natural keys, and the SMTP settings as stored in the settings table."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.messaging.email import Attachment, DeliveryFailure, SmtpSettings
from cobranza_desktop.storage.models.messaging import OutboxMessage, OutboxStatus

PENDING = OutboxStatus.PENDING
SENDING = OutboxStatus.SENDING
SENT = OutboxStatus.SENT
FAILED = OutboxStatus.FAILED
REJECTED = OutboxStatus.REJECTED
INTERRUPTED = OutboxStatus.INTERRUPTED
UNCERTAIN = OutboxStatus.UNCERTAIN
CANCELLED = OutboxStatus.CANCELLED

# What the automatic retry picks up; a person may also retry the ones that wait for them.
AUTO_RETRY: tuple[OutboxStatus, ...] = (PENDING, FAILED)
# Waiting for a person: it may have arrived (interrupted, uncertain), or the server
# refused it for good (rejected). Retrying them is a decision, never automatic.
NEEDS_PERSON: tuple[OutboxStatus, ...] = (REJECTED, INTERRUPTED, UNCERTAIN)
MANUAL_RETRY: tuple[OutboxStatus, ...] = (*AUTO_RETRY, *NEEDS_PERSON)

# How a failed delivery leaves the message.
STATUS_AFTER: dict[DeliveryFailure, OutboxStatus] = {
    DeliveryFailure.TEMPORARY: FAILED,
    DeliveryFailure.PERMANENT: REJECTED,
    DeliveryFailure.UNCERTAIN: UNCERTAIN,
}


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
    status: OutboxStatus
    attempts: int
    last_error: str
    created_at: datetime
    last_attempt_at: datetime | None
    sent_at: datetime | None
    attachment_names: tuple[str, ...]

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def needs_person(self) -> bool:
        """It is not retried automatically: someone has to look at it."""
        return self.status in NEEDS_PERSON


@dataclass(frozen=True)
class DeliveryReport:
    sent: tuple[int, ...] = ()
    failed: tuple[int, ...] = ()  # not sent now: retried automatically later
    interrupted: tuple[int, ...] = ()
    errors: dict[int, str] = field(default_factory=dict)
    rejected: tuple[int, ...] = ()  # refused for good: wait for a person
    uncertain: tuple[int, ...] = ()  # may have arrived: wait for a person
    # Not tried this time: the server or the account failed first (``account_error``).
    postponed: tuple[int, ...] = ()
    account_error: str = ""  # why the batch stopped, when it did


@dataclass(frozen=True)
class SendAttempt:
    view: OutboxView
    # The server or the account failed, not this message: the next ones would too.
    account_failure: bool = False


def unique_ids(ids: Sequence[int]) -> list[int]:
    """The ids in the order given, each once."""
    return list(dict.fromkeys(int(i) for i in ids))


def status_label(status: str) -> str:
    labels: dict[str, str] = {
        PENDING: _("Pendiente"),
        SENDING: _("Enviando"),
        SENT: _("Enviado"),
        FAILED: _("Falló (se reintentará)"),
        REJECTED: _("Rechazado por el servidor"),
        INTERRUPTED: _("Interrumpido"),
        UNCERTAIN: _("Entrega incierta"),
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


def view_of(row: OutboxMessage) -> OutboxView:
    return OutboxView(
        id=row.id,
        natural_key=row.natural_key,
        channel=row.channel,
        customer_id=row.customer_id,
        stage=row.stage,
        invoice_ids=row.invoice_ids,
        recipient=row.recipient,
        recipient_name=row.recipient_name,
        subject=row.subject,
        body=row.body,
        status=OutboxStatus(row.status),
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
