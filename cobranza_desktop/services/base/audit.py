"""The audit trail as people read it: who did what, when, in their language.

The entries are written by the storage hooks in the same transaction as each change
(``storage/office_hooks.py``); here they are read back and put into words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.customers import Channel
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.queries.audit import audit_entries

# Action code -> its name for a person (translated when shown).
ACTION_LABELS: dict[str, str] = {
    "customer.created": N_("Cliente creado"),
    "customer.updated": N_("Datos del cliente cambiados"),
    "customer.status_changed": N_("Estado del cliente cambiado"),
    "invoice.issued": N_("Factura emitida"),
    "invoice.draft_saved": N_("Borrador guardado"),
    "invoice.voided": N_("Factura cancelada"),
    "invoice.extended": N_("Prórroga concedida"),
    "invoice.disputed": N_("Factura en disputa"),
    "invoice.dispute_settled": N_("Disputa resuelta"),
    "payment.recorded": N_("Pago registrado"),
    "payment.reversed": N_("Pago revertido"),
    "contact.logged": N_("Contacto registrado"),
    "contact.voided": N_("Contacto anulado"),
    "agenda.done": N_("Acción de la agenda hecha"),
    "agenda.skipped": N_("Acción de la agenda omitida"),
    "promise.made": N_("Promesa de pago"),
    "plan.created": N_("Plan de pagos creado"),
    "plan.cancelled": N_("Plan de pagos cancelado"),
    "penalty.applied": N_("Penalización aplicada"),
    "penalty.waived": N_("Penalización condonada"),
    "setting.changed": N_("Configuración cambiada"),
    "profile.changed": N_("Datos del negocio cambiados"),
    "user.added": N_("Usuario dado de alta"),
    "user.changed": N_("Usuario cambiado"),
    "import.committed": N_("Importación"),
    "import.undone": N_("Importación deshecha"),
    "subscription.created": N_("Suscripción creada"),
    "subscription.changed": N_("Suscripción cambiada"),
    "message.queued": N_("Mensaje en la bandeja de salida"),
    "message.sent": N_("Mensaje enviado"),
    "message.cancelled": N_("Mensaje cancelado"),
    "refund.issued": N_("Devolución de saldo a favor"),
    "correction.payment_reallocated": N_("Pago reasignado"),
    "correction.credit_applied": N_("Saldo a favor aplicado"),
    "correction.allocation_undone": N_("Aplicación deshecha"),
    "correction.draft_deleted": N_("Borrador eliminado"),
    "correction.discount_granted": N_("Descuento en el próximo pago"),
    "correction.barter": N_("Pago en especie"),
    "correction.dossier_exported": N_("Expediente entregado a agencia"),
}


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    login: str
    author: str  # the display name, else the login
    action: str
    action_label: str
    entity: str
    entity_id: int | None
    customer_id: int | None
    summary: str
    details: dict[str, Any]


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return _(label) if label else action


def _money(cents: Any) -> str:
    return format_money(from_cents(int(cents))) if isinstance(cents, int) else ""


def _channel(code: str) -> str:
    try:
        return Channel(code).label()
    except ValueError:
        return code


def _method(code: str) -> str:
    try:
        return PaymentMethod(code).label()
    except ValueError:
        return code


def summarize(action: str, details: dict[str, Any]) -> str:
    """The facts of one entry in a line: number, amount, reason, key…"""
    parts: list[str] = []
    for key in ("number", "subject", "name", "login", "key", "description", "stage"):
        value = details.get(key)
        if value:
            parts.append(str(value))
    if details.get("channel"):
        parts.append(_channel(str(details["channel"])))
    for key in ("amount_cents", "total_cents"):
        if key in details and action not in {"invoice.extended"}:
            parts.append(_money(details[key]))
            break
    if details.get("method"):
        parts.append(_method(str(details["method"])))
    if details.get("reference"):
        parts.append(str(details["reference"]))
    if details.get("date"):
        try:
            parts.append(format_date(date.fromisoformat(str(details["date"]))))
        except ValueError:
            parts.append(str(details["date"]))
    if details.get("from") and details.get("to"):
        parts.append(f"{details['from']} → {details['to']}")
    if details.get("role"):
        try:
            parts.append(Role(str(details["role"])).label())
        except ValueError:
            parts.append(str(details["role"]))
    if details.get("fields"):
        parts.append(", ".join(str(f) for f in details["fields"]))
    if details.get("reason"):
        parts.append(_("motivo: {reason}").format(reason=details["reason"]))
    return " · ".join(p for p in parts if p)


def _decode(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


class AuditService:
    def __init__(self, book: Book) -> None:
        self._book = book

    def entries(
        self,
        *,
        customer_id: int | None = None,
        since: date | None = None,
        limit: int | None = 500,
    ) -> tuple[AuditView, ...]:
        """Entries newest first, optionally one customer's, from a date on."""
        start = None if since is None else datetime.combine(since, time.min)
        with self._book.session() as session:
            rows = audit_entries(session, customer_id=customer_id, since=start, limit=limit)
            views = []
            for entry, display_name in rows:
                details = _decode(entry.details)
                views.append(
                    AuditView(
                        id=entry.id,
                        at=entry.at,
                        login=entry.actor,
                        author=display_name or entry.actor,
                        action=entry.action,
                        action_label=action_label(entry.action),
                        entity=entry.entity,
                        entity_id=entry.entity_id,
                        customer_id=entry.customer_id,
                        summary=summarize(entry.action, details),
                        details=details,
                    )
                )
            return tuple(views)


def cents_total(views: tuple[AuditView, ...], action: str) -> Decimal:
    """The sum of the amounts of one action's entries (e.g. payments recorded)."""
    return sum(
        (from_cents(int(v.details.get("amount_cents", 0))) for v in views if v.action == action),
        Decimal(0),
    )
