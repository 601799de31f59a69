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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Any

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money, format_percent
from cobranza_desktop.domain.i18n import tr
from cobranza_desktop.domain.money import (
    ZERO,
    parse_amount,
    parse_decimal,
    round_money,
    split_evenly,
)

# Código de Comercio, art. 362: 6% a year when the parties agreed no rate.
LEGAL_ANNUAL_RATE = Decimal("6")
DAY_BASES = (365, 360)
# Days past due at which the escalation ladder's penalty stages fall by default.
DEFAULT_STAGE_DAYS: tuple[int, ...] = (30, 60, 90)
MAX_ANNUAL_RATE = Decimal("1000")
MAX_GRACE_DAYS = 365
_HUNDRED = Decimal(100)
# Plenty of digits for exact products of amounts, rates and days before the one division.
_PRECISION = 60


class PenaltyPreset(StrEnum):
    NONE = "none"
    LEGAL = "legal"
    CUSTOM = "custom"


class FeeMode(StrEnum):
    PER_INVOICE = "per_invoice"
    PER_STAGE = "per_stage"


class ChargeKind(StrEnum):
    FEE = "fee"
    INTEREST = "interest"


def _percent(value: Decimal | str | int, name: str, maximum: Decimal) -> Decimal:
    return parse_decimal(value, name, minimum=Decimal(0), maximum=maximum, max_places=4)


@dataclass(frozen=True)
class PenaltyPolicy:
    """The contract's terms for late payment. Validated on construction."""

    preset: PenaltyPreset = PenaltyPreset.NONE
    grace_days: int = 0
    fixed_fee: Decimal = ZERO
    percent_fee: Decimal = Decimal(0)
    fee_mode: FeeMode = FeeMode.PER_INVOICE
    stage_days: tuple[int, ...] = DEFAULT_STAGE_DAYS
    annual_rate_percent: Decimal = Decimal(0)
    day_basis: int = 365
    cap_percent: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "preset", PenaltyPreset(self.preset))
        object.__setattr__(self, "fee_mode", FeeMode(self.fee_mode))
        if isinstance(self.grace_days, bool) or not isinstance(self.grace_days, int):
            raise ValidationError(
                "grace_days", tr("Días de gracia no válidos.", "Invalid grace days.")
            )
        if not 0 <= self.grace_days <= MAX_GRACE_DAYS:
            raise ValidationError(
                "grace_days",
                tr(
                    f"Los días de gracia van de 0 a {MAX_GRACE_DAYS}.",
                    f"Grace days go from 0 to {MAX_GRACE_DAYS}.",
                ),
            )
        object.__setattr__(
            self, "fixed_fee", parse_amount(self.fixed_fee, "fixed_fee", allow_zero=True)
        )
        object.__setattr__(self, "percent_fee", _percent(self.percent_fee, "percent_fee", _HUNDRED))
        object.__setattr__(
            self,
            "annual_rate_percent",
            _percent(self.annual_rate_percent, "annual_rate_percent", MAX_ANNUAL_RATE),
        )
        if self.day_basis not in DAY_BASES:
            raise ValidationError(
                "day_basis",
                tr("La base de días debe ser 365 o 360.", "The day basis must be 365 or 360."),
            )
        if self.cap_percent is not None:
            object.__setattr__(
                self, "cap_percent", _percent(self.cap_percent, "cap_percent", MAX_ANNUAL_RATE)
            )
        stages = tuple(self.stage_days)
        object.__setattr__(self, "stage_days", stages)
        if self.fee_mode is FeeMode.PER_STAGE and self.has_fees:
            if not stages:
                raise ValidationError(
                    "stage_days",
                    tr(
                        "Indique al menos una etapa (días de atraso).",
                        "Give at least one stage (days past due).",
                    ),
                )
            if any(isinstance(s, bool) or not isinstance(s, int) for s in stages) or list(
                stages
            ) != sorted(set(stages)):
                raise ValidationError(
                    "stage_days",
                    tr(
                        "Las etapas deben ser días distintos, en orden creciente.",
                        "Stages must be distinct days, in increasing order.",
                    ),
                )
            if stages[0] <= self.grace_days:
                raise ValidationError(
                    "stage_days",
                    tr(
                        "La primera etapa debe caer después de los días de gracia.",
                        "The first stage must fall after the grace days.",
                    ),
                )
        if self.preset is PenaltyPreset.NONE and (self.has_fees or self.has_interest):
            raise ValidationError(
                "preset",
                tr(
                    "La opción «sin penalizaciones» no admite cargos ni intereses.",
                    "The “no penalties” option admits no fees nor interest.",
                ),
            )
        if self.preset is PenaltyPreset.LEGAL and (
            self.annual_rate_percent != LEGAL_ANNUAL_RATE
            or self.has_fees
            or self.grace_days
            or self.cap_percent is not None
        ):
            raise ValidationError(
                "preset",
                tr(
                    "La tasa legal es 6 % anual, sin comisiones, gracia ni tope.",
                    "The legal rate is 6% a year, with no fees, grace or cap.",
                ),
            )

    # -- presets ---------------------------------------------------------------------------

    @classmethod
    def none(cls) -> PenaltyPolicy:
        """No penalties at all."""
        return cls(preset=PenaltyPreset.NONE)

    @classmethod
    def legal(cls) -> PenaltyPolicy:
        """The legal rate (Código de Comercio art. 362): 6% a year from the day after due."""
        return cls(preset=PenaltyPreset.LEGAL, annual_rate_percent=LEGAL_ANNUAL_RATE)

    @classmethod
    def for_preset(cls, preset: PenaltyPreset | str) -> PenaltyPolicy:
        preset = PenaltyPreset(preset)
        if preset is PenaltyPreset.LEGAL:
            return cls.legal()
        if preset is PenaltyPreset.NONE:
            return cls.none()
        return cls(preset=PenaltyPreset.CUSTOM)

    # -- properties --------------------------------------------------------------------------

    @property
    def has_fees(self) -> bool:
        return self.fixed_fee > 0 or self.percent_fee > 0

    @property
    def has_interest(self) -> bool:
        return self.annual_rate_percent > 0

    @property
    def is_active(self) -> bool:
        return self.has_fees or self.has_interest

    def first_accrual_day(self, due_date: date) -> date:
        """The first day that accrues interest: the day after due date plus grace."""
        return due_date + timedelta(days=self.grace_days + 1)

    def cap_amount(self, principal: Decimal) -> Decimal | None:
        """The exact cap on an invoice's cumulative interest, or ``None`` without a cap."""
        if self.cap_percent is None:
            return None
        return principal * self.cap_percent / _HUNDRED

    # -- storage as JSON (settings table) ------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset.value,
            "grace_days": self.grace_days,
            "fixed_fee": str(self.fixed_fee),
            "percent_fee": str(self.percent_fee),
            "fee_mode": self.fee_mode.value,
            "stage_days": list(self.stage_days),
            "annual_rate_percent": str(self.annual_rate_percent),
            "day_basis": self.day_basis,
            "cap_percent": None if self.cap_percent is None else str(self.cap_percent),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PenaltyPolicy:
        cap = data.get("cap_percent")
        return cls(
            preset=PenaltyPreset(data.get("preset", "none")),
            grace_days=int(data.get("grace_days", 0)),
            fixed_fee=Decimal(str(data.get("fixed_fee", "0"))),
            percent_fee=Decimal(str(data.get("percent_fee", "0"))),
            fee_mode=FeeMode(data.get("fee_mode", FeeMode.PER_INVOICE.value)),
            stage_days=tuple(int(d) for d in data.get("stage_days", DEFAULT_STAGE_DAYS)),
            annual_rate_percent=Decimal(str(data.get("annual_rate_percent", "0"))),
            day_basis=int(data.get("day_basis", 365)),
            cap_percent=None if cap in (None, "") else Decimal(str(cap)),
        )

    def with_changes(self, **changes: Any) -> PenaltyPolicy:
        return replace(self, **changes)


def resolve_policy(business: PenaltyPolicy, customer: PenaltyPolicy | None) -> PenaltyPolicy:
    """A customer's own policy, when there is one, replaces the business policy whole."""
    return customer if customer is not None else business


# -- the core ------------------------------------------------------------------------------


def _check_rate_inputs(annual_rate_percent: Decimal, day_basis: int) -> None:
    if annual_rate_percent < 0:
        raise ValidationError(
            "annual_rate_percent",
            tr("La tasa no puede ser negativa.", "The rate cannot be negative."),
        )
    if day_basis not in DAY_BASES:
        raise ValidationError(
            "day_basis",
            tr("La base de días debe ser 365 o 360.", "The day basis must be 365 or 360."),
        )


def _interest_from_balance_days(
    balance_days: Decimal, annual_rate_percent: Decimal, day_basis: int
) -> Decimal:
    """Exact (unrounded) interest on a sum of ``balance × days`` products."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return balance_days * annual_rate_percent / (_HUNDRED * day_basis)


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
            tr("El capital no puede ser negativo.", "The principal cannot be negative."),
        )
    if days < 0:
        raise ValidationError(
            "days", tr("Los días no pueden ser negativos.", "Days cannot be negative.")
        )
    _check_rate_inputs(annual_rate_percent, day_basis)
    return round_money(
        _interest_from_balance_days(principal * days, annual_rate_percent, day_basis)
    )


# -- falling balance -------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentEvent:
    """Money applied to an invoice's principal on a day."""

    on: date
    amount: Decimal


@dataclass(frozen=True)
class BalancePeriod:
    """Consecutive days, ``start`` to ``end`` inclusive, with the same outstanding balance."""

    start: date
    end: date
    balance: Decimal

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def outstanding_periods(
    principal: Decimal, payments: Iterable[PaymentEvent], start: date, end: date
) -> list[BalancePeriod]:
    """The days ``start``..``end`` cut into periods of constant positive balance.

    Day ``d`` counts with the balance at the start of ``d``: payments made on ``d`` lower
    the balance from ``d + 1`` on. Days with nothing outstanding are left out.
    """
    if end < start:
        return []
    ordered = sorted(payments, key=lambda p: p.on)
    balance = principal - sum((p.amount for p in ordered if p.on < start), ZERO)
    periods: list[BalancePeriod] = []
    cursor = start
    by_day: dict[date, Decimal] = {}
    for p in ordered:
        if start <= p.on <= end:
            by_day[p.on] = by_day.get(p.on, ZERO) + p.amount
    for day in sorted(by_day):
        if balance > 0:
            periods.append(BalancePeriod(cursor, day, balance))
        balance -= by_day[day]
        cursor = day + timedelta(days=1)
    if cursor <= end and balance > 0:
        periods.append(BalancePeriod(cursor, end, balance))
    # Join neighbours with the same balance (payments of zero, or balances that repeat).
    merged: list[BalancePeriod] = []
    for period in periods:
        if merged and merged[-1].balance == period.balance:
            merged[-1] = BalancePeriod(merged[-1].start, period.end, period.balance)
        else:
            merged.append(period)
    return merged


def balance_on(principal: Decimal, payments: Iterable[PaymentEvent], day: date) -> Decimal:
    """The principal outstanding at the start of ``day`` (payments before ``day``)."""
    paid = sum((p.amount for p in payments if p.on < day), ZERO)
    return max(principal - paid, ZERO)


def cumulative_interest_exact(
    principal: Decimal,
    payments: Sequence[PaymentEvent],
    first_day: date,
    through: date,
    annual_rate_percent: Decimal,
    day_basis: int = 365,
    cap: Decimal | None = None,
) -> Decimal:
    """Exact interest accrued from ``first_day`` through ``through``, capped, unrounded."""
    _check_rate_inputs(annual_rate_percent, day_basis)
    if through < first_day:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        balance_days = sum(
            (
                p.balance * p.days
                for p in outstanding_periods(principal, payments, first_day, through)
            ),
            Decimal(0),
        )
    exact = _interest_from_balance_days(balance_days, annual_rate_percent, day_basis)
    if cap is not None and exact > cap:
        return cap
    return exact


@dataclass(frozen=True)
class InterestSegment:
    """One line of an interest breakdown: a balance that accrued for some days."""

    start: date
    end: date
    balance: Decimal
    days: int
    amount: Decimal
    capped: bool = False


@dataclass(frozen=True)
class InterestAccrual:
    """Interest for the days ``period_start``..``period_end``, with its breakdown."""

    period_start: date
    period_end: date
    annual_rate_percent: Decimal
    day_basis: int
    segments: tuple[InterestSegment, ...]
    amount: Decimal
    capped: bool

    @property
    def days(self) -> int:
        return sum(s.days for s in self.segments)


def falling_balance_interest(
    principal: Decimal,
    payments: Sequence[PaymentEvent],
    due_date: date,
    through: date,
    annual_rate_percent: Decimal,
    day_basis: int = 365,
    *,
    grace_days: int = 0,
    cap_percent: Decimal | None = None,
    since: date | None = None,
) -> InterestAccrual:
    """Late interest of one invoice for the days ``since``..``through``.

    ``since`` defaults to the first accruing day (due date + grace + 1) and is never
    earlier. The amount is ``R(C(through)) - R(C(since - 1))`` (see the module docs), so
    consecutive periods add up to the cent; with the default ``since`` it is the cumulative
    interest rounded once.
    """
    if principal < 0:
        raise ValidationError(
            "principal",
            tr("El capital no puede ser negativo.", "The principal cannot be negative."),
        )
    _check_rate_inputs(annual_rate_percent, day_basis)
    first_day = due_date + timedelta(days=grace_days + 1)
    start = max(since or first_day, first_day)
    cap = None if cap_percent is None else principal * cap_percent / _HUNDRED

    def cumulative(day: date) -> Decimal:
        return cumulative_interest_exact(
            principal, payments, first_day, day, annual_rate_percent, day_basis, cap
        )

    if through < start:
        return InterestAccrual(start, through, annual_rate_percent, day_basis, (), ZERO, False)
    before = start - timedelta(days=1)
    rounded_before = round_money(cumulative(before))
    segments: list[InterestSegment] = []
    previous = rounded_before
    for period in outstanding_periods(principal, payments, start, through):
        exact_end = cumulative(period.end)
        rounded_end = round_money(exact_end)
        segments.append(
            InterestSegment(
                start=period.start,
                end=period.end,
                balance=period.balance,
                days=period.days,
                amount=rounded_end - previous,
                capped=cap is not None and exact_end >= cap,
            )
        )
        previous = rounded_end
    total_exact = cumulative(through)
    amount = round_money(total_exact) - rounded_before
    return InterestAccrual(
        period_start=start,
        period_end=through,
        annual_rate_percent=annual_rate_percent,
        day_basis=day_basis,
        segments=tuple(segments),
        amount=amount,
        capped=cap is not None and total_exact >= cap,
    )


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


@dataclass(frozen=True)
class PenaltyBreakdown:
    """One proposed charge, with everything a document needs to explain it."""

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
    segments: tuple[InterestSegment, ...] = field(default=())
    capped: bool = False

    def describe(self) -> str:
        """A one-line explanation, in the current language, for documents and tables."""
        if self.kind is ChargeKind.FEE:
            parts = []
            if self.fixed_fee:
                parts.append(format_money(self.fixed_fee))
            if self.percent_fee:
                parts.append(
                    tr(
                        f"{format_percent(self.percent_fee)} de {format_money(self.base)}",
                        f"{format_percent(self.percent_fee)} of {format_money(self.base)}",
                    )
                )
            return tr(
                f"Cargo por atraso al {format_date(self.period_end)}: {' + '.join(parts)}",
                f"Late fee on {format_date(self.period_end)}: {' + '.join(parts)}",
            )
        rate = format_percent(self.annual_rate_percent)
        start, end = format_date(self.period_start), format_date(self.period_end)
        return tr(
            f"Interés moratorio {rate} anual del {start} al {end} "
            f"({self.days} días, base {self.day_basis})",
            f"Late interest {rate} a year from {start} to {end} "
            f"({self.days} days, basis {self.day_basis})",
        )


def interest_key(period_end: date) -> str:
    return f"interest:{period_end.isoformat()}"


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
    charges: list[PenaltyBreakdown] = []
    for key, trigger in fee_triggers(policy, facts.due_date):
        if trigger > as_of or key in history.fee_keys:
            continue
        base = balance_on(facts.principal, facts.payments, trigger)
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
                    days=(trigger - facts.due_date).days,
                    day_basis=policy.day_basis,
                    amount=amount,
                )
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
        raise ValidationError("months", tr("Los meses van de 1 a 120.", "Months go from 1 to 120."))
    balance = parse_amount(overdue_balance, "overdue_balance", allow_zero=True)
    extra = parse_amount(penalties, "penalties", allow_zero=True)
    return InstalmentPreview(
        months=months,
        balance=balance,
        penalties=extra,
        without_penalties=tuple(split_evenly(balance, months)),
        with_penalties=tuple(split_evenly(balance + extra, months)),
    )


def describe_policy(policy: PenaltyPolicy) -> str:
    """The terms in one paragraph, in the current language, for the customer file and notices."""
    if not policy.is_active:
        return tr("Sin penalizaciones por pago tardío.", "No late-payment penalties.")
    parts: list[str] = []
    if policy.grace_days:
        parts.append(tr(f"{policy.grace_days} días de gracia", f"{policy.grace_days} grace days"))
    if policy.has_fees:
        amounts = []
        if policy.fixed_fee:
            amounts.append(format_money(policy.fixed_fee))
        if policy.percent_fee:
            amounts.append(
                tr(
                    f"{format_percent(policy.percent_fee)} del saldo vencido",
                    f"{format_percent(policy.percent_fee)} of the overdue balance",
                )
            )
        when = (
            tr("una vez por factura", "once per invoice")
            if policy.fee_mode is FeeMode.PER_INVOICE
            else tr(
                f"en cada etapa ({', '.join(str(d) for d in policy.stage_days)} días de atraso)",
                f"at each stage ({', '.join(str(d) for d in policy.stage_days)} days past due)",
            )
        )
        parts.append(
            tr(
                f"cargo por atraso de {' + '.join(amounts)}, {when}",
                f"late fee of {' + '.join(amounts)}, {when}",
            )
        )
    if policy.has_interest:
        rate = format_percent(policy.annual_rate_percent)
        legal = (
            tr(
                " (tasa legal, art. 362 del Código de Comercio)",
                " (legal rate, Commercial Code art. 362)",
            )
            if policy.preset is PenaltyPreset.LEGAL
            else ""
        )
        parts.append(
            tr(
                f"interés moratorio de {rate} anual{legal}, base {policy.day_basis} días, "
                "sobre el saldo pendiente",
                f"late interest of {rate} a year{legal}, {policy.day_basis}-day basis, "
                "on the outstanding balance",
            )
        )
        if policy.cap_percent is not None:
            parts.append(
                tr(
                    f"con tope de {format_percent(policy.cap_percent)} del capital",
                    f"capped at {format_percent(policy.cap_percent)} of the principal",
                )
            )
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
