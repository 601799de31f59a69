"""Late fees and the assessment of one invoice: the charges due, with their breakdown.

Fees (a fixed amount plus a % of the overdue balance) are charged once per invoice, or once
per escalation stage, each under a natural key so that it is never charged twice.
``assess_invoice`` puts the fees and the interest of a period together as
``PenaltyBreakdown`` items, each of which can describe itself for documents and tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from cobranza_desktop.domain.formatting import format_date, format_money, format_percent
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import ZERO, round_money
from cobranza_desktop.domain.penalty_interest import (
    InterestSegment,
    PaymentEvent,
    balance_on,
    falling_balance_interest,
)
from cobranza_desktop.domain.penalty_policy import _HUNDRED, ChargeKind, FeeMode, PenaltyPolicy

# -- fees ------------------------------------------------------------------------------------


def fee_amount(policy: PenaltyPolicy, overdue_balance: Decimal) -> Decimal:
    """Fixed fee plus the percentage fee on the overdue balance, rounded once."""
    if overdue_balance <= 0:
        return ZERO
    return round_money(policy.fixed_fee + overdue_balance * policy.percent_fee / _HUNDRED)


def fee_triggers(policy: PenaltyPolicy, due_date: date) -> list[tuple[str, date]]:
    """The fees a policy charges on an invoice: (natural key, day it becomes due)."""
    if not policy.has_fees:
        return []
    if policy.fee_mode is FeeMode.PER_INVOICE:
        return [("fee", policy.first_accrual_day(due_date))]
    return [(f"fee:stage:{d}", due_date + timedelta(days=d)) for d in policy.stage_days]


# -- assessment of one invoice -----------------------------------------------------------------


@dataclass(frozen=True)
class InvoiceFacts:
    """What the arithmetic needs to know about an invoice."""

    principal: Decimal
    due_date: date
    payments: tuple[PaymentEvent, ...] = ()


@dataclass(frozen=True)
class ChargeHistory:
    """What was already charged on an invoice (waived charges count: never charged again)."""

    fee_keys: frozenset[str] = frozenset()
    interest_through: date | None = None


class PenaltyBreakdown(NamedTuple):
    """One proposed charge, with everything a document needs to explain it.

    A named tuple (immutable): made by the ten thousand, where a frozen dataclass's
    guarded ``object.__setattr__`` per field cost five times as much to build."""

    kind: ChargeKind
    key: str
    period_start: date
    period_end: date
    base: Decimal
    fixed_fee: Decimal
    percent_fee: Decimal
    annual_rate_percent: Decimal
    days: int
    day_basis: int
    amount: Decimal
    segments: tuple[InterestSegment, ...] = ()
    capped: bool = False

    def describe(self) -> str:
        """A one-line explanation, in the current language, for documents and tables."""
        if self.kind is ChargeKind.FEE:
            parts = []
            if self.fixed_fee:
                parts.append(format_money(self.fixed_fee))
            if self.percent_fee:
                parts.append(
                    _("{percent_fee} de {base}").format(
                        percent_fee=format_percent(self.percent_fee), base=format_money(self.base)
                    )
                )
            return _("Cargo por atraso al {period_end}: {parts}").format(
                period_end=format_date(self.period_end), parts=" + ".join(parts)
            )
        rate = format_percent(self.annual_rate_percent)
        start, end = format_date(self.period_start), format_date(self.period_end)
        return _(
            "Interés moratorio {rate} anual del {start} al {end} ({days} días, base {day_basis})"
        ).format(rate=rate, start=start, end=end, days=self.days, day_basis=self.day_basis)


def interest_key(period_end: date) -> str:
    return f"interest:{period_end.isoformat()}"


def fee_charges(
    policy: PenaltyPolicy,
    due_date: date,
    as_of: date,
    history: ChargeHistory,
    balance_at: Callable[[date], Decimal],
) -> list[PenaltyBreakdown]:
    """The fees whose day has come by ``as_of`` and whose key is not in the history, each
    on the balance outstanding at the start of its day (``balance_at``)."""
    charges: list[PenaltyBreakdown] = []
    for key, trigger in fee_triggers(policy, due_date):
        if trigger > as_of or key in history.fee_keys:
            continue
        base = balance_at(trigger)
        amount = fee_amount(policy, base)
        if amount > 0:
            charges.append(
                PenaltyBreakdown(
                    kind=ChargeKind.FEE,
                    key=key,
                    period_start=trigger,
                    period_end=trigger,
                    base=base,
                    fixed_fee=policy.fixed_fee,
                    percent_fee=policy.percent_fee,
                    annual_rate_percent=Decimal(0),
                    days=(trigger - due_date).days,
                    day_basis=policy.day_basis,
                    amount=amount,
                )
            )
    return charges


def assess_invoice(
    policy: PenaltyPolicy,
    facts: InvoiceFacts,
    as_of: date,
    history: ChargeHistory | None = None,
) -> list[PenaltyBreakdown]:
    """The charges due on an invoice as of a date, leaving out what was already charged.

    Fees whose day has come and whose key is not in the history, then the interest of the
    days after ``history.interest_through`` up to ``as_of`` (when it is not zero).
    """
    history = history or ChargeHistory()
    charges = fee_charges(
        policy,
        facts.due_date,
        as_of,
        history,
        lambda day: balance_on(facts.principal, facts.payments, day),
    )
    if policy.has_interest:
        since = (
            history.interest_through + timedelta(days=1)
            if history.interest_through is not None
            else None
        )
        accrual = falling_balance_interest(
            facts.principal,
            facts.payments,
            facts.due_date,
            as_of,
            policy.annual_rate_percent,
            policy.day_basis,
            grace_days=policy.grace_days,
            cap_percent=policy.cap_percent,
            since=since,
        )
        if accrual.amount > 0:
            charges.append(
                PenaltyBreakdown(
                    kind=ChargeKind.INTEREST,
                    key=interest_key(as_of),
                    period_start=accrual.period_start,
                    period_end=as_of,
                    base=accrual.segments[0].balance if accrual.segments else ZERO,
                    fixed_fee=ZERO,
                    percent_fee=Decimal(0),
                    annual_rate_percent=policy.annual_rate_percent,
                    days=accrual.days,
                    day_basis=policy.day_basis,
                    amount=accrual.amount,
                    segments=accrual.segments,
                    capped=accrual.capped,
                )
            )
    return charges
