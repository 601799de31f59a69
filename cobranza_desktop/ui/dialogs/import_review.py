"""The import wizard's two views of a file: the column mapping, and the preview report.

Plain widgets fed with frozen service results; they never touch the book.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.imports.problems import Problem
from cobranza_desktop.services.imports.common import ImportReport
from cobranza_desktop.services.imports.sheet_import import SheetSource
from cobranza_desktop.ui.text_cache import money

# A table of problems is for reading, not for scrolling through a whole bad file.
MAX_SHOWN = 1000
NO_COLUMN = ""


def field_label(name: str) -> str:
    tr = QCoreApplication.translate
    labels = {
        "name": tr("ImportFields", "Cliente (nombre)"),
        "rfc": tr("ImportFields", "RFC"),
        "phone": tr("ImportFields", "Teléfono"),
        "whatsapp": tr("ImportFields", "WhatsApp"),
        "email": tr("ImportFields", "Correo"),
        "contact": tr("ImportFields", "Contacto"),
        "terms": tr("ImportFields", "Días de crédito"),
        "folio": tr("ImportFields", "Folio o factura"),
        "issue_date": tr("ImportFields", "Fecha de emisión"),
        "due_date": tr("ImportFields", "Vencimiento"),
        "total": tr("ImportFields", "Importe total"),
        "balance": tr("ImportFields", "Saldo"),
        "paid": tr("ImportFields", "Pagado"),
        "uuid": tr("ImportFields", "UUID (folio fiscal)"),
        "method": tr("ImportFields", "Método de pago (PUE/PPD)"),
        "disputed": tr("ImportFields", "En disputa"),
        "currency": tr("ImportFields", "Moneda (MXN si no hay)"),
        "exchange_rate": tr("ImportFields", "Tipo de cambio"),
        "reference": tr("ImportFields", "Referencia"),
        "payment_date": tr("ImportFields", "Fecha de pago"),
        "description": tr("ImportFields", "Descripción"),
        "price": tr("ImportFields", "Precio"),
        "tax_rate": tr("ImportFields", "IVA (%)"),
        "period": tr("ImportFields", "Periodo"),
        "billing_day": tr("ImportFields", "Día de cobro"),
        "start": tr("ImportFields", "Inicio"),
        "end": tr("ImportFields", "Fin"),
    }
    return labels.get(name, name)


_WHERE = re.compile(r"^(?P<file>.+?):(?P<row>\d+)(?:, (?P<column>.+))?$")


def split_source(source: str) -> tuple[str, str, str]:
    """ "file.csv:12, Importe" -> (file, row, column); a CFDI file name stays whole."""
    found = _WHERE.match(source)
    if found is None:
        return source, "", ""
    return found["file"], found["row"], found["column"] or ""


class MappingTable(QTableWidget):
    """One row per field of the import: which heading of the file holds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("importMapping")
        self.setHorizontalHeaderLabels([self.tr("Dato"), self.tr("Columna del archivo")])
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self._fields: tuple[str, ...] = ()

    def show_source(self, source: SheetSource) -> None:
        self._fields = source.fields
        self.setRowCount(len(source.fields))
        for row, name in enumerate(source.fields):
            label = field_label(name) + (" *" if name in source.required else "")
            item = QTableWidgetItem(label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(ninguna)"), NO_COLUMN)
            for heading in source.table.headers:
                if heading:
                    combo.addItem(heading, heading)
            chosen = source.mapping.get(name, NO_COLUMN)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.setObjectName(f"map-{name}")
            self.setCellWidget(row, 1, combo)

    def combo(self, name: str) -> QComboBox:
        row = self._fields.index(name)
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for name in self._fields:
            heading = str(self.combo(name).currentData() or "")
            if heading:
                chosen[name] = heading
        return chosen


class ReportView(QWidget):
    """Counts, new customers, totals, and every problem with its file, row and column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(" ")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_customers = QListWidget()
        self.new_customers.setObjectName("importNewCustomers")
        self.problems = QTableWidget(0, 5)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels(
            [
                self.tr("Tipo"),
                self.tr("Archivo"),
                self.tr("Fila"),
                self.tr("Columna"),
                self.tr("Mensaje"),
            ]
        )
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.problems.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 200, 50, 110)):
            self.problems.setColumnWidth(column, width)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Clientes nuevos")))
        left_layout.addWidget(self.new_customers)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Problemas y documentos omitidos")))
        right_layout.addWidget(self.problems)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def show_report(
        self, report: ImportReport, control: tuple[object, object] | None = None
    ) -> None:
        counts = report.counts
        lines = [
            self.tr(
                "Clientes nuevos: %1 (ya en el libro: %2) · Facturas: %3 · Notas de crédito: %4 · "
                "Pagos: %5 · Omitidos: %6"
            )
            .replace("%1", f"{counts.get('customers', 0):,}")
            .replace("%2", f"{report.matched_customers:,}")
            .replace("%3", f"{counts.get('invoices', 0):,}")
            .replace("%4", f"{counts.get('credit_notes', 0):,}")
            .replace("%5", f"{counts.get('payments', 0):,}")
            .replace("%6", f"{counts.get('skipped', 0):,}"),
            self.tr("Por cobrar importado: %1").replace("%1", money(report.total_receivable)),
        ]
        if "subscriptions" in counts:
            lines.append(self.tr("Suscripciones: %1").replace("%1", f"{counts['subscriptions']:,}"))
        if control is not None:
            in_file, booked = control
            mark = "✓" if in_file == booked else "✗"
            lines.append(
                self.tr("Total de control: el archivo suma %1 y se registran %2 %3")
                .replace("%1", money(in_file))  # type: ignore[arg-type]
                .replace("%2", money(booked))  # type: ignore[arg-type]
                .replace("%3", mark)
            )
        lines.extend(report.notes)
        if report.problems:
            lines.append(
                self.tr(
                    "%Ln problemas. Corríjalos en el archivo; no se guardará nada.",
                    None,
                    len(report.problems),
                )
            )
        self.summary.setText("\n".join(lines))
        self.new_customers.clear()
        self.new_customers.addItems(list(report.new_customers[:MAX_SHOWN]))
        rows: list[tuple[str, Problem]] = [(self.tr("Problema"), p) for p in report.problems]
        rows += [(self.tr("Omitido"), p) for p in report.skipped]
        shown = rows[:MAX_SHOWN]
        self.problems.setRowCount(len(shown))
        for row, (kind, problem) in enumerate(shown):
            for column, text in enumerate((kind, *split_source(problem.source), problem.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)
