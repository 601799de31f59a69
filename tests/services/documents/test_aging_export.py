"""The aging export: formula-safe text, no control characters in XLSX, written atomically,
never over the book."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import text

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.documents.aging_export import (
    neutral_text,
    write_aging_csv,
    write_aging_xlsx,
    xlsx_text,
)
from cobranza_desktop.storage.paths import backup_dir_for
from tests.factories import customer, invoice

# Tab and CR starts are covered below: the customer service strips surrounding blanks.
DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("name", DANGEROUS)
def test_formula_starts_are_written_as_text(ws: Workspace, tmp_path: Path, name: str) -> None:
    created = customer(ws, name=name)
    invoice(ws, created.id, "100.00")
    report = ws.aging.report()
    csv_path, xlsx_path = tmp_path / "a.csv", tmp_path / "a.xlsx"
    write_aging_csv(report, csv_path, "Cliente", "Total")
    write_aging_xlsx(report, xlsx_path, "Cliente", "Total", "Antigüedad")
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    stored = rows[1][0]
    assert stored.startswith("'") and stored[1:] == created.name
    assert Decimal(rows[1][-1]) == report.total  # amounts stay numbers
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    cell = sheet.cell(4, 1)
    assert cell.data_type == "s" and cell.value == "'" + created.name
    assert Decimal(str(sheet.cell(4, sheet.max_column).value)) == report.total


def test_control_characters_do_not_crash_the_xlsx(ws: Workspace, tmp_path: Path) -> None:
    created = customer(ws, name="Ana Bell")
    invoice(ws, created.id, "100.00")
    # Names typed today are validated; a book from an older version may still hold them.
    with ws.book.engine.begin() as connection:
        connection.execute(
            text("UPDATE customers SET name = :name WHERE id = :id"),
            {"name": "Ana\x07 Bell\x1b", "id": created.id},
        )
    report = ws.aging.report()
    assert report.lines[0].name == "Ana\x07 Bell\x1b"
    path = tmp_path / "a.xlsx"
    write_aging_xlsx(report, path, "Cliente", "Total", "Antigüedad")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.cell(4, 1).value == "Ana Bell"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _without_controls(text: str) -> str:
    return "".join(c for c in text if not (ord(c) < 32 and c not in "\t\n\r") and c != "\x7f")


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_neutral_text_never_starts_like_a_formula(text: str) -> None:
    neutral = neutral_text(text)
    assert neutral == ("'" + text if text.startswith(FORMULA_STARTS) else text)
    assert not neutral.startswith(FORMULA_STARTS)
    cleaned = _without_controls(text)
    in_xlsx = xlsx_text(text)
    assert in_xlsx in (cleaned, "'" + cleaned)
    assert not in_xlsx.startswith(FORMULA_STARTS)
    assert in_xlsx == _without_controls(in_xlsx)


@pytest.mark.sqlite_only  # about the book's file
def test_an_export_never_overwrites_the_book_and_replaces_atomically(
    ws: Workspace, tmp_path: Path
) -> None:
    report = ws.aging.report()
    book = ws.book_path
    before = book.read_bytes()
    for target in (book, book.with_name(book.name + "-wal"), backup_dir_for(book) / "x.csv"):
        with pytest.raises(ValidationError):
            write_aging_csv(report, target, "Cliente", "Total", book_path=book)
    assert book.read_bytes() == before
    out = tmp_path / "salida.csv"
    out.write_text("viejo")
    inode = out.stat().st_ino
    write_aging_csv(report, out, "Cliente", "Total", book_path=book)
    assert out.read_text(encoding="utf-8-sig").startswith("Cliente")
    assert out.stat().st_ino != inode  # a new file moved into place, not written in place
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
