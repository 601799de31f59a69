"""The book setting: a file path or a database URL, and how a book is shown to a person.

A book is a SQLite file (the embedded default) or a PostgreSQL database named by a URL
(``postgresql+psycopg://user@host/dbname``, an office). :func:`resolve_url` turns the
book setting into a SQLAlchemy URL."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import _

# A book setting that names a database server rather than a file: ``scheme://...``.
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SERVER_BACKENDS = ("postgresql",)

BookLocation = Path | URL


def is_server_location(book: object) -> bool:
    """True when ``book`` names a database server (a URL), not a file."""
    if isinstance(book, URL):
        return book.get_backend_name() != "sqlite"
    return isinstance(book, str) and bool(_URL_LIKE.match(book)) and not book.startswith("file:")


def resolve_url(book: str | Path | URL) -> URL:
    """The SQLAlchemy URL of a book setting: a file path or a database URL.

    A path becomes ``sqlite`` with the path as its database (built with ``URL.create``,
    so that a ``?`` or ``%`` in a file name opens that very file). A PostgreSQL URL gets
    the psycopg 3 driver. The password is never taken from the settings: libpq finds it
    in ``PGPASSWORD`` or ``~/.pgpass`` when the URL has none (the keyring lookup of the
    window's server dialog extends this function)."""
    if isinstance(book, Path) or (isinstance(book, str) and not is_server_location(book)):
        return URL.create("sqlite", database=str(book))
    try:
        url = book if isinstance(book, URL) else make_url(_normalise_scheme(book))
    except ArgumentError as exc:
        raise BookError(
            _("«{book}» no es una dirección de base de datos válida.").format(book=book)
        ) from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        return url
    if backend not in SERVER_BACKENDS:
        raise BookError(
            _("Un libro es un archivo o una base de datos PostgreSQL, no «{backend}».").format(
                backend=backend
            )
        )
    if url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise BookError(
            _("Falta el nombre de la base de datos en {url}.").format(url=describe_location(url))
        )
    return url


def _normalise_scheme(text_url: str) -> str:
    # libpq's own spellings (postgres://, postgresql://) name the same server.
    for scheme in ("postgres://", "postgresql://"):
        if text_url.startswith(scheme):
            return "postgresql+psycopg://" + text_url[len(scheme) :]
    return text_url


def describe_location(book: Path | URL) -> str:
    """The book as shown to a person: a path, or a URL with its password hidden."""
    if isinstance(book, URL):
        if book.get_backend_name() == "sqlite":
            return str(book.database)
        return book.render_as_string(hide_password=True)
    return str(book)


def book_label(book: Path | URL) -> str:
    """The book in a title bar: the file's name, or «servidor · base» for a server."""
    if isinstance(book, URL) and book.get_backend_name() != "sqlite":
        return f"{book.host or 'localhost'} · {book.database}"
    return Path(str(book.database if isinstance(book, URL) else book)).name
