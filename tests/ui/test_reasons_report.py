"""Cobranza → Motivos de no pago: contacts per reason over a period."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.contact_policy import NonPaymentReason, Outcome
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.ui.dialogs.reasons_report import ReasonsReportDialog
from cobranza_desktop.ui.widgets.forms import to_qdate
from tests.ui.ui_support import OpenApp


def test_reasons_are_counted_for_the_chosen_period(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    services = app.services
    ana = services.customers.create(CustomerData(name="Ana Pérez"))
    for day, reason in [
        (datetime(2026, 11, 2, 10), NonPaymentReason.NO_FUNDS),
        (datetime(2026, 11, 9, 10), NonPaymentReason.NO_FUNDS),
        (datetime(2026, 11, 16, 10), NonPaymentReason.FORGOT),
        (datetime(2026, 6, 1, 10), NonPaymentReason.PRODUCT_DISPUTE),  # outside the default 90 days
    ]:
        services.contacts.log(
            ContactInput(ana.id, Channel.PHONE, Outcome.CONTACTED, reason, contacted_at=day)
        )
    app.window.findChild(QAction, "reasonsReport").trigger()
    app.settle()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReasonsReportDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    app.settle()
    counts = {
        dialog.table.item(r, 0).text(): int(dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert counts[NonPaymentReason.NO_FUNDS.label()] == 2
    assert counts[NonPaymentReason.FORGOT.label()] == 1
    assert counts[NonPaymentReason.PRODUCT_DISPUTE.label()] == 0
    dialog.start.setDate(to_qdate(date(2026, 1, 1)))
    app.settle()
    counts = {
        dialog.table.item(r, 0).text(): int(dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert counts[NonPaymentReason.PRODUCT_DISPUTE.label()] == 1
    # A period that ends before it starts is refused with a message, not a traceback.
    dialog.end.setDate(to_qdate(date(2025, 12, 1)))
    app.settle()
    assert dialog.table.rowCount() == 0
    assert "termina antes" in dialog.message.text()
