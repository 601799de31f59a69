"""Restriction of service: the states a customer moves through when a debt goes cold.

active → restricted (services limited, as free text) → suspended → blocked (no new
credit) → with agency or legal → written off. Lifting a restriction returns the
customer to active. Every transition has a date and a reason.
"""

from __future__ import annotations

from enum import StrEnum

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import tr


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    RESTRICTED = "restricted"
    SUSPENDED = "suspended"
    BLOCKED = "blocked"
    AGENCY = "agency"
    WRITTEN_OFF = "written_off"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def label(self) -> str:
        es, en = _LABELS[self]
        return tr(es, en)

    @property
    def allows_credit(self) -> bool:
        """Invoices on credit may be issued without an override."""
        return self.rank < CustomerStatus.BLOCKED.rank

    @property
    def on_ladder(self) -> bool:
        """The escalation ladder still runs (it stops with the agency and after write-off)."""
        return self.rank < CustomerStatus.AGENCY.rank

    @property
    def is_restricted(self) -> bool:
        return CustomerStatus.RESTRICTED.rank <= self.rank <= CustomerStatus.BLOCKED.rank


_ORDER = list(CustomerStatus)

_LABELS: dict[CustomerStatus, tuple[str, str]] = {
    CustomerStatus.ACTIVE: ("Activo", "Active"),
    CustomerStatus.RESTRICTED: ("Servicio restringido", "Restricted"),
    CustomerStatus.SUSPENDED: ("Suspendido", "Suspended"),
    CustomerStatus.BLOCKED: ("Bloqueado (sin crédito)", "Blocked (no credit)"),
    CustomerStatus.AGENCY: ("Con agencia o abogado", "With agency or legal"),
    CustomerStatus.WRITTEN_OFF: ("Incobrable (castigado)", "Written off"),
}


def parse_status(value: str) -> CustomerStatus:
    try:
        return CustomerStatus(value)
    except ValueError:
        raise ValidationError(
            "status", tr(f"Estado desconocido: «{value}».", f"Unknown status: “{value}”.")
        ) from None


def validate_transition(
    current: CustomerStatus,
    target: CustomerStatus,
    reason: str,
    restricted_services: str = "",
) -> None:
    """Raise :class:`ValidationError` unless ``current → target`` is allowed.

    Any move forward is allowed (a case can jump straight to the agency). Moving back
    is only to active (lifting the restriction), and a write-off is final except for
    reinstating the customer as active, which also needs a reason.
    """
    if not reason.strip():
        raise ValidationError(
            "reason",
            tr("Escriba el motivo del cambio de estado.", "Write the reason for the change."),
        )
    if target == current:
        raise ValidationError(
            "status",
            tr(
                f"El cliente ya está en «{current.label}».",
                f"The customer is already “{current.label}”.",
            ),
        )
    if target.rank < current.rank and target != CustomerStatus.ACTIVE:
        raise ValidationError(
            "status",
            tr(
                f"No se puede pasar de «{current.label}» a «{target.label}»; "
                "para levantar la restricción, vuelva a «Activo».",
                f"Cannot go from “{current.label}” to “{target.label}”; "
                "to lift the restriction, go back to “Active”.",
            ),
        )
    if target == CustomerStatus.RESTRICTED and not restricted_services.strip():
        raise ValidationError(
            "restricted_services",
            tr(
                "Indique qué servicios se limitan.",
                "Say which services are limited.",
            ),
        )
