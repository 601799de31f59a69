"""What the audit trail records of each kind of write: one small function per model.

Each auditor looks at one flushed object (new or changed) and returns the entries to
record: an action code, the entity and its id, the customer concerned, and the facts
of the change as plain data (amounts in cents, numbers, keys). The facts are rendered
in the reader's language when shown (``services/base/audit.py``), never stored as text.
A change that says nothing to a person (a cached sum, a search key) records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect

from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.storage.models import (
    BusinessProfile,
    ContactLog,
    Customer,
    ImportBatch,
    Invoice,
    Payment,
    Setting,
)
from cobranza_desktop.storage.models.collections import (
    CollectionAction,
    DueDateExtension,
    PaymentPlan,
    Promise,
    StatusTransition,
)
from cobranza_desktop.storage.models.corrections import CorrectionEntry
from cobranza_desktop.storage.models.messaging import OutboxMessage
from cobranza_desktop.storage.models.office import User
from cobranza_desktop.storage.models.subscriptions import Subscription

# Columns that change as a side effect and say nothing to a person.
_QUIET = frozenset({"version", "name_key", "paid_cents", "allocated_cents", "attempts"})


@dataclass(frozen=True)
class Entry:
    action: str
    entity: str
    entity_id: int | None
    customer_id: int | None
    details: dict[str, Any] = field(default_factory=dict)


def changed(obj: object) -> dict[str, tuple[Any, Any]]:
    """Column -> (old, new) for the columns changed on ``obj`` in this flush."""
    state = inspect(obj)
    result: dict[str, tuple[Any, Any]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.added:
            old = history.deleted[0] if history.deleted else None
            if old != history.added[0]:
                result[attr.key] = (old, history.added[0])
    return result


def _number(invoice: Invoice) -> str:
    return invoice_number(invoice.series, invoice.folio, invoice.external_number)


def _customer(obj: Customer, new: bool) -> list[Entry]:
    if new:
        return [Entry("customer.created", "customer", obj.id, obj.id, {"name": obj.name})]
    fields = sorted(set(changed(obj)) - _QUIET - {"status"})
    if not fields:
        return []  # a status change is audited by its transition
    return [Entry("customer.updated", "customer", obj.id, obj.id, {"fields": fields})]


def _invoice(obj: Invoice, new: bool) -> list[Entry]:
    penalty = obj.kind == "late_charge"
    facts = {"number": _number(obj), "total_cents": obj.total_cents}
    if new:
        if obj.lifecycle == "draft":
            return [Entry("invoice.draft_saved", "invoice", obj.id, obj.customer_id, facts)]
        action = "penalty.applied" if penalty else "invoice.issued"
        if obj.kind == "refund":
            action = "refund.issued"
        return [Entry(action, "invoice", obj.id, obj.customer_id, facts)]
    diff = changed(obj)
    entries: list[Entry] = []
    if "lifecycle" in diff:
        new_state = diff["lifecycle"][1]
        if new_state == "issued":
            entries.append(Entry("invoice.issued", "invoice", obj.id, obj.customer_id, facts))
        elif new_state == "voided":
            action = "penalty.waived" if penalty else "invoice.voided"
            entries.append(
                Entry(
                    action, "invoice", obj.id, obj.customer_id, facts | {"reason": obj.void_reason}
                )
            )
    elif obj.lifecycle == "draft" and set(diff) - _QUIET:
        entries.append(Entry("invoice.draft_saved", "invoice", obj.id, obj.customer_id, facts))
    if "disputed" in diff:
        entries.append(
            Entry(
                "invoice.disputed" if obj.disputed else "invoice.dispute_settled",
                "invoice",
                obj.id,
                obj.customer_id,
                facts,
            )
        )
    return entries


def _payment(obj: Payment, new: bool) -> list[Entry]:
    facts = {"amount_cents": obj.amount_cents, "method": obj.method, "reference": obj.reference}
    if new:
        return [Entry("payment.recorded", "payment", obj.id, obj.customer_id, facts)]
    if "reversed_at" in changed(obj) and obj.reversed_at is not None:
        facts["reason"] = obj.reverse_reason
        return [Entry("payment.reversed", "payment", obj.id, obj.customer_id, facts)]
    return []


def _contact(obj: ContactLog, new: bool) -> list[Entry]:
    facts = {"channel": obj.channel, "outcome": obj.outcome}
    if new:
        return [Entry("contact.logged", "contact", obj.id, obj.customer_id, facts)]
    if "voided_at" in changed(obj) and obj.voided_at is not None:
        facts["reason"] = obj.void_reason
        return [Entry("contact.voided", "contact", obj.id, obj.customer_id, facts)]
    return []


def _action(obj: CollectionAction, new: bool) -> list[Entry]:
    if not new:
        return []
    facts = {"stage": obj.stage, "state": obj.state}
    return [Entry(f"agenda.{obj.state}", "agenda_action", obj.id, obj.customer_id, facts)]


def _promise(obj: Promise, new: bool) -> list[Entry]:
    if not new:
        return []
    facts = {"amount_cents": obj.amount_cents, "date": obj.promised_date.isoformat()}
    return [Entry("promise.made", "promise", obj.id, obj.customer_id, facts)]


def _plan(obj: PaymentPlan, new: bool) -> list[Entry]:
    facts = {"number": obj.number, "total_cents": obj.total_cents}
    if new:
        return [Entry("plan.created", "plan", obj.id, obj.customer_id, facts)]
    if "status" in changed(obj) and obj.status == "cancelled":
        return [Entry("plan.cancelled", "plan", obj.id, obj.customer_id, facts)]
    return []


def _transition(obj: StatusTransition, new: bool) -> list[Entry]:
    if not new:
        return []
    facts = {"from": obj.from_status, "to": obj.to_status, "reason": obj.reason}
    return [Entry("customer.status_changed", "customer", obj.customer_id, obj.customer_id, facts)]


def _extension(obj: DueDateExtension, new: bool) -> list[Entry]:
    if not new:
        return []
    facts = {"date": obj.new_due_date.isoformat(), "reason": obj.reason}
    return [Entry("invoice.extended", "invoice", obj.invoice_id, None, facts)]


def _setting(obj: Setting, new: bool) -> list[Entry]:
    if not new and "value" not in changed(obj):
        return []
    return [Entry("setting.changed", "setting", None, None, {"key": obj.key})]


def _profile(obj: BusinessProfile, new: bool) -> list[Entry]:
    fields = sorted(set(changed(obj)) - _QUIET - {"id"})
    if not fields:
        return []
    return [Entry("profile.changed", "profile", obj.id, None, {"fields": fields})]


def _user(obj: User, new: bool) -> list[Entry]:
    facts = {"login": obj.login, "role": obj.role, "active": obj.active}
    if new:
        return [Entry("user.added", "user", obj.id, None, facts)]
    if set(changed(obj)) & {"role", "active", "display_name"}:
        return [Entry("user.changed", "user", obj.id, None, facts)]
    return []


def _import(obj: ImportBatch, new: bool) -> list[Entry]:
    facts = {"kind": obj.kind, "source": obj.source}
    if new:
        return [Entry("import.committed", "import", obj.id, None, facts)]
    if "undone_at" in changed(obj) and obj.undone_at is not None:
        return [Entry("import.undone", "import", obj.id, None, facts | {"reason": obj.undo_reason})]
    return []


def _subscription(obj: Subscription, new: bool) -> list[Entry]:
    facts: dict[str, Any] = {"description": obj.description}
    if new:
        return [Entry("subscription.created", "subscription", obj.id, obj.customer_id, facts)]
    fields = sorted(set(changed(obj)) - _QUIET)
    if not fields:
        return []
    facts["fields"] = fields
    return [Entry("subscription.changed", "subscription", obj.id, obj.customer_id, facts)]


def _message(obj: OutboxMessage, new: bool) -> list[Entry]:
    facts = {"channel": obj.channel, "stage": obj.stage, "recipient": obj.recipient}
    if new:
        return [Entry("message.queued", "message", obj.id, obj.customer_id, facts)]
    diff = changed(obj)
    if "status" in diff and str(obj.status) == "sent":
        return [Entry("message.sent", "message", obj.id, obj.customer_id, facts)]
    if "cancelled_at" in diff and obj.cancelled_at is not None:
        return [Entry("message.cancelled", "message", obj.id, obj.customer_id, facts)]
    return []


# Corrections the audit trail already tells by their own record (a reversal, a void,
# an extension, a draft saved): one entry per event, not two.
_TOLD_ELSEWHERE = frozenset(
    {"payment_reversed", "invoice_voided", "due_date_extended", "draft_edited"}
)


def _correction(obj: CorrectionEntry, new: bool) -> list[Entry]:
    if not new or obj.kind in _TOLD_ELSEWHERE:
        return []
    facts = {"subject": obj.subject, "reason": obj.reason}
    return [Entry(f"correction.{obj.kind}", "correction", obj.id, obj.customer_id, facts)]


AUDITORS: dict[type, Callable[[Any, bool], list[Entry]]] = {
    Customer: _customer,
    Invoice: _invoice,
    Payment: _payment,
    ContactLog: _contact,
    CollectionAction: _action,
    Promise: _promise,
    PaymentPlan: _plan,
    StatusTransition: _transition,
    DueDateExtension: _extension,
    Setting: _setting,
    BusinessProfile: _profile,
    User: _user,
    ImportBatch: _import,
    Subscription: _subscription,
    OutboxMessage: _message,
    CorrectionEntry: _correction,
}


def entries_for(obj: object, new: bool) -> list[Entry]:
    auditor = AUDITORS.get(type(obj))
    return [] if auditor is None else auditor(obj, new)
