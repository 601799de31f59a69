"""The customer file's Suscripciones tab and the refund of credit, in the real window."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.dialogs.refund_dialog import RefundDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.ui_support import OpenApp


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_tab_lists_the_plans_and_a_refund_lowers_the_credit(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path, language: str
) -> None:
    install_translations(create_application(), language)
    try:
        _the_tab(qtbot, open_app, language)
    finally:
        install_translations(create_application(), "es")


def _the_tab(qtbot: QtBot, open_app: OpenApp, language: str) -> None:
    s = open_app.services
    made: list[int] = []

    def arrange(_ctx: object) -> None:
        ana = s.customers.create(CustomerData(name="Ana Gómez", phone="55 1234 5678"))
        s.subscriptions.create(
            SubscriptionInput(
                ana.id, "Membresía gimnasio", "500.00", "monthly", 31, date(2026, 1, 31)
            )
        )
        s.payments.record(PaymentInput(ana.id, "6000.00", date(2026, 1, 31), allocations=()))
        made.append(ana.id)

    open_app.runner.query(arrange).run()
    open_app.settle()
    page = open_app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(made[0])
    open_app.settle()
    file = page.file
    tab = file.subscriptions_tab
    file.tabs.setCurrentWidget(tab)
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "Membresía gimnasio"
    assert tab.table.item(0, 3).text() == "31"
    if language == "es":
        assert "1 suscripción activa" in tab.summary.text()
    else:
        assert "1 active subscription " in tab.summary.text()
    shots = os.environ.get("COBRANZA_SCREENSHOTS")
    if shots:
        open_app.window.resize(1366, 768)
        open_app.settle()
        assert open_app.window.grab().save(
            str(Path(shots) / f"customer-subscriptions-tab-{language}.png")
        )
    tab.refund_button.click()
    dialog = tab.refund_dialog
    assert isinstance(dialog, RefundDialog)
    dialog.amount.setText("7000.00")
    dialog.reason.setText("Baja")
    dialog.save()
    open_app.settle()
    assert dialog.outcome is None and dialog.errors.current  # more than the credit
    if shots:
        assert dialog.grab().save(str(Path(shots) / f"refund-dialog-{language}.png"))
    dialog.amount.setText("1,500.00")
    dialog.save()
    open_app.settle()
    assert dialog.outcome is not None and dialog.outcome.amount == Decimal("1500.00")
    qtbot.waitUntil(
        lambda: (
            open_app.runner.wait_idle(0.05)
            and file.data is not None
            and file.data.balance.credit == Decimal("4500.00")
        ),
        timeout=30_000,
    )
