"""Email over SMTP: build a MIME message with PDF attachments and send it.

The SMTP password is never stored in the book or in a file: it lives in the system
keyring. :class:`SmtpSender` takes a *password getter* so that the keyring is only
touched in production (tests pass a plain function).
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, formatdate, make_msgid, parseaddr
from enum import StrEnum
from typing import Any, Protocol

from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.i18n import gettext

SECURITY_MODES: tuple[str, ...] = ("none", "ssl", "starttls")
KEYRING_SERVICE = "cobranza-desktop-smtp"

PasswordGetter = Callable[[], str | None]


class DeliveryFailure(StrEnum):
    """What a failed delivery means for the message."""

    # Retrying later may succeed (4xx, server down, too slow before the message went).
    TEMPORARY = "temporary"
    # The server refused it for good (5xx): retrying changes nothing; a person decides.
    PERMANENT = "permanent"
    # The whole message was handed over but no final answer came back: it may have
    # been stored, so sending it again could deliver it twice. A person decides.
    UNCERTAIN = "uncertain"


class DeliveryError(CobranzaError):
    """Sending failed; ``kind`` says whether and how it may be retried.

    ``account`` is True when the failure is about the server or the account
    (connection, TLS, login) rather than this message: the other messages would fail
    the same way, so a batch may stop there.
    """

    def __init__(
        self,
        message: str,
        temporary: bool = True,
        *,
        kind: DeliveryFailure | None = None,
        account: bool = False,
    ) -> None:
        super().__init__(message)
        if kind is None:
            kind = DeliveryFailure.TEMPORARY if temporary else DeliveryFailure.PERMANENT
        self.kind = kind
        self.account = account

    @property
    def temporary(self) -> bool:
        return self.kind == DeliveryFailure.TEMPORARY


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
        check_header_text(self.from_name, "from_name", gettext("El nombre del remitente"))

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


def _is_control(char: str) -> bool:
    # Cc: C0/C1 controls (CR, LF, NUL, ESC, ...); Zl/Zp: Unicode line/paragraph breaks.
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def check_header_text(value: str, field: str, what: str) -> str:
    """Refuse a header value (subject, name, address) with a line break or a control
    character: it could not be sent, or would forge headers. ``what`` names it
    (already translated)."""
    bad = next((c for c in value if _is_control(c)), None)
    if bad is not None:
        code = f"U+{ord(bad):04X}"
        raise ValidationError(
            field,
            gettext(
                "{what} tiene un salto de línea o un carácter de control ({code}): corríjalo "
                "antes de enviar."
            ).format(what=what, code=code),
        )
    return value


def check_headers(to: str, to_name: str, subject: str) -> None:
    """The checks :func:`build_message` makes on what varies between messages."""
    check_header_text(to, "to", gettext("El correo del destinatario"))
    check_header_text(to_name, "to_name", gettext("El nombre del destinatario"))
    check_header_text(subject, "subject", gettext("El asunto"))


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
    """A MIME message (plain text, UTF-8) with the attachments.

    Raises :class:`ValidationError` for a bad address or a header value with a line
    break or a control character, never the mail library's own error.
    """
    check_headers(to, to_name, subject)
    check_header_text(settings.from_name, "from_name", gettext("El nombre del remitente"))
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


_CRLF_RUN = re.compile(rb"\r\n|\n|\r")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def _data(smtp: Any, msg: Any) -> tuple[int, bytes]:
    """smtplib's DATA, noting when the whole message has gone to the server.

    From then on a lost or late reply does not mean the message was not stored.
    """
    smtp.putcmd("data")
    code, repl = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, repl)
    raw = msg.encode("ascii") if isinstance(msg, str) else bytes(msg)
    quoted = _LEADING_DOT.sub(b"..", _CRLF_RUN.sub(b"\r\n", raw))
    if not quoted.endswith(b"\r\n"):
        quoted += b"\r\n"
    smtp.send(quoted + b".\r\n")
    smtp.handed_over = True
    reply: tuple[int, bytes] = smtp.getreply()
    return reply


class _SMTP(smtplib.SMTP):
    handed_over = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        return _data(self, msg)


class _SMTP_SSL(smtplib.SMTP_SSL):
    handed_over = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        return _data(self, msg)


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

    def _connect(self) -> _SMTP | _SMTP_SSL:
        """Connect, secure and log in. Every error is a :class:`DeliveryError` about
        the account (``account=True``): no message has been offered yet."""
        try:
            return self._open()
        except DeliveryError as exc:
            exc.account = True
            raise

    def _open(self) -> _SMTP | _SMTP_SSL:
        s = self.settings
        s.validate()
        context = self._ssl_context or ssl.create_default_context()
        try:
            smtp: _SMTP | _SMTP_SSL
            if s.security == "ssl":
                smtp = _SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = _SMTP(s.host, s.port, timeout=s.timeout)
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
        """Send one message; raises :class:`DeliveryError` with a clear reason and
        whether it may be retried (:class:`DeliveryFailure`)."""
        smtp = self._connect()
        try:
            refused = smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _text in exc.recipients.values()]
            answers = "; ".join(
                f"{rcpt}: {code} {_text_of(text)}" for rcpt, (code, text) in exc.recipients.items()
            )
            raise DeliveryError(
                gettext("El servidor rechazó el destinatario ({answers})").format(answers=answers),
                kind=_kind_of_codes(codes),
            ) from exc
        except smtplib.SMTPResponseException as exc:
            # A definite answer: whatever the step, the server did not take the message.
            answer = f"{exc.smtp_code} {_text_of(exc.smtp_error)}"
            raise DeliveryError(
                gettext("El servidor no aceptó el mensaje: {answer}").format(answer=answer),
                kind=_kind_of_codes([exc.smtp_code]),
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            if smtp.handed_over:
                raise DeliveryError(
                    _describe_uncertain(exc), kind=DeliveryFailure.UNCERTAIN
                ) from exc
            raise DeliveryError(_describe(exc, self.settings)) from exc
        finally:
            _quietly_close(smtp)
        if refused:
            raise DeliveryError(
                gettext("El servidor rechazó: {refused}").format(refused=", ".join(refused)),
                kind=_kind_of_codes([code for code, _text in refused.values()]),
            )


def _text_of(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _kind_of_codes(codes: Sequence[int]) -> DeliveryFailure:
    """5xx is for good; anything else (4xx) may pass later."""
    if codes and all(500 <= code < 600 for code in codes):
        return DeliveryFailure.PERMANENT
    return DeliveryFailure.TEMPORARY


def _quietly_close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _timed_out(exc: BaseException) -> bool:
    """smtplib reports a late reply as "Connection unexpectedly closed: timed out"."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, socket.timeout | TimeoutError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe_uncertain(exc: BaseException) -> str:
    if _timed_out(exc):
        return gettext(
            "El servidor tardó demasiado en confirmar el mensaje, que ya había recibido "
            "completo: puede haber llegado. Verifique con el destinatario antes de reenviarlo."
        )
    return gettext(
        "Se cortó la conexión después de entregar el mensaje completo, sin confirmación: puede "
        "haber llegado. Verifique con el destinatario antes de reenviarlo."
    )


def _describe(exc: BaseException, s: SmtpSettings) -> str:
    where = f"{s.host}:{s.port}"
    if isinstance(exc, ConnectionRefusedError):
        return gettext("No se pudo conectar con {where}: el servidor no responde.").format(
            where=where
        )
    if _timed_out(exc):
        return gettext("El servidor tardó demasiado en responder ({where}).").format(where=where)
    if isinstance(exc, socket.gaierror):
        return gettext("No se encontró el servidor {host}.").format(host=s.host)
    if isinstance(exc, ssl.SSLError):
        return gettext("Falló la conexión segura con {where}: {exc}").format(where=where, exc=exc)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return gettext("El servidor {where} cortó la conexión antes de recibir el mensaje.").format(
            where=where
        )
    return gettext("Error al enviar por {where}: {exc}").format(where=where, exc=exc)
