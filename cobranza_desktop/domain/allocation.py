"""Allocation of a payment to open invoices. Every cent is conserved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import DEFAULT_CURRENCY, ZERO


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


class AllocationConflict(ConflictError):
    """An allocation the payment or the invoices cannot take. ``field`` says where, as the
    payment dialog names its rows: ``"allocations[i]"`` (the i-th allocation given) or
    ``"allocations"`` (all of them together)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_allocations(
    available: Decimal,
    allocations: Sequence[Allocation],
    balances: Mapping[int, Decimal],
    numbers: Mapping[int, str] | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> None:
    """Refuse an allocation that exceeds the payment or an invoice's balance.

    ``numbers`` (invoice id to number) lets the message name the invoice. Raises
    :class:`AllocationConflict`, a :class:`ConflictError` that says which row is wrong.
    """
    total = sum((a.amount for a in allocations), ZERO)
    if total > available:
        raise AllocationConflict(
            "allocations",
            _("Se aplican {total} pero el pago solo tiene {available} disponible.").format(
                total=format_money(total, currency), available=format_money(available, currency)
            ),
        )
    per_invoice: dict[int, Decimal] = {}
    first_row: dict[int, int] = {}
    for row, a in enumerate(allocations):
        if a.amount <= 0:
            raise AllocationConflict(
                f"allocations[{row}]",
                _("Cada monto aplicado debe ser mayor que cero."),
            )
        per_invoice[a.invoice_id] = per_invoice.get(a.invoice_id, ZERO) + a.amount
        first_row.setdefault(a.invoice_id, row)
    for invoice_id, amount in per_invoice.items():
        field = f"allocations[{first_row[invoice_id]}]"
        balance = balances.get(invoice_id)
        if balance is None:
            raise AllocationConflict(
                field,
                _("La factura no está abierta para este cliente."),
            )
        if amount > balance:
            number = (numbers or {}).get(invoice_id, "")
            owes, applied = format_money(balance, currency), format_money(amount, currency)
            raise AllocationConflict(
                field,
                _(
                    "La factura {number} solo debe {owes}; no se le pueden aplicar {applied}."
                ).format(number=number, owes=owes, applied=applied)
                if number
                else _("Se aplican {applied} a una factura que solo debe {owes}.").format(
                    applied=applied, owes=owes
                ),
            )
