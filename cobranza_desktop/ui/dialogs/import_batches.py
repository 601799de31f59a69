""" "Importaciones anteriores…": the import batches, and undoing one as a whole.

Undoing voids the batch's invoices and reverses its payments with the reason
«importación deshecha» (nothing is deleted); the service does it in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.imports.batches import BatchView, ImportBatchService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner

UNDONE = OpChanges.of(Kind.CUSTOMERS, Kind.INVOICES, Kind.PAYMENTS)


class ImportBatchesDialog(QDialog):
    def __init__(
        self, batches: ImportBatchService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importaciones anteriores"))
        self._batches = batches
        self._runner = runner
        self.rows: list[BatchView] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("importBatches")
        named(self.table, self.tr("Importaciones anteriores"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Lote"),
                self.tr("Fecha"),
                self.tr("Tipo"),
                self.tr("Contenido"),
                self.tr("Estado"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((60, 130, 110, 380)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        self.message = QLabel(" ")
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Deshacer el lote…"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.refresh()

    def _kind(self, kind: str) -> str:
        return {
            "cfdi": self.tr("CFDI"),
            "customers": self.tr("Clientes"),
            "invoices": self.tr("Facturas"),
            "payments": self.tr("Pagos"),
            "subscriptions": self.tr("Suscripciones"),
        }.get(kind, kind)

    def _count_label(self, key: str) -> str:
        return {
            "customers": self.tr("clientes nuevos"),
            "invoices": self.tr("facturas"),
            "credit_notes": self.tr("notas de crédito"),
            "payments": self.tr("pagos"),
            "skipped": self.tr("omitidos"),
            "subscriptions": self.tr("suscripciones"),
        }.get(key, key)

    def refresh(self) -> None:
        batches = self._batches
        self._runner.query(lambda _ctx: batches.list()).success(self._show).error(
            self.message.setText
        ).key(f"import-batches-{id(self)}").run()

    def _show(self, rows: list[BatchView]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, batch in enumerate(rows):
            counts = ", ".join(
                f"{self._count_label(k)}: {v:,}" for k, v in sorted(batch.counts.items()) if v
            )
            state = (
                self.tr("Deshecho el %1").replace("%1", batch.undone_at.date().isoformat())
                if batch.undone_at is not None
                else self.tr("Vigente")
            )
            cells = (
                str(batch.id),
                batch.created_at.strftime("%Y-%m-%d %H:%M"),
                self._kind(batch.kind),
                counts or batch.source,
                state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(batch.source)
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if not rows:
            self.message.setText(self.tr("Todavía no hay importaciones."))
        self._selection()

    def selected(self) -> BatchView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return
        batches, batch_id = self._batches, batch.id

        def undone(_value: object) -> None:
            self.message.setText(
                self.tr("Lote %1 deshecho: sus documentos quedaron anulados.").replace(
                    "%1", str(batch_id)
                )
            )
            self.refresh()

        self._runner.write(lambda _ctx: batches.undo(batch_id), UNDONE).success(undone).error(
            self.message.setText
        ).run()
