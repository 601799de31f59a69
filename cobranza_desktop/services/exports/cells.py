"""Cells a spreadsheet shows as text and never runs as a formula."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Value = str | int | Decimal | date | datetime | bool | None


def neutral_text(text: str) -> str:
    """A leading apostrophe keeps ``=HYPERLINK(…)`` (or ``-1+2``) from being evaluated."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def strip_control(text: str) -> str:
    """XLSX cannot hold control characters at all: they are removed."""
    return _CONTROL.sub("", text)


def xlsx_text(text: str) -> str:
    return neutral_text(strip_control(text))


def csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | Decimal):  # numbers, even negative, are not formulas
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutral_text(str(value))


def xlsx_cell(value: Value) -> object:
    if value is None or isinstance(value, bool | int | Decimal | date | datetime):
        return value
    return xlsx_text(str(value))


def write_csv_rows(handle: TextIO, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> None:
    writer = csv.writer(handle)
    writer.writerow([neutral_text(h) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> None:
    # UTF-8 with a BOM: Excel in Mexico then reads the accents right.
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        write_csv_rows(handle, headers, rows)


def write_xlsx(
    path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]]
) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([xlsx_cell(h) for h in headers])
    for row in rows:
        sheet.append([xlsx_cell(v) for v in row])
    workbook.save(path)
