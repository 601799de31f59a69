"""The "Suscripciones" page, the new-subscription dialog and the billing run, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.billing.billing_run import BillingRunService
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput, SubscriptionService
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.storage.models import Invoice
from cobranza_desktop.ui.dialogs.billing_run_dialog import BillingRunDialog
from cobranza_desktop.ui.dialogs.subscription_actions import CancelSubscriptionDialog
from cobranza_desktop.ui.dialogs.subscription_dialog import SubscriptionDialog
from cobranza_desktop.ui.pages.subscriptions_page import SubscriptionsPage
from cobranza_desktop.ui.tasks import TaskRunner
from tests.factories import customer


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(date(2026, 5, 1))


@pytest.fixture
def search(ws: Workspace) -> Iterator[CustomerListService]:
    service = CustomerListService(ws.book, ws.clock)
    yield service
    service.close()


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=30_000)


def _invoices(ws: Workspace) -> int:
    with ws.book.session() as session:
        return int(session.scalar(select(func.count()).select_from(Invoice)) or 0)


def _gym(ws: Workspace) -> int:
    member = customer(ws, "Ana Gómez")
    return (
        SubscriptionService(ws.book, ws.clock)
        .create(
            SubscriptionInput(
                member.id, "Membresía gimnasio", "500.00", "monthly", 31, date(2026, 1, 31)
            )
        )
        .id
    )


def test_the_dialog_previews_12_periods_on_the_month_end_rule_and_creates(
    qtbot: QtBot, ws: Workspace, search: CustomerListService, runner: TaskRunner
) -> None:
    member = customer(ws, "Ana Gómez")
    subs = SubscriptionService(ws.book, ws.clock)
    dialog = SubscriptionDialog(subs, search, runner, ws.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.customer.set_customer(member.id, "Ana Gómez")
    dialog.description.setText("Membresía gimnasio")
    dialog.billing_day.setValue(31)
    dialog.start.setDate(QDate(2026, 1, 31))
    dialog.price.setText("abc")
    dialog.refresh_preview()
    _settle(qtbot, runner, lambda: dialog.errors.current is not None)
    assert dialog.price.property("invalid") is True  # refused on its field
    dialog.price.setText("500")
    dialog.refresh_preview()
    _settle(qtbot, runner, lambda: len(dialog.preview) == 12)
    days = [p.billing_date for p in dialog.preview[:4]]
    assert days == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    assert all(p.total == Decimal("580.00") for p in dialog.preview)  # IVA 16 %
    assert dialog.table.rowCount() == 12
    assert dialog.table.item(1, 2).text().endswith("580.00")
    dialog.save()
    _settle(qtbot, runner, lambda: dialog.created is not None)
    assert [v.description for v in subs.list()] == ["Membresía gimnasio"]


def test_the_billing_run_previews_then_issues_once(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner
) -> None:
    _gym(ws)
    dialog = BillingRunDialog(BillingRunService(ws.book, ws.clock), runner, ws.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, runner, lambda: dialog.plan is not None)
    assert dialog.plan is not None and dialog.plan.count == 4
    assert dialog.plan.total == Decimal("2320.00")
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "4"
    assert dialog.issue_button.isEnabled() and _invoices(ws) == 0
    dialog.issue()
    _settle(qtbot, runner, lambda: dialog.outcome is not None)
    assert dialog.outcome is not None and len(dialog.outcome.invoices) == 4
    assert _invoices(ws) == 4
    _settle(qtbot, runner, lambda: dialog.plan is not None and dialog.plan.count == 0)
    assert not dialog.issue_button.isEnabled()  # a second run has nothing to issue
    assert BillingRunService(ws.book, ws.clock).run(date(2026, 5, 1)).invoices == ()
    assert _invoices(ws) == 4


def test_the_page_lists_filters_and_cancelling_needs_a_reason(
    qtbot: QtBot, ws: Workspace, search: CustomerListService, runner: TaskRunner
) -> None:
    sub_id = _gym(ws)
    subs = SubscriptionService(ws.book, ws.clock)
    page = SubscriptionsPage(
        subs, BillingRunService(ws.book, ws.clock), ws.customers, search, runner, ws.clock
    )
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).customer_name == "Ana Gómez"
    assert page.model.row_at(0).next_billing == date(2026, 1, 31)  # nothing billed yet
    assert "580.00" in page.totals.text()  # the monthly recurring revenue
    page.search_edit.setText("zzz")
    assert page.model.rowCount() == 0
    page.search_edit.setText("ana")
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.cancel_button.isEnabled()

    sub = page.selected()
    assert sub is not None
    dialog = CancelSubscriptionDialog(subs, runner, ws.clock, sub, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()  # no reason
    _settle(qtbot, runner, lambda: dialog.errors.current is not None)
    assert dialog.reason.property("invalid") is True
    assert subs.get(sub_id).status == "active"
    dialog.reason.setText("Se mudó de ciudad")
    dialog.save()
    _settle(qtbot, runner, lambda: dialog.result() == 1)
    _settle(qtbot, runner, lambda: page.model.row_at(0).sub.status == "cancelled")
    assert page.model.row_at(0).next_billing is None
    assert not page.cancel_button.isEnabled()
    assert "0.00" in page.totals.text()


def test_the_sidebar_lists_suscripciones_after_planes_de_pago(qtbot: QtBot) -> None:
    from cobranza_desktop.ui.composition import build_pages

    def no_book() -> object:
        raise AssertionError("the navigation is built before the book opens")

    keys = [p.key for p in build_pages(no_book, "es", lambda _l: None)]  # type: ignore[arg-type]
    assert keys[keys.index("plans") + 1] == "subscriptions"
