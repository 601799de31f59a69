"""The customer file's collection tools: extend a due date, a discount on the next
payment, settle by barter, and the agency dossier.

Each dialog says what will happen before it is done (the preview line), refuses bad
input under its field, and writes through the runner in one service call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.money import parse_amount
from cobranza_desktop.services.billing.invoices import InvoiceService, InvoiceView
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.tools import CollectionToolsService, DiscountView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, action_buttons, date_edit, from_qdate


class ToolDialog(QDialog):
    """Title, a form, a preview line, inline errors and one confirm button."""

    def __init__(
        self, runner: TaskRunner, customer_id: int, title: str, confirm: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._runner = runner
        self.customer_id = customer_id
        self.result_value: object = None
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.form = QFormLayout()
        self.preview = QLabel()
        self.preview.setObjectName("statusLine")
        self.preview.setWordWrap(True)
        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label, {})
        self.buttons, self.confirm_button = action_buttons(confirm, self.confirm, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 320)

    def field(self, name: str, caption: str, widget: QWidget) -> None:
        self.form.addRow(caption, widget)
        self.errors._fields[name] = widget

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        raise NotImplementedError

    def confirm(self) -> None:
        try:
            planned = self.work()
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        if planned is None:
            return
        fn, changes = planned
        self.errors.clear()
        self.confirm_button.setEnabled(False)
        self._runner.write(lambda _ctx: fn(), changes).success(self._done).failure(
            self._failed
        ).describe(self.windowTitle(), show_progress=False).run()

    def _done(self, value: object) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.confirm_button.setEnabled(True)
        self.errors.show(failure.message, failure.field)

    def require(self, text: str, field: str, message: str) -> str:
        if not text.strip():
            raise ValidationError(field, message)
        return text.strip()


class ExtendDueDateDialog(ToolDialog):
    """A new agreed date for one open invoice, with the reason."""

    def __init__(
        self,
        tools: CollectionToolsService,
        runner: TaskRunner,
        customer_id: int,
        invoices: list[InvoiceView],
        today: date,
        *,
        invoice_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            runner, customer_id, self.tr("Prorrogar vencimiento"), self.tr("Prorrogar"), parent
        )
        self._tools = tools
        self._invoices = {i.id: i for i in invoices}
        self.invoice = QComboBox()
        for inv in invoices:
            self.invoice.addItem(
                self.tr("%1 · vence %2 · saldo %3")
                .replace("%1", inv.number)
                .replace("%2", format_date(inv.due_date))
                .replace("%3", format_money(inv.balance)),
                inv.id,
            )
        if invoice_id is not None and self.invoice.findData(invoice_id) >= 0:
            self.invoice.setCurrentIndex(self.invoice.findData(invoice_id))
        self.new_date = date_edit(max(today, self._current_due() or today) + timedelta(days=15))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lo acordado con el cliente (obligatorio)"))
        self.field("invoice_id", self.tr("&Factura"), self.invoice)
        self.field("new_due_date", self.tr("&Nueva fecha acordada"), self.new_date)
        self.field("reason", self.tr("&Motivo"), self.reason)
        self.invoice.currentIndexChanged.connect(lambda _i: self._show_preview())
        self.new_date.dateChanged.connect(lambda _d: self._show_preview())
        self._show_preview()

    def _current_due(self) -> date | None:
        inv = self._invoices.get(self.invoice.currentData())
        return inv.due_date if inv is not None else None

    def _show_preview(self) -> None:
        inv = self._invoices.get(self.invoice.currentData())
        if inv is None:
            self.preview.setText(self.tr("No hay facturas con saldo que prorrogar."))
            self.confirm_button.setEnabled(False)
            return
        self.preview.setText(
            self.tr(
                "La factura %1 vencerá el %2 (vencía el %3). La cobranza vuelve a empezar "
                "desde la nueva fecha; la antigüedad la sigue mostrando por su vencimiento "
                "original."
            )
            .replace("%1", inv.number)
            .replace("%2", format_date(from_qdate(self.new_date.date())))
            .replace("%3", format_date(inv.due_date))
        )

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        invoice_id = self.invoice.currentData()
        if invoice_id is None:
            return None
        reason = self.require(self.reason.text(), "reason", self.tr("Escriba el motivo."))
        new_date, tools = from_qdate(self.new_date.date()), self._tools
        return (
            lambda: tools.extend_due_date(int(invoice_id), new_date, reason),
            OpChanges.of(Kind.INVOICES, Kind.CONTACTS, customers=[self.customer_id]),
        )


class DiscountDialog(ToolDialog):
    """A discount applied when the customer's next payment is recorded."""

    def __init__(
        self,
        tools: CollectionToolsService,
        runner: TaskRunner,
        customer_id: int,
        balance: Decimal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            runner,
            customer_id,
            self.tr("Descuento en el próximo pago"),
            self.tr("Conceder descuento"),
            parent,
        )
        self._tools = tools
        self._balance = balance
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Por qué se concede (obligatorio)"))
        self.field("amount", self.tr("Monto del &descuento"), self.amount)
        self.field("reason", self.tr("&Motivo"), self.reason)
        self.pending = QLabel()
        self.pending.setObjectName("statusLine")
        self.form.addRow("", self.pending)
        self.amount.textChanged.connect(lambda _t: self._show_preview())
        self._show_preview()

    def show_pending(self, pending: list[DiscountView]) -> None:
        """Discounts already granted and waiting for the next payment."""
        self.pending.setText(
            self.tr("Ya concedidos y pendientes: %1").replace(
                "%1", ", ".join(f"{format_money(d.amount)} ({d.reason})" for d in pending)
            )
            if pending
            else self.tr("No hay otros descuentos pendientes.")
        )

    def _show_preview(self) -> None:
        try:
            value = parse_amount(self.amount.text(), "amount")
        except ValidationError:
            self.preview.setText(
                self.tr("Saldo actual: %1.").replace("%1", format_money(self._balance))
            )
            return
        self.preview.setText(
            self.tr(
                "Cuando se registre el próximo pago se aplicará además un descuento de %1: "
                "el saldo de %2 bajará a %3 más lo que se pague."
            )
            .replace("%1", format_money(value))
            .replace("%2", format_money(self._balance))
            .replace("%3", format_money(self._balance - value))
        )

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        amount = parse_amount(self.amount.text(), "amount")
        reason = self.require(self.reason.text(), "reason", self.tr("Escriba el motivo."))
        tools = self._tools
        return (
            lambda: tools.grant_discount(self.customer_id, amount, reason),
            OpChanges.of(Kind.PAYMENTS, customers=[self.customer_id]),
        )


class BarterDialog(ToolDialog):
    """Settle all or part of the debt with goods or services at an agreed value."""

    def __init__(
        self,
        tools: CollectionToolsService,
        runner: TaskRunner,
        customer_id: int,
        balance: Decimal,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            runner,
            customer_id,
            self.tr("Pago en especie (intercambio)"),
            self.tr("Registrar intercambio"),
            parent,
        )
        self._tools = tools
        self._balance = balance
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Qué bienes o servicios se reciben"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.day = date_edit(today)
        self.field("notes", self.tr("&Descripción"), self.description)
        self.field("amount", self.tr("&Valor acordado"), self.amount)
        self.field("payment_date", self.tr("&Fecha"), self.day)
        self.amount.textChanged.connect(lambda _t: self._show_preview())
        self._show_preview()

    def _show_preview(self) -> None:
        try:
            value = parse_amount(self.amount.text(), "amount")
        except ValidationError:
            value = Decimal(0)
        self.preview.setText(
            self.tr("Saldo del cliente: %1 → %2")
            .replace("%1", format_money(self._balance))
            .replace("%2", format_money(self._balance - value))
        )

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        description = self.require(
            self.description.text(),
            "notes",
            self.tr("Describa qué bienes o servicios se reciben en intercambio."),
        )
        amount = parse_amount(self.amount.text(), "amount")
        day, tools = from_qdate(self.day.date()), self._tools
        return (
            lambda: tools.settle_by_barter(self.customer_id, amount, description, day),
            OpChanges.of(Kind.PAYMENTS, Kind.INVOICES, customers=[self.customer_id]),
        )


class DossierDialog(ToolDialog):
    """Export the agency dossier (PDF + CSV) to a folder or a zip; mark "with agency"."""

    def __init__(
        self,
        dossiers: DossierService,
        runner: TaskRunner,
        customer_id: int,
        customer_name: str,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            runner,
            customer_id,
            self.tr("Expediente para la agencia"),
            self.tr("Exportar expediente"),
            parent,
        )
        self._dossiers = dossiers
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("&Elegir…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder, 1)
        row_layout.addWidget(browse)
        self.as_folder = QRadioButton(self.tr("Una &carpeta con expediente.pdf y facturas.csv"))
        self.as_zip = QRadioButton(self.tr("Un archivo .&zip"))
        self.as_folder.setChecked(True)
        self.mark = QCheckBox(self.tr("Marcar al cliente «con &agencia» (la cobranza se detiene)"))
        self.mark.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Agencia o abogado, y por qué (opcional)"))
        self.field("destination", self.tr("&Guardar en"), row)
        self.errors._fields["destination"] = self.folder
        self.form.addRow("", self.as_folder)
        self.form.addRow("", self.as_zip)
        self.form.addRow("", self.mark)
        self.field("reason", self.tr("&Motivo"), self.reason)
        self.preview.setText(
            self.tr(
                "Se exportan el estado de cuenta, las facturas abiertas, los contactos, las "
                "promesas y los planes de %1."
            ).replace("%1", customer_name)
        )

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        text = self.require(
            self.folder.text(), "destination", self.tr("Elija dónde guardar el expediente.")
        )
        destination, dossiers = Path(text).expanduser(), self._dossiers
        as_zip, mark, reason = self.as_zip.isChecked(), self.mark.isChecked(), self.reason.text()
        return (
            lambda: dossiers.export(
                self.customer_id, destination, as_zip=as_zip, mark_agency=mark, reason=reason
            ),
            OpChanges.of(Kind.CUSTOMERS, Kind.CONTACTS, customers=[self.customer_id]),
        )


class DeleteDraftDialog(ToolDialog):
    """Delete a draft: it was never issued, so nothing is lost; the deletion is logged."""

    def __init__(
        self,
        invoices: InvoiceService,
        runner: TaskRunner,
        draft: InvoiceView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            runner,
            draft.customer_id,
            self.tr("Eliminar borrador"),
            self.tr("Eliminar borrador"),
            parent,
        )
        self._invoices = invoices
        self._draft_id = draft.id
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Por qué se elimina (opcional)"))
        self.field("reason", self.tr("&Motivo"), self.reason)
        self.preview.setText(
            self.tr(
                "Se elimina el borrador del %1 por %2. No tiene folio y no cambia ningún saldo."
            )
            .replace("%1", format_date(draft.issue_date))
            .replace("%2", format_money(draft.total))
        )

    def work(self) -> tuple[Callable[[], object], OpChanges] | None:
        invoices, draft_id, reason = self._invoices, self._draft_id, self.reason.text()
        return (
            lambda: invoices.delete_draft(draft_id, reason),
            OpChanges.of(Kind.INVOICES, customers=[self.customer_id]),
        )
