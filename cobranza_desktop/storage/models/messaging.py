"""The outbox: every message is stored here before it is sent, and kept after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cobranza_desktop.storage.models.base import Base

OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "interrupted", "cancelled")


class OutboxMessage(Base):
    """One outgoing message. ``natural_key`` is unique: the same message is never queued twice.

    Status: pending -> sending -> sent | failed. A message found "sending" at start-up
    was interrupted mid-delivery: it becomes "interrupted" and is only retried by hand,
    because it may have arrived. Nothing is deleted; a message can be cancelled.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'interrupted', 'cancelled')",
            name="status_known",
        ),
        Index("ix_outbox_messages_status_created", "status", "created_at"),
        Index("ix_outbox_messages_customer", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    natural_key: Mapped[str] = mapped_column(String(250), unique=True)
    channel: Mapped[str] = mapped_column(String(20), default="email")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), nullable=True)
    stage: Mapped[str] = mapped_column(String(60), default="")
    invoice_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    recipient: Mapped[str] = mapped_column(String(200))
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    # RFC 5322 Message-ID, fixed when queued: a retry carries the same one.
    message_id: Mapped[str] = mapped_column(String(250))
    status: Mapped[str] = mapped_column(String(12), default="pending")
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


class OutboxAttachment(Base):
    __tablename__ = "outbox_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_messages.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(String(200))
    mimetype: Mapped[str] = mapped_column(String(100), default="application/pdf")
    data: Mapped[bytes] = mapped_column(LargeBinary)

    message: Mapped[OutboxMessage] = relationship(back_populates="attachments")
