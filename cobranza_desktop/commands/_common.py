"""What every verb shares: global options, opening the book, the clock, and reporting
errors plainly. ``cli`` imports this module; nothing here imports ``cli``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from cobranza_desktop.domain.clock import Clock, FixedClock, SystemClock
from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.database import Book, is_server_location, open_book
from cobranza_desktop.storage.paths import default_book_path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


class Parser(argparse.ArgumentParser):
    """Bad input is one line on stderr and exit code 2, not a usage screen."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def add_global_options(parser: argparse.ArgumentParser, *, json: bool = False) -> None:
    """The options read wherever they are written: before the verb (the main parser
    holds the defaults) or after it (here, with no default, so that an option given
    before the verb is not reset)."""
    parser.add_argument(
        "--book",
        type=book_arg,
        default=argparse.SUPPRESS,
        metavar="PATH|URL",
        help=BOOK_HELP,
    )
    parser.add_argument(
        "--lang", choices=["es", "en"], default=argparse.SUPPRESS, help="interface language"
    )
    if json:
        parser.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON"
        )
        parser.set_defaults(json_supported=True)


BOOK_HELP = (
    "the book: a SQLite file, or a PostgreSQL URL (postgresql+psycopg://user@host/dbname; "
    "password from PGPASSWORD or ~/.pgpass); default: $COBRANZA_HOME or the user data directory"
)


def book_arg(text: str) -> Path | str:
    """``--book``: a file path, or a database URL kept as text (never made a file)."""
    return text if is_server_location(text) else Path(text)


def add_verb(subparsers: Any, name: str, *, json: bool = False, **kwargs: Any) -> Any:
    parser = subparsers.add_parser(name, **kwargs)
    add_global_options(parser, json=json)
    return parser


def parse_date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("«{text}» no es una fecha AAAA-MM-DD.").format(text=text)
        ) from None


def clock_for(day: date | None) -> Clock:
    """The system clock, or a clock fixed on ``day`` for reports as of a date."""
    return SystemClock() if day is None else FixedClock.on(day)


def book_path_of(args: argparse.Namespace) -> Path:
    """The book's file, for the verbs that work on the file itself (restore)."""
    path: Path | str | None = getattr(args, "book", None)
    if isinstance(path, str):
        raise CobranzaError(
            _(
                "Esta orden trabaja con el archivo de un libro; un libro en un servidor se "
                "respalda y se restaura con pg_dump y pg_restore."
            )
        )
    return path if path is not None else default_book_path()


@contextmanager
def opened_book(path: Path | str | None, *, create: bool = False) -> Iterator[Book]:
    """The book at ``path`` (default: the default book). Only ``demo`` and ``new``
    create one; every other verb refuses a place where there is no book."""
    book = open_book(path if path is not None else default_book_path(), create=create)
    try:
        yield book
    finally:
        book.close()


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_ERROR


def run_reporting_errors(action: Callable[[], int], refuse: Callable[[str], int] = fail) -> int:
    """Run a verb; a CobranzaError (or a file the system refuses) becomes one clear line
    on stderr and exit code 2 (``refuse``: also in a dialog, for a verb that opens the
    window)."""
    try:
        return action()
    except ValidationError as exc:
        return refuse(_("Error en {field}: {message}").format(field=exc.field, message=exc.message))
    except CobranzaError as exc:
        return refuse(_("Error: {message}").format(message=exc.message))
    except (OSError, sqlite3.Error) as exc:
        return refuse(_("Error: {exc}").format(exc=exc))
