"""Charts, in one place: the only module of ours that imports ``PySide6.QtCharts``.

Pages hand plain categories and numbers; swapping QtCharts for Qt Graphs later touches
this file only. Values are floats for drawing alone: tables and cards show exact amounts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cobranza_desktop.ui.accessibility import named


@dataclass(frozen=True)
class Series:
    """One named row of values, one per category."""

    label: str
    values: Sequence[float]
    color: str


class Chart(QWidget):
    """A chart view with a few kinds of plot: grouped bars, lines, a band with a line."""

    def __init__(self, minimum_height: int = 200, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setBackgroundRoundness(0)
        self._bounds: tuple[QLineSeries, QLineSeries] | None = None
        self.view = QChartView(self.chart)
        named(self.view, self.tr("Gráfica"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(minimum_height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def series_count(self) -> int:
        return len(self.chart.series())

    def title(self) -> str:
        return self.chart.title()

    def clear(self, title: str = "") -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(title)

    def _axes(self, categories: Sequence[str], label_format: str) -> QValueAxis:
        x = QBarCategoryAxis()
        x.append(list(categories))
        small = x.labelsFont()
        small.setPointSizeF(small.pointSizeF() * 0.85)  # a year of months fits without eliding
        x.setLabelsFont(small)
        y = QValueAxis()
        y.setLabelFormat(label_format)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in self.chart.series():
            s.attachAxis(x)
            s.attachAxis(y)
        # A round top of our own: Qt's applyNiceNumbers() elides every label of an area
        # series' axis to «…» (seen on the forecast band, Qt 6.11).
        top, ticks = nice_top(y.max())
        y.setRange(0, top)
        y.setTickCount(ticks)
        return y

    def bars(
        self, title: str, categories: Sequence[str], rows: Sequence[Series], fmt: str = "%.0f"
    ) -> None:
        """Bars side by side, one group per category."""
        self.clear(title)
        series = QBarSeries()
        for row in rows:
            bar_set = QBarSet(row.label)
            bar_set.setColor(QColor(row.color))
            bar_set.setBorderColor(QColor(row.color))
            bar_set.append([float(v) for v in row.values])
            series.append(bar_set)
        self.chart.addSeries(series)
        self._axes(categories, fmt)

    def stacked_horizontal(
        self, title: str, categories: Sequence[str], rows: Sequence[Series], fmt: str = "%.0f"
    ) -> None:
        """Horizontal bars, one per category (bottom to top), stacked by row."""
        self.clear(title)
        series = QHorizontalStackedBarSeries()
        for row in rows:
            bar_set = QBarSet(row.label)
            bar_set.setColor(QColor(row.color))
            bar_set.setBorderColor(QColor("white"))
            bar_set.append([float(v) for v in row.values])
            series.append(bar_set)
        series.setBarWidth(0.7)
        self.chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(list(categories))
        x = QValueAxis()
        x.setLabelFormat(fmt)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        x.applyNiceNumbers()

    def lines(
        self, title: str, categories: Sequence[str], rows: Sequence[Series], fmt: str = "%.0f"
    ) -> None:
        """One line per row; a missing value (NaN) leaves a gap."""
        self.clear(title)
        for row in rows:
            self.chart.addSeries(_line(row))
        self._axes(categories, fmt)

    def band(
        self,
        title: str,
        categories: Sequence[str],
        low: Series,
        high: Series,
        middle: Series,
        fmt: str = "%.0f",
    ) -> None:
        """A shaded range from ``low`` to ``high`` with the ``middle`` line over it."""
        self.clear(title)
        lower, upper = _line(low), _line(high)
        area = QAreaSeries(upper, lower)
        # The area does not own its boundary lines: keep them alive while it is shown.
        self._bounds = (upper, lower)
        area.setName(f"{low.label} – {high.label}")
        shade = QColor(middle.color)
        shade.setAlpha(60)
        area.setColor(shade)
        area.setBorderColor(shade)
        self.chart.addSeries(area)
        self.chart.addSeries(_line(middle))
        self._axes(categories, fmt)


def nice_top(maximum: float) -> tuple[float, int]:
    """A round top for a value axis from zero, and its tick count: steps of 1, 2 or 5
    times a power of ten, about four of them."""
    if not maximum > 0:  # also NaN
        return 1.0, 2
    rough = maximum / 4
    power = 10.0 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    steps = math.ceil(maximum / step - 1e-9)
    return steps * step, steps + 1


def _line(row: Series) -> QLineSeries:
    line = QLineSeries()
    line.setName(row.label)
    pen = QPen(QColor(row.color))
    pen.setWidth(2)
    line.setPen(pen)
    line.setPointsVisible(True)
    for i, value in enumerate(row.values):
        if value == value:  # NaN is not equal to itself: no point there
            line.append(float(i), float(value))
    return line
