"""Contacts: outcomes, reasons for non-payment, and the cap that keeps us polite.

The seed texts insist on not harassing: messages periodically, "not daily and every
hour". The :class:`ContactPolicy` caps contacts per customer per day and per week,
keeps quiet hours and rests on Sundays. Overriding it requires a written reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from cobranza_desktop.domain.customers import Channel
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import N_, _


class Outcome(StrEnum):
    CONTACTED = "contacted"
    NO_ANSWER = "no_answer"
    PROMISE = "promise"
    DISPUTE = "dispute"
    REFUSED = "refused"
    PAID = "paid"
    WRONG_NUMBER = "wrong_number"

    def label(self) -> str:
        return _(_OUTCOME_LABELS[self])


_OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.CONTACTED: N_("Contactado"),
    Outcome.NO_ANSWER: N_("No contestó"),
    Outcome.PROMISE: N_("Promesa de pago"),
    Outcome.DISPUTE: N_("Disputa"),
    Outcome.REFUSED: N_("Se negó"),
    Outcome.PAID: N_("Pagó"),
    Outcome.WRONG_NUMBER: N_("Número equivocado"),
}


class NonPaymentReason(StrEnum):
    NO_FUNDS = "no_funds"
    INVOICE_NOT_RECEIVED = "invoice_not_received"
    WRONG_INVOICE_DATA = "wrong_invoice_data"
    PRODUCT_DISPUTE = "product_dispute"
    FORGOT = "forgot"
    REFUSES_NO_REASON = "refuses_no_reason"
    UNREACHABLE = "unreachable"

    def label(self) -> str:
        return _(_REASON_LABELS[self])


_REASON_LABELS: dict[NonPaymentReason, str] = {
    NonPaymentReason.NO_FUNDS: N_("Sin fondos por ahora"),
    NonPaymentReason.INVOICE_NOT_RECEIVED: N_("No recibió la factura"),
    NonPaymentReason.WRONG_INVOICE_DATA: N_("Datos incorrectos en la factura"),
    NonPaymentReason.PRODUCT_DISPUTE: N_("Inconformidad con el producto o servicio"),
    NonPaymentReason.FORGOT: N_("Lo olvidó"),
    NonPaymentReason.REFUSES_NO_REASON: N_("Se niega sin razón"),
    NonPaymentReason.UNREACHABLE: N_("No localizable"),
}


def parse_channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        raise ValidationError(
            "channel", _("Canal desconocido: «{value}».").format(value=value)
        ) from None


def parse_outcome(value: str) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        raise ValidationError(
            "outcome", _("Resultado desconocido: «{value}».").format(value=value)
        ) from None


def parse_reason(value: str | None) -> NonPaymentReason | None:
    if value is None or value == "":
        return None
    try:
        return NonPaymentReason(value)
    except ValueError:
        raise ValidationError(
            "reason",
            _("Motivo de impago desconocido: «{value}».").format(value=value),
        ) from None


class Violation(StrEnum):
    DAILY_CAP = "daily_cap"
    WEEKLY_CAP = "weekly_cap"
    QUIET_HOURS = "quiet_hours"
    SUNDAY = "sunday"

    def label(self) -> str:
        return _(_VIOLATION_LABELS[self])


_VIOLATION_LABELS: dict[Violation, str] = {
    Violation.DAILY_CAP: N_("Ya se contactó hoy al cliente el máximo de veces permitido"),
    Violation.WEEKLY_CAP: N_("Ya se contactó al cliente el máximo de veces en los últimos 7 días"),
    Violation.QUIET_HOURS: N_("Es horario de descanso"),
    Violation.SUNDAY: N_("Los domingos no se contacta a nadie"),
}


@dataclass(frozen=True)
class ContactPolicy:
    """How often and when a customer may be contacted.

    The week is a rolling window of seven days ending on the day considered.
    Quiet hours run from ``quiet_start`` to ``quiet_end`` (may wrap past midnight).
    """

    max_per_day: int = 1
    max_per_week: int = 3
    quiet_start: time = time(20, 0)
    quiet_end: time = time(9, 0)
    no_sundays: bool = True

    def __post_init__(self) -> None:
        if self.max_per_day < 1:
            raise ValidationError("max_per_day", _("Debe permitir al menos 1 contacto al día."))
        if self.max_per_week < self.max_per_day:
            raise ValidationError(
                "max_per_week",
                _("El máximo semanal no puede ser menor que el diario."),
            )

    def in_quiet_hours(self, moment: time) -> bool:
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= moment < self.quiet_end
        return moment >= self.quiet_start or moment < self.quiet_end

    def day_violations(self, day: date, contact_days: Iterable[date]) -> list[Violation]:
        """What forbids one more contact on ``day`` (ignoring the time of day)."""
        found: list[Violation] = []
        if self.no_sundays and day.weekday() == 6:
            found.append(Violation.SUNDAY)
        days = list(contact_days)
        today_count = week_count = 0
        if days:  # most customers of a day's agenda were not contacted this week
            today_count = sum(1 for d in days if d == day)
            week_start = day - timedelta(days=6)
            week_count = sum(1 for d in days if week_start <= d <= day)
        if today_count >= self.max_per_day:
            found.append(Violation.DAILY_CAP)
        if week_count >= self.max_per_week:
            found.append(Violation.WEEKLY_CAP)
        return found

    def violations(self, moment: datetime, contact_days: Iterable[date]) -> list[Violation]:
        """What forbids one more contact at ``moment``."""
        found = self.day_violations(moment.date(), contact_days)
        if self.in_quiet_hours(moment.time()):
            found.append(Violation.QUIET_HOURS)
        return found

    def check(
        self,
        moment: datetime,
        contact_days: Iterable[date],
        override_reason: str | None = None,
    ) -> list[Violation]:
        """Raise unless the contact is allowed or overridden with a reason.

        Returns the violations that were overridden (empty when none).
        """
        found = self.violations(moment, contact_days)
        if found and not (override_reason and override_reason.strip()):
            raise ValidationError(
                "override_reason",
                _(
                    "No se puede registrar el contacto: {found}. Para hacerlo de todos modos, "
                    "escriba el motivo."
                ).format(found="; ".join(v.label() for v in found)),
            )
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "max_per_day": self.max_per_day,
            "max_per_week": self.max_per_week,
            "quiet_start": self.quiet_start.strftime("%H:%M"),
            "quiet_end": self.quiet_end.strftime("%H:%M"),
            "no_sundays": self.no_sundays,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContactPolicy:
        default = cls()
        try:
            return cls(
                max_per_day=int(data.get("max_per_day", default.max_per_day)),
                max_per_week=int(data.get("max_per_week", default.max_per_week)),
                quiet_start=time.fromisoformat(
                    str(data.get("quiet_start", default.quiet_start.strftime("%H:%M")))
                ),
                quiet_end=time.fromisoformat(
                    str(data.get("quiet_end", default.quiet_end.strftime("%H:%M")))
                ),
                no_sundays=bool(data.get("no_sundays", default.no_sundays)),
            )
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                "contact_policy",
                _("La política de contacto no es válida: {exc}").format(exc=exc),
            ) from None


__all__ = [
    "Channel",
    "ContactPolicy",
    "NonPaymentReason",
    "Outcome",
    "Violation",
    "parse_channel",
    "parse_outcome",
    "parse_reason",
]
