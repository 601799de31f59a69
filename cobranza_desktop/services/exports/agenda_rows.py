"""The day's agenda as a list to export (CSV or XLSX), in the columns of
``cobranza agenda --json``: what the owner takes to a meeting or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from cobranza_desktop.domain.agenda import Agenda
from cobranza_desktop.services.exports.cells import Value
from cobranza_desktop.services.exports.lists import ExportTable, write_rows

AGENDA_HEADERS = (
    "customer_id",
    "customer",
    "stage",
    "channel",
    "amount_due",
    "days_past_due",
    "reason",
)


def agenda_table(agenda: Agenda) -> ExportTable:
    rows: list[tuple[Value, ...]] = [
        (
            item.customer_id,
            item.customer,
            item.stage_label,
            item.channel.label(),
            item.amount_due,
            item.days_past_due,
            item.reason,
        )
        for item in agenda.items
    ]
    return ExportTable(AGENDA_HEADERS, rows)


def write_agenda(agenda: Agenda, path: Path) -> int:
    """Write the agenda's actions to CSV or XLSX (by the extension); the number of rows."""
    table = agenda_table(agenda)
    write_rows(path, "agenda", table.headers, table.rows)
    return len(table.rows)
