"""Validation of contact data: phone numbers (E.164), RFC, email, CLABE."""

from __future__ import annotations

import re

import phonenumbers

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

# RFC: 3 letters (company) or 4 (person), a yymmdd date, and a 3-character homoclave.
# re.ASCII: \d is 0-9 only, not the Arabic-Indic or full-width digits str.isdigit() takes.
_RFC_PATTERN = re.compile(
    r"^[A-ZÑ&]{3,4}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[A-Z\d]{3}$", re.ASCII
)
# ASCII letters, digits and the few signs mailboxes use: no spaces, quotes, <, > or NUL.
_EMAIL_PATTERN = re.compile(
    r"[A-Za-z0-9_%+!#$&*/=?^{|}~-]+(\.[A-Za-z0-9_%+!#$&*/=?^{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}",
    re.ASCII,
)
_CLABE_WEIGHTS = (3, 7, 1)


def _parsed(raw: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _without_old_mexican_prefix(raw: str) -> str | None:
    """The prefixes Mexico dropped in 2019-2020 that people still type (and that contact
    lists still hold): 044/045 before a mobile, 01 before a long-distance number, and the
    1 after +52 of mobiles ("+52 1 55 1234 5678"). The ten digits without them, or None."""
    digits = re.sub(r"\D", "", raw, flags=re.ASCII)
    for prefix, length in (("521", 13), ("00521", 15), ("044", 13), ("045", 13), ("01", 12)):
        if digits.startswith(prefix) and len(digits) == length:
            return digits[len(prefix) :]
    return None


def normalize_phone(text: str, field: str = "phone", region: str = "MX") -> str:
    """A phone number in E.164 (``+525512345678``), from what a person types in any common
    format ("(55) 1234-5678", "+52 1 55 1234 5678", "044 55…"); empty stays empty."""
    raw = text.strip()
    if not raw:
        return ""
    number = _parsed(raw, region)
    if number is None and region == "MX" and (ten := _without_old_mexican_prefix(raw)):
        number = _parsed(ten, region)
    if number is None:
        raise ValidationError(
            field,
            _("«{text}» no es un número de teléfono válido (ej. 55 1234 5678).").format(text=text),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """A readable national format for display (``55 1234 5678``)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 52:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_rfc(text: str, field: str = "rfc") -> str:
    rfc = text.strip().upper().replace(" ", "").replace("-", "")
    if not rfc:
        return ""
    if not _RFC_PATTERN.match(rfc):
        raise ValidationError(
            field,
            _("«{text}» no es un RFC válido (12 o 13 caracteres, ej. XAXX010101000).").format(
                text=text
            ),
        )
    return rfc


def normalize_email(text: str, field: str = "email") -> str:
    email = text.strip()
    if not email:
        return ""
    if not _EMAIL_PATTERN.fullmatch(email):
        raise ValidationError(
            field,
            _("«{text}» no es un correo electrónico válido.").format(text=text),
        )
    return email


def clabe_check_digit(first17: str) -> int:
    total = sum(int(d) * _CLABE_WEIGHTS[i % 3] % 10 for i, d in enumerate(first17))
    return (10 - total % 10) % 10


def normalize_clabe(text: str, field: str = "clabe") -> str:
    """An 18-digit CLABE with a valid check digit; empty stays empty."""
    clabe = text.strip().replace(" ", "")
    if not clabe:
        return ""
    if not (clabe.isascii() and clabe.isdigit() and len(clabe) == 18) or clabe_check_digit(
        clabe[:17]
    ) != int(clabe[17]):
        raise ValidationError(
            field,
            _("La CLABE debe tener 18 dígitos y un dígito verificador correcto."),
        )
    return clabe


def require_text(text: str, field: str, label: str, max_length: int = 200) -> str:
    """``label`` is already translated: _("el nombre") ("The name" in English)."""
    value = text.strip()
    if not value:
        raise ValidationError(field, _("Falta {label}.").format(label=label))
    if len(value) > max_length:
        raise ValidationError(
            field,
            _("{label}: máximo {max_length} caracteres.").format(
                label=label[:1].upper() + label[1:], max_length=max_length
            ),
        )
    return value
