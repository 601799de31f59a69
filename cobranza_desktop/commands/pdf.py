"""`cobranza pdf`: print a document to a PDF file.

cobranza pdf --book PATH invoice A-00042 --out factura.pdf
cobranza pdf --book PATH statement 7 --out estado.pdf
cobranza pdf --book PATH notice 7 --out aviso.pdf
cobranza pdf --book PATH receipt 15 --out recibo.pdf
cobranza pdf --book PATH letters [--date 2026-11-22] [--preview] --out cartas.pdf
cobranza pdf --book PATH report --month 2026-11 --out informe.pdf
cobranza pdf --book PATH terms 7 --out condiciones.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_ERROR,
    EXIT_OK,
    add_global_options,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.analytics.report import MonthlyReportService
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.storage.output_files import check_output_path, write_output


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers, "pdf", help="print an invoice, statement, notice, receipt or letters"
    )
    kinds = parser.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write")
    add_global_options(out)  # `pdf notice 7 --book B --out f.pdf` reads --book too
    kinds.add_parser("invoice", parents=[out], help="an invoice").add_argument(
        "number", metavar="NUMBER", help='the invoice number, "SERIES-FOLIO", e.g. A-00042'
    )
    kinds.add_parser("statement", parents=[out], help="a statement of account").add_argument(
        "customer_id", type=int, metavar="CUSTOMER_ID"
    )
    kinds.add_parser("notice", parents=[out], help="a penalty notice").add_argument(
        "customer_id", type=int, metavar="CUSTOMER_ID"
    )
    kinds.add_parser("receipt", parents=[out], help="a payment receipt").add_argument(
        "payment_id", type=int, metavar="PAYMENT_ID"
    )
    letters = kinds.add_parser(
        "letters",
        parents=[out],
        help="the letters of the day's agenda, in one PDF; each logs its contact and "
        "completes its action",
    )
    letters.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    letters.add_argument(
        "--preview", action="store_true", help="only look: log nothing, complete nothing"
    )
    kinds.add_parser("report", parents=[out], help="the monthly collection report").add_argument(
        "--month", required=True, metavar="YYYY-MM"
    )
    kinds.add_parser(
        "terms", parents=[out], help="the credit and collection terms for a customer to sign"
    ).add_argument("customer_id", type=int, metavar="CUSTOMER_ID")


def _render(service: DocumentService, args: argparse.Namespace) -> bytes:
    if args.document == "invoice":
        return service.invoice_pdf(args.number)
    if args.document == "statement":
        return service.statement_pdf(args.customer_id)
    if args.document == "notice":
        return service.notice_pdf(args.customer_id)
    if args.document == "receipt":
        return service.receipt_pdf(args.payment_id)
    if args.preview:
        return service.letters_pdf(args.date)
    return service.print_letters(args.date).pdf


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        day = getattr(args, "date", None)
        with opened_book(args.book) as book:
            check_output_path(args.out, book.path)  # before any work: never over the book
            if args.document == "report":
                pdf = MonthlyReportService(book, clock_for(None)).pdf(args.month)
            elif args.document == "terms":
                pdf = CreditTermsService(book, clock_for(None)).pdf(args.customer_id)
            else:
                pdf = _render(DocumentService(book, clock_for(day)), args)
        try:
            write_output(args.out, pdf, book.path)
        except OSError as exc:
            print(
                _("No se pudo escribir {out}: {exc}").format(out=args.out, exc=exc),
                file=sys.stderr,
            )
            return EXIT_ERROR
        print(args.out)
        return EXIT_OK

    return run_reporting_errors(action)
