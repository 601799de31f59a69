"""The customer's contact data as a form, validated inline by the domain rules."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.customers import Channel, CustomerData, validate_customer
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import parse_amount
from cobranza_desktop.ui.widgets.forms import FieldErrors, grid_row
from cobranza_desktop.ui.widgets.phone_edit import PhoneEdit


class CustomerForm(QWidget):
    """Name, RFC, contact, email, phones, address, terms, credit limit, channel, notes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nombre o razón social"))
        self.rfc = QLineEdit()
        self.rfc.setPlaceholderText(self.tr("Opcional, 12 o 13 caracteres"))
        self.contact_name = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("nombre@ejemplo.com")
        self.phone = PhoneEdit()
        self.phone.setPlaceholderText(self.tr("10 dígitos"))
        self.whatsapp = PhoneEdit()
        self.whatsapp.setPlaceholderText(self.tr("10 dígitos"))
        self.address = QLineEdit()
        self.terms = QSpinBox()
        self.terms.setRange(-1, 365)
        self.terms.setSpecialValueText(self.tr("Los del negocio"))
        self.terms.setSuffix(self.tr(" días"))
        self.terms.setValue(-1)
        self.credit_limit = QLineEdit()
        self.credit_limit.setPlaceholderText(self.tr("Sin límite"))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel.label(), channel.value)
        default_channel = CustomerData(name="").preferred_channel
        self.channel.setCurrentIndex(max(self.channel.findData(default_channel.value), 0))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(64)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        rows = [
            (self.tr("Nombre"), self.name),
            (self.tr("RFC"), self.rfc),
            (self.tr("Contacto"), self.contact_name),
            (self.tr("Correo"), self.email),
            (self.tr("Teléfono"), self.phone),
            (self.tr("WhatsApp"), self.whatsapp),
            (self.tr("Dirección"), self.address),
            (self.tr("Plazo de pago"), self.terms),
            (self.tr("Límite de crédito"), self.credit_limit),
            (self.tr("Canal preferido"), self.channel),
            (self.tr("Notas"), self.notes),
        ]
        for i, (label, widget) in enumerate(rows):
            grid_row(grid, i, label, widget)
        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {
                "name": self.name,
                "rfc": self.rfc,
                "contact_name": self.contact_name,
                "email": self.email,
                "phone": self.phone,
                "whatsapp": self.whatsapp,
                "address": self.address,
                "payment_terms_days": self.terms,
                "credit_limit": self.credit_limit,
                "amount": self.credit_limit,
                "preferred_channel": self.channel,
            },
        )
        # Room for a two-line message kept from the start: the dialog does not grow (and
        # stay grown) each time a message shows.
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing())
        policy = self.error_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error_label.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        for line in (
            self.name,
            self.rfc,
            self.contact_name,
            self.email,
            self.phone,
            self.whatsapp,
            self.address,
            self.credit_limit,
        ):
            line.textEdited.connect(self._changed)
            line.editingFinished.connect(self._check_quietly)
        self.terms.valueChanged.connect(self._changed)
        self.channel.currentIndexChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if self._filling:  # set_data is not an edit (it would wipe "Cambios guardados.")
            return
        if self.errors.current is not None:
            self.errors.clear()
        self.edited.emit()

    def _check_quietly(self) -> None:
        """When a field is left, say at once what is wrong with it (but not about empty ones),
        without taking the cursor back: the user is already typing in the next field."""
        if not self.name.text().strip():
            return
        try:
            self.data()
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field, focus=False)

    def set_data(self, data: CustomerData) -> None:
        self._filling = True
        try:
            self._fill(data)
        finally:
            self._filling = False
        self.errors.clear()

    def _fill(self, data: CustomerData) -> None:
        self.name.setText(data.name)
        self.rfc.setText(data.rfc)
        self.contact_name.setText(data.contact_name)
        self.email.setText(data.email)
        self.phone.set_phone(data.phone)
        self.whatsapp.set_phone(data.whatsapp)
        self.address.setText(data.address)
        self.terms.setValue(-1 if data.payment_terms_days is None else data.payment_terms_days)
        self.credit_limit.setText("" if data.credit_limit is None else str(data.credit_limit))
        index = self.channel.findData(Channel(data.preferred_channel).value)
        self.channel.setCurrentIndex(max(index, 0))
        self.notes.setPlainText(data.notes)

    def raw_data(self) -> CustomerData:
        limit_text = self.credit_limit.text().strip()
        limit: Decimal | None = None
        if limit_text:
            limit = parse_amount(limit_text, "credit_limit", allow_zero=True)
        return CustomerData(
            name=self.name.text(),
            rfc=self.rfc.text(),
            contact_name=self.contact_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            whatsapp=self.whatsapp.text(),
            address=self.address.text(),
            payment_terms_days=None if self.terms.value() < 0 else self.terms.value(),
            credit_limit=limit,
            preferred_channel=Channel(self.channel.currentData()),
            notes=self.notes.toPlainText(),
        )

    def data(self) -> CustomerData:
        """The validated data; raises ValidationError (naming the field) when it is wrong."""
        return validate_customer(self.raw_data())

    def validated(self) -> CustomerData | None:
        """The validated data, or None after showing what is wrong, inline."""
        try:
            return self.data()
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return None
