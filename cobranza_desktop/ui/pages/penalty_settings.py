"""Settings page: the contract's late-payment terms, for the business or one customer.

A standalone widget: it receives the :class:`PenaltyService` and, to edit one customer's
own terms, that customer's id. Validation is inline: each field shows its own error and
"Guardar" stays disabled until the terms are valid.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.extensions import ExtensionCharges
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.money import parse_amount, parse_decimal
from cobranza_desktop.domain.penalties import (
    DEFAULT_STAGE_DAYS,
    FeeMode,
    PenaltyPolicy,
    PenaltyPreset,
    estimate_penalties,
)
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner

FIELDS = (
    "preset",
    "grace_days",
    "fixed_fee",
    "percent_fee",
    "stage_days",
    "annual_rate_percent",
    "day_basis",
    "cap_percent",
)
EXAMPLE_BALANCE = Decimal("10000.00")
EXAMPLE_DAYS = 30


def _stage_text(stages: tuple[int, ...]) -> str:
    return ", ".join(str(s) for s in stages)


class PenaltySettingsPage(QWidget):
    """Edit the late-payment policy. ``saved`` carries the policy (or ``None``) saved."""

    saved = Signal(object)

    def __init__(
        self,
        penalties: PenaltyService,
        customer_id: int | None = None,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self._penalties = penalties
        self._customer_id = customer_id
        self._runner = runner
        self._loading = False
        self._policy: PenaltyPolicy | None = None
        self._business = PenaltyPolicy.none()

        title = QLabel(
            self.tr("Penalizaciones por pago tardío")
            if customer_id is None
            else self.tr("Condiciones de este cliente")
        )
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Los cargos y los intereses se aplican tal como se pactaron en el contrato. "
                "El interés es simple, diario, y solo sobre el saldo pendiente de la factura."
            )
        )
        intro.setWordWrap(True)

        self.use_business = QCheckBox(self.tr("Usar la política del negocio"))
        self.use_business.setVisible(customer_id is not None)

        self.preset = QComboBox()
        self.preset.addItem(self.tr("Sin penalizaciones"), PenaltyPreset.NONE.value)
        self.preset.addItem(
            self.tr("Tasa legal: 6 % anual (Código de Comercio, art. 362)"),
            PenaltyPreset.LEGAL.value,
        )
        self.preset.addItem(self.tr("Personalizada"), PenaltyPreset.CUSTOM.value)

        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 365)
        self.grace_days.setSuffix(self.tr(" días"))
        self.fixed_fee = QLineEdit()
        self.fixed_fee.setPlaceholderText("0.00")
        self.percent_fee = QLineEdit()
        self.percent_fee.setPlaceholderText("0")
        self.fee_mode = QComboBox()
        self.fee_mode.addItem(self.tr("Una vez por factura"), FeeMode.PER_INVOICE.value)
        self.fee_mode.addItem(self.tr("Una vez por etapa de cobranza"), FeeMode.PER_STAGE.value)
        self.stage_days = QLineEdit(_stage_text(DEFAULT_STAGE_DAYS))
        self.stage_days.setToolTip(self.tr("Días de atraso de cada etapa, separados por comas."))
        self.annual_rate = QLineEdit()
        self.annual_rate.setPlaceholderText("0")
        self.day_basis = QComboBox()
        self.day_basis.addItem(self.tr("365 días"), 365)
        self.day_basis.addItem(self.tr("360 días (comercial)"), 360)
        self.has_cap = QCheckBox(self.tr("Limitar el interés a"))
        self.cap_percent = QLineEdit()
        self.cap_percent.setPlaceholderText("0")

        self.errors: dict[str, QLabel] = {}
        for name in FIELDS:
            label = QLabel()
            label.setObjectName(f"error_{name}")
            label.setStyleSheet("color: #b3261e;")
            label.setWordWrap(True)
            label.setVisible(False)
            self.errors[name] = label

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Condiciones:"), self._with_error(self.preset, "preset"))
        form.addRow(self.tr("Días de gracia:"), self._with_error(self.grace_days, "grace_days"))
        form.addRow(
            self.tr("Cargo fijo por atraso:"), self._with_error(self.fixed_fee, "fixed_fee")
        )
        form.addRow(
            self.tr("Cargo sobre el saldo vencido (%):"),
            self._with_error(self.percent_fee, "percent_fee"),
        )
        form.addRow(self.tr("Se cobra:"), self.fee_mode)
        form.addRow(
            self.tr("Etapas (días de atraso):"), self._with_error(self.stage_days, "stage_days")
        )
        form.addRow(
            self.tr("Interés moratorio anual (%):"),
            self._with_error(self.annual_rate, "annual_rate_percent"),
        )
        form.addRow(self.tr("Base de días:"), self._with_error(self.day_basis, "day_basis"))
        cap_row = QWidget()
        cap_layout = QHBoxLayout(cap_row)
        cap_layout.setContentsMargins(0, 0, 0, 0)
        cap_layout.addWidget(self.has_cap)
        cap_layout.addWidget(self.cap_percent)
        cap_layout.addWidget(QLabel(self.tr("% del capital")))
        form.addRow(self.tr("Tope:"), self._with_error(cap_row, "cap_percent"))
        # An extension really extends, unless the contract says penalties run from the
        # original due date (a business setting; a customer's page does not show it).
        self.extension_rule = QComboBox()
        for rule in ExtensionCharges:
            self.extension_rule.addItem(rule.label(), rule.value)
        if customer_id is None:
            form.addRow(self.tr("Con prórroga, cobrar:"), self.extension_rule)
        self._form = form

        self.example = QLabel()
        self.example.setObjectName("example")
        self.example.setWordWrap(True)
        self.own_terms = QLabel()
        self.own_terms.setObjectName("statusLine")
        self.own_terms.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Descartar cambios"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.use_business)
        layout.addLayout(form)
        layout.addWidget(self.example)
        layout.addWidget(self.own_terms)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for line in (
            self.fixed_fee,
            self.percent_fee,
            self.stage_days,
            self.annual_rate,
            self.cap_percent,
        ):
            line.textChanged.connect(self._changed)
        self.grace_days.valueChanged.connect(self._changed)
        for combo in (self.fee_mode, self.day_basis, self.extension_rule):
            combo.currentIndexChanged.connect(self._changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.has_cap.toggled.connect(self._changed)
        self.use_business.toggled.connect(self._use_business_toggled)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.load()

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.errors[name])
        return box

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored policy (the customer's own, or the business one)."""
        customer_id = self._customer_id
        penalties = self._penalties

        def work() -> tuple[PenaltyPolicy, PenaltyPolicy | None, ExtensionCharges]:
            own = penalties.customer_policy(customer_id) if customer_id is not None else None
            return penalties.business_policy(), own, penalties.extension_rule()

        self._runner.query(lambda _ctx: work()).success(self._loaded).error(self._failed).key(
            f"penalty-settings-{customer_id}"
        ).run()
        if customer_id is None:  # who has terms of their own (they are not changed here)
            self._runner.query(lambda _ctx: penalties.customers_with_own_policy()).success(
                self._show_own
            ).run()

    def _show_own(self, customers: list[tuple[int, str]]) -> None:
        self.own_terms.setText(
            self.tr("Con condiciones propias (en su expediente): %1").replace(
                "%1", ", ".join(name for _id, name in customers)
            )
            if customers
            else ""
        )

    def _loaded(
        self, policies: tuple[PenaltyPolicy, PenaltyPolicy | None, ExtensionCharges]
    ) -> None:
        self._business, own, rule = policies
        self._loading = True
        try:
            self.extension_rule.setCurrentIndex(self.extension_rule.findData(rule.value))
            self.use_business.setChecked(self._customer_id is not None and own is None)
            self._show(own or self._business)
        finally:
            self._loading = False
        self.status.clear()
        self._refresh_state()

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(message)
        self._refresh_state()

    def _show(self, policy: PenaltyPolicy) -> None:
        self.preset.setCurrentIndex(self.preset.findData(policy.preset.value))
        self.grace_days.setValue(policy.grace_days)
        self.fixed_fee.setText(str(policy.fixed_fee) if policy.fixed_fee else "")
        self.percent_fee.setText(str(policy.percent_fee) if policy.percent_fee else "")
        self.fee_mode.setCurrentIndex(self.fee_mode.findData(policy.fee_mode.value))
        self.stage_days.setText(_stage_text(policy.stage_days))
        self.annual_rate.setText(
            str(policy.annual_rate_percent) if policy.annual_rate_percent else ""
        )
        self.day_basis.setCurrentIndex(self.day_basis.findData(policy.day_basis))
        self.has_cap.setChecked(policy.cap_percent is not None)
        self.cap_percent.setText("" if policy.cap_percent is None else str(policy.cap_percent))

    # -- reacting --------------------------------------------------------------------------------

    def _preset_changed(self) -> None:
        if self._loading:
            return
        preset = PenaltyPreset(self.preset.currentData())
        if preset is not PenaltyPreset.CUSTOM:
            self._loading = True
            try:
                self._show(PenaltyPolicy.for_preset(preset))
            finally:
                self._loading = False
        self._changed()

    def _use_business_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self._loading = True
            try:
                self._show(self._business)
            finally:
                self._loading = False
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.status.clear()
            self._refresh_state()

    def _refresh_state(self) -> None:
        inherited = self._customer_id is not None and self.use_business.isChecked()
        custom = PenaltyPreset(self.preset.currentData()) is PenaltyPreset.CUSTOM
        self.preset.setEnabled(not inherited)
        for widget in (
            self.grace_days,
            self.fixed_fee,
            self.percent_fee,
            self.fee_mode,
            self.annual_rate,
            self.day_basis,
            self.has_cap,
        ):
            widget.setEnabled(custom and not inherited)
        self.stage_days.setEnabled(
            custom and not inherited and self.fee_mode.currentData() == FeeMode.PER_STAGE.value
        )
        self.cap_percent.setEnabled(custom and not inherited and self.has_cap.isChecked())
        self._policy = self._validate()
        self.save_button.setEnabled(self._policy is not None or inherited)
        self._show_example(self._policy)

    def _show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.errors["preset"])
        label.setText(message)
        label.setVisible(True)

    def _validate(self) -> PenaltyPolicy | None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)
        try:
            return self.policy_from_form()
        except ValidationError as exc:
            self._show_error(exc.field, exc.message)
            return None

    def policy_from_form(self) -> PenaltyPolicy:
        """The policy the form describes; raises ValidationError naming the field."""
        preset = PenaltyPreset(self.preset.currentData())
        if preset is not PenaltyPreset.CUSTOM:
            return PenaltyPolicy.for_preset(preset)
        stages: list[int] = []
        for part in self.stage_days.text().replace(";", ",").split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise ValidationError(
                        "stage_days",
                        self.tr("Escriba los días de atraso así: 30, 60, 90"),
                    )
                stages.append(int(part.strip()))
        cap_text = self.cap_percent.text().strip()
        if self.has_cap.isChecked() and not cap_text:
            raise ValidationError("cap_percent", self.tr("Escriba el tope como % del capital."))
        return PenaltyPolicy(
            preset=preset,
            grace_days=self.grace_days.value(),
            fixed_fee=parse_amount(self.fixed_fee.text() or "0", "fixed_fee", allow_zero=True),
            percent_fee=parse_decimal(
                self.percent_fee.text() or "0", "percent_fee", minimum=Decimal(0)
            ),
            fee_mode=FeeMode(self.fee_mode.currentData()),
            stage_days=tuple(stages),
            annual_rate_percent=parse_decimal(
                self.annual_rate.text() or "0", "annual_rate_percent", minimum=Decimal(0)
            ),
            day_basis=int(self.day_basis.currentData()),
            cap_percent=(
                parse_decimal(cap_text, "cap_percent", minimum=Decimal(0))
                if self.has_cap.isChecked()
                else None
            ),
        )

    def _show_example(self, policy: PenaltyPolicy | None) -> None:
        if policy is None:
            self.example.clear()
            return
        if not policy.is_active:
            self.example.setText(self.tr("No se cobran cargos ni intereses por atraso."))
            return
        amount = estimate_penalties(policy, EXAMPLE_BALANCE, EXAMPLE_DAYS)
        self.example.setText(
            self.tr(
                "Ejemplo: una factura de {0} con {1} días de atraso genera {2} de cargos."
            ).format(format_money(EXAMPLE_BALANCE), EXAMPLE_DAYS, format_money(amount))
        )

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        inherited = self._customer_id is not None and self.use_business.isChecked()
        policy = None if inherited else self._policy
        if policy is None and not inherited:
            return
        customer_id = self._customer_id
        penalties = self._penalties
        rule = ExtensionCharges.parse(self.extension_rule.currentData())

        def work() -> PenaltyPolicy | None:
            if customer_id is None:
                assert policy is not None
                penalties.set_business_policy(policy)
                penalties.set_extension_rule(rule)
            else:
                penalties.set_customer_policy(customer_id, policy)
            return policy

        self.save_button.setEnabled(False)
        changes = OpChanges.of(
            Kind.PENALTIES,
            Kind.SETTINGS,
            customers=None if customer_id is None else [customer_id],
        )
        self._runner.write(lambda _ctx: work(), changes).success(self._saved).error(
            self._failed
        ).describe(self.tr("Guardando las condiciones")).run()

    def _saved(self, policy: PenaltyPolicy | None) -> None:
        if policy is not None and self._customer_id is None:
            self._business = policy
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Guardado."))
        self._refresh_state()
        self.saved.emit(policy)


__all__ = ["PenaltySettingsPage"]
