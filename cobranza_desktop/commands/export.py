"""`cobranza export`: a list to CSV/XLSX or JSON, or the whole book as a zip of CSVs."""

from __future__ import annotations

import argparse
import json
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
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.services.exports.filtered import ListFilter
from cobranza_desktop.services.exports.lists import KINDS, ExportService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "export", json=True, help="export a list, or the whole book")
    parser.add_argument("kind", choices=[*KINDS, "book"])
    parser.add_argument("--out", type=Path, default=None, metavar="FILE")
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="only the rows the list page's search box finds (customers, invoices, payments)",
    )
    parser.add_argument(
        "--overdue",
        action="store_true",
        help="only overdue customers or invoices, as the pages' filters",
    )


def run(args: argparse.Namespace) -> int:
    if (args.out is None) == (not args.json):
        print(_("Indique --out ARCHIVO o --json."))
        return EXIT_ERROR
    if args.kind == "book" and args.out is None:
        print(_("El libro completo se exporta con --out ARCHIVO.zip."))
        return EXIT_ERROR
    filters = ListFilter(args.search, args.overdue)
    if args.kind == "book" and filters.active:
        print(_("El libro completo se exporta entero: sin --search ni --overdue."))
        return EXIT_ERROR

    def action() -> int:
        with opened_book(args.book) as book:
            service = ExportService(book, clock_for(None))
            if args.json:
                print(
                    json.dumps(service.rows_json(args.kind, filters), ensure_ascii=False, indent=2)
                )
            elif args.kind == "book":
                tables = service.write_book(args.out)
                print(
                    ngettext(
                        "{tables_count} tabla en {out}",
                        "{tables_count} tablas en {out}",
                        len(tables),
                    ).format(tables_count=len(tables), out=args.out)
                )
            else:
                count = service.write(args.kind, args.out, filters)
                print(
                    ngettext(
                        "{count} renglón en {out}", "{count} renglones en {out}", count
                    ).format(count=count, out=args.out)
                )
        return EXIT_OK

    return run_reporting_errors(action)
