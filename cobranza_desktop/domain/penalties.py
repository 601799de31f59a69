"""Late fees and late-payment interest, exactly as the contract says.

Pure arithmetic: no Qt, no SQLAlchemy, no I/O, no clock (dates come in as parameters).

The rules, in one place (``docs/penalties.md`` has worked examples):

* Interest accrues daily, as **simple interest**, on the invoice's **outstanding
  principal** only: never on fees, never on interest. The first day that accrues is the
  day after the due date plus the grace days (Código de Comercio art. 362: "desde el día
  siguiente al del vencimiento").
* Day ``d`` accrues on the balance outstanding at the start of ``d``: a payment made on
  day ``d`` lowers the balance from ``d + 1`` on. So an invoice due on the 31st and paid
  on the 1st is one day late and pays one day of interest.
* ``interest = balance × rate% × days / day_basis`` with a day basis of 365 or 360.
  On a falling balance the products ``balance × days`` of every period are added up
  exactly and the result is divided and rounded **once**, half up, to the cent.
* An optional cap limits the *cumulative* interest of an invoice to a % of its principal.
* Interest is charged by periods ``[last charged day + 1, as_of]``. The amount of a
  period is ``R(C(end)) - R(C(start - 1))`` where ``C`` is the exact (capped) cumulative
  interest and ``R`` rounds to the cent. The periods therefore add up to exactly
  ``R(C(last day))``: charging daily, monthly or once gives the same total to the cent.
* Fees (fixed amount plus a % of the overdue balance) are charged once per invoice, on
  the first day after the grace days, or once per escalation stage, on the day the
  invoice reaches that many days past due. Each fee has a natural key so that it is
  never charged twice.

Where it lives: this module holds the core, ``late_interest``, and exports the whole
penalty API. The policy and its presets are in ``domain.penalty_policy``, the falling
balance and the cap in ``domain.penalty_interest``, fees and the assessment of an
invoice in ``domain.penalty_assessment``, and the negotiation preview in
``domain.penalty_negotiation``.
"""

from __future__ import annotations

from decimal import Decimal

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import round_money
from cobranza_desktop.domain.penalty_assessment import (
    ChargeHistory,
    InvoiceFacts,
    PenaltyBreakdown,
    assess_invoice,
    fee_amount,
    fee_triggers,
    interest_key,
)
from cobranza_desktop.domain.penalty_interest import (
    BalancePeriod,
    InterestAccrual,
    InterestSegment,
    PaymentEvent,
    _check_rate_inputs,
    _interest_from_balance_days,
    balance_on,
    cumulative_interest_exact,
    falling_balance_interest,
    outstanding_periods,
)
from cobranza_desktop.domain.penalty_negotiation import (
    InstalmentPreview,
    estimate_penalties,
    instalment_preview,
)
from cobranza_desktop.domain.penalty_policy import (
    DAY_BASES,
    DEFAULT_STAGE_DAYS,
    LEGAL_ANNUAL_RATE,
    MAX_ANNUAL_RATE,
    MAX_GRACE_DAYS,
    ChargeKind,
    FeeMode,
    PenaltyPolicy,
    PenaltyPreset,
    describe_policy,
    resolve_policy,
)

__all__ = [
    "DAY_BASES",
    "DEFAULT_STAGE_DAYS",
    "LEGAL_ANNUAL_RATE",
    "MAX_ANNUAL_RATE",
    "MAX_GRACE_DAYS",
    "BalancePeriod",
    "ChargeHistory",
    "ChargeKind",
    "FeeMode",
    "InstalmentPreview",
    "InterestAccrual",
    "InterestSegment",
    "InvoiceFacts",
    "PaymentEvent",
    "PenaltyBreakdown",
    "PenaltyPolicy",
    "PenaltyPreset",
    "assess_invoice",
    "balance_on",
    "cumulative_interest_exact",
    "describe_policy",
    "estimate_penalties",
    "falling_balance_interest",
    "fee_amount",
    "fee_triggers",
    "instalment_preview",
    "interest_key",
    "late_interest",
    "outstanding_periods",
    "resolve_policy",
]


# -- the core ------------------------------------------------------------------------------


def late_interest(
    principal: Decimal, annual_rate_percent: Decimal, days: int, day_basis: int = 365
) -> Decimal:
    """Simple interest on ``principal`` for ``days`` days, rounded once to cents, half up.

    ``principal × rate% × days / day_basis``. E.g. $10,000.00 at 36% for 30 days, basis
    365: 10000 × 0.36 × 30 / 365 = 295.8904… → $295.89.
    """
    if principal < 0:
        raise ValidationError(
            "principal",
            _("El capital no puede ser negativo."),
        )
    if days < 0:
        raise ValidationError("days", _("Los días no pueden ser negativos."))
    _check_rate_inputs(annual_rate_percent, day_basis)
    return round_money(
        _interest_from_balance_days(principal * days, annual_rate_percent, day_basis)
    )
