"""`cobranza batches [--json]`: the imports made (what each brought in);
`--undo ID` voids a batch's invoices and reverses its payments, in one transaction."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.commands.customer import plain
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.imports.batches import ImportBatchService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "batches", json=True, help="list or undo import batches")
    parser.add_argument("--undo", type=int, default=None, metavar="ID")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            service = ImportBatchService(book, clock_for(None))
            if args.undo is not None:
                service.undo(args.undo)
                print(_("Importación {id} deshecha.").format(id=args.undo))
                return EXIT_OK
            batches = service.list()
        if getattr(args, "json", False):
            print(json.dumps(plain(batches), ensure_ascii=False, indent=2))
        for batch in [] if getattr(args, "json", False) else batches:
            state = _("deshecha") if batch.undone_at else ""
            print(f"{batch.id}  {batch.kind}  {batch.source}  {batch.counts}  {state}")
        return EXIT_OK

    return run_reporting_errors(action)
