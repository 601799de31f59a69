"""Imports: batches (undone as a whole), CFDI documents by UUID, and payments waiting for
the invoice they name."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cobranza_desktop.storage.models.base import Base
from cobranza_desktop.storage.models.core import Invoice, Payment


class ImportBatch(Base):
    """One committed import. Undoing it voids its documents with a reason."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # cfdi, customers, invoices, payments
    source: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON counts
    created_at: Mapped[datetime]
    undone_at: Mapped[datetime | None] = mapped_column(nullable=True)
    undo_reason: Mapped[str] = mapped_column(Text, default="")


class CfdiDocument(Base):
    """A stamped CFDI taken into the book. The UUID is the natural key: never twice."""

    __tablename__ = "cfdi_documents"
    __table_args__ = (Index("ix_cfdi_documents_invoice", "invoice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_type: Mapped[str] = mapped_column(String(1))  # I, E, P
    version: Mapped[str] = mapped_column(String(5), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    issuer_rfc: Mapped[str] = mapped_column(String(13), default="")
    receiver_rfc: Mapped[str] = mapped_column(String(13), default="")
    issued_on: Mapped[date]
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="")
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)
    # The credit note (E) booked as a bonus payment; P documents link from payments.rep_uuid.
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), nullable=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id"))
    created_at: Mapped[datetime]

    # Relationships let an import add thousands of rows and flush them once, in bulk.
    invoice: Mapped[Invoice | None] = relationship()
    payment: Mapped[Payment | None] = relationship()


class PendingCfdiAllocation(Base):
    """Money of a P or E document for an invoice (by UUID) not yet in the book.

    It waits as the customer's credit, and is applied when that invoice is imported."""

    __tablename__ = "cfdi_pending_allocations"
    __table_args__ = (Index("ix_cfdi_pending_related", "related_uuid", "settled"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    related_uuid: Mapped[str] = mapped_column(String(36))
    amount_cents: Mapped[int] = mapped_column(Integer)
    # For the chain check once the invoice arrives (0 when the document gave none).
    balance_before_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    instalment: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text, default="")
    settled: Mapped[bool] = mapped_column(default=False)
    # The MXN cents the payment holds for a foreign part while it waits (valued at the
    # payment's rate); on settling, the payment trades them for the part at the invoice's
    # rate, as if the invoice had been there first. None: an MXN part (or one from before
    # 0020_fx_repair).
    book_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)

    payment: Mapped[Payment] = relationship()
