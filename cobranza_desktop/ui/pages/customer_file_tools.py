"""The customer file's corrections and collection tools: a "Más acciones" menu, and a
context menu on the invoices and on the payments.

Kept apart from :mod:`customer_file` (which shows the file) so that each menu is a short
list of entries: one line to add one (the invoice menu is built in
:meth:`CustomerFileTools.invoice_menu`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QToolButton

from cobranza_desktop.domain.invoices import InvoiceStatus
from cobranza_desktop.services.billing.invoices import InvoiceService, InvoiceView
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentService, PaymentView
from cobranza_desktop.ui.dialogs.collection_tools import (
    BarterDialog,
    DeleteDraftDialog,
    DiscountDialog,
    DossierDialog,
    ExtendDueDateDialog,
)
from cobranza_desktop.ui.dialogs.correction_dialog import CorrectionDialog
from cobranza_desktop.ui.dialogs.reallocate_dialog import ReallocateDialog
from cobranza_desktop.ui.pages.customer_file import CustomerFile
from cobranza_desktop.ui.tasks import TaskRunner


class ToolServices(Protocol):
    @property
    def corrections(self) -> CorrectionService: ...
    @property
    def collection_tools(self) -> CollectionToolsService: ...
    @property
    def dossiers(self) -> DossierService: ...
    @property
    def invoices(self) -> InvoiceService: ...
    @property
    def payments(self) -> PaymentService: ...


def _is_open(invoice: InvoiceView) -> bool:
    return invoice.balance > 0 and invoice.status not in (
        InvoiceStatus.DRAFT,
        InvoiceStatus.VOIDED,
        InvoiceStatus.PAID,
    )


class CustomerFileTools(QObject):
    """Adds the correction and collection actions to a :class:`CustomerFile`."""

    def __init__(
        self,
        file: CustomerFile,
        services: ToolServices,
        runner: TaskRunner,
        *,
        open_invoice: Callable[[int], None],
        export_folder: Path,
    ) -> None:
        super().__init__(file)
        self._file = file
        self._s = services
        self._runner = runner
        self._open_invoice = open_invoice
        self._export_folder = export_folder
        self.dialog: QDialog | None = None

        self.more_button = QToolButton()
        self.more_button.setObjectName("moreActions")
        self.more_button.setText(self.tr("&Más acciones"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("apply_credit", self.tr("&Aplicar saldo a favor…"), self.apply_credit),
            ("undo_last", self.tr("&Deshacer la última aplicación…"), self.undo_last),
            ("", "", None),
            ("extend", self.tr("&Prorrogar vencimiento…"), lambda: self.extend(None)),
            ("discount", self.tr("Des&cuento en el próximo pago…"), self.discount),
            ("barter", self.tr("Pago en &especie (intercambio)…"), self.barter),
            ("", "", None),
            ("dossier", self.tr("E&xpediente para la agencia…"), self.dossier),
        ):
            if slot is None:
                self.more_menu.addSeparator()
                continue
            action = self.more_menu.addAction(text)
            action.setObjectName(key)
            action.triggered.connect(slot)
            self.actions[key] = action
        self.more_button.setMenu(self.more_menu)
        file.actions_row.insertWidget(file.actions_row.count() - 1, self.more_button)

        for table, handler in (
            (file.invoice_table, self._invoice_menu_at),
            (file.payment_table, self._payment_menu_at),
        ):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(handler)

    # -- menus -------------------------------------------------------------------------------

    def invoice_menu(self, invoice: InvoiceView) -> QMenu:
        """The entries for one invoice (one line per entry: easy to add one)."""
        menu = QMenu(self._file)
        if invoice.status is InvoiceStatus.DRAFT:
            menu.addAction(self.tr("Editar borrador…"), lambda: self._open_invoice(invoice.id))
            menu.addAction(self.tr("Eliminar borrador…"), lambda: self.delete_draft(invoice))
            return menu
        if _is_open(invoice):
            menu.addAction(self.tr("Prorrogar vencimiento…"), lambda: self.extend(invoice.id))
        if invoice.status is not InvoiceStatus.VOIDED:
            menu.addAction(self.tr("Cancelar factura…"), lambda: self._open_invoice(invoice.id))
        menu.addAction(self.tr("Ver factura"), lambda: self._open_invoice(invoice.id))
        return menu

    def payment_menu(self, payment: PaymentView) -> QMenu:
        menu = QMenu(self._file)
        if payment.reversed_at is None:
            menu.addAction(self.tr("Revertir pago…"), lambda: self.reverse(payment))
            menu.addAction(self.tr("Reasignar pago…"), lambda: self.reallocate(payment))
        return menu

    def _invoice_menu_at(self, point: QPoint) -> None:
        index = self._file.invoice_table.indexAt(point)
        if index.isValid():
            invoice = self._file.invoice_model.row_at(index.row())
            menu = self.invoice_menu(invoice)
            menu.popup(self._file.invoice_table.viewport().mapToGlobal(point))

    def _payment_menu_at(self, point: QPoint) -> None:
        index = self._file.payment_table.indexAt(point)
        if index.isValid():
            menu = self.payment_menu(self._file.payment_model.row_at(index.row()))
            if not menu.isEmpty():
                menu.popup(self._file.payment_table.viewport().mapToGlobal(point))

    # -- the actions --------------------------------------------------------------------------

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _customer(self) -> int | None:
        return self._file.customer_id if self._file.data is not None else None

    def reverse(self, payment: PaymentView) -> QDialog:
        fixes, payments = self._s.corrections, self._s.payments
        return self._show(
            CorrectionDialog(
                self._runner,
                payment.customer_id,
                title=self.tr("Revertir pago"),
                intro=self.tr(
                    "El pago queda registrado como revertido (cheque sin fondos, error de "
                    "captura) y sus facturas vuelven a deber. Los descuentos que ganó se anulan."
                ),
                confirm=self.tr("Revertir pago"),
                preview=lambda: fixes.preview_reversal(payment.id),
                apply=lambda reason: payments.reverse(payment.id, reason),
                parent=self._file,
            )
        )

    def reallocate(self, payment: PaymentView) -> QDialog:
        return self._show(
            ReallocateDialog(
                self._s.corrections, self._runner, payment.customer_id, payment.id, self._file
            )
        )

    def apply_credit(self) -> QDialog | None:
        cid = self._customer()
        if cid is None:
            return None
        fixes = self._s.corrections
        return self._show(
            CorrectionDialog(
                self._runner,
                cid,
                title=self.tr("Aplicar saldo a favor"),
                intro=self.tr(
                    "El dinero recibido y aún no aplicado se aplica a las facturas abiertas, "
                    "primero a la que venció antes."
                ),
                confirm=self.tr("Aplicar"),
                preview=lambda: fixes.preview_credit(cid),
                apply=lambda reason: fixes.apply_credit(cid, reason),
                reason_required=False,
                parent=self._file,
            )
        )

    def undo_last(self) -> QDialog | None:
        cid = self._customer()
        if cid is None:
            return None
        fixes = self._s.corrections
        dialog = self._show(
            CorrectionDialog(
                self._runner,
                cid,
                title=self.tr("Deshacer la última aplicación"),
                intro=self.tr(
                    "La última aplicación de un pago a una factura se deshace: la factura "
                    "vuelve a deber y el dinero queda como saldo a favor."
                ),
                confirm=self.tr("Deshacer"),
                preview=lambda: fixes.preview_undo_last(cid),
                apply=lambda reason: fixes.undo_last(cid, reason),
                parent=self._file,
            )
        )
        assert isinstance(dialog, CorrectionDialog)
        self._runner.query(lambda _ctx: fixes.last_allocation(cid)).success(
            lambda last: dialog.describe_last(last)
        ).run()
        return dialog

    def extend(self, invoice_id: int | None) -> QDialog | None:
        data = self._file.data
        if data is None:
            return None
        open_invoices = [i for i in data.invoices if _is_open(i)]
        return self._show(
            ExtendDueDateDialog(
                self._s.collection_tools,
                self._runner,
                data.customer.id,
                open_invoices,
                data.as_of,
                invoice_id=invoice_id,
                parent=self._file,
            )
        )

    def discount(self) -> QDialog | None:
        data = self._file.data
        if data is None:
            return None
        tools, cid = self._s.collection_tools, data.customer.id
        dialog = self._show(
            DiscountDialog(tools, self._runner, cid, data.balance.balance, self._file)
        )
        assert isinstance(dialog, DiscountDialog)
        self._runner.query(lambda _ctx: tools.pending_discounts(cid)).success(
            dialog.show_pending
        ).run()
        return dialog

    def barter(self) -> QDialog | None:
        data = self._file.data
        if data is None:
            return None
        return self._show(
            BarterDialog(
                self._s.collection_tools,
                self._runner,
                data.customer.id,
                data.balance.balance,
                data.as_of,
                self._file,
            )
        )

    def dossier(self) -> QDialog | None:
        data = self._file.data
        if data is None:
            return None
        return self._show(
            DossierDialog(
                self._s.dossiers,
                self._runner,
                data.customer.id,
                data.customer.name,
                self._export_folder,
                self._file,
            )
        )

    def delete_draft(self, draft: InvoiceView) -> QDialog:
        return self._show(DeleteDraftDialog(self._s.invoices, self._runner, draft, self._file))


__all__ = ["CustomerFileTools", "ToolServices"]
