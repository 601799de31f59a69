"""`cobranza invoice extend ID --to YYYY-MM-DD --reason R`: a new agreed due date.

The invoice's ladder restarts from the new date; the issued invoice is not edited."""

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
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.collections.tools import CollectionToolsService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "invoice", help="extend an invoice's due date")
    parser.add_argument("action", choices=["extend"])
    parser.add_argument("invoice", help="the invoice: its id or its number (A-00042)")
    parser.add_argument("--to", type=parse_date_arg, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--reason", required=True)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            invoice_id = (
                int(args.invoice)
                if args.invoice.isdigit()
                else InvoiceService(book, clock).get_by_number(args.invoice).id
            )
            view = CollectionToolsService(book, clock).extend_due_date(
                invoice_id, args.to, args.reason
            )
            print(
                _("Factura {invoice_id}: vence el {new} (antes {old}).").format(
                    invoice_id=view.invoice_id,
                    new=format_date(view.new_due_date),
                    old=format_date(view.previous_due_date),
                )
            )
        return EXIT_OK

    return run_reporting_errors(action)
