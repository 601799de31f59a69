from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.whatsapp import e164_digits, whatsapp_link


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("55 1234 5678", "525512345678"),
        ("+52 55 1234 5678", "525512345678"),
        ("(33) 1234-5678", "523312345678"),
        ("+1 415 555 2671", "14155552671"),
    ],
)
def test_e164_digits(phone: str, digits: str) -> None:
    assert e164_digits(phone) == digits


@pytest.mark.parametrize("phone", ["", "hola", "123", "55 1234"])
def test_not_a_phone_is_refused(phone: str) -> None:
    with pytest.raises(ValidationError) as caught:
        e164_digits(phone)
    assert caught.value.field == "phone"


def test_link_encodes_accents_emoji_and_line_breaks() -> None:
    text = "Hola, Guadalupe 👋\nSu saldo: $1,200.50 & más #A-101 + cargo\r\n¡Gracias!"
    link = whatsapp_link("55 1234 5678", text)
    assert link.startswith("https://wa.me/525512345678?text=")
    query = link.split("?text=", 1)[1]
    # nothing unsafe left raw: no spaces, no raw newlines, no reserved characters
    for raw in (" ", "\n", "\r", "&", "#", "+", "$", ",", "!", "👋", "á"):
        assert raw not in query
    assert "%0A" in query and "%0D" not in query
    assert "%F0%9F%91%8B" in query  # the emoji, UTF-8
    assert "m%C3%A1s" in query  # "más"
    # a standard decoder gives back exactly the text (with \n line breaks)
    decoded = parse_qs(urlsplit(link).query, keep_blank_values=True)["text"][0]
    assert decoded == text.replace("\r\n", "\n")


def test_link_without_text() -> None:
    assert whatsapp_link("+52 55 1234 5678") == "https://wa.me/525512345678"
