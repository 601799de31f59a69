"""`cobranza demo`: write a realistic demo book, then open the window on it.

An existing book with data is never overwritten: the verb opens it instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    fail,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.book.demo import book_has_customers, build_demo_book
from cobranza_desktop.storage.paths import data_home


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "demo", help="write a demo book and open it")
    parser.add_argument("--customers", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=7, metavar="S")
    parser.add_argument("--no-open", action="store_true", help="do not open the window")
    parser.add_argument(
        "--kind", choices=["business", "services"], default="business", help="demo profile"
    )


def demo_book_path(args: argparse.Namespace) -> Path:
    return args.book or (data_home() / "demo.sqlite")


def run(args: argparse.Namespace) -> int:
    path = demo_book_path(args)
    opens = not args.no_open
    language = getattr(args, "lang", None)
    if opens:  # the window follows: its language, and a dialog if the book is refused
        from cobranza_desktop.commands.window import refuse_visibly, speak_as_the_window

        language = speak_as_the_window(language)

    def action() -> int:
        if args.customers < 1 or args.customers > 100_000:
            return fail(_("--customers debe estar entre 1 y 100000."))
        with opened_book(path, create=True) as book:
            if book_has_customers(book):
                print(_("El libro {path} ya tiene datos; se abre tal como está.").format(path=path))
            else:
                if args.kind == "services":  # a gym billed monthly by the billing run
                    from cobranza_desktop.services.book.demo_services import build_services_demo

                    summary = build_services_demo(
                        book, SystemClock(), members=args.customers, seed=args.seed
                    )
                else:
                    summary = build_demo_book(
                        book, SystemClock(), customers=args.customers, seed=args.seed
                    )
                print(
                    _(
                        "Libro de ejemplo en {path}: {customers} clientes, {invoices} "
                        "facturas, {payments} pagos."
                    ).format(
                        path=path,
                        customers=summary.customers,
                        invoices=summary.invoices,
                        payments=summary.payments,
                    )
                )
        if args.no_open:
            return EXIT_OK
        from cobranza_desktop.commands.window import open_window

        return open_window(path, language=language)

    if opens:
        return run_reporting_errors(action, refuse=lambda line: refuse_visibly(line, language))
    return run_reporting_errors(action)
