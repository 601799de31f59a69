"""`cobranza credit apply CUSTOMER_ID [--payment ID] [--reason R] [--dry-run]`: apply the
customer's unapplied money to open invoices, oldest due first."""

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
from cobranza_desktop.commands.corrections_common import print_preview
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "credit", help="apply a customer's credit to open invoices")
    parser.add_argument("action", choices=["apply"])
    parser.add_argument("customer_id", type=int)
    parser.add_argument("--payment", type=int, default=None, help="only this payment's credit")
    parser.add_argument("--reason", default="")
    parser.add_argument("--dry-run", action="store_true", help="show what would change")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            fixes = CorrectionService(book, clock)
            if args.payment is not None and not args.dry_run:
                view = PaymentService(book, clock).allocate_credit(args.payment)
                print(
                    _("Pago {payment_id}: quedan {left} sin aplicar.").format(
                        payment_id=view.id, left=format_money(view.unallocated)
                    )
                )
                return EXIT_OK
            preview = fixes.preview_credit(args.customer_id)
            if not args.dry_run:
                preview = fixes.apply_credit(args.customer_id, args.reason)
            print_preview(preview, dry_run=args.dry_run)
        return EXIT_OK

    return run_reporting_errors(action)
