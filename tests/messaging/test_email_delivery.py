from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

import pytest

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.messaging.email import (
    Attachment,
    DeliveryError,
    SmtpSender,
    SmtpSettings,
    build_message,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _settings(port: int = 25, **changes: object) -> SmtpSettings:
    base: dict[str, object] = dict(
        host="127.0.0.1",
        port=port,
        security="none",
        from_address="cobranza@taller.mx",
        from_name="Taller Ramírez",
        timeout=5,
    )
    base.update(changes)
    return SmtpSettings(**base)  # type: ignore[arg-type]


def _no_password() -> str | None:
    raise AssertionError("the password must not be asked for without a user")


def test_message_arrives_with_recipient_subject_body_and_pdf(smtp_server: Any) -> None:
    settings = _settings(smtp_server.port)
    body = "Estimado(a) Guadalupe:\n\nSu saldo es de $1,200.50. ¡Gracias! 🙏\n"
    message = build_message(
        settings,
        "lupita@example.com",
        "Recordatorio de pago — Taller Ramírez",
        body,
        [Attachment("estado-de-cuenta.pdf", PDF)],
        to_name="Guadalupe Pérez",
    )
    SmtpSender(settings, _no_password).send(message)

    assert len(smtp_server.inbox.messages) == 1
    received = smtp_server.inbox.messages[0]
    assert received.rcpt_tos == ["lupita@example.com"]
    assert received.mail_from == "cobranza@taller.mx"
    msg = received.message
    assert msg["Subject"] == "Recordatorio de pago — Taller Ramírez"
    assert "lupita@example.com" in msg["To"]
    assert "Taller Ramírez" in msg["From"]
    text = msg.get_body(preferencelist=("plain",))
    assert text is not None
    # SMTP carries CRLF line ends; the text itself is intact
    assert text.get_content().replace("\r\n", "\n") == body
    attachments = list(msg.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_filename() == "estado-de-cuenta.pdf"
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_content() == PDF


def test_login_uses_the_injected_password(make_smtp_server: Callable[..., Any]) -> None:
    server = make_smtp_server(user="cobranza", password="s3creto")
    server.start()
    settings = _settings(server.port, username="cobranza")
    message = build_message(settings, "a@example.com", "Hola", "Texto")
    SmtpSender(settings, lambda: "s3creto").send(message)
    assert len(server.inbox.messages) == 1

    with pytest.raises(DeliveryError) as caught:
        SmtpSender(settings, lambda: "equivocada").send(message)
    assert "contraseña" in caught.value.message
    assert not caught.value.temporary

    with pytest.raises(DeliveryError) as missing:
        SmtpSender(settings, lambda: None).send(message)
    assert "Falta la contraseña" in missing.value.message
    assert len(server.inbox.messages) == 1


def test_starttls(
    make_smtp_server: Callable[..., Any],
    tls_contexts: tuple[ssl.SSLContext, ssl.SSLContext],
) -> None:
    server_ctx, client_ctx = tls_contexts
    server = make_smtp_server(user="u", password="p", tls_context=server_ctx)
    server.start()
    settings = _settings(server.port, security="starttls", username="u")
    sender = SmtpSender(settings, lambda: "p", ssl_context=client_ctx)
    assert "Conexión correcta" in sender.test_connection()
    sender.send(build_message(settings, "a@example.com", "Seguro", "Por TLS"))
    assert [m.message["Subject"] for m in server.inbox.messages] == ["Seguro"]

    # Without TLS the server refuses to authenticate: a clear error, nothing sent.
    plain = SmtpSender(_settings(server.port, security="none", username="u"), lambda: "p")
    with pytest.raises(DeliveryError):
        plain.send(build_message(settings, "a@example.com", "Inseguro", "x"))
    assert len(server.inbox.messages) == 1


def test_test_connection_reports_a_server_that_is_down(
    make_smtp_server: Callable[..., Any],
) -> None:
    server = make_smtp_server()  # never started: its port is free
    sender = SmtpSender(_settings(server.port), _no_password)
    with pytest.raises(DeliveryError) as caught:
        sender.test_connection()
    assert "no responde" in caught.value.message
    assert caught.value.temporary


def test_test_connection_ok(smtp_server: Any) -> None:
    sender = SmtpSender(_settings(smtp_server.port), _no_password)
    assert "127.0.0.1" in sender.test_connection()
    assert smtp_server.inbox.messages == []


@pytest.mark.parametrize("address", ["", "lupita", "lupita@", "lupita@example", "a b@example.com"])
def test_bad_recipient_is_refused_before_sending(address: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build_message(_settings(25), address, "s", "b")
    assert caught.value.field == "to"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"host": " "}, "host"),
        ({"port": 0}, "port"),
        ({"security": "tls"}, "security"),
        ({"from_address": "x"}, "from_address"),
    ],
)
def test_settings_are_validated(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(**{"port": 25, **changes}).validate()
    assert caught.value.field == field
