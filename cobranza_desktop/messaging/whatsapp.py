"""WhatsApp click-to-chat links: ``https://wa.me/<E.164 digits>?text=...``.

The program never talks to WhatsApp itself: it builds the link and the system
opens it (WhatsApp Desktop or the browser), with the message ready to send.
"""

from __future__ import annotations

from urllib.parse import quote

import phonenumbers

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _

DEFAULT_REGION = "MX"
WA_BASE = "https://wa.me/"


def e164_digits(phone: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 digits of a phone number, without ``+``: ``5215512345678`` style.

    Accepts national (``55 1234 5678``) and international (``+52 55 1234 5678``)
    forms. Raises :class:`ValidationError` when it is not a valid phone number.
    """
    text = (phone or "").strip()
    if not text:
        raise ValidationError("phone", _("El cliente no tiene teléfono."))
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "phone",
            _("«{phone}» no es un número de teléfono.").format(phone=phone),
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            "phone",
            _("«{phone}» no es un número de teléfono válido.").format(phone=phone),
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def whatsapp_link(phone: str, text: str = "", region: str = DEFAULT_REGION) -> str:
    """The click-to-chat link for ``phone`` with ``text`` pre-filled.

    The text is UTF-8 percent-encoded with nothing left unescaped, so accents,
    emoji, ``&``, ``#``, ``+`` and line breaks (``%0A``) survive intact.
    """
    link = WA_BASE + e164_digits(phone, region)
    if text:
        normalized = text.replace("\r\n", "\n").replace("\r", "\n")
        link += "?text=" + quote(normalized, safe="", encoding="utf-8")
    return link
