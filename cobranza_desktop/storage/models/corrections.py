"""The corrections log: who corrected what in a customer's book, when and why.

A reversal, a re-allocation, credit applied, an allocation undone, a draft edited or
deleted, an invoice voided, a due date extended: each leaves one row here, shown in the
customer's timeline. Rows are never changed or deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cobranza_desktop.storage.models.base import Base


class CorrectionEntry(Base):
    __tablename__ = "correction_log"
    __table_args__ = (Index("ix_correction_log_customer_time", "customer_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(80), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime]
