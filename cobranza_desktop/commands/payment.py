"""`cobranza payment reverse ID --reason R` and `cobranza payment undo-last CUSTOMER_ID
--reason R`: correct a payment, after showing what changes (`--dry-run` only shows it)."""

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
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "payment", help="reverse a payment or undo its last allocation")
    parser.add_argument("action", choices=["reverse", "undo-last"])
    parser.add_argument("id", type=int, help="the payment (reverse) or the customer (undo-last)")
    parser.add_argument("--reason", default="", help="why (required unless --dry-run)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            fixes = CorrectionService(book, clock)
            if args.action == "reverse":
                preview = fixes.preview_reversal(args.id)
                if not args.dry_run:
                    PaymentService(book, clock).reverse(args.id, args.reason)
            else:
                preview = fixes.preview_undo_last(args.id)
                if not args.dry_run:
                    preview = fixes.undo_last(args.id, args.reason)
            print_preview(preview, dry_run=args.dry_run)
        return EXIT_OK

    return run_reporting_errors(action)
