"""Settings tab: the incentives agreed in the contract: early-payment terms (2/10 neto 30),
the punctuality reward, and the prepayment offers for monthly services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.incentives import (
    EarlyPaymentTerms,
    PrepaymentKind,
    PrepaymentOffer,
    PunctualityReward,
)
from cobranza_desktop.domain.money import parse_decimal, round_money
from cobranza_desktop.services.billing.incentives import IncentiveService
from cobranza_desktop.services.billing.prepayments import DEFAULT_OFFERS, PrepaymentService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.settings_form import SettingsForm


@dataclass(frozen=True)
class Incentives:
    early: EarlyPaymentTerms | None
    punctuality: PunctualityReward | None
    offers: tuple[PrepaymentOffer, ...]


DEFAULT_INCENTIVES = Incentives(None, None, DEFAULT_OFFERS)
EXAMPLE = Decimal("10000.00")


def _percent(text: str, field: str) -> Decimal:
    return parse_decimal(text.strip() or "0", field, minimum=Decimal(0))


class OfferRow:
    """One prepayment offer (6 or 12 months): none, a % off, or free months."""

    def __init__(self, months: int) -> None:
        self.months = months
        self.kind = QComboBox()
        self.value = QLineEdit()
        self.value.setMaximumWidth(90)

    def fill(self, tr: Callable[[str], str]) -> None:
        self.kind.addItem(tr("Sin oferta"), "")
        self.kind.addItem(tr("Descuento (%)"), PrepaymentKind.DISCOUNT.value)
        self.kind.addItem(tr("Meses gratis"), PrepaymentKind.FREE_MONTHS.value)

    def show(self, offer: PrepaymentOffer | None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(offer.kind.value if offer else ""))
        if offer is None:
            self.value.clear()
        elif offer.kind is PrepaymentKind.DISCOUNT:
            self.value.setText(str(offer.discount_percent))
        else:
            self.value.setText(str(offer.free_months))

    def read(self, field: str) -> PrepaymentOffer | None:
        kind = self.kind.currentData()
        if not kind:
            return None
        if kind == PrepaymentKind.DISCOUNT.value:
            percent = _percent(self.value.text(), field)
            return PrepaymentOffer(self.months, PrepaymentKind.DISCOUNT, discount_percent=percent)
        text = self.value.text().strip()
        if not text.isdigit():
            raise ValidationError(field, "")
        try:
            return PrepaymentOffer(self.months, PrepaymentKind.FREE_MONTHS, free_months=int(text))
        except ValidationError as exc:
            raise ValidationError(field, exc.message) from None


class IncentiveSettingsTab(SettingsForm):
    def __init__(
        self, incentives: IncentiveService, prepayments: PrepaymentService, runner: TaskRunner
    ) -> None:
        super().__init__(
            runner,
            self.tr("Incentivos"),
            self.tr(
                "Los descuentos pactados: por pronto pago, el premio a la puntualidad y las "
                "ofertas por pagar meses por adelantado. Se registran como bonificaciones."
            ),
        )
        self._incentives = incentives
        self._prepayments = prepayments
        self.early_on = QCheckBox(self.tr("Descuento por pronto pago"))
        self.early_terms = QLineEdit()
        self.early_terms.setPlaceholderText(self.tr("2/10 neto 30"))
        self.early_terms.setToolTip(
            self.tr("2/10 neto 30: 2 % de descuento si paga en 10 días; vence a los 30.")
        )
        self.punctual_on = QCheckBox(self.tr("Premio por puntualidad"))
        self.punctual_after = QSpinBox()
        self.punctual_after.setRange(0, 24)
        self.punctual_after.setSuffix(self.tr(" pagos puntuales seguidos"))
        self.punctual_percent = QLineEdit()
        self.punctual_percent.setPlaceholderText("5")
        self.offer_rows = (OfferRow(6), OfferRow(12))
        self.add_field("early_on", "", self.early_on)
        self.add_field("terms", self.tr("Términos:"), self.early_terms)
        self.add_field("punctual_on", "", self.punctual_on)
        self.add_field("after_on_time", self.tr("Después de:"), self.punctual_after)
        self.add_field(
            "discount_percent",
            self.tr("Descuento en la siguiente factura (%):"),
            self.punctual_percent,
        )
        for row in self.offer_rows:
            row.fill(self.tr)
            self.add_field(
                f"offer_{row.months}",
                self.tr("Pago adelantado de %1 meses:").replace("%1", str(row.months)),
                row.kind,
            )
            self.form.addRow("", row.value)
            named(
                row.value,
                self.tr("Valor del pago adelantado de %1 meses").replace("%1", str(row.months)),
            )
            row.kind.currentIndexChanged.connect(lambda _i: self.changed())
            row.value.textChanged.connect(lambda _t: self.changed())
        self.summary = QLabel()
        self.summary.setObjectName("example")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        for box in (self.early_on, self.punctual_on):
            box.toggled.connect(lambda _on: self.changed())
        for line in (self.early_terms, self.punctual_percent):
            line.textChanged.connect(lambda _t: self.changed())
        self.punctual_after.valueChanged.connect(lambda _v: self.changed())
        self.start()

    def load_work(self) -> Incentives:
        return Incentives(
            self._incentives.early_payment_terms(),
            self._incentives.punctuality_rule(),
            self._prepayments.offers(),
        )

    def show_value(self, value: Incentives) -> None:
        early, punctual = value.early, value.punctuality
        self.early_on.setChecked(early is not None)
        self.early_terms.setText(
            self.tr("%1/%2 neto %3")
            .replace("%1", f"{early.discount_percent.normalize():f}")
            .replace("%2", str(early.within_days))
            .replace("%3", str(early.net_days))
            if early
            else ""
        )
        self.punctual_on.setChecked(punctual is not None)
        self.punctual_after.setValue(punctual.after_on_time if punctual else 3)
        self.punctual_percent.setText(str(punctual.discount_percent) if punctual else "")
        offers = {o.months: o for o in value.offers}
        for row in self.offer_rows:
            row.show(offers.get(row.months))

    def read(self) -> Incentives:
        self.early_terms.setEnabled(self.early_on.isChecked())
        self.punctual_after.setEnabled(self.punctual_on.isChecked())
        self.punctual_percent.setEnabled(self.punctual_on.isChecked())
        early = None
        if self.early_on.isChecked():
            early = EarlyPaymentTerms.parse(self.early_terms.text().strip())
        punctual = None
        if self.punctual_on.isChecked():
            punctual = PunctualityReward(
                self.punctual_after.value(),
                _percent(self.punctual_percent.text(), "discount_percent"),
            )
        offers = []
        for row in self.offer_rows:
            field = f"offer_{row.months}"
            try:
                offer = row.read(field)
            except ValidationError as exc:
                raise ValidationError(
                    field, exc.message or self.tr("Escriba cuántos meses gratis (ej. 1).")
                ) from None
            if offer is not None:
                offers.append(offer)
        return Incentives(early, punctual, tuple(offers))

    def default_value(self) -> Incentives:
        return DEFAULT_INCENTIVES

    def preview(self, value: Incentives | None) -> None:
        if value is None:
            self.summary.clear()
            return
        early = value.early
        discount = EXAMPLE * early.discount_percent / 100 if early else Decimal(0)
        self.summary.setText(
            self.tr(
                "Ejemplo: una factura de %1 pagada a tiempo para el pronto pago recibe %2 "
                "de bonificación."
            )
            .replace("%1", format_money(EXAMPLE))
            .replace("%2", format_money(round_money(discount)))
        )

    def save_work(self, value: Incentives) -> Callable[[], object]:
        incentives, prepayments = self._incentives, self._prepayments

        def work() -> None:
            incentives.set_early_payment_terms(value.early)
            incentives.set_punctuality_rule(value.punctuality)
            prepayments.set_offers(value.offers)

        return work
