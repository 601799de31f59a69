"""`cobranza promise CUSTOMER_ID AMOUNT --date YYYY-MM-DD [--notes N]`: a promise to pay
given outside a logged contact (at the counter); the ladder pauses until its date."""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.collections.promises import PromiseService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "promise", help="record a promise to pay")
    parser.add_argument("customer_id", type=int)
    parser.add_argument("amount")
    parser.add_argument("--date", type=parse_date_arg, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--notes", default="")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            view = PromiseService(book, clock_for(None)).add(
                args.customer_id, args.amount, args.date, args.notes
            )
        print(
            _("Promesa de {amount} para el {day}.").format(
                amount=format_money(view.amount), day=format_date(view.promised_date)
            )
        )
        return EXIT_OK

    return run_reporting_errors(action)
