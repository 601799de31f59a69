"""A new, empty book with the business's name and RFC (``cobranza new``, "Nuevo libro").

For the window::

    path = create_book(Path(chosen), clock, name="Taller Ruiz", rfc="XAXX010101000")
"""

from __future__ import annotations

from pathlib import Path

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_data import normalize_rfc
from cobranza_desktop.domain.errors import BookError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.storage.book_files import BookState, book_state
from cobranza_desktop.storage.database import (
    BookLocation,
    describe_location,
    is_server_location,
    open_book,
    resolve_url,
)
from cobranza_desktop.storage.paths import default_book_path
from cobranza_desktop.storage.server import server_has_book


def create_book(
    path: BookLocation | str | None, clock: Clock, *, name: str = "", rfc: str = ""
) -> Path | str:
    """Create the book at ``path`` (default: the default book), a file or an empty
    server database. The input is validated before any file is made; an existing book is
    never touched."""
    clean_rfc = normalize_rfc(rfc)
    clean_name = name.strip()
    if is_server_location(path):
        return _create_server_book(path, clock, clean_name, clean_rfc)
    book_path = Path(str(path)) if path is not None else default_book_path()
    if book_state(book_path) is BookState.PRESENT:
        raise BookError(
            _("Ya hay un libro en {book_path}; no se reemplaza. Elija otro nombre.").format(
                book_path=book_path
            )
        )
    with open_book(book_path, create=True, now=clock.now()) as book, book.transaction() as s:
        profile = load_profile(s)
        profile.name = clean_name
        profile.rfc = clean_rfc
    return book_path


def _create_server_book(location: object, clock: Clock, name: str, rfc: str) -> str:
    url = resolve_url(location)  # type: ignore[arg-type]
    if server_has_book(url):
        raise BookError(
            _("Ya hay un libro en {book_path}; no se reemplaza. Elija otro nombre.").format(
                book_path=describe_location(url)
            )
        )
    with open_book(url, create=True, now=clock.now()) as book, book.transaction() as s:
        profile = load_profile(s)
        profile.name = name
        profile.rfc = rfc
    return describe_location(url)
