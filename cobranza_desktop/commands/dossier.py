"""`cobranza dossier CUSTOMER_ID --out DIR|FILE.zip [--no-mark] [--reason R]`: the agency
dossier (expediente.pdf and facturas.csv); the customer is marked "with agency"."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.collections.dossier import DossierService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "dossier", help="export a customer's dossier for an agency")
    parser.add_argument("customer_id", type=int)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR|FILE.zip")
    parser.add_argument("--no-mark", action="store_true", help="do not mark 'with agency'")
    parser.add_argument("--reason", default="", help="the agency or lawyer, and why")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            done = DossierService(book, clock_for(None)).export(
                args.customer_id, args.out, mark_agency=not args.no_mark, reason=args.reason
            )
            print(_("Expediente en {path}").format(path=done.path))
            if done.marked_agency:
                print(_("Cliente marcado «con agencia»: la cobranza se detiene."))
        return EXIT_OK

    return run_reporting_errors(action)
