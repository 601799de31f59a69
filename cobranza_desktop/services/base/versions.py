"""Optimistic concurrency: an edit carries the version it was made on, and is refused
if the record moved since (someone else saved it), instead of overwriting their work."""

from __future__ import annotations

from enum import StrEnum

from cobranza_desktop.domain.errors import ConcurrentEditError
from cobranza_desktop.domain.i18n import _


class Edited(StrEnum):
    CUSTOMER = "customer"
    INVOICE = "invoice"
    SETTINGS = "settings"
    PROFILE = "profile"
    SUBSCRIPTION = "subscription"


def _message(what: Edited) -> str:
    return {
        Edited.CUSTOMER: _(
            "Otra persona cambió este cliente mientras lo editaba; vuelva a abrirlo."
        ),
        Edited.INVOICE: _(
            "Otra persona cambió esta factura mientras la editaba; vuelva a abrirla."
        ),
        Edited.SETTINGS: _(
            "Otra persona cambió esta configuración mientras la editaba; vuelva a abrirla."
        ),
        Edited.PROFILE: _(
            "Otra persona cambió los datos del negocio mientras los editaba; vuelva a abrirlos."
        ),
        Edited.SUBSCRIPTION: _(
            "Otra persona cambió esta suscripción mientras la editaba; vuelva a abrirla."
        ),
    }[what]


def check_version(current: int | None, expected: int | None, what: Edited) -> None:
    """Refuse the edit when ``expected`` (the version it was made on) is not ``current``.

    ``expected`` of None: the caller did not load the record first (a script, a bulk
    change), and the edit goes on as before."""
    if expected is not None and current != expected:
        raise ConcurrentEditError(_message(what))
