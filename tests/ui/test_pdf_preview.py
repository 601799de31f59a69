"""The PDF preview dialog: shows the document, saves the same bytes, prints every page."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.documents import render_statement
from cobranza_desktop.documents.samples import sample_statement
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from cobranza_desktop.ui.tasks import TaskRunner


@pytest.fixture
def pdf() -> bytes:
    return render_statement(sample_statement(entries=80))


def test_shows_the_document(qtbot: QtBot, pdf: bytes, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(pdf, "Estado de cuenta · José Peña")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    pages = len(PdfReader(BytesIO(pdf)).pages)
    assert dialog.document.pageCount() == pages > 1
    assert str(pages) in dialog.pages.text()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    qtbot.wait(200)
    image = dialog.grab().toImage()
    image.save(str(tmp_path / "pdf_preview.png"))
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 15)
        for y in range(0, image.height(), 15)
    }
    assert len(colours) > 5  # the page is drawn, not a blank view


def test_save_writes_the_same_bytes(
    qtbot: QtBot, pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PdfPreviewDialog(pdf, "Estado de cuenta")
    qtbot.addWidget(dialog)
    target = tmp_path / "estado"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_button.click()
    assert (tmp_path / "estado.pdf").read_bytes() == pdf


def test_print_sends_every_page(qtbot: QtBot, pdf: bytes, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(pdf, "Estado de cuenta")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = dialog.print_to(printer)
    assert printed == dialog.document.pageCount()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == printed


def test_damaged_bytes_disable_the_actions(qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog(b"not a pdf", "Roto")
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "No se pudo abrir" in dialog.pages.text()


def test_preview_pdf_renders_off_the_gui_thread_and_opens_the_dialog(
    qtbot: QtBot, pdf: bytes, runner: TaskRunner
) -> None:
    import threading

    from PySide6.QtWidgets import QWidget

    from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf

    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[str] = []

    def render() -> bytes:
        threads.append(threading.current_thread().name)
        return pdf

    preview_pdf(parent, "Estado de cuenta", render, runner)
    qtbot.waitUntil(lambda: bool(parent.findChildren(PdfPreviewDialog)), timeout=30_000)
    dialog = parent.findChildren(PdfPreviewDialog)[0]
    assert dialog.document.pageCount() == len(PdfReader(BytesIO(pdf)).pages)
    assert threads and threads[0] != threading.main_thread().name
    dialog.close()


def test_preview_pdf_shows_errors(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runner: TaskRunner
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from cobranza_desktop.domain.errors import ConflictError
    from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: shown.append(message))
    parent = QWidget()
    qtbot.addWidget(parent)

    def render() -> bytes:
        raise ConflictError("El cliente no tiene facturas vencidas.")

    preview_pdf(parent, "Aviso", render, runner)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown == ["El cliente no tiene facturas vencidas."]
    assert not parent.findChildren(PdfPreviewDialog)


def test_document_actions_through_the_task_runner(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtWidgets import QMessageBox, QWidget

    from cobranza_desktop.services.documents.printing import DocumentService
    from cobranza_desktop.ui.document_actions import DocumentActions
    from tests.factories import customer, invoice

    c = customer(ws, "Ñandú & Hijos")
    inv = invoice(ws, c.id, "1000.00", issued=date(2026, 11, 20))  # not overdue yet
    actions = DocumentActions(DocumentService(ws.book, ws.clock), runner)
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.view_invoice(parent, inv.id)
    qtbot.waitUntil(lambda: bool(parent.findChildren(PdfPreviewDialog)), timeout=30_000)
    dialog = parent.findChildren(PdfPreviewDialog)[0]
    assert dialog.document.status() == QPdfDocument.Status.Ready
    dialog.close()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: shown.append(message))
    actions.view_notice(parent, c.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "no tiene facturas vencidas" in shown[0]


def test_save_opens_in_documents_then_where_the_last_pdf_went(
    qtbot: QtBot, pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not in the program's folder: the Documents folder first, then the folder chosen
    last, remembered in the window's settings (a new dialog, a later session)."""
    from cobranza_desktop.ui import file_dialogs

    documents = tmp_path / "Documentos"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    offered: list[str] = []
    chosen = tmp_path / "clientes" / "estado-lopez.pdf"
    chosen.parent.mkdir()

    def save_dialog(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    first = PdfPreviewDialog(pdf, "Estado de cuenta", suggested_name="estado.pdf")
    qtbot.addWidget(first)
    first.save_button.click()
    second = PdfPreviewDialog(pdf, "Estado de cuenta", suggested_name="estado.pdf")
    qtbot.addWidget(second)
    second.save_button.click()
    assert offered == [str(documents / "estado.pdf"), str(chosen.parent / "estado.pdf")]
    assert chosen.read_bytes() == pdf


def test_save_over_the_open_book_is_refused_and_the_book_stays(
    qtbot: QtBot, pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A book may be named anything, ".pdf" too: the preview must still not write over it.
    book_path = tmp_path / "libro.pdf"
    book = open_book(book_path, create=True)
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(book_path), ""))
    monkeypatch.setattr(
        "cobranza_desktop.ui.dialogs.pdf_preview.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    dialog = PdfPreviewDialog(pdf, "Estado de cuenta")
    qtbot.addWidget(dialog)
    try:
        before = book_path.read_bytes()
        dialog.save_button.click()
        assert book_path.read_bytes() == before
        assert len(warnings) == 1 and "libro" in warnings[0]
    finally:
        book.close()
