"""The payment dialog says which row is over-applied, by the domain's allocation rule."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.ui.dialogs.payment_dialog import APPLY, ERROR_BRUSH, PaymentDialog
from tests.ui.ui_support import TODAY, OpenApp


def test_the_over_applied_row_is_marked_even_after_an_empty_one(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    s = app.services
    cid = s.customers.create(CustomerData(name="Ferretería Río", phone="55 1234 5678")).id
    for days, price in ((60, "100"), (40, "200")):
        due = TODAY - timedelta(days=days - 30)
        line = make_line("Material", "1", price, "0", "0")
        s.invoices.issue(
            InvoiceDraft(cid, (line,), issue_date=due - timedelta(days=30), due_date=due)
        )
    app.commands.record_payment(app.window, cid)
    dialog = app.last_dialog
    assert isinstance(dialog, PaymentDialog)
    app.settle()
    qtbot.keyClicks(dialog.amount, "1000")
    dialog.set_applied(0, "")  # nothing to the first invoice
    dialog.set_applied(1, "250")  # the second owes 200.00
    assert not dialog.save_button.isEnabled()
    assert "solo debe" in dialog.error_label.text()
    second, first = dialog.table.item(1, APPLY), dialog.table.item(0, APPLY)
    assert second is not None and first is not None
    assert second.background() == ERROR_BRUSH and first.background() != ERROR_BRUSH
    dialog.set_applied(1, "200")
    assert dialog.save_button.isEnabled()
    dialog.save()
    app.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (payment,) = s.payments.for_customer(cid)
    # 100 + 200 owed, 1,000 paid: what is not applied stays as the customer's credit.
    assert payment.amount == 1000 and s.customers.balance(cid).balance == 300 - 1000
