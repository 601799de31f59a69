"""`cobranza invoice ACTION ...`: work on one invoice. ID is the invoice's number
(``A-00042``) or its internal id.

- ``invoice extend ID --to YYYY-MM-DD --reason R``: a new agreed due date. The invoice's
  ladder restarts from it and penalties start after it; the issued invoice is not edited.
- ``invoice dispute ID --reason R [--settle]``: put the invoice in dispute (its ladder and
  penalties pause), or settle its dispute (they resume).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_global_options,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.billing.disputes import DisputeService, DisputeView
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.storage.database import Book


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "invoice", help="work on one invoice: extend, dispute")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    extend = actions.add_parser("extend", help="a new agreed due date")
    extend.add_argument("invoice", help="the invoice: its id or its number (A-00042)")
    extend.add_argument("--to", type=parse_date_arg, required=True, metavar="YYYY-MM-DD")
    extend.add_argument("--reason", required=True)
    add_global_options(extend)  # --book and --lang after the action too
    dispute = actions.add_parser(
        "dispute", help="put an invoice in dispute (its ladder and penalties pause)"
    )
    dispute.add_argument("invoice", metavar="ID", help="invoice number (A-00042) or id")
    dispute.add_argument("--reason", required=True, help="why (or, with --settle, how it ended)")
    dispute.add_argument(
        "--settle", action="store_true", help="settle the dispute: collection resumes"
    )
    add_global_options(dispute, json=True)


def _invoice_id(book: Book, text: str) -> int:
    if text.strip().isdigit():
        return int(text)
    return InvoiceService(book, SystemClock()).get_by_number(text).id


def to_json(view: DisputeView) -> dict[str, object]:
    return {
        "invoice": view.invoice_number,
        "invoice_id": view.invoice_id,
        "disputed": view.is_open,
        "opened_on": view.opened_on.isoformat(),
        "reason": view.reason,
        "settled_on": view.settled_on.isoformat() if view.settled_on else None,
        "settle_reason": view.settle_reason,
    }


def _extend(book: Book, args: argparse.Namespace) -> int:
    clock = clock_for(None)
    view = CollectionToolsService(book, clock).extend_due_date(
        _invoice_id(book, args.invoice), args.to, args.reason
    )
    print(
        _("Factura {invoice_id}: vence el {new} (antes {old}).").format(
            invoice_id=view.invoice_id,
            new=format_date(view.new_due_date),
            old=format_date(view.previous_due_date),
        )
    )
    return EXIT_OK


def _dispute(book: Book, args: argparse.Namespace) -> int:
    service = DisputeService(book, SystemClock())
    invoice_id = _invoice_id(book, args.invoice)
    if args.settle:
        view = service.settle(invoice_id, args.reason)
    else:
        view = service.mark(invoice_id, args.reason)
    if getattr(args, "json", False):
        print(json.dumps(to_json(view), ensure_ascii=False, indent=2))
    elif view.is_open:
        print(
            _("Factura {number} en disputa desde el {day}: la cobranza queda en pausa.").format(
                number=view.invoice_number, day=format_date(view.opened_on)
            )
        )
    else:
        print(
            _("Disputa de la factura {number} resuelta: la cobranza continúa.").format(
                number=view.invoice_number
            )
        )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            if args.action == "extend":
                return _extend(book, args)
            return _dispute(book, args)

    return run_reporting_errors(action)
