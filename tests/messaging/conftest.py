"""Messaging test fixtures: a real SMTP server on 127.0.0.1 (aiosmtpd), on a free port."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from cobranza_desktop.domain.i18n import set_language


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """What the server received. The knobs make it misbehave, like real servers do:

    - ``reply``: the answer to DATA, e.g. ``"554 5.7.1 Rechazado por spam"`` (then the
      message is *not* stored, as a real server would not keep it);
    - ``after_store``: what happens once the message *is* stored: ``"drop"`` closes
      the connection without answering, ``"delay"`` answers after ``delay`` seconds
      (longer than the client waits);
    - ``rcpt_reply``: the answer to RCPT TO (e.g. ``"550 5.1.1 No existe"``).
    """

    messages: list[Received] = field(default_factory=list)
    reply: str = "250 OK"
    after_store: str = ""
    delay: float = 0.0
    rcpt_reply: str = ""

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if not self.reply.startswith("250"):
            return self.reply
        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), msg))
        if self.after_store == "drop":
            server.transport.abort()  # stored, and the answer never leaves
        elif self.after_store == "delay":
            await asyncio.sleep(self.delay)
        return self.reply


class Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user = user
        self.password = password

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)


class SmtpServer:
    """Start/stop a server; ``inbox`` keeps what arrived across restarts."""

    def __init__(
        self,
        port: int | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self.port = port or free_port()
        self.inbox = Inbox()
        self._user = user
        self._password = password
        self._tls_context = tls_context
        self._controller: Controller | None = None

    def start(self) -> None:
        kwargs: dict[str, Any] = {}
        if self._user is not None:
            kwargs["authenticator"] = Authenticator(self._user, self._password or "")
            kwargs["auth_require_tls"] = self._tls_context is not None
        if self._tls_context is not None:
            kwargs["tls_context"] = self._tls_context
            kwargs["require_starttls"] = True
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class SilentServer:
    """Accepts connections and never says a word: every read times out."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self.port: int = self._socket.getsockname()[1]

    def close(self) -> None:
        self._socket.close()


def self_signed_context(directory: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server TLS context for 127.0.0.1 and a client context that trusts it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = directory / "cert.pem"
    key_path = directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_path, key_path)
    client = ssl.create_default_context(cafile=str(cert_path))
    return server, client


@pytest.fixture(autouse=True)
def _spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("es")


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def make_smtp_server() -> Iterator[Callable[..., SmtpServer]]:
    """Build (not start) servers; every one still running is stopped at the end."""
    made: list[SmtpServer] = []

    def make(**kwargs: object) -> SmtpServer:
        server = SmtpServer(**kwargs)  # type: ignore[arg-type]
        made.append(server)
        return server

    yield make
    for server in made:
        server.stop()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def tls_contexts(tmp_path: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """(server context, client context trusting it) for a self-signed 127.0.0.1."""
    return self_signed_context(tmp_path)
