"""Summaries the book keeps beside the records, so that big reads need not walk them all."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from cobranza_desktop.storage.models.base import Base


class RiskTally(Base):
    """One customer's settled invoices, as the risk rating counts them: regular issued
    invoices paid in full, each settled on the date of its last applied payment.

    Kept up to date in the transaction that changes the records (``storage/risk_tallies``);
    ``cobranza check`` compares it with the records. No foreign key: it is a cache.
    """

    __tablename__ = "risk_tallies"

    customer_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    settled_count: Mapped[int] = mapped_column(Integer, default=0)
    late_count: Mapped[int] = mapped_column(Integer, default=0)
    days_late: Mapped[int] = mapped_column(Integer, default=0)
    max_days_late: Mapped[int] = mapped_column(Integer, default=0)
    # The last settlement: a tally is exact for any day on or after it.
    last_paid_on: Mapped[date | None] = mapped_column(nullable=True)
