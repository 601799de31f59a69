"""The penalty policy: the contract's terms for late payment, its presets and validation.

``PenaltyPolicy`` (grace days, fees, interest rate, day basis, cap) is validated on
construction and stored as JSON; the presets are "no penalties", the legal rate (Código de
Comercio art. 362) and custom terms. ``describe_policy`` puts the terms into words. The
arithmetic that applies a policy lives in ``domain.penalties`` and its sibling modules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money, format_percent
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.domain.money import ZERO, parse_amount, parse_decimal

# Código de Comercio, art. 362: 6% a year when the parties agreed no rate.
LEGAL_ANNUAL_RATE = Decimal("6")
DAY_BASES = (365, 360)
# Days past due at which the escalation ladder's penalty stages fall by default.
DEFAULT_STAGE_DAYS: tuple[int, ...] = (30, 60, 90)
MAX_ANNUAL_RATE = Decimal("1000")
MAX_GRACE_DAYS = 365
_HUNDRED = Decimal(100)


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
            raise ValidationError("grace_days", _("Días de gracia no válidos."))
        if not 0 <= self.grace_days <= MAX_GRACE_DAYS:
            raise ValidationError(
                "grace_days",
                _("Los días de gracia van de 0 a {max_grace_days}.").format(
                    max_grace_days=MAX_GRACE_DAYS
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
                _("La base de días debe ser 365 o 360."),
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
                    _("Indique al menos una etapa (días de atraso)."),
                )
            if any(isinstance(s, bool) or not isinstance(s, int) for s in stages) or list(
                stages
            ) != sorted(set(stages)):
                raise ValidationError(
                    "stage_days",
                    _("Las etapas deben ser días distintos, en orden creciente."),
                )
            if stages[0] <= self.grace_days:
                raise ValidationError(
                    "stage_days",
                    _("La primera etapa debe caer después de los días de gracia."),
                )
        if self.preset is PenaltyPreset.NONE and (self.has_fees or self.has_interest):
            raise ValidationError(
                "preset",
                _("La opción «sin penalizaciones» no admite cargos ni intereses."),
            )
        if self.preset is PenaltyPreset.LEGAL and (
            self.annual_rate_percent != LEGAL_ANNUAL_RATE
            or self.has_fees
            or self.grace_days
            or self.cap_percent is not None
        ):
            raise ValidationError(
                "preset",
                _("La tasa legal es 6 % anual, sin comisiones, gracia ni tope."),
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


def describe_policy(policy: PenaltyPolicy) -> str:
    """The terms in one paragraph, in the current language, for the customer file and notices."""
    if not policy.is_active:
        return _("Sin penalizaciones por pago tardío.")
    parts: list[str] = []
    if policy.grace_days:
        parts.append(
            ngettext(
                "{grace_days} día de gracia", "{grace_days} días de gracia", policy.grace_days
            ).format(grace_days=policy.grace_days)
        )
    if policy.has_fees:
        amounts = []
        if policy.fixed_fee:
            amounts.append(format_money(policy.fixed_fee))
        if policy.percent_fee:
            amounts.append(
                _("{percent_fee} del saldo vencido").format(
                    percent_fee=format_percent(policy.percent_fee)
                )
            )
        when = (
            _("una vez por factura")
            if policy.fee_mode is FeeMode.PER_INVOICE
            else _("en cada etapa ({stage_days} días de atraso)").format(
                stage_days=", ".join(str(d) for d in policy.stage_days)
            )
        )
        parts.append(
            _("cargo por atraso de {amounts}, {when}").format(
                amounts=" + ".join(amounts), when=when
            )
        )
    if policy.has_interest:
        rate = format_percent(policy.annual_rate_percent)
        legal = (
            _(" (tasa legal, art. 362 del Código de Comercio)")
            if policy.preset is PenaltyPreset.LEGAL
            else ""
        )
        parts.append(
            _(
                "interés moratorio de {rate} anual{legal}, base {day_basis} días, sobre el "
                "saldo pendiente"
            ).format(rate=rate, legal=legal, day_basis=policy.day_basis)
        )
        if policy.cap_percent is not None:
            parts.append(
                _("con tope de {cap_percent} del capital").format(
                    cap_percent=format_percent(policy.cap_percent)
                )
            )
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
