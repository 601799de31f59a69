"""The aging view on a demo book: as-of date, totals row, chart, export, open a customer."""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.pages.aging_page import AgingPage
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.widgets.forms import to_qdate
from tests.ui.ui_support import TODAY, OpenApp


def test_aging_view_exports_and_opens_a_customer(
    qtbot: QtBot, demo_app: OpenApp, tmp_path: Path
) -> None:
    page = demo_app.window.show_page("aging")
    assert isinstance(page, AgingPage)
    demo_app.settle()
    report = page.report
    assert report is not None and report.as_of == TODAY and report.lines
    # One row per customer plus the totals row, which adds up.
    assert page.model.rowCount() == len(report.lines) + 1
    assert sum((line.total for line in report.lines), Decimal(0)) == report.total
    assert len(page.chart.series()) == 1
    assert page.chart.series()[0].count() == len(report.labels)  # one bar set per bucket

    # «Exportar lista…»: the table as shown, every customer and the totals row.
    csv_path, xlsx_path = tmp_path / "antiguedad.csv", tmp_path / "antiguedad.xlsx"
    page.export_list(csv_path)
    page.export_list(xlsx_path)
    demo_app.settle()
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    total = len(report.labels) + 1
    assert rows[0][: total + 1] == ["Cliente", *report.labels, "Total"]
    assert len(rows) == len(report.lines) + 2
    assert rows[-1][0] == "Total" and Decimal(rows[-1][total]) == report.total
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][: total + 1] == ["Cliente", *report.labels, "Total"]
    assert Decimal(str(values[-1][total])) == report.total

    # An earlier date recomputes, off the GUI thread.
    page.as_of.setDate(to_qdate(TODAY - timedelta(days=120)))
    demo_app.settle()
    assert page.report is not None and page.report.as_of == TODAY - timedelta(days=120)
    assert page.report.total != report.total

    first = page.report.lines[0]
    page.table.doubleClicked.emit(page.model.index(0, 0))
    demo_app.settle()
    customers = demo_app.window.current_page()
    assert isinstance(customers, CustomersPage)
    assert customers.file.customer_id == first.customer_id
    assert customers.file.title.text() == first.name
