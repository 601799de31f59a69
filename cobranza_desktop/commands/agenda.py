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
from cobranza_desktop.services.receivables.rep_radar import RepRadar, RepRadarService

# As many of the owner's REP tasks as Today's panel shows, with the counts of all: a big
# book has near a million, and `cobranza rep` lists them whole.
OWNER_TASK_ROWS = 200


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "agenda", json=True, help="print the day's collection actions")
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")


def to_json(agenda: Agenda, radar: RepRadar | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": agenda.day.isoformat(),
        "actions": [item.to_json() for item in agenda.items],
    }
    if radar is not None:
        # The owner's own tasks (not messages to customers): Today's REP panel, item by item.
        rep = radar.to_json()
        data["owner_tasks"] = {
            "pending_rep": rep["pending"],
            "pue_unpaid": rep["pue_unpaid"],
            "pending_rep_count": radar.pending_total,
            "pending_rep_overdue_count": radar.overdue_total,
            "pue_unpaid_count": radar.pue_total,
        }
    return data


def render_owner_tasks(radar: RepRadar) -> list[str]:
    """The REP panel of Today as lines: payments still lacking their REP (overdue first),
    then PUE invoices left with a balance after their month."""
    if not radar.pending and not radar.pue_unpaid:
        return []
    lines = [_("Tareas del dueño (REP):")]
    for p in radar.pending:
        task = _("Emitir REP del pago del {paid_on}").format(paid_on=format_date(p.paid_on))
        late = _("VENCIDO") if p.overdue else ""
        lines.append(
            "  "
            + "  ".join(
                [
                    task,
                    _("plazo {deadline}").format(deadline=format_date(p.deadline)),
                    p.invoice,
                    p.customer_name[:36],
                    format_money(p.amount),
                    late,
                ]
            ).rstrip()
        )
    for u in radar.pue_unpaid:
        task = _("PUE sin pagar al cierre del mes: revisar (debió ser PPD)")
        lines.append(
            "  "
            + "  ".join(
                [
                    task,
                    format_date(u.month_end),
                    u.invoice,
                    u.customer_name[:36],
                    format_money(u.balance),
                ]
            )
        )
    left = radar.pending_total - len(radar.pending) + radar.pue_total - len(radar.pue_unpaid)
    if left > 0:
        lines.append(
            ngettext(
                "  … y {count} tarea más: la lista entera con «cobranza rep».",
                "  … y {count} tareas más: la lista entera con «cobranza rep».",
                left,
            ).format(count=left)
        )
    return lines


def render_table(agenda: Agenda, radar: RepRadar | None = None) -> str:
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
    if radar is not None:
        lines.extend(render_owner_tasks(radar))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(args.date)
            agenda = AgendaService(book, clock).agenda(clock.today())
            radar = RepRadarService(book, clock).radar(clock.today(), limit=OWNER_TASK_ROWS)
        if args.json:
            print(json.dumps(to_json(agenda, radar), ensure_ascii=False, indent=2))
        else:
            print(render_table(agenda, radar))
        return EXIT_OK

    return run_reporting_errors(action)
