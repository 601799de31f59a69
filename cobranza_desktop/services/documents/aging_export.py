"""The aging report as CSV and XLSX files. Amounts stay exact decimals.

A spreadsheet runs a cell that starts with ``= + - @`` (or a tab or carriage return) as
a formula; a customer named ``=HYPERLINK(…)`` must not. Such text cells are written with
a leading apostrophe, which spreadsheets show as plain text. XLSX cannot hold control
characters at all, so they are removed there (the rules are ``services/exports/cells``'s,
shared with the list exports). Files are written atomically, never over
the book (see ``storage.output_files``).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.exports.cells import neutral_text, strip_control, xlsx_text
from cobranza_desktop.services.receivables.aging import AgingReport
from cobranza_desktop.storage.output_files import atomic_output


def aging_table(report: AgingReport, customer: str, total: str) -> list[list[object]]:
    """Header, one row per customer, and the totals row."""
    rows: list[list[object]] = [[customer, *report.labels, total]]
    for line in report.lines:
        rows.append([line.name, *line.buckets, line.total])
    rows.append([total, *report.bucket_totals, report.total])
    return rows


def _csv_cell(cell: object) -> str:
    # Amounts (even negative ones) are numbers, not formulas: only text is neutralised.
    return str(cell) if isinstance(cell, Decimal | int) else neutral_text(str(cell))


def _xlsx_cell(cell: object) -> object:
    return cell if isinstance(cell, Decimal | int) else xlsx_text(str(cell))


def write_aging_csv(
    report: AgingReport, path: Path, customer: str, total: str, *, book_path: Path | None = None
) -> Path:
    # utf-8 with a BOM so that spreadsheet programs read the accents right.
    with (
        atomic_output(path, book_path) as temporary,
        temporary.open("w", newline="", encoding="utf-8-sig") as handle,
    ):
        writer = csv.writer(handle)
        for row in aging_table(report, customer, total):
            writer.writerow([_csv_cell(cell) for cell in row])
    return path


def write_aging_xlsx(
    report: AgingReport,
    path: Path,
    customer: str,
    total: str,
    title: str,
    *,
    book_path: Path | None = None,
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = strip_control(title)[:31]
    sheet.append([xlsx_text(f"{title} — {format_date(report.as_of)}")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    rows = aging_table(report, customer, total)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    header_row = 3
    last_row = header_row + len(rows) - 1
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for cell in sheet[last_row]:
        cell.font = Font(bold=True)
    for sheet_row in sheet.iter_rows(min_row=header_row + 1, max_row=last_row, min_col=2):
        for cell in sheet_row:
            cell.number_format = "#,##0.00"
    sheet.column_dimensions["A"].width = 38
    for index in range(2, len(rows[0]) + 1):
        sheet.column_dimensions[sheet.cell(header_row, index).column_letter].width = 16
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    with atomic_output(path, book_path) as temporary:
        workbook.save(temporary)
    return path
