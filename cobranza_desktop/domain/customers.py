"""Customer rules: channels, statuses and the validation of a customer's data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from cobranza_desktop.domain.contact_data import (
    normalize_email,
    normalize_phone,
    normalize_rfc,
    require_text,
)
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import validate_terms
from cobranza_desktop.domain.money import parse_amount
from cobranza_desktop.domain.validation import check_multiline, check_single_line


class Channel(StrEnum):
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    PHONE = "phone"
    LETTER = "letter"
    VISIT = "visit"

    def label(self) -> str:
        return {
            Channel.EMAIL: _("Correo"),
            Channel.WHATSAPP: "WhatsApp",
            Channel.PHONE: _("Llamada"),
            Channel.LETTER: _("Carta"),
            Channel.VISIT: _("Visita"),
        }[self]


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    RESTRICTED = "restricted"
    SUSPENDED = "suspended"
    BLOCKED = "blocked"
    AGENCY = "agency"
    WRITTEN_OFF = "written_off"

    def label(self) -> str:
        return {
            CustomerStatus.ACTIVE: _("Activo"),
            CustomerStatus.RESTRICTED: _("Restringido"),
            CustomerStatus.SUSPENDED: _("Suspendido"),
            CustomerStatus.BLOCKED: _("Bloqueado"),
            CustomerStatus.AGENCY: _("Con agencia o legal"),
            CustomerStatus.WRITTEN_OFF: _("Incobrable"),
        }[self]


@dataclass(frozen=True)
class CustomerData:
    """A customer's editable data, validated by :func:`validate_customer`."""

    name: str
    rfc: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    whatsapp: str = ""
    address: str = ""
    payment_terms_days: int | None = None
    credit_limit: Decimal | None = None
    preferred_channel: Channel = Channel.WHATSAPP
    notes: str = ""


def validate_customer(data: CustomerData) -> CustomerData:
    """Normalise and validate; raises ValidationError naming the field.

    A line break or control character in a one-line field would break an email
    header, a CSV export or a printed letter, so it is refused, not stripped.
    """
    _check_characters(data)
    name = require_text(data.name, "name", _("el nombre"))
    if data.payment_terms_days is not None:
        validate_terms(data.payment_terms_days)
    limit = data.credit_limit
    if limit is not None:
        limit = parse_amount(limit, "credit_limit", allow_zero=True)
    cleaned = replace(
        data,
        name=name,
        rfc=normalize_rfc(data.rfc),
        contact_name=data.contact_name.strip(),
        email=normalize_email(data.email),
        phone=normalize_phone(data.phone, "phone"),
        whatsapp=normalize_phone(data.whatsapp, "whatsapp"),
        address=data.address.strip(),
        credit_limit=limit,
        preferred_channel=Channel(data.preferred_channel),
        notes=data.notes.strip(),
    )
    if cleaned.preferred_channel is Channel.EMAIL and not cleaned.email:
        raise ValidationError(
            "email",
            _("El canal preferido es correo, pero falta el correo electrónico."),
        )
    return cleaned


def _check_characters(data: CustomerData) -> None:
    one_line = (
        (data.name, "name", _("El nombre")),
        (data.rfc, "rfc", "RFC"),
        (data.contact_name, "contact_name", _("El contacto")),
        (data.email, "email", _("El correo electrónico")),
        (data.phone, "phone", _("El teléfono")),
        (data.whatsapp, "whatsapp", "WhatsApp"),
    )
    for text, field, label in one_line:
        check_single_line(text, field, label)
    check_multiline(data.address, "address", _("La dirección"))
    check_multiline(data.notes, "notes", _("Las notas"))


@dataclass(frozen=True)
class CustomerListFilter:
    """What the customer list shows: a search text and filters, applied in SQL."""

    search: str = ""
    overdue_only: bool = False
    status: str | None = None
    # Days-past-due range of the oldest overdue invoice, e.g. (31, 60); None = any.
    days_range: tuple[int, int | None] | None = None
