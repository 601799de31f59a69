"""The chart module's value axis: a round top from zero that covers every value."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QValueAxis
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.widgets.charts import Chart, Series, nice_top


@given(st.floats(min_value=0.01, max_value=1e12, allow_nan=False))
def test_the_top_covers_the_maximum_in_about_four_round_steps(maximum: float) -> None:
    top, ticks = nice_top(maximum)
    step = top / (ticks - 1)
    assert maximum <= top * (1 + 1e-9)
    assert 2 <= ticks - 1 <= 5  # one to five steps: never a crowd of labels
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 5, 10))
    assert top - step < maximum  # no empty step at the top


def test_nothing_to_show_still_gives_an_axis() -> None:
    assert nice_top(0) == (1.0, 2)
    assert nice_top(float("nan")) == (1.0, 2)


def test_the_forecast_band_gets_the_round_axis(qtbot: QtBot) -> None:
    """Qt's own nice numbers elide an area series' labels to «…»: ours are used."""
    chart = Chart()
    qtbot.addWidget(chart)
    chart.band(
        "Pronóstico",
        ["a", "b", "c"],
        Series("Mínimo", [1000.0, 2000.0, 500.0], "#336699"),
        Series("Máximo", [40000.0, 53958.67, 3000.0], "#336699"),
        Series("Esperado", [2000.0, 3000.0, 1500.0], "#336699"),
    )
    (axis,) = [a for a in chart.chart.axes() if isinstance(a, QValueAxis)]
    assert (axis.min(), axis.max(), axis.tickCount()) == (0.0, 60000.0, 4)
