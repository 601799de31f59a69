"""`cobranza import`: CFDI XML, and spreadsheets of customers, invoices or payments.

Exit codes: 0 committed (or a dry run with no problem), 1 refused because of problems
(nothing written), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_FAILED,
    EXIT_OK,
    add_global_options,
    add_verb,
    clock_for,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.imports.common import ImportReport


def _common(parser: argparse.ArgumentParser) -> None:
    add_global_options(parser, json=True)
    parser.add_argument("--dry-run", action="store_true", help="preview only: write nothing")


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "import", help="import CFDI XML or a spreadsheet")
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    cfdi = kinds.add_parser("cfdi", help="CFDI XML files, folders or zip files")
    cfdi.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    cfdi.add_argument("--business-rfc", default=None, metavar="RFC")
    _common(cfdi)
    for kind in ("csv", "xlsx"):
        sheet = kinds.add_parser(kind, help=f"a {kind.upper()} file")
        sheet.add_argument("entity", choices=["customers", "invoices", "payments", "subscriptions"])
        sheet.add_argument("file", type=Path, metavar="FILE")
        sheet.add_argument("--map", type=Path, default=None, metavar="FILE.json")
        sheet.add_argument(
            "--duplicates", choices=["skip", "update"], default="skip", help="what to do"
        )
        _common(sheet)


def print_report(report: ImportReport, as_json: bool, dry_run: bool) -> None:
    if as_json:
        data = report.to_json()
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for note in report.notes:
        print(note)
    counts = report.counts
    print(
        _(
            "Clientes nuevos: {customers} (existentes: {matched_customers}); facturas: "
            "{invoices}; notas de crédito: {credit_notes}; pagos: {payments}; omitidos: "
            "{skipped}."
        ).format(
            customers=counts["customers"],
            matched_customers=report.matched_customers,
            invoices=counts["invoices"],
            credit_notes=counts["credit_notes"],
            payments=counts["payments"],
            skipped=counts["skipped"],
        )
    )
    if "subscriptions" in counts:
        print(_("Suscripciones: {subscriptions}").format(subscriptions=counts["subscriptions"]))
    print(
        _("Por cobrar importado: {total_receivable}").format(
            total_receivable=format_money(report.total_receivable)
        )
    )
    for skipped in report.skipped[:50]:
        print(f"  - {skipped.source}: {skipped.message}")
    for problem in report.problems:
        print(f"  ! {problem.source}: {problem.message}")
    if report.committed:
        print(_("Importación guardada (lote {batch_id}).").format(batch_id=report.batch_id))
    elif report.problems:
        print(_("No se guardó nada: corrija los problemas."))
    elif dry_run:
        print(_("Vista previa: no se guardó nada."))


def _exit(report: ImportReport) -> int:
    return EXIT_FAILED if report.problems else EXIT_OK


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(None)
            if args.import_kind == "cfdi":
                service = CfdiImportService(book, clock)
                report = (
                    service.preview(args.paths, business_rfc=args.business_rfc)
                    if args.dry_run
                    else service.commit(args.paths, business_rfc=args.business_rfc)
                )
            else:
                from cobranza_desktop.services.imports.sheet_import import SheetImportService

                sheets = SheetImportService(book, clock)
                report = sheets.run_file(
                    args.entity,
                    args.file,
                    mapping_file=args.map,
                    update_duplicates=args.duplicates == "update",
                    commit=not args.dry_run,
                )
        print_report(report, args.json, args.dry_run)
        return _exit(report)

    return run_reporting_errors(action)
