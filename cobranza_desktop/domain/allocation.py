"""Allocation of a payment to open invoices. Every cent is conserved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import ZERO


@dataclass(frozen=True)
class OpenItem:
    invoice_id: int
    due_date: date
    balance: Decimal
    number: str = ""


@dataclass(frozen=True)
class Allocation:
    invoice_id: int
    amount: Decimal


def suggest_oldest_first(amount: Decimal, open_items: list[OpenItem]) -> list[Allocation]:
    """Apply ``amount`` to the oldest due invoices first; what is left stays as credit."""
    remaining = amount
    result: list[Allocation] = []
    for item in sorted(open_items, key=lambda i: (i.due_date, i.invoice_id)):
        if remaining <= 0:
            break
        applied = min(remaining, item.balance)
        if applied > 0:
            result.append(Allocation(item.invoice_id, applied))
            remaining -= applied
    return result


def check_allocations(
    available: Decimal, allocations: list[Allocation], balances: dict[int, Decimal]
) -> None:
    """Refuse an allocation that exceeds the payment or an invoice's balance."""
    total = sum((a.amount for a in allocations), ZERO)
    if total > available:
        raise ConflictError(
            _("Se intenta aplicar {total} pero el pago solo tiene {available} disponible.").format(
                total=format_money(total), available=format_money(available)
            )
        )
    per_invoice: dict[int, Decimal] = {}
    for a in allocations:
        if a.amount <= 0:
            raise ConflictError(_("Cada monto aplicado debe ser mayor que cero."))
        per_invoice[a.invoice_id] = per_invoice.get(a.invoice_id, ZERO) + a.amount
    for invoice_id, amount in per_invoice.items():
        balance = balances.get(invoice_id)
        if balance is None:
            raise ConflictError(_("La factura no está abierta para este cliente."))
        if amount > balance:
            raise ConflictError(
                _("Se aplican {amount} a una factura que solo debe {balance}.").format(
                    amount=format_money(amount), balance=format_money(balance)
                )
            )
