"""Allocation of a payment to open invoices. Every cent is conserved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobranza_desktop.domain.errors import ConflictError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import tr
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
            tr(
                f"Se aplican {format_money(total, currency)} pero el pago solo tiene "
                f"{format_money(available, currency)} disponible.",
                f"{format_money(total, currency)} is applied but the payment has only "
                f"{format_money(available, currency)} available.",
            ),
        )
    per_invoice: dict[int, Decimal] = {}
    first_row: dict[int, int] = {}
    for row, a in enumerate(allocations):
        if a.amount <= 0:
            raise AllocationConflict(
                f"allocations[{row}]",
                tr("Cada monto aplicado debe ser mayor que cero.", "Each amount must be positive."),
            )
        per_invoice[a.invoice_id] = per_invoice.get(a.invoice_id, ZERO) + a.amount
        first_row.setdefault(a.invoice_id, row)
    for invoice_id, amount in per_invoice.items():
        field = f"allocations[{first_row[invoice_id]}]"
        balance = balances.get(invoice_id)
        if balance is None:
            raise AllocationConflict(
                field,
                tr(
                    "La factura no está abierta para este cliente.",
                    "The invoice is not open for this customer.",
                ),
            )
        if amount > balance:
            number = (numbers or {}).get(invoice_id, "")
            owes, applied = format_money(balance, currency), format_money(amount, currency)
            raise AllocationConflict(
                field,
                tr(
                    f"La factura {number} solo debe {owes}; no se le pueden aplicar {applied}.",
                    f"Invoice {number} only owes {owes}; {applied} cannot be applied to it.",
                )
                if number
                else tr(
                    f"Se aplican {applied} a una factura que solo debe {owes}.",
                    f"Applying {applied} to an invoice that only owes {owes}.",
                ),
            )
