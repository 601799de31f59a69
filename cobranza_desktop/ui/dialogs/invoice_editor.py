"""Invoice editor: lines with quantity, price, discount and tax; live totals; issue; void.

A new invoice is edited and issued, or saved as a draft. A draft stays editable (saved
again or issued). An issued one is shown read-only and can be voided with a reason.
Every error is shown inline: the cell or field turns red and a sentence says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.invoices import (
    InvoiceStatus,
    LineInput,
    due_date_for,
    invoice_totals,
    validate_dates,
)
from cobranza_desktop.services.base.business import BusinessService
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService, InvoiceView
from cobranza_desktop.services.billing.issuing import IssuedInvoice, IssuingService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.dialogs.invoice_drafts import issue_draft_work, save_draft_work
from cobranza_desktop.ui.dialogs.invoice_lines import InvoiceLinesTable, plain, with_line
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker, CustomerSearch
from cobranza_desktop.ui.widgets.forms import (
    FieldErrors,
    action_buttons,
    date_edit,
    from_qdate,
    to_qdate,
)

# Voiding an invoice takes what hangs on it: allocations, penalties, plans.
VOID_KINDS = (Kind.INVOICES, Kind.PAYMENTS, Kind.PENALTIES, Kind.PLANS)


def _invoice_changes(view: InvoiceView) -> OpChanges:
    return OpChanges.of(Kind.INVOICES, customers=[view.customer_id])


class InvoiceEditor(QDialog):
    def __init__(
        self,
        invoices: InvoiceService,
        customers: CustomerService,
        search: CustomerSearch,
        business: BusinessService,
        issuing: IssuingService,
        runner: TaskRunner,
        today: date,
        *,
        customer_id: int | None = None,
        customer_name: str = "",
        invoice: InvoiceView | None = None,
        on_done: Callable[[InvoiceView], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._invoices = invoices
        # Through the issuing service: the credit check, its warnings and the override.
        self._issuing = issuing
        self.issued: IssuedInvoice | None = None
        self._total = Decimal("0")
        self._warnings_timer = QTimer(self)
        self._warnings_timer.setSingleShot(True)
        self._warnings_timer.setInterval(250)
        self._warnings_timer.timeout.connect(self.check_credit)
        self._runner = runner
        self._on_done = on_done
        self.invoice = invoice
        self.result_view: InvoiceView | None = None
        # A draft is not issued yet: it stays editable, and is saved or issued from here.
        self.is_draft = invoice is not None and invoice.status is InvoiceStatus.DRAFT
        read_only = invoice is not None and not self.is_draft

        self.customer = CustomerPicker(search, runner)
        if invoice is not None:
            self.customer.set_customer(invoice.customer_id, invoice.customer_name)
        elif customer_id is not None:
            self.customer.preset(customer_id, customer_name, customers)
        self.issue_date = date_edit(invoice.issue_date if invoice else today)
        self.due_auto = QCheckBox(self.tr("Según el plazo del cliente"))
        self.due_auto.setChecked(invoice is None)
        self.due_date = date_edit(invoice.due_date if invoice else today)
        self.due_date.setEnabled(invoice is None and not self.due_auto.isChecked())
        self.due_auto.toggled.connect(lambda on: self.due_date.setEnabled(not on))
        # The customer's terms (from the service, off the GUI thread): the auto due
        # date shown is the one the invoice will be issued with.
        self._terms_days: int | None = None
        self.due_auto.toggled.connect(lambda _on: self._show_auto_due())
        self.issue_date.dateChanged.connect(lambda _d: self._show_auto_due())
        self.notes = QLineEdit(invoice.notes if invoice else "")

        form = QFormLayout()
        form.addRow(self.tr("Cliente"), self.customer)
        form.addRow(self.tr("Fecha de emisión"), self.issue_date)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_date)
        due_row.addWidget(self.due_auto)
        due_row.addStretch(1)
        form.addRow(self.tr("Vencimiento"), due_row)
        form.addRow(self.tr("Notas"), self.notes)

        self.lines = InvoiceLinesTable()
        named(self.lines, self.tr("Conceptos"))
        self.lines.itemChanged.connect(lambda _item: self.recalculate())
        self.add_button = QPushButton(self.tr("Agregar renglón"))
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button = QPushButton(self.tr("Quitar renglón"))
        self.remove_button.clicked.connect(self.remove_line)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_button)
        line_buttons.addWidget(self.remove_button)
        line_buttons.addStretch(1)

        self.subtotal = QLabel()
        self.discount = QLabel()
        self.tax = QLabel()
        self.total = QLabel()
        self.total.setObjectName("cardValue")
        totals = QGridLayout()
        totals.setColumnStretch(0, 1)
        for row, (caption, label) in enumerate(
            (
                (self.tr("Subtotal"), self.subtotal),
                (self.tr("Descuento incluido"), self.discount),
                (self.tr("IVA"), self.tax),
                (self.tr("Total"), self.total),
            )
        ):
            totals.addWidget(QLabel(caption), row, 1, Qt.AlignmentFlag.AlignRight)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setMinimumWidth(140)
            totals.addWidget(label, row, 2)

        # Credit warnings (over the limit, restricted customer), before issuing.
        self.credit_label = QLabel()
        self.credit_label.setObjectName("creditWarning")
        self.credit_label.setWordWrap(True)
        self.credit_label.setStyleSheet("color: #8a5300;")
        self.credit_label.setVisible(False)
        # A blocked customer: credit only with a written reason (recorded on the invoice).
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(
            self.tr("Motivo para dar crédito pese a la restricción")
        )
        self.override_row = QWidget()
        override_layout = QHBoxLayout(self.override_row)
        override_layout.setContentsMargins(0, 0, 0, 0)
        override_layout.addWidget(QLabel(self.tr("Motivo de autorización")))
        override_layout.addWidget(self.override_reason, 1)
        self.override_row.setVisible(False)

        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {
                "customer": self.customer,
                "issue_date": self.issue_date,
                "due_date": self.due_date,
                "lines": self.lines,
                "cfdi_uuid": self.notes,
                "override_reason": self.override_reason,
            },
        )

        self.buttons, self.issue_button = action_buttons(
            self.tr("Emitir factura"),
            self.issue,
            self.reject,
            QDialogButtonBox.StandardButton.Close,
        )
        self.draft_button = self.buttons.addButton(
            self.tr("Guardar borrador"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.draft_button.setObjectName("saveDraft")
        self.draft_button.clicked.connect(self.save_draft)

        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("pageTitle")
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addLayout(line_buttons)
        layout.addLayout(totals)
        layout.addWidget(self.credit_label)
        layout.addWidget(self.override_row)

        # Voiding: a reason, then confirm. Only for issued invoices.
        self.void_reason = QLineEdit()
        self.void_reason.setPlaceholderText(self.tr("Motivo de la cancelación"))
        self.void_button = QPushButton(self.tr("Cancelar factura"))
        self.void_button.clicked.connect(self.void)
        self.void_row = QWidget()
        void_layout = QHBoxLayout(self.void_row)
        void_layout.setContentsMargins(0, 0, 0, 0)
        void_layout.addWidget(self.void_reason, 1)
        void_layout.addWidget(self.void_button)
        self.void_preview = QLabel()
        self.void_preview.setObjectName("statusLine")
        self.void_preview.setVisible(False)
        layout.addWidget(self.void_preview)
        layout.addWidget(self.void_row)
        self.errors._fields["reason"] = self.void_reason
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if invoice is not None:
            self._show_invoice(invoice)
        else:
            self.setWindowTitle(self.tr("Nueva factura"))
            self.status_label.setText(self.tr("Nueva factura"))
            self.void_row.setVisible(False)
            self.add_line()
            runner.query(lambda ctx: business.profile()).success(self._profile_loaded).run()
            self.customer.customer_changed.connect(lambda _id: self._warnings_timer.start())
            self.customer.customer_changed.connect(lambda _id: self._load_terms())
            self._load_terms()
        self.set_read_only(read_only)
        if self.is_draft:
            self.customer.setReadOnly(True)  # a draft keeps its customer
        self.recalculate()
        self.resize(820, 560)

    # -- lines and live totals -------------------------------------------------------

    def _load_terms(self) -> None:
        customer_id = self.customer.customer_id
        if customer_id is None:
            self._terms_days = None
            return
        invoices = self._invoices
        self._runner.query(lambda _ctx: invoices.terms_days(customer_id)).success(
            self._terms_loaded
        ).key(f"invoice-terms-{id(self)}").run()

    def _terms_loaded(self, days: int) -> None:
        self._terms_days = days
        self._show_auto_due()

    def _show_auto_due(self) -> None:
        if self.invoice is None and self.due_auto.isChecked() and self._terms_days is not None:
            issue = from_qdate(self.issue_date.date())
            self.due_date.setDate(to_qdate(due_date_for(issue, self._terms_days)))

    def _profile_loaded(self, profile: object) -> None:
        rate = getattr(profile, "tax_rate_percent", None)
        if isinstance(rate, Decimal):
            self.lines.set_default_tax(rate)

    def add_line(
        self,
        description: str = "",
        quantity: str = "1",
        price: str = "",
        discount: str = "0",
        tax: str | None = None,
    ) -> int:
        row = self.lines.add_line(description, quantity, price, discount, tax)
        self.recalculate()
        return row

    def set_cell(self, row: int, column: int, text: str) -> None:
        self.lines.set_cell(row, column, text)

    def remove_line(self) -> None:
        if self.lines.remove_current():
            self.recalculate()

    def parsed_lines(self) -> list[LineInput]:
        """Every line validated; raises ValidationError naming ``lines[n].field``."""
        return self.lines.parsed()

    def recalculate(self) -> None:
        """Update each line's amount and the totals; mark what does not parse."""
        good, problem = self.lines.evaluate()
        totals = invoice_totals(good)
        if totals.total != self._total:
            self._total = totals.total
            if self.invoice is None:
                self._warnings_timer.start()
        self.subtotal.setText(format_money(totals.subtotal))
        self.discount.setText(format_money(totals.discount))
        self.tax.setText(format_money(totals.tax))
        self.total.setText(format_money(totals.total))
        if self.invoice is None:
            if problem is not None:
                self.errors.show(with_line(problem), None)
            elif self.errors.current is not None:
                self.errors.clear()

    # -- issue -------------------------------------------------------------------------

    def draft(self) -> InvoiceDraft:
        customer_id = self.customer.require_customer()
        issue = from_qdate(self.issue_date.date())
        due = None if self.due_auto.isChecked() else from_qdate(self.due_date.date())
        if due is not None:
            validate_dates(issue, due)
        return InvoiceDraft(
            customer_id=customer_id,
            lines=tuple(self.parsed_lines()),
            issue_date=issue,
            due_date=due,
            notes=self.notes.text(),
        )

    def check_credit(self) -> None:
        """Ask what issuing this total would mean for the customer's credit (no writes)."""
        customer_id, issuing, total = self.customer.customer_id, self._issuing, self._total
        if self.invoice is not None or not self.isVisible():
            return
        if customer_id is None or total <= 0:
            self._show_warnings(())
            return
        self._runner.query(lambda ctx: issuing.credit_warnings(customer_id, total)).success(
            self._show_warnings
        ).error(lambda _message: None).key(f"credit-warnings-{id(self)}").run()

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        self.credit_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.credit_label.setVisible(bool(warnings))

    def issue(self) -> None:
        try:
            draft = self.draft()
        except ValidationError as exc:
            self.errors.show(with_line(exc), exc.field)
            return
        self.errors.clear()
        self.issue_button.setEnabled(False)
        issuing = self._issuing
        reason = self.override_reason.text().strip()
        if self.is_draft and self.invoice is not None:
            work = issue_draft_work(self._invoices, issuing, self.invoice.id, draft, reason)
        else:
            work = lambda: issuing.issue(draft, reason)  # noqa: E731
        self._runner.write(
            lambda ctx: work(),
            lambda issued: _invoice_changes(issued.invoice),
        ).success(self._issued).failure(self._failed).describe(
            self.tr("Emitiendo factura"), show_progress=False
        ).run()

    def save_draft(self) -> None:
        """Keep the invoice as a draft (no folio, no balance): new, or edited."""
        try:
            draft = self.draft()
        except ValidationError as exc:
            self.errors.show(with_line(exc), exc.field)
            return
        self.errors.clear()
        self.draft_button.setEnabled(False)
        draft_id = self.invoice.id if self.is_draft and self.invoice is not None else None
        work = save_draft_work(self._invoices, draft_id, draft)
        self._runner.write(lambda ctx: work(), _invoice_changes).success(self._done).failure(
            self._failed
        ).run()

    def done(self, result: int) -> None:
        self._warnings_timer.stop()
        super().done(result)

    def _issued(self, issued: IssuedInvoice) -> None:
        self.issued = issued
        self._done(issued.invoice)

    def void(self) -> None:
        if self.invoice is None:
            return
        reason = self.void_reason.text().strip()
        if not reason:
            self.errors.show(self.tr("Escriba el motivo de la cancelación."), "reason")
            return
        invoice_id, invoices = self.invoice.id, self._invoices
        self.void_button.setEnabled(False)
        self._runner.write(
            lambda ctx: invoices.void(invoice_id, reason),
            lambda view: OpChanges.of(*VOID_KINDS, customers=[view.customer_id]),
        ).success(self._done).failure(self._failed).run()

    def _done(self, view: InvoiceView) -> None:
        self.result_view = view
        if self._on_done is not None:
            self._on_done(view)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.issue_button.setEnabled(self.invoice is None or self.is_draft)
        self.draft_button.setEnabled(True)
        self.void_button.setEnabled(True)
        if failure.field == "override_reason":
            self.override_row.setVisible(True)
        self.errors.show(failure.message, failure.field)
        path = failure.path
        if path is not None and path.name == "lines" and path.index is not None:
            self.lines.blockSignals(True)
            self.lines.mark(path.index - 1, path)  # the domain counts lines from 1
            self.lines.blockSignals(False)

    # -- read-only view of an issued invoice -----------------------------------------

    def _show_invoice(self, invoice: InvoiceView) -> None:
        title = self.tr("Factura %1").replace("%1", invoice.number or self.tr("(borrador)"))
        self.setWindowTitle(title)
        self.status_label.setText(f"{title} · {invoice.status.label()}")
        for line in invoice.lines:
            self.add_line(
                line.description,
                plain(line.quantity),
                plain(line.unit_price),
                plain(line.discount_percent),
                plain(line.tax_rate_percent),
            )
        can_void = invoice.status not in (InvoiceStatus.VOIDED, InvoiceStatus.DRAFT)
        self.void_row.setVisible(can_void)
        # What voiding changes, before it is done.
        self.void_preview.setVisible(can_void)
        self.void_preview.setText(
            self.tr("Al cancelarla deja de deberse su saldo (%1); lo pagado (%2) queda a favor.")
            .replace("%1", format_money(invoice.balance))
            .replace("%2", format_money(invoice.paid))
        )
        if invoice.status is InvoiceStatus.VOIDED:
            note = QLabel(
                self.tr("Cancelada el %1: %2")
                .replace("%1", format_date(invoice.voided_at.date()) if invoice.voided_at else "")
                .replace("%2", invoice.void_reason)
            )
            note.setObjectName("fieldError")
            layout = self.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(1, note)

    def set_read_only(self, read_only: bool) -> None:
        self.customer.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        self.issue_date.setEnabled(not read_only)
        self.due_auto.setEnabled(not read_only)
        self.due_date.setEnabled(not read_only and not self.due_auto.isChecked())
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self.issue_button.setVisible(not read_only)
        self.draft_button.setVisible(not read_only)
        self.lines.set_read_only(read_only)
