"""The monthly collection report: headline figures, charts and the forecast.

Plain data in (:class:`MonthlyReportData`, figures already formatted where they are
text), PDF bytes out, on the shared renderer base. Charts are ReportLab graphics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.dates import get_month_names
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from cobranza_desktop.documents.base import (
    ACCENT,
    CONTENT_WIDTH,
    LIGHT,
    DataRenderer,
    data_table,
    money,
    para,
    short_date,
    text,
)
from cobranza_desktop.documents.data import BusinessInfo
from cobranza_desktop.domain.i18n import _, locale_for

SALES_COLOR = colors.HexColor("#A9B8CC")
CHART_HEIGHT = 58 * mm


@dataclass(frozen=True)
class ReportCard:
    label: str
    value: str
    previous: str
    definition: str


@dataclass(frozen=True)
class ReportWeek:
    week_start: date
    low: Decimal
    expected: Decimal
    high: Decimal


@dataclass(frozen=True)
class ReportDebtor:
    name: str
    balance: Decimal
    overdue: Decimal
    days_late: str


@dataclass(frozen=True)
class MonthlyReportData:
    business: BusinessInfo
    month: str  # "YYYY-MM"
    as_of: date
    currency: str
    cards: tuple[ReportCard, ...]
    months: tuple[str, ...]  # the chart months, oldest first
    sales: tuple[Decimal, ...]
    collected: tuple[Decimal, ...]
    dso: tuple[Decimal | None, ...]
    cei: tuple[str, ...]  # formatted, per month
    forecast: tuple[ReportWeek, ...]
    forecast_method: str
    debtors: tuple[ReportDebtor, ...]
    notes: tuple[str, ...] = ()  # extra lines (reminders, promises)


def _short_month(key: str) -> str:
    # Month names are Babel's for the locale, like every other date the program prints.
    year, month = key.split("-")
    names = get_month_names("abbreviated", locale=locale_for())
    return f"{names[int(month)].rstrip('.')} {year[2:]}"


def _axis_max(values: Sequence[float]) -> float:
    top = max([*values, 1.0])
    magnitude = 10 ** (len(str(int(top))) - 1)
    return float((int(top / magnitude) + 1) * magnitude)


def _title(drawing: Drawing, label: str) -> None:
    drawing.add(
        String(0, CHART_HEIGHT - 9, label, fontName="Helvetica-Bold", fontSize=9, fillColor=ACCENT)
    )


def _bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str],
    fills: Sequence[colors.Color],
    title: str,
) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, CHART_HEIGHT)
    _title(drawing, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 48, 26
    chart.width, chart.height = CONTENT_WIDTH - 60, CHART_HEIGHT - 52
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max([v for s in series for v in s])
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 4
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = lambda v: f"{v / 1000:,.0f}k" if v else "0"
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 1
    chart.groupSpacing = 4
    for index, fill in enumerate(fills):
        chart.bars[index].fillColor = fill
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    # Items side by side at the top right, each swatch followed by its name.
    legend.x, legend.y = CONTENT_WIDTH - 62 * len(names), CHART_HEIGHT - 5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    legend.fontSize = 7
    legend.deltax = 62
    legend.colorNamePairs = list(zip(fills, names, strict=True))
    drawing.add(legend)
    return drawing


def _dso_chart(labels: Sequence[str], values: Sequence[Decimal | None]) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, CHART_HEIGHT)
    _title(drawing, _("DSO al cierre de cada mes (días)"))
    chart = HorizontalLineChart()
    chart.x, chart.y = 48, 26
    chart.width, chart.height = CONTENT_WIDTH - 60, CHART_HEIGHT - 52
    points = [float(v) if v is not None else 0.0 for v in values]
    chart.data = [points]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max(points)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 4
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 1.6
    drawing.add(chart)
    return drawing


class MonthlyReportRenderer(DataRenderer[MonthlyReportData]):
    def title(self) -> str:
        return _("Informe de cobranza")

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [(_("Mes"), d.month), (_("Al"), short_date(d.as_of))]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [para(_("<b>Indicadores</b>"), "h2")]
        story.append(
            data_table(
                [
                    _("Indicador"),
                    _("Este mes"),
                    _("Mes anterior"),
                    _("Qué es"),
                ],
                [[c.label, c.value, c.previous, c.definition] for c in d.cards],
                (34, 28, 28, None),
                right=(1, 2),
            )
        )
        labels = [_short_month(m) for m in d.months]
        story += [
            Spacer(1, 5 * mm),
            _bar_chart(
                labels,
                [[float(v) for v in d.collected], [float(v) for v in d.sales]],
                [_("Cobrado"), _("Ventas")],
                [ACCENT, SALES_COLOR],
                _("Cobrado y ventas por mes ({currency})").format(currency=d.currency),
            ),
            Spacer(1, 3 * mm),
            _dso_chart(labels, d.dso),
            CondPageBreak(CHART_HEIGHT + 60 * mm),
            para(_("<b>Por mes</b>"), "h2"),
            data_table(
                [
                    _("Mes"),
                    _("Ventas"),
                    _("Cobrado"),
                    "DSO",
                    "CEI",
                ],
                [
                    [
                        m,
                        money(s, d.currency),
                        money(c, d.currency),
                        "—" if v is None else str(v),
                        cei,
                    ]
                    for m, s, c, v, cei in zip(
                        d.months, d.sales, d.collected, d.dso, d.cei, strict=True
                    )
                ],
                (None, 36, 36, 22, 22),
                right=(1, 2, 3, 4),
            ),
            CondPageBreak(CHART_HEIGHT + 70 * mm),
            para(_("<b>Pronóstico de cobro</b>"), "h2"),
            _bar_chart(
                [short_date(w.week_start) for w in d.forecast],
                [
                    [float(w.low) for w in d.forecast],
                    [float(w.expected) for w in d.forecast],
                    [float(w.high) for w in d.forecast],
                ],
                [_("Mínimo"), _("Esperado"), _("Máximo")],
                [SALES_COLOR, ACCENT, colors.HexColor("#6F8FB5")],
                _("Próximas 8 semanas ({currency})").format(currency=d.currency),
            ),
            data_table(
                [
                    _("Semana del"),
                    _("Mínimo"),
                    _("Esperado"),
                    _("Máximo"),
                ],
                [
                    [
                        short_date(w.week_start),
                        money(w.low, d.currency),
                        money(w.expected, d.currency),
                        money(w.high, d.currency),
                    ]
                    for w in d.forecast
                ],
                (None, 38, 38, 38),
                right=(1, 2, 3),
            ),
            Spacer(1, 2 * mm),
            text(d.forecast_method, "small"),
        ]
        if d.debtors:
            story += [
                CondPageBreak(60 * mm),
                para(_("<b>Mayores saldos</b>"), "h2"),
                data_table(
                    [
                        _("Cliente"),
                        _("Saldo"),
                        _("Vencido"),
                        _("Días de atraso"),
                    ],
                    [
                        [
                            x.name,
                            money(x.balance, d.currency),
                            money(x.overdue, d.currency),
                            x.days_late,
                        ]
                        for x in d.debtors
                    ],
                    (None, 32, 32, 26),
                    right=(1, 2, 3),
                ),
            ]
        for note in d.notes:
            story.append(text(note, "small"))
        story.append(Spacer(1, 1))
        story.append(text(_("Cifras al cierre del día indicado."), "small"))
        return story


def render_monthly_report(data: MonthlyReportData) -> bytes:
    return MonthlyReportRenderer(data).render()
