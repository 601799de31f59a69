""" "View PDF" actions: each renders a document through the task runner and opens the
preview (Print, Save). Plain callables ``(parent, id) -> None`` for the pages' buttons
and for :class:`~cobranza_desktop.ui.commands.AppCommands` plug-ins, e.g.::

    actions = DocumentActions(DocumentService(book, clock), runner)
    commands.statement_viewer = actions.view_statement
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.ui.dialogs.pdf_preview import preview_pdf
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner


class DocumentActions:
    def __init__(self, documents: DocumentService, runner: TaskRunner) -> None:
        self._documents = documents
        self._runner = runner

    def view_invoice(self, parent: QWidget, invoice_id: int) -> None:
        documents = self._documents
        preview_pdf(
            parent,
            QCoreApplication.translate("DocumentActions", "Factura"),
            lambda: documents.invoice_pdf_by_id(invoice_id),
            self._runner,
            f"factura-{invoice_id}.pdf",
        )

    def view_statement(self, parent: QWidget, customer_id: int) -> None:
        documents = self._documents
        preview_pdf(
            parent,
            QCoreApplication.translate("DocumentActions", "Estado de cuenta"),
            lambda: documents.statement_pdf(customer_id),
            self._runner,
            f"estado-de-cuenta-{customer_id}.pdf",
        )

    def view_notice(self, parent: QWidget, customer_id: int) -> None:
        documents = self._documents
        preview_pdf(
            parent,
            QCoreApplication.translate("DocumentActions", "Aviso de penalización"),
            lambda: documents.notice_pdf(customer_id),
            self._runner,
            f"aviso-{customer_id}.pdf",
        )

    def view_receipt(self, parent: QWidget, payment_id: int) -> None:
        documents = self._documents
        preview_pdf(
            parent,
            QCoreApplication.translate("DocumentActions", "Recibo de pago"),
            lambda: documents.receipt_pdf(payment_id),
            self._runner,
            f"recibo-{payment_id}.pdf",
        )

    def print_letters(self, parent: QWidget, day: date | None = None) -> None:
        """The day's letters: printing them logs each contact and completes its action."""
        documents = self._documents
        preview_pdf(
            parent,
            QCoreApplication.translate("DocumentActions", "Cartas de cobranza"),
            lambda: documents.print_letters(day).pdf,
            self._runner,
            "cartas.pdf",
            changes=OpChanges.of(Kind.CONTACTS, Kind.CUSTOMERS, Kind.PENALTIES, Kind.INVOICES),
        )
