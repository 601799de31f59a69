"""The first main window: the customer list with each customer's balance."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.services.customers import CustomerService
from cobranza_desktop.ui.customer_table_model import CustomerTableModel


class MainWindow(QMainWindow):
    def __init__(self, customers: CustomerService, book_name: str = "") -> None:
        super().__init__()
        self._customers = customers
        self.setWindowTitle(
            self.tr("Cobranza — {0}").format(book_name) if book_name else "Cobranza"
        )
        self.resize(1000, 640)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por nombre, RFC, teléfono o correo…"))
        self.search.setClearButtonEnabled(True)
        self.model = CustomerTableModel(customers, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr("No hay clientes todavía. Crea uno o carga el ejemplo con «cobranza demo».")
        )
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.status = QLabel()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.stack)
        layout.addWidget(self.status)
        self.setCentralWidget(body)

        self.search.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text()
        self.model.set_search(text)
        summary = self._customers.list_summary(CustomerListFilter(search=text))
        self.stack.setCurrentWidget(self.table if summary.count or text else self.empty)
        self.status.setText(
            self.tr("{0} clientes · saldo total {1} · vencido {2}").format(
                summary.count, format_money(summary.balance), format_money(summary.overdue)
            )
        )
