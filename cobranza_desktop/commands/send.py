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
from cobranza_desktop.domain.i18n import tr
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


_OUTCOMES: dict[str, tuple[str, str]] = {
    SendOutcome.SENT: ("enviado", "sent"),
    SendOutcome.FAILED: ("falló", "failed"),
    SendOutcome.ALREADY_SENT: ("ya enviado", "already sent"),
    SendOutcome.SKIPPED: ("omitido", "skipped"),
    SendOutcome.WOULD_SEND: ("se enviaría", "would send"),
    SendOutcome.NEEDS_PERSON: ("requiere revisión", "needs a person"),
}


def render_report(report: SendDayReport) -> str:
    out: list[str] = []
    title = tr(
        f"Recordatorios por correo del {format_date(report.day)}",
        f"Email reminders for {format_date(report.day)}",
    )
    if report.dry_run:
        title += tr(" (simulación: no se envía nada)", " (dry run: nothing is sent)")
    out.append(title)
    if not report.agenda_connected:
        out.append(
            tr(
                "La agenda de cobranza no está conectada: no hay recordatorios que enviar.",
                "The collections agenda is not connected: there are no reminders to send.",
            )
        )
    if report.retried:
        out.append(
            tr(
                f"Reintentados y enviados de la bandeja de salida: {len(report.retried)}",
                f"Retried and sent from the outbox: {len(report.retried)}",
            )
        )
    for line in report.lines:
        es, en = _OUTCOMES.get(line.outcome, (line.outcome, line.outcome))
        to = f" <{line.to}>" if line.to else ""
        detail = f" — {line.detail}" if line.detail else ""
        out.append(f"  [{tr(es, en)}] {line.customer}{to} ({line.stage}){detail}")
    summary = ", ".join(
        f"{tr(*_OUTCOMES.get(k, (k, k)))}: {n}" for k, n in sorted(report.counts.items())
    )
    out.append(tr("Total: ", "Total: ") + (summary or tr("nada que hacer", "nothing to do")))
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
