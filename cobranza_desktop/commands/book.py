"""`cobranza book copy SOURCE TARGET`: move a whole book between a SQLite file and a
PostgreSQL database (either way), in one transaction, then check the target."""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_FAILED,
    EXIT_OK,
    Parser,
    add_global_options,
    add_verb,
    book_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.i18n import _


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "book", help="move a book between a file and a server")
    actions = parser.add_subparsers(dest="book_action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    copy = actions.add_parser("copy", help="copy a whole book into an empty one")
    add_global_options(copy)  # --lang after the operands too (--book is not used here)
    copy.add_argument("source", type=book_arg, metavar="SOURCE", help="a book file or URL")
    copy.add_argument(
        "target", type=book_arg, metavar="TARGET", help="an empty PostgreSQL database or file"
    )


def run(args: argparse.Namespace) -> int:
    from cobranza_desktop.services.book.copying import copy_whole_book

    def action() -> int:
        done = copy_whole_book(args.source, args.target, SystemClock())
        print(
            _("Copiados {rows} registros de {source} a {target}.").format(
                rows=done.copied.total, source=done.source, target=done.target
            )
        )
        for result in done.check.results:
            mark = "OK   " if result.ok else "FALLA"
            print(f"{mark} {result.label}")
        return EXIT_OK if done.check.ok else EXIT_FAILED

    return run_reporting_errors(action)
