"""Books on a database server: the address a person types, its password in the keyring,
and "Probar conexión" (does the server answer, and does it take the login?)."""

from __future__ import annotations

from dataclasses import dataclass

from keyring.errors import KeyringError
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from cobranza_desktop.domain.errors import BookError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.credentials import (
    save_password,
    server_url,
    with_password,
    without_password,
)

CONNECT_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def validated(self) -> ServerAddress:
        if not self.host.strip():
            raise ValidationError("host", _("Escriba el servidor (nombre o dirección)."))
        if not 1 <= self.port <= 65535:
            raise ValidationError("port", _("El puerto va de 1 a 65535."))
        if not self.database.strip():
            raise ValidationError("database", _("Escriba el nombre de la base de datos."))
        if not self.user.strip():
            raise ValidationError("user", _("Escriba el usuario de la base de datos."))
        return self

    def url(self) -> str:
        """The book's URL, without a password: what the recent books remember."""
        return without_password(server_url(self.host, self.port, self.database, self.user))


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep the password in the system keyring (never in a file)."""
    try:
        save_password(address.validated().url(), password)
    except KeyringError as exc:
        raise BookError(
            _(
                "No se pudo guardar la contraseña en el llavero del sistema ({detail}). "
                "Puede escribirla en ~/.pgpass."
            ).format(detail=exc)
        ) from exc


def test_connection(address: ServerAddress, password: str = "") -> str:
    """Connect once and ask the server who we are; returns the login on success.

    The password typed (else the keyring's, else libpq's .pgpass) is used for this
    try only. Raises BookError with the server's reason when it fails."""
    url = server_url(*_fields(address.validated()))
    url = url.set(password=password) if password else with_password(url)
    try:
        engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    except (NoSuchModuleError, ArgumentError, ModuleNotFoundError) as exc:
        raise BookError(
            _(
                "Falta el controlador de PostgreSQL (psycopg) en esta instalación ({detail})."
            ).format(detail=exc)
        ) from exc
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT current_user")).scalar_one())
    except (OperationalError, DBAPIError) as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise BookError(
            _("No se pudo conectar a {server}: {detail}").format(
                server=f"{address.host}:{address.port}", detail=detail
            )
        ) from exc
    finally:
        engine.dispose()


def _fields(address: ServerAddress) -> tuple[str, int, str, str]:
    return address.host, address.port, address.database, address.user
