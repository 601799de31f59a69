"""`cobranza dossier CUSTOMER_ID --out DIR|FILE.zip [--no-mark] [--reason R]`: the agency
dossier (expediente.pdf and facturas.csv); the customer is marked "with agency"."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_ERROR,
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.collections.dossier import DossierService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "dossier", help="export a customer's dossier for an agency")
    parser.add_argument("customer_id", type=int)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR|FILE.zip")
    parser.add_argument("--no-mark", action="store_true", help="do not mark 'with agency'")
    parser.add_argument("--reason", default="", help="the agency or lawyer, and why")
    parser.add_argument("--dry-run", action="store_true", help="show what it would hold")


def run(args: argparse.Namespace) -> int:
    if args.out is None and not args.dry_run:
        print(_("Indique --out CARPETA o --out ARCHIVO.zip."), file=sys.stderr)
        return EXIT_ERROR

    def action() -> int:
        with opened_book(args.book) as book:
            if args.dry_run:
                dossier = DossierService(book, clock_for(None)).build(args.customer_id)
                print(
                    _(
                        "{name}: saldo {balance}; {invoices} facturas abiertas, {contacts} "
                        "contactos, {promises} promesas, {plans} planes."
                    ).format(
                        name=dossier.customer_name,
                        balance=format_money(dossier.balance),
                        invoices=len(dossier.invoices),
                        contacts=len(dossier.contacts),
                        promises=len(dossier.promises),
                        plans=len(dossier.plans),
                    )
                )
                return EXIT_OK
            done = DossierService(book, clock_for(None)).export(
                args.customer_id, args.out, mark_agency=not args.no_mark, reason=args.reason
            )
            print(_("Expediente en {path}").format(path=done.path))
            if done.marked_agency:
                print(_("Cliente marcado «con agencia»: la cobranza se detiene."))
        return EXIT_OK

    return run_reporting_errors(action)
