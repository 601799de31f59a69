"""`cobranza agenda`: the day's collection actions, as a table or as JSON."""

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
from cobranza_desktop.domain.agenda import Agenda
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.services.collections.agenda import AgendaService


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "agenda", json=True, help="print the day's collection actions")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")


def to_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "date": agenda.day.isoformat(),
        "actions": [item.to_json() for item in agenda.items],
    }


def render_table(agenda: Agenda) -> str:
    title = _("Agenda de cobranza del {day}").format(day=format_date(agenda.day))
    if not agenda.items:
        lines = [title, _("Nada que hacer hoy.")]
    else:
        headers = [
            _("Cliente"),
            _("Acción"),
            _("Canal"),
            _("Adeudo"),
            _("Días"),
        ]
        rows = [
            [
                i.customer[:36],
                i.stage_label[:44],
                i.channel.label(),
                format_money(i.amount_due),
                str(i.days_past_due),
            ]
            for i in agenda.items
        ]
        widths = [max(len(r[c]) for r in [headers, *rows]) for c in range(len(headers))]

        def fmt(row: list[str]) -> str:
            left = [row[c].ljust(widths[c]) for c in range(3)]
            right = [row[c].rjust(widths[c]) for c in range(3, 5)]
            return "  ".join(left + right)

        lines = [title, fmt(headers), *(fmt(r) for r in rows)]
    if agenda.deferred:
        lines.append(
            ngettext(
                "{deferred_count} acción espera por el límite de contactos.",
                "{deferred_count} acciones esperan por el límite de contactos.",
                len(agenda.deferred),
            ).format(deferred_count=len(agenda.deferred))
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(args.date)
            agenda = AgendaService(book, clock).agenda(clock.today())
        if args.json:
            print(json.dumps(to_json(agenda), ensure_ascii=False, indent=2))
        else:
            print(render_table(agenda))
        return EXIT_OK

    return run_reporting_errors(action)
