"""Restriction of service: the states a customer moves through when a debt goes cold.

active → restricted (services limited, as free text) → suspended → blocked (no new
credit) → with agency or legal → written off. Lifting a restriction returns the
customer to active. Every transition has a date and a reason.
"""

from __future__ import annotations

from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

_ORDER = list(CustomerStatus)
# Looked up for every case of the agenda: a dict, keyed by the members and by their
# values (an Enum member hashes by its name, so a plain "active" needs its own key).
_RANK: dict[object, int] = {
    **{status: i for i, status in enumerate(_ORDER)},
    **{status.value: i for i, status in enumerate(_ORDER)},
}


def status_rank(status: CustomerStatus) -> int:
    """Position in active → restricted → suspended → blocked → agency → written off."""
    rank = _RANK.get(status)
    return _ORDER.index(status) if rank is None else rank


def allows_credit(status: CustomerStatus) -> bool:
    """Invoices on credit may be issued without an override (not blocked or beyond)."""
    return status_rank(status) < status_rank(CustomerStatus.BLOCKED)


def on_ladder(status: CustomerStatus) -> bool:
    """The escalation ladder still runs: it stops with the agency and after a write-off."""
    return status_rank(status) < _RANK[CustomerStatus.AGENCY]


def is_restricted(status: CustomerStatus) -> bool:
    """Restricted, suspended or blocked: a restriction that paying up should lift."""
    return _RANK[CustomerStatus.RESTRICTED] <= status_rank(status) <= _RANK[CustomerStatus.BLOCKED]


def parse_status(value: str) -> CustomerStatus:
    try:
        return CustomerStatus(value)
    except ValueError:
        raise ValidationError(
            "status", _("Estado desconocido: «{value}».").format(value=value)
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
            _("Escriba el motivo del cambio de estado."),
        )
    if target == current:
        raise ValidationError(
            "status",
            _("El cliente ya está en «{label}».").format(label=current.label()),
        )
    if status_rank(target) < status_rank(current) and target != CustomerStatus.ACTIVE:
        raise ValidationError(
            "status",
            _(
                "No se puede pasar de «{label}» a «{label2}»; para levantar la restricción, "
                "vuelva a «Activo»."
            ).format(label=current.label(), label2=target.label()),
        )
    if target == CustomerStatus.RESTRICTED and not restricted_services.strip():
        raise ValidationError(
            "restricted_services",
            _("Indique qué servicios se limitan."),
        )
