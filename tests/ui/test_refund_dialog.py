"""The refund dialog, driven as a user would: no date before the customer had credit, and
a date before the whole amount came in is refused on the date field, nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.dialogs.refund_dialog import RefundDialog
from cobranza_desktop.ui.widgets.forms import from_qdate, to_qdate
from tests.ui.ui_support import OpenApp

FIRST, SECOND = date(2026, 11, 1), date(2026, 11, 10)


def test_the_dialog_dates_a_refund_no_earlier_than_its_money(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    s = open_app.services
    made: list[int] = []

    def arrange(_ctx: object) -> None:
        ana = s.customers.create(CustomerData(name="Ana Gómez", phone="55 1234 5678"))
        for amount, day in (("200.00", FIRST), ("300.00", SECOND)):
            s.payments.record(PaymentInput(ana.id, amount, day, allocations=()))
        made.append(ana.id)

    open_app.runner.query(arrange).run()
    open_app.settle()
    dialog = RefundDialog(s.refunds, open_app.runner, made[0])
    qtbot.addWidget(dialog)
    dialog.show()
    open_app.settle()
    assert from_qdate(dialog.date.minimumDate()) == FIRST
    assert from_qdate(dialog.date.date()) == open_app.clock.today()
    dialog.date.setDate(to_qdate(date(2026, 10, 20)))  # before any credit: not offered
    assert from_qdate(dialog.date.date()) == FIRST

    dialog.amount.setText("500.00")
    dialog.reason.setText("Pagó de más")
    dialog.date.setDate(to_qdate(date(2026, 11, 5)))  # only the 200.00 was in by then
    dialog.save()
    open_app.settle()
    assert dialog.outcome is None and dialog.errors.current
    assert format_date(SECOND) in dialog.errors.current
    assert dialog.date.property("invalid") and not dialog.amount.property("invalid")
    listed: list[object] = []
    open_app.runner.query(lambda _ctx: listed.extend(s.refunds.list(made[0]))).run()
    open_app.settle()
    assert listed == []

    dialog.date.setDate(to_qdate(SECOND))
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.save()
    assert dialog.outcome is not None
    assert (dialog.outcome.amount, dialog.outcome.refund_date) == (Decimal("500.00"), SECOND)
