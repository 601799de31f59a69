"""The "Planes de pago" page and the new-plan dialog, on a real book, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.plans import PlanStatus
from cobranza_desktop.services.collections.plans import PlanRequest
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.ui.dialogs.plan_dialog import PlanDialog
from cobranza_desktop.ui.pages import plans_page
from cobranza_desktop.ui.pages.plans_page import PlansPage
from cobranza_desktop.ui.tasks import OpChanges, TaskRunner
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


@pytest.fixture
def promises(env: Env) -> PromiseService:
    return PromiseService(env.book, env.clock)


def _page(qtbot: QtBot, env: Env, promises: PromiseService, runner: TaskRunner) -> PlansPage:
    page = PlansPage(env.plans, promises, runner, env.clock, env.customers)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    runner.wait_idle(30)
    return page


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=30_000)


def _debt(env: Env) -> tuple[int, int, int, int]:
    cid = env.customer("Abarrotes Doña Lupe")
    old = env.invoice(cid, "1000.00", START - timedelta(days=60), START - timedelta(days=30))
    late = env.invoice(cid, "500.00", START - timedelta(days=40), START - timedelta(days=10))
    new = env.invoice(cid, "250.00", START, START + timedelta(days=20))
    return cid, old, late, new


def _open_dialog(qtbot: QtBot, env: Env, runner: TaskRunner, cid: int) -> PlanDialog:
    dialog = PlanDialog(env.plans, env.customers, runner, env.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.customer.set_customer(cid, "Abarrotes Doña Lupe")
    _settle(qtbot, runner, lambda: dialog.invoice_table.rowCount() == 3)
    return dialog


def _wait_preview(qtbot: QtBot, dialog: PlanDialog, runner: TaskRunner) -> None:
    dialog.refresh_preview()
    _settle(qtbot, runner, lambda: True)


def test_empty_state_then_a_plan_created_in_the_dialog_is_listed_with_its_schedule(
    qtbot: QtBot,
    env: Env,
    promises: PromiseService,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid, old, late, new = _debt(env)
    page = _page(qtbot, env, promises, runner)
    _settle(qtbot, runner, lambda: page.stack.currentWidget() is page.empty)
    assert "Aún no hay planes de pago" in page.empty.text_label.text()
    assert not page.pdf_button.isEnabled() and not page.cancel_button.isEnabled()

    seen: list[PlanDialog] = []

    def fake_exec(dialog: PlanDialog) -> int:
        seen.append(dialog)
        dialog.customer.set_customer(cid, "Abarrotes Doña Lupe")
        _settle(qtbot, runner, lambda: dialog.invoice_table.rowCount() == 3)
        # the overdue invoices are chosen by default, the one not yet due is not
        assert dialog.selected_invoice_ids() == (old, late)
        dialog.instalments.setValue(4)
        dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
        dialog.down_payment.setText("300.00")
        dialog.interest.setText("2")
        _wait_preview(qtbot, dialog, runner)
        assert dialog.preview is not None and not dialog.error.isVisibleTo(dialog)
        schedule = dialog.preview.schedule
        # 1,500 - 300 = 1,200 financed, +2 % = 1,224 in 4 payments of 306
        amounts = [dialog.schedule_table.item(r, 2).text() for r in range(5)]
        assert amounts == ["$300.00", "$306.00", "$306.00", "$306.00", "$306.00"]
        assert sum(i.amount for i in schedule.instalments) == schedule.total == Decimal("1524.00")
        assert dialog.schedule_table.item(0, 0).text() == "Enganche"
        assert "Total a pagar: $1,524.00" in dialog.totals.text()
        dialog.save()
        _settle(qtbot, runner, lambda: dialog.result() != 0)
        return dialog.result()

    monkeypatch.setattr(PlanDialog, "exec", fake_exec)
    page.new_button.click()
    assert seen and seen[0].created is not None
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.stack.currentWidget() is page.splitter
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row == [
        "CONV-0001",
        "Abarrotes Doña Lupe",
        "02/03/2026",
        "4 · Semanal",
        "$1,524.00",
        "$0.00",
        "02/03/2026",
        "$300.00",
        "Vigente",
    ]
    assert page.schedule_model.rowCount() == 5
    assert page.schedule_model.index(1, 1).data() == "09/03/2026"
    assert page.schedule_model.index(4, 2).data() == "$306.00"
    assert page.pdf_button.isEnabled() and page.cancel_button.isEnabled()
    (plan,) = env.plans.list_plans()
    assert set(plan.invoice_ids) == {old, late} and new not in plan.invoice_ids

    # a payment moves "paid so far" and the next instalment after the refresh
    env.pay(cid, "300.00")
    runner.data_changed.emit(OpChanges.everything())
    _settle(qtbot, runner, lambda: page.model.index(0, 5).data() == "$300.00")
    assert page.model.index(0, 6).data() == "09/03/2026"
    assert page.model.index(0, 7).data() == "$306.00"


def test_bad_input_shows_in_red_and_writes_nothing(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    cid, _old, _late, _new = _debt(env)
    dialog = _open_dialog(qtbot, env, runner, cid)

    dialog.instalments.setValue(0)
    _wait_preview(qtbot, dialog, runner)
    assert dialog.error.isVisibleTo(dialog)
    assert "número de pagos" in dialog.error.text()
    assert dialog.instalments.property("invalid") is True
    assert dialog.preview is None and dialog.schedule_table.rowCount() == 0
    dialog.save()
    _settle(qtbot, runner, lambda: dialog.create_button.isEnabled())
    assert dialog.result() == 0 and "número de pagos" in dialog.error.text()

    dialog.instalments.setValue(3)
    _wait_preview(qtbot, dialog, runner)
    assert not dialog.error.isVisibleTo(dialog) and dialog.preview is not None
    assert dialog.instalments.property("invalid") is False

    dialog.down_payment.setText("2000.00")  # the debt is 1,500.00
    _wait_preview(qtbot, dialog, runner)
    assert "enganche debe ser menor que la deuda" in dialog.error.text()
    assert dialog.down_payment.property("invalid") is True
    dialog.save()
    _settle(qtbot, runner, lambda: dialog.create_button.isEnabled())
    assert dialog.result() == 0

    dialog.down_payment.setText("abc")
    _wait_preview(qtbot, dialog, runner)
    assert dialog.error.isVisibleTo(dialog) and dialog.down_payment.property("invalid") is True
    assert "Traceback" not in dialog.error.text()

    dialog.down_payment.clear()
    for row in range(dialog.invoice_table.rowCount()):
        dialog.invoice_table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert "al menos una factura" in dialog.error.text()
    assert dialog.invoice_table.property("invalid") is True
    _settle(qtbot, runner, lambda: True)
    assert env.plans.list_plans() == []


def test_no_customer_is_an_inline_error(qtbot: QtBot, env: Env, runner: TaskRunner) -> None:
    dialog = PlanDialog(env.plans, env.customers, runner, env.clock)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.text() == "Elija un cliente."
    assert dialog.customer.property("invalid") is True
    assert env.plans.list_plans() == []


def test_filter_cancel_pdf_and_promises(
    qtbot: QtBot,
    env: Env,
    promises: PromiseService,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid, old, late, _new = _debt(env)
    other = env.customer("Ferretería El Clavo")
    debt = env.invoice(other, "800.00", START - timedelta(days=50), START - timedelta(days=20))
    env.plans.create(PlanRequest(cid, (old, late), 3, "monthly", START + timedelta(days=7)))
    second = env.plans.create(PlanRequest(other, (debt,), 2, "fortnightly", START))
    promises.add(cid, "200.00", START + timedelta(days=3))
    page = _page(qtbot, env, promises, runner)
    _settle(qtbot, runner, lambda: page.model.rowCount() == 2)
    assert page.model.index(0, 1).data() == "Ferretería El Clavo"  # newest first
    assert page.model.index(0, 3).data() == "2 · Quincenal"

    # the PDF to sign is rendered by the service through the runner
    rendered: list[bytes] = []

    def fake_preview(
        parent: QWidget, title: str, render: Callable[[], bytes], r: TaskRunner, **kw: str
    ) -> None:
        # as the real preview does: the rendering runs on the database worker
        r.query(lambda _ctx: render()).success(rendered.append).run()
        assert title == "Plan de pagos CONV-0002"

    monkeypatch.setattr(plans_page, "preview_pdf", fake_preview)
    page.table.selectRow(0)
    page.pdf_button.click()
    assert runner.wait_idle(30)
    assert rendered and rendered[0].startswith(b"%PDF")

    # cancelling asks a reason; an empty one is refused with a message, nothing changes
    answers = iter([("", True), ("El cliente pagará de contado", True)])
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda *a, **k: next(answers),
    )
    warnings: list[str] = []
    monkeypatch.setattr(plans_page.QMessageBox, "warning", lambda _p, _t, m: warnings.append(m))
    page.cancel_plan()
    _settle(qtbot, runner, lambda: bool(warnings))
    assert "motivo" in warnings[0]
    assert env.plans.get(second.id).status is PlanStatus.CURRENT
    page.cancel_plan()
    _settle(qtbot, runner, lambda: page.model.index(0, 8).data() == "Cancelado")
    assert env.plans.get(second.id).status is PlanStatus.CANCELLED
    assert page.model.index(0, 6).data() == "—"
    assert not page.cancel_button.isEnabled()

    page.status.setCurrentIndex(page.status.findData("current"))
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 1).data() == "Abarrotes Doña Lupe"
    page.status.setCurrentIndex(page.status.findData("broken"))
    _settle(qtbot, runner, lambda: page.model.rowCount() == 0)
    assert page.stack.currentWidget() is page.splitter
    assert page.status_line.text() == "No hay planes con este estado."

    # promises: those of the chosen customer, with their state
    page.tabs.setCurrentIndex(1)
    page.promise_customer.set_customer(cid, "Abarrotes Doña Lupe")
    _settle(qtbot, runner, lambda: page.promise_model.rowCount() == 1)
    values = [page.promise_model.index(0, c).data() for c in range(6)]
    assert values == [
        "Abarrotes Doña Lupe",
        "$200.00",
        "05/03/2026",
        "02/03/2026",
        "$0.00",
        "Pendiente",
    ]
    env.go(START + timedelta(days=4))
    runner.data_changed.emit(OpChanges.everything())
    _settle(qtbot, runner, lambda: page.promise_model.index(0, 5).data() == "Incumplida")
