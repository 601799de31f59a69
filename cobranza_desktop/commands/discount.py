"""`cobranza discount CUSTOMER_ID AMOUNT --reason R`: a discount on the next payment;
`cobranza barter CUSTOMER_ID AMOUNT --description D [--date D]`: settle in kind."""

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
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.collections.tools import CollectionToolsService


def register(subparsers: Any) -> None:
    discount = add_verb(subparsers, "discount", help="a discount on the next payment")
    discount.add_argument("customer_id", type=int)
    discount.add_argument("amount")
    discount.add_argument("--reason", required=True)
    discount.set_defaults(tool="discount")


def register_barter(subparsers: Any) -> None:
    barter = add_verb(subparsers, "barter", help="settle a debt with goods or services")
    barter.add_argument("customer_id", type=int)
    barter.add_argument("amount")
    barter.add_argument("--description", required=True)
    barter.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    barter.set_defaults(tool="barter")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            tools = CollectionToolsService(book, clock_for(None))
            if args.tool == "discount":
                view = tools.grant_discount(args.customer_id, args.amount, args.reason)
                print(
                    _("Descuento de {amount} en el próximo pago.").format(
                        amount=format_money(view.amount)
                    )
                )
            else:
                paid = tools.settle_by_barter(
                    args.customer_id, args.amount, args.description, args.date
                )
                print(
                    _("Intercambio por {amount} registrado (pago {payment_id}).").format(
                        amount=format_money(paid.amount), payment_id=paid.id
                    )
                )
        return EXIT_OK

    return run_reporting_errors(action)
