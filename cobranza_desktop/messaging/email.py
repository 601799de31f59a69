"""Email over SMTP: build a MIME message with PDF attachments and send it.

The SMTP password is never stored in the book or in a file: it lives in the system
keyring. :class:`SmtpSender` takes a *password getter* so that the keyring is only
touched in production (tests pass a plain function).
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, formatdate, make_msgid, parseaddr
from typing import Protocol

from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.i18n import gettext

SECURITY_MODES: tuple[str, ...] = ("none", "ssl", "starttls")
KEYRING_SERVICE = "cobranza-desktop-smtp"

PasswordGetter = Callable[[], str | None]


class DeliveryError(CobranzaError):
    """Sending failed. ``temporary`` is True when retrying later may succeed."""

    def __init__(self, message: str, temporary: bool = True) -> None:
        super().__init__(message)
        self.temporary = temporary


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"  # "none" | "ssl" | "starttls"
    username: str = ""
    from_address: str = ""
    from_name: str = ""
    timeout: int = 20  # seconds

    def validate(self) -> None:
        if not self.host.strip():
            raise ValidationError("host", gettext("Escriba el servidor SMTP."))
        if not 0 < self.port < 65536:
            raise ValidationError("port", gettext("El puerto debe estar entre 1 y 65535."))
        if self.security not in SECURITY_MODES:
            raise ValidationError(
                "security",
                gettext("La seguridad debe ser ninguna, SSL o STARTTLS."),
            )
        validate_address(self.from_address, "from_address")

    def keyring_username(self) -> str:
        """The keyring entry's user: one password per account and server."""
        return f"{self.username or self.from_address}@{self.host}"


def validate_address(address: str, field: str = "to") -> str:
    """A plain ``user@domain`` address, or a :class:`ValidationError`."""
    _, addr = parseaddr(address or "")
    local, _, domain = addr.rpartition("@")
    if not local or "." not in domain or " " in addr or addr != addr.strip():
        raise ValidationError(
            field,
            gettext("«{address}» no es un correo electrónico válido.").format(address=address),
        )
    return addr


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mimetype: str = "application/pdf"


def build_message(
    settings: SmtpSettings,
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
    *,
    to_name: str = "",
    message_id: str | None = None,
    reply_to: str | None = None,
    sent_on: datetime | None = None,
) -> EmailMessage:
    """A MIME message (plain text, UTF-8) with the attachments."""
    recipient = validate_address(to, "to")
    sender = validate_address(settings.from_address, "from_address")
    msg = EmailMessage()
    msg["From"] = formataddr((settings.from_name, sender)) if settings.from_name else sender
    msg["To"] = formataddr((to_name, recipient)) if to_name else recipient
    msg["Subject"] = " ".join(subject.split())
    msg["Date"] = format_datetime(sent_on.astimezone()) if sent_on else formatdate(localtime=True)
    msg["Message-ID"] = message_id or make_msgid(domain=sender.rpartition("@")[2])
    if reply_to:
        msg["Reply-To"] = validate_address(reply_to, "reply_to")
    msg.set_content(body, charset="utf-8")
    for item in attachments:
        maintype, _, subtype = item.mimetype.partition("/")
        msg.add_attachment(
            item.data, maintype=maintype, subtype=subtype or "octet-stream", filename=item.filename
        )
    return msg


def keyring_password_getter(settings: SmtpSettings) -> PasswordGetter:
    """Read the SMTP password from the system keyring, when it is needed."""

    def get() -> str | None:
        import keyring

        try:
            return keyring.get_password(KEYRING_SERVICE, settings.keyring_username())
        except Exception as exc:  # keyring backends raise their own error types
            raise DeliveryError(
                gettext("No se pudo leer la contraseña del llavero del sistema: {exc}").format(
                    exc=exc
                ),
                temporary=False,
            ) from exc

    return get


def store_password(settings: SmtpSettings, password: str) -> None:
    """Save (or with an empty password, delete) the SMTP password in the keyring."""
    import keyring
    from keyring.errors import PasswordDeleteError

    user = settings.keyring_username()
    if password:
        keyring.set_password(KEYRING_SERVICE, user, password)
    else:
        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(KEYRING_SERVICE, user)


def new_message_id(from_address: str) -> str:
    """A fresh RFC 5322 Message-ID in the sender's domain."""
    return make_msgid(domain=validate_address(from_address, "from_address").rpartition("@")[2])


class Sender(Protocol):
    """What the outbox needs from a delivery channel."""

    def send(self, message: EmailMessage) -> None: ...


class SmtpSender:
    """Sends messages with one SMTP connection per call."""

    def __init__(
        self,
        settings: SmtpSettings,
        password_getter: PasswordGetter | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self._password = password_getter or keyring_password_getter(settings)
        self._ssl_context = ssl_context

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        s.validate()
        context = self._ssl_context or ssl.create_default_context()
        try:
            smtp: smtplib.SMTP
            if s.security == "ssl":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            try:
                smtp.ehlo()
                if s.security == "starttls":
                    smtp.starttls(context=context)
                    smtp.ehlo()
                if s.username:
                    password = self._password()
                    if not password:
                        raise DeliveryError(
                            gettext("Falta la contraseña SMTP: guárdela en Configuración."),
                            temporary=False,
                        )
                    smtp.login(s.username, password)
            except BaseException:
                _quietly_close(smtp)
                raise
            return smtp
        except DeliveryError:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                gettext("El servidor rechazó el usuario o la contraseña."),
                temporary=False,
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(
                gettext("El servidor no admite esta configuración: {exc}").format(exc=exc),
                temporary=False,
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(_describe(exc, s)) from exc

    def test_connection(self) -> str:
        """Connect, secure and log in, then disconnect. Returns a message to show."""
        smtp = self._connect()
        _quietly_close(smtp)
        return gettext("Conexión correcta con {host}:{port}.").format(
            host=self.settings.host, port=self.settings.port
        )

    def send(self, message: EmailMessage) -> None:
        """Send one message; raises :class:`DeliveryError` with a clear reason."""
        smtp = self._connect()
        try:
            refused = smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(
                gettext("El servidor rechazó el destinatario: {recipients}").format(
                    recipients=", ".join(exc.recipients)
                ),
                temporary=False,
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(_describe(exc, self.settings)) from exc
        finally:
            _quietly_close(smtp)
        if refused:
            raise DeliveryError(
                gettext("El servidor rechazó: {refused}").format(refused=", ".join(refused)),
                temporary=False,
            )


def _quietly_close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _describe(exc: BaseException, s: SmtpSettings) -> str:
    where = f"{s.host}:{s.port}"
    if isinstance(exc, ConnectionRefusedError):
        return gettext("No se pudo conectar con {where}: el servidor no responde.").format(
            where=where
        )
    if isinstance(exc, socket.timeout | TimeoutError):
        return gettext("{where} tardó demasiado en responder.").format(where=where)
    if isinstance(exc, socket.gaierror):
        return gettext("No se encontró el servidor {host}.").format(host=s.host)
    if isinstance(exc, ssl.SSLError):
        return gettext("Falló la conexión segura con {where}: {exc}").format(where=where, exc=exc)
    return gettext("Error al enviar por {where}: {exc}").format(where=where, exc=exc)
