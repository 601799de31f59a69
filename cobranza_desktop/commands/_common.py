"""What every verb shares: opening the book, the clock, and reporting errors plainly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from cobranza_desktop.domain.clock import Clock, FixedClock, SystemClock
from cobranza_desktop.domain.errors import CobranzaError, ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.storage.database import Book, open_book

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


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


@contextmanager
def opened_book(path: Path | None) -> Iterator[Book]:
    book = open_book(path)
    try:
        yield book
    finally:
        book.close()


def run_reporting_errors(action: Callable[[], int]) -> int:
    """Run a verb; a CobranzaError becomes a clear message on stderr and exit code 2."""
    try:
        return action()
    except ValidationError as exc:
        print(
            _("Error en {field}: {message}").format(field=exc.field, message=exc.message),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except CobranzaError as exc:
        print(_("Error: {message}").format(message=exc.message), file=sys.stderr)
        return EXIT_ERROR
