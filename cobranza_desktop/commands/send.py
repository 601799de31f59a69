"""`cobranza send`: queue and send the email reminders of the day's agenda."""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_FAILED,
    EXIT_OK,
    add_verb,
    clock_for,
    opened_book,
    parse_date_arg,
    run_reporting_errors,
)
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import N_, _
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.messaging.reminders import (
    AgendaHooks,
    CollectionsAgenda,
    ReminderService,
    SendDayReport,
    SendOutcome,
)
from cobranza_desktop.storage.database import Book


def register(subparsers: Any) -> None:
    parser = add_verb(
        subparsers, "send", help="queue and send the email reminders of the day's agenda"
    )
    parser.add_argument("--date", type=parse_date_arg, default=None, metavar="YYYY-MM-DD")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be sent, send nothing"
    )


def agenda_hooks(book: Book, clock: Any) -> AgendaHooks:
    """The collections agenda, adapted for sending."""
    return CollectionsAgenda(book, clock)


_OUTCOMES: dict[str, str] = {
    SendOutcome.SENT: N_("enviado"),
    SendOutcome.FAILED: N_("falló"),
    SendOutcome.ALREADY_SENT: N_("ya enviado"),
    SendOutcome.SKIPPED: N_("omitido"),
    SendOutcome.WOULD_SEND: N_("se enviaría"),
    SendOutcome.NEEDS_PERSON: N_("requiere revisión"),
}


def render_report(report: SendDayReport) -> str:
    out: list[str] = []
    title = _("Recordatorios por correo del {day}").format(day=format_date(report.day))
    if report.dry_run:
        title += _(" (simulación: no se envía nada)")
    out.append(title)
    if not report.agenda_connected:
        out.append(_("La agenda de cobranza no está conectada: no hay recordatorios que enviar."))
    if report.retried:
        out.append(
            _("Reintentados y enviados de la bandeja de salida: {retried_count}").format(
                retried_count=len(report.retried)
            )
        )
    for line in report.lines:
        es = _(_OUTCOMES.get(line.outcome, line.outcome))
        to = f" <{line.to}>" if line.to else ""
        detail = f" — {line.detail}" if line.detail else ""
        out.append(f"  [{es}] {line.customer}{to} ({line.stage}){detail}")
    summary = ", ".join(f"{_(_OUTCOMES.get(k, k))}: {n}" for k, n in sorted(report.counts.items()))
    out.append(_("Total: ") + (summary or _("nada que hacer")))
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            clock = clock_for(args.date)
            reminders = ReminderService(book, clock)
            outbox = OutboxService(book, clock)
            report = reminders.send_day(
                outbox, agenda_hooks(book, clock), clock.today(), dry_run=args.dry_run
            )
        print(render_report(report))
        unsent = report.counts.get(SendOutcome.FAILED) or report.counts.get(
            SendOutcome.NEEDS_PERSON
        )
        return EXIT_FAILED if unsent else EXIT_OK

    return run_reporting_errors(action)
