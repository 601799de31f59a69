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
from cobranza_desktop.domain.i18n import tr


class Outcome(StrEnum):
    CONTACTED = "contacted"
    NO_ANSWER = "no_answer"
    PROMISE = "promise"
    DISPUTE = "dispute"
    REFUSED = "refused"
    PAID = "paid"
    WRONG_NUMBER = "wrong_number"

    def label(self) -> str:
        es, en = _OUTCOME_LABELS[self]
        return tr(es, en)


_OUTCOME_LABELS: dict[Outcome, tuple[str, str]] = {
    Outcome.CONTACTED: ("Contactado", "Contacted"),
    Outcome.NO_ANSWER: ("No contestó", "No answer"),
    Outcome.PROMISE: ("Promesa de pago", "Promise to pay"),
    Outcome.DISPUTE: ("Disputa", "Dispute"),
    Outcome.REFUSED: ("Se negó", "Refused"),
    Outcome.PAID: ("Pagó", "Paid"),
    Outcome.WRONG_NUMBER: ("Número equivocado", "Wrong number"),
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
        es, en = _REASON_LABELS[self]
        return tr(es, en)


_REASON_LABELS: dict[NonPaymentReason, tuple[str, str]] = {
    NonPaymentReason.NO_FUNDS: ("Sin fondos por ahora", "No funds right now"),
    NonPaymentReason.INVOICE_NOT_RECEIVED: ("No recibió la factura", "Invoice not received"),
    NonPaymentReason.WRONG_INVOICE_DATA: (
        "Datos incorrectos en la factura",
        "Wrong data on the invoice",
    ),
    NonPaymentReason.PRODUCT_DISPUTE: (
        "Inconformidad con el producto o servicio",
        "Dispute over the product or service",
    ),
    NonPaymentReason.FORGOT: ("Lo olvidó", "Forgot"),
    NonPaymentReason.REFUSES_NO_REASON: ("Se niega sin razón", "Refuses without a reason"),
    NonPaymentReason.UNREACHABLE: ("No localizable", "Unreachable"),
}


def parse_channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        raise ValidationError(
            "channel", tr(f"Canal desconocido: «{value}».", f"Unknown channel: “{value}”.")
        ) from None


def parse_outcome(value: str) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        raise ValidationError(
            "outcome", tr(f"Resultado desconocido: «{value}».", f"Unknown outcome: “{value}”.")
        ) from None


def parse_reason(value: str | None) -> NonPaymentReason | None:
    if value is None or value == "":
        return None
    try:
        return NonPaymentReason(value)
    except ValueError:
        raise ValidationError(
            "reason",
            tr(
                f"Motivo de impago desconocido: «{value}».",
                f"Unknown reason for non-payment: “{value}”.",
            ),
        ) from None


class Violation(StrEnum):
    DAILY_CAP = "daily_cap"
    WEEKLY_CAP = "weekly_cap"
    QUIET_HOURS = "quiet_hours"
    SUNDAY = "sunday"

    def label(self) -> str:
        es, en = _VIOLATION_LABELS[self]
        return tr(es, en)


_VIOLATION_LABELS: dict[Violation, tuple[str, str]] = {
    Violation.DAILY_CAP: (
        "Ya se contactó hoy al cliente el máximo de veces permitido",
        "The customer has already been contacted the maximum times today",
    ),
    Violation.WEEKLY_CAP: (
        "Ya se contactó al cliente el máximo de veces en los últimos 7 días",
        "The customer has already been contacted the maximum times in the last 7 days",
    ),
    Violation.QUIET_HOURS: ("Es horario de descanso", "It is within quiet hours"),
    Violation.SUNDAY: ("Los domingos no se contacta a nadie", "Nobody is contacted on Sundays"),
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
            raise ValidationError(
                "max_per_day", tr("Debe permitir al menos 1 contacto al día.", "At least 1 a day.")
            )
        if self.max_per_week < self.max_per_day:
            raise ValidationError(
                "max_per_week",
                tr(
                    "El máximo semanal no puede ser menor que el diario.",
                    "The weekly maximum cannot be less than the daily one.",
                ),
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
                tr(
                    "No se puede registrar el contacto: "
                    + "; ".join(v.label() for v in found)
                    + ". Para hacerlo de todos modos, escriba el motivo.",
                    "The contact cannot be logged: "
                    + "; ".join(v.label() for v in found)
                    + ". To do it anyway, write the reason.",
                ),
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
                tr(
                    f"La política de contacto no es válida: {exc}",
                    f"The contact policy is not valid: {exc}",
                ),
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
