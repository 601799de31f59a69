"""After a write, a view reloads only if the change concerns what it shows."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.customers.customer_file import CustomerFileView
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.tasks import Kind, OpChanges
from tests.ui.ui_support import OpenApp


def test_the_customer_file_reloads_for_its_customer_only(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    s = app.services
    ana = s.customers.create(CustomerData(name="Ana Ávila", phone="55 1234 5678")).id
    beto = s.customers.create(CustomerData(name="Beto Báez", phone="55 8765 4321")).id
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(ana)
    app.settle()
    shown: list[CustomerFileView] = []
    page.file.file_shown.connect(shown.append)

    app.runner.data_changed.emit(OpChanges.of(Kind.PAYMENTS, customers=[beto]))
    app.settle()
    assert shown == []  # Beto's payment is not in Ana's file
    app.runner.data_changed.emit(OpChanges.of(Kind.MESSAGES, customers=[ana]))
    app.settle()
    assert shown == []  # an outbox message is not shown in the file
    app.runner.data_changed.emit(OpChanges.of(Kind.CONTACTS, customers=[ana]))
    app.settle()
    assert [view.customer.id for view in shown] == [ana]
    app.runner.data_changed.emit(OpChanges.of(Kind.SETTINGS))  # no customer named: anyone
    app.settle()
    assert len(shown) == 1  # settings are not part of the file either


def test_a_write_through_the_window_reloads_the_file_with_the_new_facts(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    s = app.services
    ana = s.customers.create(CustomerData(name="Ana Ávila", phone="55 1234 5678")).id
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(ana)
    app.settle()
    page.file.tabs.setCurrentIndex(3)
    page.file.form.name.setText("Ana Ávila Ruiz")
    page.file.save()
    app.settle()
    assert page.file.data is not None and page.file.data.customer.name == "Ana Ávila Ruiz"
    assert page.file.title.text() == "Ana Ávila Ruiz"


def test_the_file_shows_its_penalties_from_the_one_read_model(
    qtbot: QtBot, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app
    s = app.services
    ana = s.customers.create(CustomerData(name="Ana Ávila", phone="55 1234 5678")).id

    asked: list[str] = []
    for name in ("customer_summary", "charges"):
        real = getattr(s.penalties, name)

        def record(*args: object, _real: Any = real, _name: str = name, **kw: object) -> object:
            asked.append(_name)
            return _real(*args, **kw)

        # The file reads everything through CustomerFileService, not the penalty service.
        monkeypatch.setattr(s.penalties, name, record)
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(ana)
    app.settle()
    panel = page.file.penalties_panel
    assert panel is not None
    assert "Penalizaciones a la fecha: $0.00" in panel.figures.text()
    assert page.file.data is not None and page.file.data.penalties.customer_id == ana
    assert asked == []
