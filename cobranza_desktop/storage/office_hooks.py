"""Session hooks that make every write of a book an office write.

Registered once on a book's session factory, they run inside each transaction:

* **the guard** (before a flush): a read-only user writes nothing, and only the owner
  writes the users or the business profile. The services check each use case's
  permission first (``services/base/access.require``); the guard is the floor under
  them, so that no forgotten use case lets a read-only user change the book;
* **the audit trail** (after a flush): one ``audit_log`` row per audited change
  (``storage/audit_trail.py``), with who and when, in the same transaction;
* **the change counters** (at commit): each kind of record the transaction touched
  is bumped once, in a fixed order (two writers never wait on each other in a circle),
  so that windows open elsewhere see that something changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from cobranza_desktop.domain.access import Actor, Permission, Role, denial_message
from cobranza_desktop.domain.errors import PermissionDeniedError
from cobranza_desktop.storage.audit_trail import Entry, entries_for
from cobranza_desktop.storage.identity import load_actor, session_login
from cobranza_desktop.storage.models import BusinessProfile, Invoice
from cobranza_desktop.storage.models.office import AuditEntry, ChangeCounter, User

# Which counter each table bumps; the names are the window's kinds of record.
TABLE_COUNTERS: dict[str, str] = {
    "customers": "customers",
    "customer_status_transitions": "customers",
    "invoices": "invoices",
    "invoice_lines": "invoices",
    "folio_sequences": "invoices",
    "due_date_extensions": "invoices",
    "invoice_disputes": "invoices",
    "import_batches": "invoices",
    "cfdi_documents": "invoices",
    "cfdi_pending_allocations": "invoices",
    "payments": "payments",
    "allocations": "payments",
    "incentive_grants": "payments",
    "next_payment_discounts": "payments",
    "correction_log": "payments",
    "collection_contacts": "contacts",
    "collection_actions": "contacts",
    "collection_promises": "plans",
    "payment_plans": "plans",
    "payment_plan_invoices": "plans",
    "payment_plan_instalments": "plans",
    "penalty_charges": "penalties",
    "customer_penalty_policies": "penalties",
    "outbox_messages": "messages",
    "outbox_message_invoices": "messages",
    "outbox_attachments": "messages",
    "outbox_pending_contacts": "messages",
    "subscription_price_changes": "subscriptions",
    "subscription_pauses": "subscriptions",
    "subscription_periods": "subscriptions",
    "subscription_prepayments": "subscriptions",
    "settings": "settings",
    "business_profile": "settings",
    "users": "settings",
}
# Tables of the machinery itself: writing them is not a change anyone else must see
# (risk tallies follow the invoices and payments, which bump their own counters).
_SILENT = frozenset({"audit_log", "change_counters", "alembic_version", "risk_tallies"})
_OWNER_ONLY = (User, BusinessProfile)


@dataclass
class Office:
    """What the hooks need to know of the book: who is working, and the clock.

    ``login`` is empty until known: on a server it is read from the session's own
    connection the first time it is needed (``storage/identity.session_login``).
    """

    now: Callable[[], datetime]
    login: str = ""
    # Counter bumps this program committed and its change watch has not yet seen:
    # its own writes are announced by the window already, not a second time.
    own_bumps: dict[str, int] = field(default_factory=dict)
    # This program's commits so far: a cache read "just before" is stale after one.
    commits: int = 0

    def take_own(self, name: str) -> int:
        return self.own_bumps.pop(name, 0)


def _office(session: Session) -> Office:
    office = session.info.get("office")
    assert isinstance(office, Office), "sessions of a book carry its Office"
    return office


def book_office(session: Session) -> Office:
    return _office(session)


def session_actor(session: Session) -> Actor:
    """The actor of this session's transaction, read once per transaction."""
    actor = session.info.get("actor")
    if not isinstance(actor, Actor):
        office = _office(session)
        if not office.login:
            office.login = session_login(session)
        actor = load_actor(session, office.login)
        session.info["actor"] = actor
    return actor


def _touched(session: Session) -> set[str]:
    touched: set[str] = session.info.setdefault("touched", set())
    return touched


def _has_changes(session: Session) -> bool:
    return bool(session.new or session.deleted) or any(
        session.is_modified(obj) for obj in session.dirty
    )


def _guard(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if not _has_changes(session):
        return
    actor = session_actor(session)
    if actor.role is Role.READ_ONLY:
        raise PermissionDeniedError(denial_message(actor, Permission.COLLECT))
    if actor.role is not Role.OWNER:
        for obj in (*session.new, *session.dirty, *session.deleted):
            if isinstance(obj, _OWNER_ONLY) and (obj in session.new or session.is_modified(obj)):
                raise PermissionDeniedError(denial_message(actor, Permission.SETTINGS))


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def audit_rows(session: Session, entries: list[Entry]) -> list[dict[str, Any]]:
    office = _office(session)
    at = office.now()
    actor = session_actor(session).login
    rows = []
    for entry in entries:
        customer_id = entry.customer_id
        if customer_id is None and entry.entity == "invoice" and entry.entity_id is not None:
            invoice = session.get(Invoice, entry.entity_id)
            customer_id = None if invoice is None else invoice.customer_id
        rows.append(
            {
                "at": at,
                "actor": actor,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "customer_id": customer_id,
                "details": json.dumps(
                    entry.details, ensure_ascii=False, sort_keys=True, default=_json_default
                ),
            }
        )
    return rows


def record_entries(session: Session, entries: list[Entry]) -> None:
    """Write audit entries now, in the session's transaction (for bulk Core writes)."""
    if entries:
        session.connection().execute(insert(AuditEntry), audit_rows(session, entries))


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    entries: list[Entry] = []
    touched = _touched(session)
    for obj in session.new:
        touched.add(type(obj).__table__.name)
        entries.extend(entries_for(obj, new=True))
    for obj in session.dirty:
        if session.is_modified(obj):
            touched.add(type(obj).__table__.name)
            entries.extend(entries_for(obj, new=False))
    for obj in session.deleted:
        touched.add(type(obj).__table__.name)
    # Written at commit: a record inserted then changed in one transaction (an invoice
    # saved as a draft, then issued) is one event, not two.
    pending: list[Entry] = session.info.setdefault("audit", [])
    pending.extend(entries)


def _one_event_each(entries: list[Entry]) -> list[Entry]:
    issued = {e.entity_id for e in entries if e.action == "invoice.issued"}
    return [e for e in entries if not (e.action == "invoice.draft_saved" and e.entity_id in issued)]


def _on_execute(state: ORMExecuteState) -> None:
    """Bulk Core writes through the session (``session.execute(insert(Invoice)…)``)."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    name = getattr(getattr(state.statement, "table", None), "name", None)
    if not isinstance(name, str) or name in _SILENT:
        return
    actor = session_actor(state.session)
    if actor.role is Role.READ_ONLY:
        raise PermissionDeniedError(denial_message(actor, Permission.COLLECT))
    _touched(state.session).add(name)


def _before_commit(session: Session) -> None:
    session.flush()
    record_entries(session, _one_event_each(session.info.pop("audit", [])))
    touched = session.info.pop("touched", set())
    counters = sorted({TABLE_COUNTERS.get(t, "other") for t in touched if t not in _SILENT})
    if not counters:
        return
    connection = session.connection()
    for name in counters:  # one row at a time, in order: no deadlock between writers
        bumped = connection.execute(
            update(ChangeCounter)
            .where(ChangeCounter.name == name)
            .values(value=ChangeCounter.value + 1)
        )
        if bumped.rowcount == 0:
            connection.execute(insert(ChangeCounter).values(name=name, value=1))
    session.info["bumped"] = counters


def _after_commit(session: Session) -> None:
    office = _office(session)
    office.commits += 1
    for name in session.info.pop("bumped", ()):
        office.own_bumps[name] = office.own_bumps.get(name, 0) + 1


def _after_end(session: Session, _transaction: Any) -> None:
    # A role may change between transactions; the next one reads it again.
    if session.in_transaction():
        return
    session.info.pop("actor", None)
    session.info.pop("touched", None)
    session.info.pop("bumped", None)
    session.info.pop("audit", None)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _guard)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_transaction_end", _after_end)
