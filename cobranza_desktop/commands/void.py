"""`cobranza void (contact|incentive) ID --reason R`: a contact logged by mistake, or a
discount granted by mistake, is voided with its reason (never deleted)."""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.i18n import _


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "void", help="void a contact or a granted discount")
    parser.add_argument("what", choices=["contact", "incentive"])
    parser.add_argument("id", type=int)
    parser.add_argument("--reason", required=True)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            if args.what == "contact":
                from cobranza_desktop.services.collections.contacts import ContactService

                ContactService(book, clock).void(args.id, args.reason)
            else:
                from cobranza_desktop.services.billing.incentives import IncentiveService

                IncentiveService(book, clock).void(args.id, args.reason)
        print(_("Anulado: {what} {id}.").format(what=args.what, id=args.id))
        return EXIT_OK

    return run_reporting_errors(action)
