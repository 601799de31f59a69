"""The password of a book on a server: from the system keyring, never from a file.

The window's "Conectar a un servidor…" saves the password in the keyring under the
server's address without it (``user@host:port/database``). When a book URL carries
no password, :func:`with_password` looks there; with none in the keyring either, the
URL goes as it is and libpq finds the password itself (``PGPASSWORD``, ``~/.pgpass``).
The settings file and the recent books only ever hold the URL without the password.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError
from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)

KEYRING_SERVICE = "cobranza-desktop-db"
SERVER_DRIVER = "postgresql+psycopg"


def server_url(host: str, port: int, database: str, user: str) -> URL:
    return URL.create(
        SERVER_DRIVER,
        username=user.strip() or None,
        host=host.strip() or None,
        port=port or None,
        database=database.strip() or None,
    )


def without_password(url: URL | str) -> str:
    """The URL as it may be stored and shown: with no password in it."""
    parsed = make_url(url) if isinstance(url, str) else url
    # URL.set() leaves a None as "unchanged": the named tuple's own _replace drops it.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def keyring_account(url: URL | str) -> str:
    parsed = make_url(url) if isinstance(url, str) else url
    port = parsed.port or 5432
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{port}/{parsed.database or ''}"


def password_for(url: URL | str) -> str | None:
    """The keyring's password for this server and user, or None (libpq then looks)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except KeyringError as exc:  # no keyring on this machine: libpq's own ways remain
        log.info("No keyring for the book's password: %s", exc)
        return None


def save_password(url: URL | str, password: str) -> None:
    keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)


def forget_password(url: URL | str) -> None:
    with contextlib.suppress(KeyringError):  # nothing saved: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, keyring_account(url))


def with_password(url: URL) -> URL:
    """``url`` with the keyring's password when it has none of its own."""
    if url.password or url.get_backend_name() == "sqlite":
        return url
    password = password_for(url)
    return url if password is None else url.set(password=password)
