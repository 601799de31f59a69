"""`cobranza refund CUSTOMER_ID AMOUNT --reason TEXT [--date D] [--method M] [--json]`:
pay back part or all of a customer's credit (a payment out, with its reason)."""

from __future__ import annotations

import argparse
import json
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
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.billing.refunds import RefundService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "refund", json=True, help="refund a customer's credit")
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("amount", metavar="AMOUNT")
    parser.add_argument("--reason", required=True, metavar="TEXT")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument(
        "--method",
        choices=[m.value for m in PaymentMethod if m is not PaymentMethod.DISCOUNT],
        default=PaymentMethod.TRANSFER.value,
    )


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            # The date is the refund's, weighed against the real today (a future one is
            # refused); a clock fixed on it would accept any date and stamp it as written.
            refund = RefundService(book, clock_for(None)).refund(
                args.customer_id,
                args.amount,
                args.reason,
                on=args.date,
                method=PaymentMethod(args.method),
            )
        if args.json:
            print(json.dumps(refund.to_json(), ensure_ascii=False, indent=2))
        else:
            print(
                _("Devolución {number} del {date}: {amount} ({reason}).").format(
                    number=refund.number,
                    date=format_date(refund.refund_date),
                    amount=format_money(refund.amount),
                    reason=refund.reason,
                )
            )
        return EXIT_OK

    return run_reporting_errors(action)
