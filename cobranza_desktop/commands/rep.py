"""`cobranza rep`: payments that still lack their REP, and PUE invoices left unpaid."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.receivables.rep_radar import RepRadarService


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers, "rep", json=True, help="payments that need a REP (payment receipt)"
    )
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            radar = RepRadarService(book, clock_for(args.date)).radar()
        if args.json:
            print(json.dumps(radar.to_json(), ensure_ascii=False, indent=2))
            return EXIT_OK
        print(_("Pagos sin REP al {as_of}:").format(as_of=format_date(radar.as_of)))
        for item in radar.pending:
            mark = _("VENCIDO") if item.overdue else ""
            print(
                f"  {format_date(item.deadline)}  {item.invoice:<14} "
                f"{format_money(item.amount):>14}  {mark}"
            )
        print(_("Facturas PUE con saldo después de su mes:"))
        for pue in radar.pue_unpaid:
            print(
                f"  {format_date(pue.month_end)}  {pue.invoice:<14} {format_money(pue.balance):>14}"
            )
        return EXIT_OK

    return run_reporting_errors(action)
