"""Spreadsheets as rows of text: CSV in any encoding Excel uses in Mexico, and XLSX."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from charset_normalizer import from_bytes

from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.problems import FileRefused

MAX_SHEET_BYTES = 200 * 1024 * 1024
Cell = str | date | Decimal | None


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]  # row i of the file is rows[i - 2] (1 is the header)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; else what charset-normalizer finds; else cp1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", ";", "\t")}
        return max(counts, key=lambda d: counts[d])


def read_csv(data: bytes) -> Table:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = [row for row in reader]
    return _table([[c.strip() for c in row] for row in rows])


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # openpyxl hands numbers as floats; its shortest repr is what Excel showed.
        return Decimal(repr(value))
    return str(value).strip()


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise FileRefused(_("No es un archivo XLSX legible ({exc}).").format(exc=exc)) from None
    try:
        sheet = workbook.worksheets[0]
        rows = [[_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _table(rows)


def _table(rows: list[list[Cell]]) -> Table:
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise FileRefused(_("El archivo está vacío."))
    headers = tuple(str(h or "").strip() for h in rows[0])
    width = len(headers)
    body = tuple(tuple((list(r) + [None] * width)[:width]) for r in rows[1:])
    return Table(headers, body)


def read_table(path: Path) -> Table:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRefused(_("No se pudo leer: {exc}").format(exc=exc)) from None
    if size > MAX_SHEET_BYTES:
        raise FileRefused(_("El archivo es demasiado grande."))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path.read_bytes())
