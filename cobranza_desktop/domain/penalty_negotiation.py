"""The negotiation preview: penalties on an overdue balance and monthly instalments.

``estimate_penalties`` tells what a policy would charge on a constant balance after some
days past due; ``instalment_preview`` splits a balance in monthly instalments, with and
without the penalties, to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import ZERO, parse_amount, round_money, split_evenly
from cobranza_desktop.domain.penalty_assessment import fee_amount
from cobranza_desktop.domain.penalty_interest import _interest_from_balance_days
from cobranza_desktop.domain.penalty_policy import FeeMode, PenaltyPolicy

# -- preview for negotiation -------------------------------------------------------------------


def estimate_penalties(
    policy: PenaltyPolicy, overdue_balance: Decimal, days_past_due: int
) -> Decimal:
    """Penalties on a constant overdue balance after ``days_past_due`` days (no payments).

    Each fee and the interest are rounded on their own, as they become separate charges.
    """
    if overdue_balance <= 0 or days_past_due <= policy.grace_days:
        return ZERO
    fees = ZERO
    if policy.has_fees:
        if policy.fee_mode is FeeMode.PER_INVOICE:
            fees = fee_amount(policy, overdue_balance)
        else:
            reached = sum(1 for d in policy.stage_days if d <= days_past_due)
            fees = fee_amount(policy, overdue_balance) * reached
    interest = ZERO
    if policy.has_interest:
        accrual_days = days_past_due - policy.grace_days
        exact = _interest_from_balance_days(
            overdue_balance * accrual_days, policy.annual_rate_percent, policy.day_basis
        )
        cap = policy.cap_amount(overdue_balance)
        interest = round_money(min(exact, cap) if cap is not None else exact)
    return fees + interest


@dataclass(frozen=True)
class InstalmentPreview:
    """Monthly instalments for an overdue balance, with and without penalties."""

    months: int
    balance: Decimal
    penalties: Decimal
    without_penalties: tuple[Decimal, ...]
    with_penalties: tuple[Decimal, ...]

    @property
    def monthly_without(self) -> Decimal:
        """The largest instalment (the first ones carry the leftover cents)."""
        return self.without_penalties[0]

    @property
    def monthly_with(self) -> Decimal:
        return self.with_penalties[0]

    @property
    def total_with(self) -> Decimal:
        return self.balance + self.penalties


def instalment_preview(
    overdue_balance: Decimal, months: int, penalties: Decimal
) -> InstalmentPreview:
    """What each monthly instalment would be, with and without the penalties.

    The instalments add up to the cent (``split_evenly``: leftover cents go first).
    """
    if months < 1 or months > 120:
        raise ValidationError("months", _("Los meses van de 1 a 120."))
    balance = parse_amount(overdue_balance, "overdue_balance", allow_zero=True)
    extra = parse_amount(penalties, "penalties", allow_zero=True)
    return InstalmentPreview(
        months=months,
        balance=balance,
        penalties=extra,
        without_penalties=tuple(split_evenly(balance, months)),
        with_penalties=tuple(split_evenly(balance + extra, months)),
    )
