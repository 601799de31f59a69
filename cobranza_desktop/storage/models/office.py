"""An office on one book: its users, the audit trail, and the change counters.

* ``users``: who may work on the book and with which role (owner, collector,
  read-only). The login is the database user on a server, the local user's name
  on a SQLite file.
* ``audit_log``: one row per audited write (who, when, what), written by the session
  hooks in the same transaction as the change.
* ``change_counters``: one row per kind of record, bumped at the commit of every write
  that touched that kind, so that open windows elsewhere know to refresh.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cobranza_desktop.storage.models.base import Base


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('owner', 'collector', 'read_only')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(12))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    """Who did what, when. Never updated or deleted."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_customer_at", "customer_id", "at"),
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # No foreign key: the trail outlives nothing, but it must never block a write.
    customer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # JSON: the facts of the change (amount, number, key…), rendered when shown.
    details: Mapped[str] = mapped_column(Text, default="{}")


class ChangeCounter(Base):
    __tablename__ = "change_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
