from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.receivables.rep_radar import RepRadar, RepRadarService
from cobranza_desktop.ui.dialogs.contact_log_dialog import ContactFormValues, ContactLogDialog
from cobranza_desktop.ui.pages.today_page import TodayPage
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def _built(
    qtbot: QtBot, env: Env, runner: TaskRunner, radar: RepRadarService | None = None
) -> TodayPage:
    """The page as the window builds it, its first reads queued."""
    page = TodayPage(
        env.agenda,
        env.contacts,
        env.clock,
        runner,
        compose=lambda *_: None,
        rep_radar=radar or RepRadarService(env.book, env.clock),
        receipts=ReceiptService(env.book, env.clock),
    )
    qtbot.addWidget(page)
    return page


def _page(qtbot: QtBot, env: Env, runner: TaskRunner) -> TodayPage:
    page = _built(qtbot, env, runner)
    assert runner.wait_idle(30)
    return page


def _refresh(page: TodayPage, runner: TaskRunner) -> None:
    page.refresh()
    assert runner.wait_idle(30)


def _save(dialog: ContactLogDialog, runner: TaskRunner) -> None:
    dialog.save()
    assert runner.wait_idle(30)


def test_today_lists_actions_in_priority_order_and_empty_state(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    page = _page(qtbot, env, runner)
    assert page.stack.currentWidget() is page.empty
    assert not page.done_button.isEnabled()
    small = env.customer("Ana Ñúñez")
    big = env.customer("Beto <Ferretería> & Cía")
    env.invoice(small, "100.00", START - timedelta(days=30), START)
    env.invoice(big, "5000.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=2))
    _refresh(page, runner)
    assert page.stack.currentWidget() is page.table
    assert page.model.rowCount() == 2
    assert page.model.index(0, 1).data() == "Beto <Ferretería> & Cía"
    assert page.model.index(0, 4).data() == "$5,000.00"
    assert page.model.index(0, 2).data() == "Llamar y preguntar el motivo"
    assert "2 acciones para hoy" in page.summary.text()
    assert page.selected() is not None and page.done_button.isEnabled()


def test_done_logs_contact_and_promise_through_the_dialog(
    qtbot: QtBot, env: Env, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = env.customer("Ana")
    env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    page = _page(qtbot, env, runner)
    seen: list[ContactLogDialog] = []

    def fake_exec(dialog: ContactLogDialog) -> int:
        seen.append(dialog)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("promise"))
        assert dialog.promise_amount.isVisibleTo(dialog)
        dialog.promise_amount.setText("abc")
        _save(dialog, runner)  # a bad amount: the error shows and the dialog stays open
        assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
        dialog.promise_amount.setText("700.00")
        dialog.reason.setCurrentIndex(dialog.reason.findData("no_funds"))
        _save(dialog, runner)
        return dialog.result()

    monkeypatch.setattr(ContactLogDialog, "exec", fake_exec)
    page.done()
    assert runner.wait_idle(30)  # the write's data_changed recomputes the agenda
    assert seen and seen[0].channel.currentData() == Channel.PHONE.value
    assert page.stack.currentWidget() is page.empty
    (contact,) = env.contacts.timeline(cid)
    assert contact.outcome is Outcome.PROMISE and contact.promise_id is not None
    assert contact.reason is not None and contact.reason.value == "no_funds"


def test_skip_asks_reason_and_waiting_actions_need_override(
    qtbot: QtBot, env: Env, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = env.customer("Ana")
    b = env.customer("Beto")
    env.invoice(a, "700.00", START - timedelta(days=30), START)
    env.invoice(b, "300.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    page = _page(qtbot, env, runner)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("Ya pagó en efectivo", True))
    page.skip()
    assert runner.wait_idle(30)
    assert page.model.rowCount() == 1 and page.model.items[0].customer_id == b

    def log_free_contact(dialog: ContactLogDialog) -> int:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("no_answer"))
        _save(dialog, runner)
        return dialog.result()

    monkeypatch.setattr(ContactLogDialog, "exec", log_free_contact)
    page.log_contact()  # Beto is contacted: he is now at his cap for today
    assert runner.wait_idle(30)
    assert page.model.rowCount() == 0 and page.stack.currentWidget() is page.empty
    page.show_waiting.setChecked(True)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 6).data().startswith("Espera:")

    def done_with_override(dialog: ContactLogDialog) -> int:
        assert dialog.override.isVisibleTo(dialog)
        _save(dialog, runner)  # without a reason: refused
        assert "motivo" in dialog.error.text()
        dialog.override.setText("Pidió que le llamáramos en la tarde")
        _save(dialog, runner)
        return dialog.result()

    monkeypatch.setattr(ContactLogDialog, "exec", done_with_override)
    page.done()
    assert runner.wait_idle(30)
    assert len(env.contacts.timeline(b)) == 2


def test_contact_dialog_values(qtbot: QtBot, runner: TaskRunner) -> None:
    got: list[ContactFormValues] = []
    changes = OpChanges.of(Kind.CONTACTS, customers=[1])
    dialog = ContactLogDialog("Ana", START, got.append, runner, changes, channel=Channel.WHATSAPP)
    qtbot.addWidget(dialog)
    assert not dialog.promise_amount.isVisibleTo(dialog)
    dialog.has_next.setChecked(True)
    dialog.notes.setPlainText("  Dijo que el viernes  ")
    _save(dialog, runner)
    (values,) = got
    assert values.channel is Channel.WHATSAPP and values.outcome is Outcome.CONTACTED
    assert values.notes == "Dijo que el viernes"
    assert values.next_action_date == START + timedelta(days=3)
    assert values.promise_amount is None and values.override_reason is None


def test_page_runs_on_the_window_task_runner(qtbot: QtBot, env: Env, runner: TaskRunner) -> None:
    cid = env.customer("Ana")
    env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    page = _page(qtbot, env, runner)
    assert page.model.rowCount() == 1
    assert page.model.items[0].stage == "phone_reminder"


def test_the_agenda_is_computed_again_only_after_writes_that_concern_it(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    cid = env.customer("Ana")
    env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    page = _page(qtbot, env, runner)
    loaded: list[object] = []
    original = page._loaded
    page._loaded = lambda agenda: (loaded.append(agenda), original(agenda))  # type: ignore[method-assign]
    runner.data_changed.emit(OpChanges.of(Kind.MESSAGES, customers=[cid]))
    assert runner.wait_idle(30)
    assert loaded == []  # an outbox message is not part of the agenda
    runner.data_changed.emit(OpChanges.of(Kind.PAYMENTS, customers=[cid]))
    assert runner.wait_idle(30)
    assert len(loaded) == 1


def test_on_sunday_the_empty_state_says_actions_wait_instead_of_all_clear(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    page = _page(qtbot, env, runner)
    ana = env.customer("Ana Pérez")
    env.invoice(ana, "100.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=6))  # the Sunday after a Monday due date
    _refresh(page, runner)
    assert page.stack.currentWidget() is page.empty
    assert "o el domingo: 1." in page.empty.text()
    assert "Todo está al día" not in page.empty.text()


def test_double_click_asks_for_the_customers_file_and_tooltip_has_the_whole_action(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    from PySide6.QtCore import Qt

    cid = env.customer("Ferretería Castañeda S.A. de C.V.")
    env.invoice(cid, "900.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=2))
    page = _page(qtbot, env, runner)
    page.show()
    index = page.model.index(0, 2)
    tooltip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(page.model.index(0, 2).data())
    rect = page.table.visualRect(index)
    # Qt 6 needs the press before the double-click to see it as one.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.customer_requested, timeout=5000) as blocker:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [cid]


def _receipt_task(qtbot: QtBot, env: Env, runner: TaskRunner, name: str) -> tuple[TodayPage, int]:
    """A customer with an invoice issued two days ago: Today asks whether it arrived."""
    cid = env.customer(name)
    inv = env.invoice(cid, "1160.00", START, START + timedelta(days=30))
    env.go(START + timedelta(days=2))
    page = _page(qtbot, env, runner)
    page.show()
    (item,) = page.model.items
    assert item.stage == "confirm_receipt" and item.invoice_ids == (inv,)
    page.table.selectRow(0)
    return page, inv


def test_received_button_answers_a_confirm_receipt_task(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    page, inv = _receipt_task(qtbot, env, runner, "Abarrotes Doña Lupe")
    item_customer = page.model.items[0].customer_id
    assert page.received_button.isVisible() and page.wrong_button.isVisible()
    qtbot.mouseClick(page.received_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(30)
    receipt = ReceiptService(env.book, env.clock).get(inv)
    assert receipt.receipt_status == "received" and not receipt.needs_correction
    assert "recibida" in page.message.text()
    # Asked once per invoice: the task is gone, and with it the buttons.
    assert page.model.rowCount() == 0 and not page.received_button.isVisible()
    (contact,) = env.contacts.timeline(item_customer)
    assert "Recibió la factura" in contact.notes


def test_wrong_button_flags_the_invoice_and_pauses_it(
    qtbot: QtBot, env: Env, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, inv = _receipt_task(qtbot, env, runner, "Ferretería López")
    answers = iter([("", True), ("El RFC está mal", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: next(answers))
    qtbot.mouseClick(page.wrong_button, Qt.MouseButton.LeftButton)  # empty: refused
    assert runner.wait_idle(30)
    assert "qué datos" in page.message.text()
    assert ReceiptService(env.book, env.clock).get(inv).receipt_status == ""
    qtbot.mouseClick(page.wrong_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(30)
    receipt = ReceiptService(env.book, env.clock).get(inv)
    assert receipt.receipt_status == "wrong" and receipt.needs_correction
    assert receipt.correction_note == "El RFC está mal"
    assert "pausa" in page.message.text() and page.model.rowCount() == 0


def test_receipt_buttons_only_on_a_confirm_receipt_task(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    cid = env.customer("Ana")
    env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    page = _page(qtbot, env, runner)
    page.show()
    (item,) = page.model.items
    assert item.stage != "confirm_receipt"
    assert not page.received_button.isVisible() and not page.wrong_button.isVisible()


class _HeldRadar(RepRadarService):
    """The real radar, held on its reader until released: a big book's slow radar."""

    def __init__(self, env: Env) -> None:
        super().__init__(env.book, env.clock)
        self.started = threading.Event()
        self.release = threading.Event()
        self.threads: set[str] = set()

    def radar(self, as_of: date | None = None, limit: int | None = None) -> RepRadar:
        self.threads.add(threading.current_thread().name)
        self.started.set()
        self.release.wait(60)  # set by the test (a bound, should the test fail first)
        return super().radar(as_of, limit)


def test_a_write_refreshes_the_agenda_while_the_radar_still_runs(
    qtbot: QtBot, env: Env, runner: TaskRunner
) -> None:
    """The REP radar takes seconds on a big book: after a payment, Today's agenda comes
    back first, not queued behind it (the radar reads on a reader of its own)."""
    cid = env.customer("Ana")
    env.invoice(cid, "700.00", START - timedelta(days=30), START)
    env.go(START + timedelta(days=1))
    radar = _HeldRadar(env)
    try:
        page = _built(qtbot, env, runner, radar)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1 and radar.started.is_set())
        before = page.model.items[0].amount_due
        with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
            runner.write(
                lambda _ctx: env.pay(cid, "100.00"), OpChanges.of(Kind.PAYMENTS, customers=[cid])
            ).run()
        # The agenda after the payment is on screen; the radar has not answered yet.
        assert page.model.items[0].amount_due == before - 100
        assert page.rep_panel.current is None and not radar.release.is_set()
    finally:
        radar.release.set()
    qtbot.waitUntil(lambda: page.rep_panel.current is not None)
    assert runner.wait_idle(30)
    assert radar.threads == {"cobranza-db-reader-rep-radar"}
