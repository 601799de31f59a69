"""Every export (the lists of the window and of ``cobranza export``, the aging shown, the
whole book for the accountant) writes formula-safe cells, survives control characters in
old data, never lands on the book or its backups, and replaces a file atomically."""

from __future__ import annotations

import csv
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import text

from cobranza_desktop.cli import main
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.exports.cells import FORMULA_STARTS, neutral_text, xlsx_text
from cobranza_desktop.services.exports.lists import ExportService, write_rows
from cobranza_desktop.storage.paths import backup_dir_for
from tests.factories import customer, invoice

# Tab and CR starts are covered below: the customer service strips surrounding blanks.
DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]


def _service(ws: Workspace) -> ExportService:
    return ExportService(ws.book, ws.clock)


def _aging_rows(ws: Workspace) -> tuple[list[str], list[list[object]]]:
    report = ws.aging.report()
    headers = ["Cliente", *report.labels, "Total"]
    rows: list[list[object]] = [[line.name, *line.buckets, line.total] for line in report.lines]
    return headers, rows


@pytest.mark.parametrize("name", DANGEROUS)
def test_formula_starts_are_written_as_text(ws: Workspace, tmp_path: Path, name: str) -> None:
    created = customer(ws, name=name)
    invoice(ws, created.id, "100.00")
    headers, rows = _aging_rows(ws)
    csv_path, xlsx_path = tmp_path / "a.csv", tmp_path / "a.xlsx"
    write_rows(csv_path, "Antigüedad", headers, rows)  # type: ignore[arg-type]
    write_rows(xlsx_path, "Antigüedad", headers, rows)  # type: ignore[arg-type]
    written = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert written[1][0] == "'" + created.name
    assert Decimal(written[1][-1]) == ws.aging.report().total  # amounts stay numbers
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    cell = sheet.cell(2, 1)
    assert cell.data_type == "s" and cell.value == "'" + created.name
    assert Decimal(str(sheet.cell(2, sheet.max_column).value)) == ws.aging.report().total


def test_control_characters_do_not_crash_the_xlsx(ws: Workspace, tmp_path: Path) -> None:
    created = customer(ws, name="Ana Bell")
    invoice(ws, created.id, "100.00")
    # Names typed today are validated; a book from an older version may still hold them.
    with ws.book.engine.begin() as connection:
        connection.execute(
            text("UPDATE customers SET name = :name WHERE id = :id"),
            {"name": "Ana\x07 Bell\x1b", "id": created.id},
        )
    path = tmp_path / "clientes.xlsx"
    assert _service(ws).write("customers", path) == 1
    sheet = load_workbook(path).active
    assert sheet is not None
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Ana Bell"]


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
def test_no_export_lands_on_the_book_or_its_backups(ws: Workspace, tmp_path: Path) -> None:
    invoice(ws, customer(ws).id, "100.00")
    book = ws.book_path
    before = book.read_bytes()
    backups = backup_dir_for(book)
    backups.mkdir(exist_ok=True)
    service = _service(ws)
    targets = (book, book.with_name(book.name + "-wal"), backups / "x.csv")
    for target in targets:
        with pytest.raises(ValidationError):
            service.write("customers", target)
        with pytest.raises(ValidationError):
            service.write_book(target)
    assert book.read_bytes() == before
    assert not (backups / "x.csv").exists()


@pytest.mark.sqlite_only  # about files beside the book
def test_an_export_replaces_the_old_file_atomically(ws: Workspace, tmp_path: Path) -> None:
    invoice(ws, customer(ws).id, "100.00")
    service = _service(ws)
    for name, kind in (("salida.csv", "invoices"), ("salida.xlsx", "invoices")):
        out = tmp_path / name
        out.write_text("viejo")
        inode = out.stat().st_ino
        assert service.write(kind, out) == 1
        assert out.stat().st_ino != inode  # a new file moved into place, not written in place
    zipped = tmp_path / "libro.zip"
    zipped.write_text("viejo")
    assert "invoices" in service.write_book(zipped)
    with zipfile.ZipFile(zipped) as archive:
        assert "README.txt" in archive.namelist()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.sqlite_only  # the command on a book file
def test_the_command_refuses_to_export_over_the_book(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    invoice(ws, customer(ws).id, "100.00")
    book = ws.book_path
    ws.close()
    before = book.read_bytes()
    for kind in ("customers", "invoices", "book"):
        assert main(["export", kind, "--book", str(book), "--out", str(book)]) == 2
        assert "es el libro mismo" in capsys.readouterr().err
    assert book.read_bytes() == before
