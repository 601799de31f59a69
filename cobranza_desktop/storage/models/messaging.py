"""The outbox: every message is stored here before it is sent, and kept after."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from cobranza_desktop.storage.models.base import Base


class OutboxStatus(StrEnum):
    """Where a message is. The values are what the database stores."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    # A transient failure (4xx, server down): retried automatically.
    FAILED = "failed"
    # A permanent failure (5xx, or a message that cannot be sent as it is): a person decides.
    REJECTED = "rejected"
    # Found "sending" at start-up: it may have arrived; a person decides.
    INTERRUPTED = "interrupted"
    # The server may have stored it (reply lost or late after the data): a person decides.
    UNCERTAIN = "uncertain"
    CANCELLED = "cancelled"


OUTBOX_STATUSES: tuple[str, ...] = tuple(status.value for status in OutboxStatus)
STATUS_CHECK = "status IN (" + ", ".join(f"'{s}'" for s in OUTBOX_STATUSES) + ")"


class OutboxStatusType(TypeDecorator[OutboxStatus]):
    """Stored as its plain text value; read back as :class:`OutboxStatus`."""

    impl = String(12)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else OutboxStatus(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> OutboxStatus | None:
        return None if value is None else OutboxStatus(value)


class OutboxMessage(Base):
    """One outgoing message. ``natural_key`` is unique: the same message is never queued twice.

    Status: pending -> sending -> sent | failed | rejected | uncertain. A message found
    "sending" at start-up was interrupted mid-delivery: it becomes "interrupted". Only
    "pending" and "failed" are retried automatically; the others wait for a person,
    because the message may have arrived or cannot be sent as it is. Nothing is
    deleted; a message can be cancelled.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (
        CheckConstraint(STATUS_CHECK, name="status_known"),
        Index("ix_outbox_messages_status_created", "status", "created_at"),
        Index("ix_outbox_messages_customer", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    natural_key: Mapped[str] = mapped_column(String(250), unique=True)
    channel: Mapped[str] = mapped_column(String(20), default="email")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    stage: Mapped[str] = mapped_column(String(60), default="")
    recipient: Mapped[str] = mapped_column(String(200))
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    # RFC 5322 Message-ID, fixed when queued: a retry carries the same one.
    message_id: Mapped[str] = mapped_column(String(250))
    status: Mapped[OutboxStatus] = mapped_column(OutboxStatusType(), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    last_attempt_at: Mapped[datetime | None] = mapped_column(nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(nullable=True)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")

    attachments: Mapped[list[OutboxAttachment]] = relationship(
        back_populates="message", order_by="OutboxAttachment.position"
    )
    invoice_links: Mapped[list[OutboxMessageInvoice]] = relationship(
        back_populates="message",
        order_by="OutboxMessageInvoice.position",
        cascade="all, delete-orphan",
    )

    @property
    def invoice_ids(self) -> tuple[int, ...]:
        """The invoices the message is about, in the order they were given."""
        return tuple(link.invoice_id for link in self.invoice_links)


class OutboxMessageInvoice(Base):
    """Which invoices a message is about (the agenda's, for the contact log)."""

    __tablename__ = "outbox_message_invoices"
    __table_args__ = (Index("ix_outbox_message_invoices_invoice", "invoice_id"),)

    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_messages.id"), primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    message: Mapped[OutboxMessage] = relationship(back_populates="invoice_links")


class OutboxPendingContact(Base):
    """The contact a message that could not be sent yet will be, once it is sent: a
    queued or failed email is not a contact, and its agenda actions wait for the send."""

    __tablename__ = "outbox_pending_contacts"

    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_messages.id"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    # The agenda actions it completes, as "customer|stage|subject" strings (JSON list).
    action_keys: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    override_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime]
    # The contact logged when the message was sent (None while it waits).
    contact_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class OutboxAttachment(Base):
    __tablename__ = "outbox_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_messages.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(100), default="application/pdf")
    data: Mapped[bytes] = mapped_column(LargeBinary)

    message: Mapped[OutboxMessage] = relationship(back_populates="attachments")
