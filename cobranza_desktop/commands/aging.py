"""`cobranza aging`: the aging report, as a table or as JSON."""

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
from cobranza_desktop.services.receivables.aging import AgingReport, AgingService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "aging", json=True, help="print the aging report")
    parser.add_argument("--as-of", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")


def render_table(report: AgingReport) -> str:
    headers = [_("Cliente"), *report.labels, "Total"]
    rows = [
        [
            line.name,
            *(format_money(b, report.currency) for b in line.buckets),
            format_money(line.total, report.currency),
        ]
        for line in report.lines
    ]
    rows.append(
        [
            "TOTAL",
            *(format_money(b, report.currency) for b in report.bucket_totals),
            format_money(report.total, report.currency),
        ]
    )
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    widths[0] = min(widths[0], 40)

    def fmt(row: list[str]) -> str:
        first = row[0][:40].ljust(widths[0])
        return "  ".join(
            [first, *(str(c).rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))]
        )

    title = _("Antigüedad de saldos al {as_of}").format(as_of=format_date(report.as_of))
    return "\n".join([title, fmt(headers), *(fmt(r) for r in rows)])


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            report = AgingService(book, clock_for(args.as_of)).report()
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            print(render_table(report))
        return EXIT_OK

    return run_reporting_errors(action)
