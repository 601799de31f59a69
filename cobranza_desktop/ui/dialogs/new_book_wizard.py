"""Archivo → Nuevo libro…: what invoices and notices need, asked once, page by page.

Pages: the business (name, RFC, address, phone, email, logo), how it is paid (bank,
CLABE, payment terms), the contract's late-payment terms, and where the book is saved.
The rules are the services' own: the profile page is checked by
``services.book.business.validate_profile`` on the database worker and a refusal is
shown beside its field; the penalty terms are checked by ``PenaltyPolicy`` itself.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import parse_amount, parse_decimal
from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.base.business import BusinessProfileView, validate_profile
from cobranza_desktop.ui import file_dialogs
from cobranza_desktop.ui.tasks import TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.phone_edit import PhoneEdit

PROFILE_FIELDS = ("name", "rfc", "address", "phone", "email", "logo_path")
PAYMENT_FIELDS = ("bank_name", "clabe", "payment_terms_days")


class _Page(QWizardPage):
    """A form page whose fields show their own error under them."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        error = QLabel()
        error.setObjectName("fieldError")
        error.setStyleSheet("color: #b3261e;")
        error.setWordWrap(True)
        error.setVisible(False)
        self.errors[key] = error
        column = QWidget()
        # Only as tall as its field and error: extra height goes below the form.
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label, column)
        caption = self.form.labelForField(column)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def show_error(self, key: str, message: str) -> bool:
        label = self.errors.get(key)
        if label is None:
            return False
        label.setText(message)
        label.setVisible(True)
        return True


class NewBookWizard(QWizard):
    """Emits :attr:`book_chosen` with (path, profile, policy) when finished and valid."""

    book_chosen = Signal(object, object, object)
    checked = Signal()

    def __init__(self, runner: TaskRunner, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_book_wizard")
        self.setWindowTitle(self.tr("Nuevo libro"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._runner = runner
        self._profile: BusinessProfileView | None = None
        self._checking = False
        self._build_business_page()
        self._build_payment_page()
        self._build_penalty_page()
        self._build_file_page(suggested)
        self.resize(720, 560)

    # -- pages ------------------------------------------------------------------------

    def _build_business_page(self) -> None:
        page = _Page(
            self.tr("Su negocio"),
            self.tr("Así aparecerá en las facturas, los avisos y las cartas."),
        )
        self.name = QLineEdit()
        self.rfc = QLineEdit()
        self.rfc.setMaxLength(13)
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.phone = PhoneEdit()
        self.email = QLineEdit()
        self.logo = QLineEdit()
        self.logo.setReadOnly(True)
        self.logo_button = QPushButton(self.tr("&Elegir…"))
        self.logo_button.setAccessibleName(self.tr("Elegir logotipo"))
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(96, 48)
        self.logo_preview.setAccessibleName(self.tr("Vista previa del logotipo"))
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo, 1)
        row.addWidget(self.logo_button)
        row.addWidget(self.logo_preview)
        page.add("name", self.tr("N&ombre:"), self.name)  # Qt's «&Siguiente >» has the N
        page.add("rfc", self.tr("&RFC:"), self.rfc)
        page.add("address", self.tr("&Dirección:"), self.address)
        page.add("phone", self.tr("&Teléfono:"), self.phone)
        page.add("email", self.tr("&Correo:"), self.email)
        page.add("logo_path", self.tr("&Logotipo:"), logo_row)
        self.logo.setAccessibleName(self.tr("Logotipo"))
        self.business_page = page
        self.addPage(page)

    def _build_payment_page(self) -> None:
        page = _Page(
            self.tr("Cómo le pagan"),
            self.tr("Los datos para transferir, y cuántos días da de crédito."),
        )
        self.bank = QLineEdit()
        self.clabe = QLineEdit()
        self.clabe.setMaxLength(18)
        self.terms = QSpinBox()
        self.terms.setRange(0, 365)
        self.terms.setValue(30)
        self.terms.setSuffix(self.tr(" días"))
        page.add("bank_name", self.tr("&Banco:"), self.bank)
        page.add("clabe", self.tr("C&LABE:"), self.clabe)
        page.add("payment_terms_days", self.tr("&Plazo de pago:"), self.terms)
        self.payment_page = page
        self.addPage(page)

    def _build_penalty_page(self) -> None:
        page = _Page(
            self.tr("Atrasos"),
            self.tr("Lo que dice su contrato sobre los pagos tardíos."),
        )
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Sin cargos por atraso"), PenaltyPreset.NONE.value)
        self.preset.addItem(self.tr("Interés legal (6 % anual)"), PenaltyPreset.LEGAL.value)
        self.preset.addItem(self.tr("Tasa propia"), PenaltyPreset.CUSTOM.value)
        self.annual_rate = QLineEdit()
        self.annual_rate.setPlaceholderText("24")
        self.late_fee = QLineEdit()
        self.late_fee.setPlaceholderText("150.00")
        page.add("preset", self.tr("&Condiciones:"), self.preset)
        page.add("annual_rate_percent", self.tr("&Interés anual (%):"), self.annual_rate)
        page.add("fixed_fee", self.tr("Cargo por &atraso:"), self.late_fee)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        self.penalty_page = page
        self.addPage(page)

    def _build_file_page(self, suggested: Path) -> None:
        page = _Page(
            self.tr("Dónde guardar el libro"),
            self.tr("Un solo archivo; sus copias de seguridad se guardan a su lado."),
        )
        self.path_edit = QLineEdit(str(suggested))
        self.path_button = QPushButton(self.tr("E&xaminar…"))
        self.path_button.clicked.connect(self._choose_path)
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.path_button)
        page.add("path", self.tr("&Archivo:"), row_widget)
        self.path_edit.setAccessibleName(self.tr("Archivo del libro"))
        self.path_button.setAccessibleName(self.tr("Examinar"))
        self.file_page = page
        self.addPage(page)

    # -- choosing files ---------------------------------------------------------------

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Logotipo"),
            file_dialogs.suggested_path(),
            self.tr("Imágenes (*.png *.jpg *.jpeg)"),
        )
        if name:
            file_dialogs.remember(name)
            self.set_logo(name)

    def set_logo(self, path: str) -> None:
        self.logo.setText(path)
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def _choose_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nuevo libro"), self.path_edit.text(), self.tr("Libros (*.sqlite)")
        )
        if name:
            self.path_edit.setText(name if name.endswith(".sqlite") else name + ".sqlite")

    def _preset_changed(self) -> None:
        custom = self.preset.currentData() == PenaltyPreset.CUSTOM.value
        self.annual_rate.setEnabled(custom)
        self.late_fee.setEnabled(custom)

    # -- what was typed -----------------------------------------------------------------

    def profile_from_form(self) -> BusinessProfileView:
        return BusinessProfileView(
            name=self.name.text(),
            rfc=self.rfc.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            logo_path=self.logo.text(),
            payment_terms_days=self.terms.value(),
            bank_name=self.bank.text(),
            clabe=self.clabe.text(),
        )

    def policy_from_form(self) -> PenaltyPolicy:
        """The terms chosen; raises ValidationError naming the field."""
        preset = PenaltyPreset(self.preset.currentData())
        if preset is not PenaltyPreset.CUSTOM:
            return PenaltyPolicy.for_preset(preset)
        return PenaltyPolicy(
            preset=preset,
            annual_rate_percent=parse_decimal(
                self.annual_rate.text() or "0", "annual_rate_percent", minimum=Decimal(0)
            ),
            fixed_fee=parse_amount(self.late_fee.text() or "0", "fixed_fee", allow_zero=True),
        )

    def book_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    # -- validation: the services' rules, on the worker ---------------------------------

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is self.business_page or page is self.payment_page:
            if self._profile is not None and self._profile_is_current():
                return True
            self._check_profile()
            return False
        if page is self.penalty_page:
            page.clear_errors()
            try:
                self.policy_from_form()
            except ValidationError as error:
                page.show_error(error.field, error.message) or page.show_error(
                    "preset", error.message
                )
                return False
            return True
        if page is self.file_page:
            page.clear_errors()
            if not self.path_edit.text().strip():
                page.show_error("path", self.tr("Escriba dónde guardar el libro."))
                return False
            if self.book_path().exists():
                page.show_error("path", self.tr("Ya existe un archivo con ese nombre; elija otro."))
                return False
        return True

    def _profile_is_current(self) -> bool:
        return self._typed == self.profile_from_form()

    def _check_profile(self) -> None:
        if self._checking:
            return
        self._checking = True
        typed = self.profile_from_form()
        self._typed = typed
        self.business_page.clear_errors()
        self.payment_page.clear_errors()
        self._runner.query(lambda _ctx: validate_profile(typed)).success(
            self._profile_valid
        ).failure(self._profile_refused).run()

    def _profile_valid(self, profile: BusinessProfileView) -> None:
        self._checking = False
        self._profile = profile
        self.checked.emit()
        self.next()

    def _profile_refused(self, failure: TaskFailure) -> None:
        self._checking = False
        self._profile = None
        field = failure.field or "name"
        page = self.payment_page if field in PAYMENT_FIELDS else self.business_page
        if not page.show_error(field, failure.message):
            self.business_page.show_error("name", failure.message)
        if self.currentPage() is not page and page is self.business_page:
            self.back()
        self.checked.emit()

    def accept(self) -> None:
        if self._profile is None or not self.validateCurrentPage():
            return
        self.book_chosen.emit(self.book_path(), self._profile, self.policy_from_form())
        super().accept()

    _typed: BusinessProfileView | None = None
