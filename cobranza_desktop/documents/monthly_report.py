"""The monthly collection report: headline figures, charts and the forecast.

Plain data in (:class:`MonthlyReportData`, figures already formatted where they are
text), PDF bytes out, on the shared renderer base. Charts are ReportLab graphics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
from cobranza_desktop.domain.i18n import tr

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
    names_es = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
    names_en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, month = key.split("-")
    return f"{tr(names_es[int(month) - 1], names_en[int(month) - 1])} {year[2:]}"


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
    _title(drawing, tr("DSO al cierre de cada mes (días)", "DSO at each month's end (days)"))
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
        return tr("Informe de cobranza", "Collection report")

    def reference(self) -> list[tuple[str, str]]:
        d = self.data
        return [(tr("Mes", "Month"), d.month), (tr("Al", "As of"), short_date(d.as_of))]

    def body(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [para(tr("<b>Indicadores</b>", "<b>Indicators</b>"), "h2")]
        story.append(
            data_table(
                [
                    tr("Indicador", "Figure"),
                    tr("Este mes", "This month"),
                    tr("Mes anterior", "Previous month"),
                    tr("Qué es", "What it is"),
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
                [tr("Cobrado", "Collected"), tr("Ventas", "Sales")],
                [ACCENT, SALES_COLOR],
                tr(
                    f"Cobrado y ventas por mes ({d.currency})",
                    f"Collected and sales per month ({d.currency})",
                ),
            ),
            Spacer(1, 3 * mm),
            _dso_chart(labels, d.dso),
            CondPageBreak(CHART_HEIGHT + 60 * mm),
            para(tr("<b>Por mes</b>", "<b>By month</b>"), "h2"),
            data_table(
                [
                    tr("Mes", "Month"),
                    tr("Ventas", "Sales"),
                    tr("Cobrado", "Collected"),
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
            para(tr("<b>Pronóstico de cobro</b>", "<b>Cash forecast</b>"), "h2"),
            _bar_chart(
                [short_date(w.week_start) for w in d.forecast],
                [
                    [float(w.low) for w in d.forecast],
                    [float(w.expected) for w in d.forecast],
                    [float(w.high) for w in d.forecast],
                ],
                [tr("Mínimo", "Low"), tr("Esperado", "Expected"), tr("Máximo", "High")],
                [SALES_COLOR, ACCENT, colors.HexColor("#6F8FB5")],
                tr(f"Próximas 8 semanas ({d.currency})", f"Next 8 weeks ({d.currency})"),
            ),
            data_table(
                [
                    tr("Semana del", "Week of"),
                    tr("Mínimo", "Low"),
                    tr("Esperado", "Expected"),
                    tr("Máximo", "High"),
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
                para(tr("<b>Mayores saldos</b>", "<b>Largest balances</b>"), "h2"),
                data_table(
                    [
                        tr("Cliente", "Customer"),
                        tr("Saldo", "Balance"),
                        tr("Vencido", "Overdue"),
                        tr("Días de atraso", "Days late"),
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
        story.append(
            text(
                tr("Cifras al cierre del día indicado.", "Figures at the end of the day."), "small"
            )
        )
        return story


def render_monthly_report(data: MonthlyReportData) -> bytes:
    return MonthlyReportRenderer(data).render()
