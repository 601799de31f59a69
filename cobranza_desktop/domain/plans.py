"""Payment plans (convenio / reestructura) and promises to pay.

A plan takes the balance of some invoices, minus waived penalties, minus a down
payment, plus optional flat interest, and splits it into N instalments, equal or
custom, weekly, fortnightly or monthly. Every cent is conserved. While the plan is
current its invoices leave the ladder; an instalment left unpaid more than the grace
days after its date breaks the plan and collection resumes.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import N_, _, pgettext
from cobranza_desktop.domain.money import ZERO, round_money, split_evenly

MAX_INSTALMENTS = 120


class Frequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"

    def label(self) -> str:
        return _(
            {
                Frequency.WEEKLY: N_("Semanal"),
                Frequency.FORTNIGHTLY: N_("Quincenal"),
                Frequency.MONTHLY: N_("Mensual"),
            }[self]
        )


def add_months(day: date, months: int, anchor_day: int | None = None) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(anchor_day or day.day, last))


def instalment_date(first_due: date, frequency: Frequency, index: int) -> date:
    if frequency == Frequency.WEEKLY:
        return first_due + timedelta(weeks=index)
    if frequency == Frequency.FORTNIGHTLY:
        return first_due + timedelta(days=14 * index)
    return add_months(first_due, index, anchor_day=first_due.day)


@dataclass(frozen=True)
class PlanTerms:
    principal: Decimal  # balance of the selected invoices
    instalments: int
    frequency: Frequency
    first_due: date
    start: date
    down_payment: Decimal = ZERO
    waived_penalties: Decimal = ZERO
    interest_percent: Decimal = ZERO  # flat, on the financed amount
    custom_amounts: tuple[Decimal, ...] | None = None
    grace_days: int = 5


@dataclass(frozen=True)
class Instalment:
    number: int  # 0 is the down payment
    due_date: date
    amount: Decimal


@dataclass(frozen=True)
class PlanSchedule:
    principal: Decimal
    waived: Decimal
    down_payment: Decimal
    financed: Decimal
    interest: Decimal
    total: Decimal  # what the customer pays in all, down payment included
    instalments: tuple[Instalment, ...]


def build_schedule(terms: PlanTerms) -> PlanSchedule:
    """The schedule of a plan, or a :class:`ValidationError` saying what is wrong."""
    if terms.principal <= 0:
        raise ValidationError("invoices", _("Seleccione facturas con saldo."))
    if not 1 <= terms.instalments <= MAX_INSTALMENTS:
        raise ValidationError(
            "instalments",
            _("El número de pagos debe estar entre 1 y {max_instalments}.").format(
                max_instalments=MAX_INSTALMENTS
            ),
        )
    if terms.waived_penalties < 0 or terms.waived_penalties >= terms.principal:
        raise ValidationError(
            "waived_penalties",
            _("Los recargos condonados deben ser menores que la deuda."),
        )
    if terms.interest_percent < 0 or terms.interest_percent > 100:
        raise ValidationError(
            "interest_percent",
            _("El interés debe estar entre 0 y 100 %."),
        )
    if terms.grace_days < 0:
        raise ValidationError("grace_days", _("Los días de gracia no pueden ser negativos."))
    if terms.first_due < terms.start:
        raise ValidationError(
            "first_due",
            _("El primer pago no puede ser antes del inicio del convenio."),
        )
    debt = round_money(terms.principal - terms.waived_penalties)
    down = round_money(terms.down_payment)
    if down < 0 or down >= debt:
        raise ValidationError(
            "down_payment",
            _("El enganche debe ser menor que la deuda."),
        )
    financed = debt - down
    interest = round_money(financed * terms.interest_percent / 100)
    to_split = financed + interest
    if terms.custom_amounts is not None:
        amounts = [round_money(a) for a in terms.custom_amounts]
        if len(amounts) != terms.instalments:
            raise ValidationError(
                "custom_amounts",
                _("Escriba {instalments} montos.").format(instalments=terms.instalments),
            )
        if any(a <= 0 for a in amounts):
            raise ValidationError(
                "custom_amounts",
                _("Cada pago debe ser mayor que cero."),
            )
        if sum(amounts, ZERO) != to_split:
            raise ValidationError(
                "custom_amounts",
                _("Los pagos suman {amounts} y deben sumar {to_split}.").format(
                    amounts=sum(amounts, ZERO), to_split=to_split
                ),
            )
    else:
        amounts = split_evenly(to_split, terms.instalments)
    rows: list[Instalment] = []
    if down > 0:
        rows.append(Instalment(0, terms.start, down))
    for i, amount in enumerate(amounts):
        rows.append(Instalment(i + 1, instalment_date(terms.first_due, terms.frequency, i), amount))
    return PlanSchedule(
        principal=round_money(terms.principal),
        waived=round_money(terms.waived_penalties),
        down_payment=down,
        financed=financed,
        interest=interest,
        total=down + to_split,
        instalments=tuple(rows),
    )


class PlanStatus(StrEnum):
    CURRENT = "current"
    COMPLETED = "completed"
    BROKEN = "broken"
    CANCELLED = "cancelled"

    def label(self) -> str:
        return _(
            {
                PlanStatus.CURRENT: N_("Vigente"),
                PlanStatus.COMPLETED: N_("Cumplido"),
                PlanStatus.BROKEN: N_("Incumplido"),
                PlanStatus.CANCELLED: N_("Cancelado"),
            }[self]
        )


@dataclass(frozen=True)
class InstalmentState:
    instalment: Instalment
    paid: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class PlanProgress:
    status: PlanStatus
    paid: Decimal
    instalments: tuple[InstalmentState, ...]
    broken_instalment: int | None  # the number of the instalment that broke the plan

    @property
    def next_unpaid(self) -> InstalmentState | None:
        return next((s for s in self.instalments if s.remaining > 0), None)


def evaluate_plan(
    instalments: Sequence[Instalment], paid_since_start: Decimal, today: date, grace_days: int
) -> PlanProgress:
    """Payments cover instalments in order; one still unpaid past its grace days breaks the plan."""
    left = max(paid_since_start, ZERO)
    states: list[InstalmentState] = []
    broken: int | None = None
    for inst in sorted(instalments, key=lambda i: (i.due_date, i.number)):
        paid = min(left, inst.amount)
        left -= paid
        remaining = inst.amount - paid
        states.append(InstalmentState(inst, paid, remaining))
        if remaining > 0 and broken is None and today > inst.due_date + timedelta(days=grace_days):
            broken = inst.number
    if all(s.remaining == 0 for s in states):
        status = PlanStatus.COMPLETED
    elif broken is not None:
        status = PlanStatus.BROKEN
    else:
        status = PlanStatus.CURRENT
    return PlanProgress(status, paid_since_start, tuple(states), broken)


class PromiseStatus(StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"

    def label(self) -> str:
        return {
            PromiseStatus.PENDING: _("Pendiente"),
            PromiseStatus.KEPT: _("Cumplida"),
            PromiseStatus.BROKEN: _("Incumplida"),
            # A voided invoice is "Cancelada" too, but "Voided": its own context.
            PromiseStatus.CANCELLED: pgettext("domain.plans", "Cancelada"),
        }[self]


def validate_promise(amount: Decimal, promised_date: date, today: date) -> None:
    if amount <= 0:
        raise ValidationError("amount", _("El monto prometido debe ser mayor que cero."))
    if promised_date < today:
        raise ValidationError(
            "promised_date",
            _("La fecha prometida ya pasó."),
        )


def evaluate_promise(
    amount: Decimal,
    promised_date: date,
    payments: Iterable[tuple[date, Decimal]],
    today: date,
) -> PromiseStatus:
    """Kept when the payments made since the promise reach the amount by its date.

    ``payments`` are those made since the promise was given. Broken once the date has
    passed without reaching the amount.
    """
    paid_by_date = sum((a for d, a in payments if d <= promised_date), ZERO)
    if paid_by_date >= amount:
        return PromiseStatus.KEPT
    if today > promised_date:
        return PromiseStatus.BROKEN
    return PromiseStatus.PENDING
