"""The indicators page: key figures as of a date, with collections, DSO and the forecast.

One query op computes everything on the database worker; a newer date supersedes an
older computation (the op's key). Double-clicking a debtor opens their file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import locale_for
from cobranza_desktop.services.analytics.indicators import (
    Card,
    Debtor,
    Indicators,
    IndicatorsService,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.models.list_model import ListTableModel
from cobranza_desktop.ui.models.paged import RIGHT, Column
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.charts import Chart, Series
from cobranza_desktop.ui.widgets.flow_layout import scrolled
from cobranza_desktop.ui.widgets.forms import date_edit, from_qdate
from cobranza_desktop.ui.widgets.table import make_table

# What the figures are made of: sales, payments, the charges that add to balances.
INDICATOR_KINDS = (Kind.INVOICES, Kind.PAYMENTS, Kind.PENALTIES, Kind.SETTINGS)
CHART_MONTHS = 12
COLLECTED, SALES, DSO, EXPECTED = "#2f7d5b", "#9db4c8", "#3a6ea5", "#2f7d5b"
NAN = float("nan")


def _percent(share: Decimal) -> str:
    """A fraction (0.7500) as a percentage with one decimal (75.0 %)."""
    return format_percent(share, "#,##0.0%", locale=locale_for())


def _one_decimal(value: Decimal) -> str:
    return format_decimal(value, "#,##0.0", locale=locale_for())


def _month(key: str) -> str:
    year, month = key.split("-")
    # Twelve labels share a chart's width: three letters, no abbreviation dot.
    text = babel_format_date(date(int(year), int(month), 1), "MMM", locale=locale_for())
    return text.rstrip(".")[:3]


class CardWidget(QFrame):
    """One headline figure: its label, value and change against the previous period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel()
        self.change.setObjectName("cardChange")
        # Six cards share the width: wrap the change rather than widen the window.
        self.change.setWordWrap(True)
        self.label.setWordWrap(True)
        for label in (self.label, self.value, self.change):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.value)
        layout.addWidget(self.change)


class IndicatorsPage(QWidget):
    customer_requested = Signal(int)
    #: Emitted when the figures are shown (tests listen).
    shown = Signal(object)

    def __init__(
        self,
        indicators: IndicatorsService,
        runner: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = indicators
        self._runner = runner
        self._started = False
        self.indicators: Indicators | None = None

        title = QLabel(self.tr("Indicadores"))
        title.setObjectName("pageTitle")
        self.as_of = date_edit(clock.today())
        named(self.as_of, self.tr("Fecha de corte"))
        # The service refuses a future date: so does the field.
        self.as_of.setMaximumDate(self.as_of.date())
        self.as_of.dateChanged.connect(lambda _d: self.compute())
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.progress)
        header.addWidget(QLabel(self.tr("Al día")))
        header.addWidget(self.as_of)

        self.cards = [CardWidget() for _ in range(6)]
        # Two rows of three: at a large font (150 %) each figure still has room.
        card_row = QGridLayout()
        for index, card in enumerate(self.cards):
            card_row.addWidget(card, index // 3, index % 3)
        self.collected_chart = Chart()
        self.dso_chart = Chart()
        self.forecast_chart = Chart()
        self.model: ListTableModel[Debtor] = ListTableModel([])
        self.table = make_table(sortable=False)
        named(self.table, self.tr("Indicadores"))
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(self._double_clicked)
        debtors_title = QLabel(self.tr("Los 10 saldos más grandes"))
        debtors_title.setObjectName("sectionTitle")
        debtors = QWidget()
        debtors_layout = QVBoxLayout(debtors)
        debtors_layout.setContentsMargins(0, 0, 0, 0)
        debtors_layout.addWidget(debtors_title)
        debtors_layout.addWidget(self.table)
        grid = QGridLayout()
        grid.addWidget(self.collected_chart, 0, 0)
        grid.addWidget(self.dso_chart, 0, 1)
        grid.addWidget(self.forecast_chart, 1, 0)
        grid.addWidget(debtors, 1, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(card_row)
        content_layout.addLayout(grid, 1)

        self.message = QLabel()
        self.message.setObjectName("emptyText")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        # Cards and charts scroll rather than make the window taller than a laptop's
        # screen at a large system font.
        self.stack.addWidget(scrolled(content, self.tr("Indicadores")))
        self.stack.addWidget(self.message)
        self.status_line = QLabel(" ")
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_line)
        runner.data_changed.connect(self._data_changed)

    def activate(self) -> None:
        if not self._started:
            self.compute()

    def _data_changed(self, changes: OpChanges) -> None:
        if self._started and changes.touches(*INDICATOR_KINDS):
            self.compute()

    def as_of_date(self) -> date:
        return from_qdate(self.as_of.date())

    def compute(self) -> None:
        self._started = True
        day = self.as_of_date()
        service = self._service
        self.progress.setVisible(True)
        self.status_line.setText(self.tr("Calculando…"))
        self._runner.query(lambda _ctx: service.compute(day)).success(self.show_indicators).error(
            self._failed
        ).key(f"indicators-{id(self)}").describe(self.tr("Calculando indicadores")).run()

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.message.setText(
            self.tr("No se pudieron calcular los indicadores: %1").replace("%1", message)
        )
        self.stack.setCurrentWidget(self.message)
        self.status_line.setText(" ")

    def show_indicators(self, view: Indicators) -> None:
        self.progress.setVisible(False)
        self.indicators = view
        empty = (
            view.receivables == 0
            and not any(m.value for m in view.sales_by_month)
            and not any(c.amount for c in view.collected_by_month)
        )
        if empty:
            self.message.setText(
                self.tr(
                    "Todavía no hay ventas ni cobros. Registra facturas y pagos para verlos aquí."
                )
            )
            self.stack.setCurrentWidget(self.message)
        else:
            self.stack.setCurrentIndex(0)
            for widget, card in zip(self.cards, view.cards, strict=True):
                self._show_card(widget, card, view.currency)
            self._draw(view)
            self._show_debtors(view)
        self.status_line.setText(
            self.tr("Indicadores al %1").replace("%1", format_date(view.as_of))
        )
        # How the forecast is made: one paragraph, where the forecast is.
        self.forecast_chart.setToolTip(view.forecast_method)
        self.shown.emit(view)

    # -- the parts -----------------------------------------------------------------------

    def value_text(self, card: Card, value: Decimal | None, currency: str) -> str:
        if value is None:
            return "—"
        if card.unit == "money":
            return format_money(value, currency)
        if card.unit == "share":
            return _percent(value)
        return self.tr("%1 días").replace("%1", _one_decimal(value))

    def change_text(self, card: Card, currency: str) -> str:
        change = card.change
        if change is None:
            return self.tr("sin periodo anterior")
        sign = "+" if change > 0 else "−" if change < 0 else "±"
        size = abs(change)
        if card.unit == "money":
            amount = format_money(size, currency)
        elif card.unit == "share":
            amount = self.tr("%1 pts.").replace("%1", _one_decimal(size * 100))
        else:
            amount = self.tr("%1 días").replace("%1", _one_decimal(size))
        return self.tr("%1 vs. anterior").replace("%1", f"{sign}{amount}")

    def _show_card(self, widget: CardWidget, card: Card, currency: str) -> None:
        widget.label.setText(card.label)
        widget.value.setText(self.value_text(card, card.value, currency))
        widget.change.setText(self.change_text(card, currency))
        previous = self.value_text(card, card.previous, currency)
        widget.setToolTip(
            f"{card.definition}\n" + self.tr("Periodo anterior: %1").replace("%1", previous)
        )

    def _draw(self, view: Indicators) -> None:
        sales = {m.month: m.value for m in view.sales_by_month}
        months = [c for c in view.collected_by_month][-CHART_MONTHS:]
        labels = [_month(c.month) for c in months]
        self.collected_chart.bars(
            self.tr("Cobrado y vendido por mes"),
            labels,
            [
                Series(self.tr("Cobrado"), [float(c.amount) for c in months], COLLECTED),
                Series(self.tr("Vendido"), [_f(sales.get(c.month)) for c in months], SALES),
            ],
        )
        dso = view.dso_by_month[-CHART_MONTHS:]
        self.dso_chart.lines(
            self.tr("DSO al cierre de cada mes (días)"),
            [_month(m.month) for m in dso],
            [Series("DSO", [_f(m.value) for m in dso], DSO)],
        )
        weeks = view.forecast
        self.forecast_chart.band(
            self.tr("Pronóstico de cobro por semana"),
            [format_skeleton("Md", w.week_start, locale=locale_for()) for w in weeks],
            Series(self.tr("Mínimo"), [float(w.low) for w in weeks], EXPECTED),
            Series(self.tr("Máximo"), [float(w.high) for w in weeks], EXPECTED),
            Series(self.tr("Esperado"), [float(w.expected) for w in weeks], EXPECTED),
        )

    def _show_debtors(self, view: Indicators) -> None:
        currency = view.currency
        self.model._columns = list(self._debtor_columns(currency))
        self.model.set_rows(view.top_debtors)
        self.table.setColumnWidth(0, 200)
        for i in range(1, 4):
            self.table.setColumnWidth(i, 110)

    def _debtor_columns(self, currency: str) -> Sequence[Column[Debtor]]:
        # The column is how late their payments of the last 90 days came: a debtor who
        # stopped paying has none, and says so in words rather than with a bare dash.
        no_payments = self.tr("sin pagos")
        why = self.tr("Promedio de días de atraso de sus pagos de los últimos 90 días.")

        def late(d: Debtor) -> str:
            return no_payments if d.avg_days_late is None else _one_decimal(d.avg_days_late)

        return [
            Column("name", self.tr("Cliente"), lambda d: d.name),
            Column("balance", self.tr("Saldo"), lambda d: format_money(d.balance, currency), RIGHT),
            Column(
                "overdue", self.tr("Vencido"), lambda d: format_money(d.overdue, currency), RIGHT
            ),
            Column("late", self.tr("Atraso al pagar"), late, RIGHT, tooltip=lambda _d: why),
        ]

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_requested.emit(self.model.row_at(index.row()).customer_id)


def _f(value: Decimal | None) -> float:
    return NAN if value is None else float(value)  # drawing only
