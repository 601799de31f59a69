"""In-app preview of a printed document, with Print and Save.

    dialog = PdfPreviewDialog(pdf_bytes, "Factura A-00042", parent, "factura-A-00042.pdf")
    dialog.exec()

The dialog only shows bytes it is given. :func:`preview_pdf` renders them on the task
runner's worker first (a long statement takes a second or two) and reports a
CobranzaError (e.g. "no overdue invoices") in a message box:

    preview_pdf(self, self.tr("Factura"), lambda: documents.invoice_pdf_by_id(id), runner)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import CobranzaError
from cobranza_desktop.services.documents.saving import save_document
from cobranza_desktop.ui import file_dialogs
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.screen_fit import resize_to_fit
from cobranza_desktop.ui.tasks import OpChanges, TaskRunner

# Pages are rasterized for printing at most at this resolution (memory stays bounded).
MAX_PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        pdf_bytes: bytes,
        title: str,
        parent: QWidget | None = None,
        suggested_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        resize_to_fit(self, 820, 960)  # a laptop's 768 px keep the buttons on screen
        self._pdf = pdf_bytes
        self._suggested = suggested_name or _file_name(title)

        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        named(self.view, self.tr("Vista previa del documento"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages = QLabel()
        self.print_button = QPushButton(self.tr("Imprimir…"))
        self.save_button = QPushButton(self.tr("Guardar PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)

        bottom = QHBoxLayout()
        bottom.addWidget(self.pages)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        ready = self.document.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        count = self.document.pageCount()
        if not ready:
            self.pages.setText(self.tr("No se pudo abrir el documento."))
        elif count == 1:
            self.pages.setText(self.tr("1 página"))
        else:
            self.pages.setText(self.tr("{0} páginas").format(count))

    # -- actions --------------------------------------------------------------------------
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the pages (the printer's range, or all) to ``printer``; returns pages printed."""
        count = self.document.pageCount()
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("No se pudo imprimir."))
            return 0
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
                printed += 1
        finally:
            painter.end()
        return printed

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Guardar PDF"),
            file_dialogs.suggested_path(self._suggested),
            self.tr("Documentos PDF (*.pdf)"),
        )
        if not name:
            return
        file_dialogs.remember(name)
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            save_document(path, self._pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Guardar PDF"),
                self.tr("No se pudo guardar {0}: {1}").format(path, exc.strerror or exc),
            )
        except CobranzaError as exc:  # the book itself, or its backups folder
            QMessageBox.warning(self, self.tr("Guardar PDF"), exc.message)


def preview_pdf(
    parent: QWidget | None,
    title: str,
    render: Callable[[], bytes],
    runner: TaskRunner,
    suggested_name: str = "",
    changes: OpChanges | None = None,
) -> None:
    """Render a document on the window's database worker, then open the preview.

    ``render`` runs on the worker thread, so it may call services but must not touch
    widgets. A CobranzaError (e.g. "no overdue invoices") appears in a message box.
    With ``changes`` the rendering is a write (printing the day's letters logs them).
    """
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def show(pdf: bytes) -> None:
        QApplication.restoreOverrideCursor()
        dialog = PdfPreviewDialog(pdf, title, parent, suggested_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def fail(message: str) -> None:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, message)

    op = (
        runner.query(lambda _ctx: render())
        if changes is None
        else runner.write(lambda _ctx: render(), changes)
    )
    op.success(show).error(fail).describe(title, show_progress=False).run()


def _file_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_" else "-" for c in title.strip())
    return (keep.strip("-") or "documento") + ".pdf"
