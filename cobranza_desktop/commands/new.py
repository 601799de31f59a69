"""`cobranza new`: an empty book with the business's name and RFC.

cobranza new --book taller.sqlite --name "Taller Ruiz" --rfc XAXX010101000
"""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import EXIT_OK, add_verb, run_reporting_errors
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.book.new_book import create_book


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "new", help="start a new, empty book")
    parser.add_argument("--name", default="", metavar="NAME", help="the business's name")
    parser.add_argument("--rfc", default="", metavar="RFC", help="the business's RFC")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        path = create_book(args.book, SystemClock(), name=args.name, rfc=args.rfc)
        print(_("Libro nuevo en {path}").format(path=path))
        return EXIT_OK

    return run_reporting_errors(action)
