"""«Exportar lista…» on the list pages: the rows as filtered, every one of them (not only
the pages on screen), in the visible columns and their order, read back and compared
with the page's own model."""

from __future__ import annotations

import csv
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.services.exports.cells import csv_cell
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.list_export import visible_columns
from cobranza_desktop.ui.models.paged import PagedTableModel
from cobranza_desktop.ui.pages.aging_page import AgingPage
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from cobranza_desktop.ui.pages.payments_page import PaymentsPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import SIZE, grab, save
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs


def _all_rows(app: OpenApp, model: PagedTableModel[Any]) -> list[Any]:
    """Every row of the model's filter, paged in as a view scrolling down would."""
    app.settle()
    while model.canFetchMore():
        model.fetchMore()
        app.settle()
    return model.loaded_rows()


def _expected(model: PagedTableModel[Any], view: QTableView, rows: list[Any]) -> list[list[str]]:
    """The cells the model gives for those rows: its text, or its number or date."""
    order = visible_columns(view)
    return [[csv_cell(model.columns[c].cell(row)) for c in order] for row in rows]


def _same_figure(text: str) -> str:
    """A cell as Excel gives it back (2598.4, a datetime) or as written (2598.40, a date)."""
    try:
        return str(Decimal(text).normalize())
    except InvalidOperation:
        return text.removesuffix("T00:00:00")


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _exported(app: OpenApp, page: QWidget, path: Path) -> None:
    app.dialogs.forget_questions()
    page.export_list(path)  # type: ignore[attr-defined]
    app.settle()
    box = app.dialogs.last_question
    assert isinstance(box, QMessageBox) and path.name in box.text()


def test_invoices_export_the_filtered_rows_in_the_visible_column_order(
    demo_app: OpenApp, tmp_path: Path
) -> None:
    page = demo_app.window.show_page("invoices")
    assert isinstance(page, InvoicesPage)
    assert page.findChild(QPushButton, "exportList") is page.export_button
    everything = len(_all_rows(demo_app, page.model))
    page.model.reload()  # back to the first page only
    demo_app.settle()
    page.status.setCurrentIndex(page.status.findData("paid"))
    demo_app.settle()
    loaded_before = len(page.model.loaded_rows())
    # The user moved the customer to the front and hid the delivery column.
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(page.model.column_index("customer")), 0)
    header.hideSection(page.model.column_index("delivered"))

    _exported(demo_app, page, tmp_path / "pagadas.csv")
    written = _read_csv(tmp_path / "pagadas.csv")
    titles = [page.model.columns[c].title for c in visible_columns(page.table)]
    assert written[0] == titles and titles[0] == "Cliente" and "Entregada" not in titles
    rows = _all_rows(demo_app, page.model)
    assert written[1:] == _expected(page.model, page.table, rows)
    assert len(rows) > loaded_before and len(rows) < everything  # all pages, one filter
    assert all(row.status.value == "paid" for row in rows)


def test_payments_and_customers_export_what_the_search_leaves(
    demo_app: OpenApp, tmp_path: Path
) -> None:
    payments = demo_app.window.show_page("payments")
    assert isinstance(payments, PaymentsPage)
    demo_app.settle()
    name = payments.model.row_at(0).customer_name
    payments.search.setText(name)
    payments.apply_filters()
    _exported(demo_app, payments, tmp_path / "pagos.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "pagos.xlsx").active
    assert sheet is not None
    written = [[csv_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    rows = _all_rows(demo_app, payments.model)
    assert {row.customer_name for row in rows} == {name}
    assert written[0] == [payments.model.columns[c].title for c in visible_columns(payments.table)]
    # Excel keeps dates as dates and amounts as numbers: read back, they are the same.
    expected = _expected(payments.model, payments.table, rows)
    assert [[_same_figure(c) for c in row] for row in written[1:]] == [
        [_same_figure(c) for c in row] for row in expected
    ]

    customers = demo_app.window.show_page("customers")
    assert isinstance(customers, CustomersPage)
    listing = customers.list
    demo_app.settle()
    listing.overdue_only.setChecked(True)
    demo_app.settle()
    _exported(demo_app, listing, tmp_path / "clientes.csv")
    written = _read_csv(tmp_path / "clientes.csv")
    rows = _all_rows(demo_app, listing.model)
    assert rows and all(row.overdue > 0 for row in rows)
    expected = _expected(listing.model, listing.table, rows)
    assert written[1:] == expected
    # The rating and next action are those of every row, not only of the rows on screen.
    risk = listing.model.column_index("risk")
    assert all(line[visible_columns(listing.table).index(risk)] for line in written[1:])


def test_aging_exports_the_report_shown_with_its_totals_row(
    demo_app: OpenApp, tmp_path: Path
) -> None:
    page = demo_app.window.show_page("aging")
    assert isinstance(page, AgingPage)
    demo_app.settle()
    report = page.report
    assert report is not None
    _exported(demo_app, page, tmp_path / "antiguedad.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "antiguedad.xlsx").active
    assert sheet is not None
    written = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert written[0][: len(report.labels) + 2] == ["Cliente", *report.labels, "Total"]
    assert len(written) == len(report.lines) + 2
    total = written[0].index("Total")
    assert written[-1][0] == "Total" and Decimal(str(written[-1][total])) == report.total
    assert [Decimal(str(r[total])) for r in written[1:-1]] == [line.total for line in report.lines]


@pytest.mark.parametrize("language", ["es", "en"])
def test_list_export_screens(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, language: str
) -> None:
    folder = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "demo.sqlite"
    with open_book(path, create=True) as book:
        build_demo_book(book, FixedClock.on(TODAY), customers=15, seed=3)
    install_translations(create_application(), language)
    opened = start_app(qtbot, tmp_path, path, dialogs)
    try:
        window = opened.window
        window.resize(*SIZE)
        page = window.show_page("invoices")
        assert isinstance(page, InvoicesPage)
        opened.settle()
        button = page.export_button
        expected = "Exportar lista…" if language == "es" else "Export list…"
        assert button.text() == expected and button.isVisible()
        # The button fits: its text is not cut at 1366 px.
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
        assert button.mapTo(window, button.rect().topRight()).x() <= window.width()
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        save(grab(window), folder, f"list-export-{language}")
        for key in ("customers", "payments", "aging"):  # the same action on each list
            other = window.show_page(key)
            opened.settle()
            found = other.findChild(QPushButton, "exportList")
            assert found is not None and found.text() == expected and found.isVisible()
            assert found.mapTo(window, found.rect().topRight()).x() <= window.width()
            save(grab(window), folder, f"list-export-{key}-{language}")
    finally:
        install_translations(opened.controller.app, "es")
        stop_app(opened)
