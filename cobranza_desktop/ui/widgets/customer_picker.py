"""Choose a customer by typing part of the name: suggestions come from SQL, 20 at a time."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.customers.records import CustomerListItem, CustomerView
from cobranza_desktop.ui.tasks import TaskRunner


class CustomerSearch(Protocol):
    """What the picker needs: the customer list's search (the fast one on big books)."""

    def list_page(
        self, filters: CustomerListFilter | None = None, *, limit: int = 100
    ) -> list[CustomerListItem]: ...


class CustomerLookup(Protocol):
    """One customer by id, to name a customer given only by its id."""

    def get(self, customer_id: int) -> CustomerView: ...


class CustomerPicker(QLineEdit):
    customer_changed = Signal(object)  # int | None

    def __init__(
        self, customers: CustomerSearch, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._customers = customers
        self._runner = runner
        self._ids: dict[str, int] = {}
        self.customer_id: int | None = None
        self.setPlaceholderText(self.tr("Escriba parte del nombre del cliente"))
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self._completer)
        self._completer.activated.connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)

    def set_customer(self, customer_id: int, name: str) -> None:
        self._ids[name] = customer_id
        self.setText(name)
        self._set_id(customer_id)

    def preset(self, customer_id: int, name: str, lookup: CustomerLookup) -> None:
        """Start on a known customer; without its name, the name is looked up off the UI thread."""
        self.set_customer(customer_id, name)
        if not name:
            self._runner.query(lambda ctx: lookup.get(customer_id)).success(
                lambda view: self.set_customer(view.id, view.name)
            ).run()

    def require_customer(self) -> int:
        """The chosen customer's id; a ValidationError on ``customer`` when none is chosen."""
        if self.customer_id is None:
            raise ValidationError(
                "customer",
                _("Elija el cliente de la lista."),
            )
        return self.customer_id

    def _set_id(self, customer_id: int | None) -> None:
        if customer_id != self.customer_id:
            self.customer_id = customer_id
            self.customer_changed.emit(customer_id)

    def _edited(self, text: str) -> None:
        self._set_id(self._ids.get(text))
        self._timer.start()

    def _search(self) -> None:
        text = self.text().strip()
        customers = self._customers
        self._runner.query(
            lambda ctx: customers.list_page(CustomerListFilter(search=text), limit=20)
        ).success(self._suggest).key(f"picker-{id(self)}").run()

    def _suggest(self, rows: list[CustomerListItem]) -> None:
        names = []
        for row in rows:
            label = f"{row.name} ({row.rfc})" if row.rfc else row.name
            self._ids[label] = row.id
            names.append(label)
        self._model.setStringList(names)
        if self.hasFocus() and names:
            self._completer.complete()
        # An exact match typed by hand counts as chosen.
        self._set_id(self._ids.get(self.text()))

    def _chosen(self, text: str) -> None:
        self._set_id(self._ids.get(text))
