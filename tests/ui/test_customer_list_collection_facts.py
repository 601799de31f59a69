"""The customer list shows each customer's risk rating and next action: today's action on
the agenda (or waiting on the contact policy), else the next follow-up date."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.contact_policy import Outcome
from cobranza_desktop.domain.customers import Channel, CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.tasks import OpChanges
from tests.ui.ui_support import OpenApp


def test_rating_and_next_follow_up_appear_and_follow_writes(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    services = app.services
    ana = services.customers.create(CustomerData(name="Ana Pérez"))
    beto = services.customers.create(CustomerData(name="Beto Ruiz"))
    caro = services.customers.create(CustomerData(name="Carolina Núñez"))
    line = make_line("Servicio", 1, "1000.00")
    services.invoices.issue(InvoiceDraft(ana.id, (line,), date(2026, 9, 1)))
    services.contacts.log(
        ContactInput(
            ana.id,
            Channel.PHONE,
            Outcome.NO_ANSWER,
            next_action_date=date(2026, 11, 25),
            contacted_at=datetime(2026, 11, 20, 11, 0),
        )
    )
    services.contacts.log(
        ContactInput(
            caro.id,
            Channel.PHONE,
            Outcome.CONTACTED,
            next_action_date=date(2026, 12, 3),
            contacted_at=datetime(2026, 11, 20, 12, 0),
        )
    )
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    app.controller.runner.data_changed.emit(
        OpChanges.everything()
    )  # the writes above bypassed the window
    page.list.model.refresh()
    app.settle()
    model = page.list.model
    risk = model.column_index("risk")
    follow_up = model.column_index("next_action")
    rows = {model.row_at(r).name: r for r in range(model.rowCount())}
    assert set(rows) == {"Ana Pérez", "Beto Ruiz", "Carolina Núñez"}
    rating = model.index(rows["Ana Pérez"], risk).data()
    assert rating[:1] in {"A", "B", "C", "D"} and " · " in rating
    # Overdue 52 days: the agenda's action, waiting because nobody is contacted on Sundays.
    agenda = services.agenda.agenda()
    (item,) = [i for i in agenda.deferred if i.customer_id == ana.id]
    cell = model.index(rows["Ana Pérez"], follow_up)
    assert cell.data() == f"{item.stage_label} (en espera)"
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert item.reason in tooltip and "domingo" in tooltip
    # Nothing owed, a follow-up agreed: its date.
    assert model.index(rows["Carolina Núñez"], follow_up).data() == "Seguimiento 03/12/2026"
    assert model.index(rows["Beto Ruiz"], follow_up).data() == ""
    assert beto.id != ana.id

    # Ana pays everything from the window's way in: her action leaves the list.
    from cobranza_desktop.services.receivables.payments import PaymentInput
    from cobranza_desktop.ui.tasks import Kind

    payments = services.payments
    app.runner.write(
        lambda _ctx: payments.record(PaymentInput(ana.id, "1160.00", date(2026, 11, 21))),
        OpChanges.of(Kind.PAYMENTS, customers=[ana.id]),
    ).run()
    app.settle()
    waiting = f"{item.stage_label} (en espera)"
    qtbot.waitUntil(lambda: model.index(rows["Ana Pérez"], follow_up).data() != waiting)
    assert model.index(rows["Ana Pérez"], follow_up).data() == "Seguimiento 25/11/2026"
