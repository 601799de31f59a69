"""Who may do what in a book: roles, permissions, and the rule that picks a role.

An office book has users, each with a role. The owner may do everything (settings,
the business profile, the users); a collector works the collections (contacts,
promises and plans, messages, payments); a read-only user looks and writes nothing.
A book with no users at all is a one-person book: whoever opens it is its owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cobranza_desktop.domain.i18n import _


class Role(StrEnum):
    OWNER = "owner"
    COLLECTOR = "collector"
    READ_ONLY = "read_only"

    def label(self) -> str:
        return {
            Role.OWNER: _("Dueño"),
            Role.COLLECTOR: _("Cobrador"),
            Role.READ_ONLY: _("Solo lectura"),
        }[self]


class Permission(StrEnum):
    """What a write use case needs. Every write names one."""

    #: Settings, the business profile, the users of the book.
    SETTINGS = "settings"
    #: Customers, invoices and voids, imports, penalties, subscriptions, the billing run.
    BOOKKEEPING = "bookkeeping"
    #: Contacts, promises and plans, messages, payments and their reversals.
    COLLECT = "collect"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.COLLECTOR: frozenset({Permission.COLLECT}),
    Role.READ_ONLY: frozenset(),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


@dataclass(frozen=True)
class Actor:
    """The person behind a transaction: the login, how to show it, and the role."""

    login: str
    display_name: str
    role: Role
    registered: bool  # False: no users row (a one-person book, or an unknown login)

    @property
    def shown_name(self) -> str:
        return self.display_name or self.login


def effective_role(*, any_users: bool, role: str | None, active: bool) -> Role:
    """The role of a login, given the book's users table.

    No users at all: the owner (existing one-person books keep working). A listed,
    active user: their role. Anyone else (unlisted, or deactivated): read-only.
    """
    if not any_users:
        return Role.OWNER
    if role is None or not active:
        return Role.READ_ONLY
    return Role(role)


def denial_message(actor: Actor, permission: Permission) -> str:
    """Why ``actor`` may not do what needs ``permission``, for the person to read."""
    if actor.role is Role.READ_ONLY:
        if actor.registered:
            return _(
                "El usuario {user} es de solo lectura en este libro: puede consultar, "
                "pero no hacer cambios."
            ).format(user=actor.shown_name)
        return _(
            "El usuario {user} no está dado de alta (o está dado de baja) en este libro: "
            "puede consultar, pero no hacer cambios. Pida al dueño que lo dé de alta."
        ).format(user=actor.shown_name)
    if permission is Permission.SETTINGS:
        return _(
            "Solo el dueño puede cambiar la configuración, los datos del negocio y los "
            "usuarios. El usuario {user} es {role}."
        ).format(user=actor.shown_name, role=actor.role.label().lower())
    return _(
        "Solo el dueño puede hacer esto (clientes, facturas, importaciones, "
        "penalizaciones, suscripciones). El usuario {user} es {role}: puede registrar "
        "contactos, promesas, mensajes y pagos."
    ).format(user=actor.shown_name, role=actor.role.label().lower())
