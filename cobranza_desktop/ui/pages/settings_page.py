"""Settings: language, the business profile, and sub-pages plugged in by other features.

Other features add a tab with one entry in ``extra_tabs``: (title, widget factory).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.money import parse_decimal
from cobranza_desktop.services.base.business import (
    SUPPORTED_CURRENCIES,
    BusinessProfileView,
    BusinessService,
    validate_profile,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.flow_layout import scrolled
from cobranza_desktop.ui.widgets.forms import FieldErrors, grid_row
from cobranza_desktop.ui.widgets.phone_edit import PhoneEdit

LANGUAGES = (("es", "Español (México)"), ("en", "English"))


class SettingsPage(QWidget):
    def __init__(
        self,
        business: BusinessService,
        runner: TaskRunner,
        language: str,
        on_language: Callable[[str], None],
        extra_tabs: Sequence[tuple[str, Callable[[], QWidget]]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._business = business
        self._runner = runner
        self._on_language = on_language
        self._profile = BusinessProfileView()

        title = QLabel(self.tr("Configuración"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()

        general = QWidget()
        general_layout = QVBoxLayout(general)
        language_box = QGroupBox(self.tr("Idioma"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.apply_language = QPushButton(self.tr("Aplicar"))
        self.apply_language.clicked.connect(self._language_chosen)
        language_row = QHBoxLayout(language_box)
        language_row.addWidget(QLabel(self.tr("Idioma de la interfaz")))
        language_row.addWidget(self.language)
        language_row.addWidget(self.apply_language)
        language_row.addStretch(1)
        general_layout.addWidget(language_box)

        profile_box = QGroupBox(self.tr("Datos del negocio"))
        self.name = QLineEdit()
        self.rfc = QLineEdit()
        self.address = QLineEdit()
        self.phone = PhoneEdit()
        self.email = QLineEdit()
        self.currency = QComboBox()
        self.currency.addItems(list(SUPPORTED_CURRENCIES))
        self.terms = QSpinBox()
        self.terms.setRange(0, 365)
        self.terms.setSuffix(self.tr(" días"))
        self.tax_rate = QLineEdit()
        self.bank_name = QLineEdit()
        self.clabe = QLineEdit()
        self.series = QLineEdit()
        grid = QGridLayout(profile_box)
        fields: list[tuple[str, QWidget]] = [
            (self.tr("Nombre del negocio"), self.name),
            (self.tr("RFC"), self.rfc),
            (self.tr("Dirección"), self.address),
            (self.tr("Teléfono"), self.phone),
            (self.tr("Correo"), self.email),
            (self.tr("Moneda"), self.currency),
            (self.tr("Plazo de pago"), self.terms),
            (self.tr("IVA %"), self.tax_rate),
            (self.tr("Banco"), self.bank_name),
            (self.tr("CLABE"), self.clabe),
            (self.tr("Serie de facturas"), self.series),
        ]
        for row, (label, widget) in enumerate(fields):
            grid_row(grid, row, label, widget)
        self.error_label = QLabel()
        self.errors = FieldErrors(
            self.error_label,
            {
                "name": self.name,
                "rfc": self.rfc,
                "address": self.address,
                "phone": self.phone,
                "email": self.email,
                "currency": self.currency,
                "payment_terms_days": self.terms,
                "tax_rate_percent": self.tax_rate,
                "bank_name": self.bank_name,
                "clabe": self.clabe,
                "invoice_series": self.series,
            },
        )
        grid.addWidget(self.error_label, len(fields), 1)
        self.save_button = QPushButton(self.tr("Guardar datos del negocio"))
        self.save_button.clicked.connect(self.save_profile)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statusLine")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label)
        save_row.addStretch(1)
        grid.addLayout(save_row, len(fields) + 1, 1)
        general_layout.addWidget(profile_box)
        general_layout.addStretch(1)
        scroll = QScrollArea()
        named(scroll, self.tr("General"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(general)
        self.tabs.addTab(scroll, self.tr("General"))
        for tab_title, factory in extra_tabs:
            self.tabs.addTab(factory(), tab_title)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addWidget(title)
        # The tabs scroll as a whole rather than make the window taller than a laptop's
        # screen at a large system font.
        layout.addWidget(scrolled(self.tabs, self.tr("Configuración")), 1)
        runner.query(lambda ctx: business.profile()).success(self.show_profile).run()

    def _language_chosen(self) -> None:
        self._on_language(str(self.language.currentData()))

    def show_profile(self, profile: BusinessProfileView) -> None:
        self._profile = profile
        self.name.setText(profile.name)
        self.rfc.setText(profile.rfc)
        self.address.setText(profile.address)
        self.phone.set_phone(profile.phone)
        self.email.setText(profile.email)
        self.currency.setCurrentText(profile.currency)
        self.terms.setValue(profile.payment_terms_days)
        self.tax_rate.setText(format(profile.tax_rate_percent.normalize(), "f"))
        self.bank_name.setText(profile.bank_name)
        self.clabe.setText(profile.clabe)
        self.series.setText(profile.invoice_series)

    def profile_data(self) -> BusinessProfileView:
        # The one locale-aware parser: "16,5" gets "¿Quiso decir 16.5?", not a bare error.
        rate = parse_decimal(self.tax_rate.text() or "0", "tax_rate_percent")
        return validate_profile(
            replace(
                self._profile,
                name=self.name.text(),
                rfc=self.rfc.text(),
                address=self.address.text(),
                phone=self.phone.text(),
                email=self.email.text(),
                currency=self.currency.currentText(),
                payment_terms_days=self.terms.value(),
                tax_rate_percent=rate,
                bank_name=self.bank_name.text(),
                clabe=self.clabe.text(),
                invoice_series=self.series.text(),
            )
        )

    def save_profile(self) -> None:
        self.errors.clear()
        self.saved_label.clear()
        try:
            data = self.profile_data()
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        business = self._business
        self._runner.write(
            lambda ctx: business.update_profile(data), OpChanges.of(Kind.SETTINGS)
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, profile: BusinessProfileView) -> None:
        self.show_profile(profile)
        self.saved_label.setText(self.tr("Datos guardados."))

    def _failed(self, failure: TaskFailure) -> None:
        self.errors.show(failure.message, failure.field)
