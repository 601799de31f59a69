"""Export the aging report to CSV and XLSX (openpyxl). Amounts stay exact decimals."""

from __future__ import annotations

import csv
from pathlib import Path

from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.receivables.aging import AgingReport


def aging_table(report: AgingReport, customer: str, total: str) -> list[list[object]]:
    """Header, one row per customer, and the totals row."""
    rows: list[list[object]] = [[customer, *report.labels, total]]
    for line in report.lines:
        rows.append([line.name, *line.buckets, line.total])
    rows.append([total, *report.bucket_totals, report.total])
    return rows


def write_aging_csv(report: AgingReport, path: Path, customer: str, total: str) -> None:
    # utf-8 with a BOM so that spreadsheet programs read the accents right.
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        for row in aging_table(report, customer, total):
            writer.writerow([str(cell) for cell in row])


def write_aging_xlsx(
    report: AgingReport, path: Path, customer: str, total: str, title: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append([f"{title} — {format_date(report.as_of)}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    rows = aging_table(report, customer, total)
    for row in rows:
        sheet.append(row)
    header_row = 3
    last_row = header_row + len(rows) - 1
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for cell in sheet[last_row]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=header_row + 1, max_row=last_row, min_col=2):
        for cell in row:
            cell.number_format = "#,##0.00"
    sheet.column_dimensions["A"].width = 38
    for index in range(2, len(rows[0]) + 1):
        sheet.column_dimensions[sheet.cell(header_row, index).column_letter].width = 16
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    workbook.save(path)
