"""The penalty settings page and the apply-penalties dialog, driven with qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import LineInput
from cobranza_desktop.domain.penalties import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.billing.invoices import InvoiceDraft, InvoiceService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.storage.database import Book, open_book
from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog
from cobranza_desktop.ui.pages.penalty_settings import PenaltySettingsPage
from cobranza_desktop.ui.tasks import TaskRunner

D = Decimal
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    book = open_book(
        tmp_path / "book.sqlite", create=True, now=FixedClock.on(date(2026, 1, 1)).now()
    )
    try:
        yield book
    finally:
        book.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(date(2026, 2, 13))


def _customer_with_invoice(
    book: Book, clock: FixedClock, name: str, amount: str, *, signed: bool = True
) -> int:
    customer = CustomerService(book, clock).create(CustomerData(name=name)).id
    if signed:  # signed the credit terms: the dialog ticks their charges
        CreditTermsService(book, clock).mark_signed(customer, date(2026, 1, 1))
    InvoiceService(book, clock).issue(
        InvoiceDraft(
            customer_id=customer,
            lines=(LineInput("Servicio", D(1), D(amount), D(0), D(0)),),
            issue_date=date(2026, 1, 1),
            due_date=date(2026, 1, 31),
        )
    )
    return customer


def _shot(widget: object, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_settings_page_validates_inline_and_saves(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    page = PenaltySettingsPage(service, runner=runner)
    qtbot.addWidget(page)
    page.show()
    assert runner.wait_idle(30)
    assert page.preset.currentData() == "none"
    assert not page.fixed_fee.isEnabled()

    page.preset.setCurrentIndex(page.preset.findData("custom"))
    assert page.fixed_fee.isEnabled()
    page.fixed_fee.setText("abc")
    assert page.errors["fixed_fee"].isVisibleTo(page)
    assert "abc" in page.errors["fixed_fee"].text()
    assert not page.save_button.isEnabled()

    page.fixed_fee.setText("150")
    page.percent_fee.setText("2")
    page.grace_days.setValue(3)
    page.annual_rate.setText("36")
    page.day_basis.setCurrentIndex(page.day_basis.findData(360))
    assert not page.errors["fixed_fee"].isVisibleTo(page)
    assert page.save_button.isEnabled()
    # 10,000 with 30 days late, grace 3: fee 150 + 2 % = 350.00; interest 27 days × 10.00 = 270.00
    assert "$620.00" in page.example.text()

    page.has_cap.setChecked(True)
    assert not page.save_button.isEnabled()
    assert page.errors["cap_percent"].isVisibleTo(page)
    page.cap_percent.setText("25")
    _shot(page, "penalty_settings.png")

    with qtbot.waitSignal(page.saved, timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert service.business_policy() == PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM,
        grace_days=3,
        fixed_fee=D("150.00"),
        percent_fee=D("2"),
        annual_rate_percent=D("36"),
        day_basis=360,
        cap_percent=D("25"),
    )


def test_settings_page_stage_errors(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    page = PenaltySettingsPage(PenaltyService(book, clock), runner=runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    page.preset.setCurrentIndex(page.preset.findData("custom"))
    page.fixed_fee.setText("100")
    page.fee_mode.setCurrentIndex(page.fee_mode.findData("per_stage"))
    assert page.stage_days.isEnabled()
    page.stage_days.setText("60, treinta")
    assert page.errors["stage_days"].isVisibleTo(page)
    page.stage_days.setText("60, 30")
    assert "creciente" in page.errors["stage_days"].text()
    page.stage_days.setText("30, 60")
    assert page.save_button.isEnabled()


def test_legal_preset_fills_and_locks_the_fields(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    page = PenaltySettingsPage(PenaltyService(book, clock), runner=runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    page.preset.setCurrentIndex(page.preset.findData("legal"))
    assert page.annual_rate.text() == "6"
    assert not page.annual_rate.isEnabled()
    # 10,000 × 6 % × 30 / 365 = 49.315… → 49.32
    assert "$49.32" in page.example.text()


def test_customer_terms_override_and_back(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    customer = _customer_with_invoice(book, clock, "Ana", "100.00")
    page = PenaltySettingsPage(service, customer_id=customer, runner=runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    assert page.use_business.isChecked()
    assert not page.preset.isEnabled()
    page.use_business.setChecked(False)
    page.preset.setCurrentIndex(page.preset.findData("custom"))
    page.annual_rate.setText("24")
    page.save()
    assert runner.wait_idle(30)
    assert service.customer_policy(customer) == PenaltyPolicy(
        preset=PenaltyPreset.CUSTOM, annual_rate_percent=D("24")
    )
    page.use_business.setChecked(True)
    assert page.annual_rate.text() == "6"
    page.save()
    assert runner.wait_idle(30)
    assert service.customer_policy(customer) is None


def test_apply_dialog_previews_then_applies_only_the_ticked(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    service.set_business_policy(
        PenaltyPolicy(
            preset=PenaltyPreset.CUSTOM,
            grace_days=3,
            fixed_fee=D("150.00"),
            percent_fee=D("2"),
            annual_rate_percent=D("36"),
            day_basis=360,
        )
    )
    _customer_with_invoice(book, clock, "Ana López", "8000.00")
    _customer_with_invoice(book, clock, "Beto Ruiz", "1000.00")
    dialog = ApplyPenaltiesDialog(service, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert runner.wait_idle(30)
    # Ana: fee 150 + 2 % × 8,000 = 310.00; interest 04/02..13/02 = 10 × 8.00 = 80.00
    # Beto: fee 150 + 2 % × 1,000 = 170.00; interest 10 × 1.00 = 10.00
    assert dialog.model.rowCount() == 4
    assert dialog.selected_total() == D("570.00")
    assert "$570.00" in dialog.summary.text()
    assert service.charges() == []  # nothing written by the preview
    _shot(dialog, "apply_penalties.png")

    # Untick Beto's fee (row 2), then apply the rest.
    index = dialog.model.index(2, 0)
    assert "Beto" in dialog.model.data(dialog.model.index(2, 1))
    dialog.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.selected_total() == D("400.00")
    with qtbot.waitSignal(dialog.applied, timeout=30_000) as signal:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(30)
    assert signal.args[0].total == D("400.00")
    assert sum(c.amount for c in service.charges()) == D("400.00")
    # Only Beto's fee is left to charge; applying again changes nothing else.
    assert dialog.model.rowCount() == 1
    assert "$170.00" in dialog.summary.text()
    assert "400.00" in dialog.message.text()


def test_apply_dialog_empty_state_and_earlier_date(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    _customer_with_invoice(book, clock, "Ana", "36500.00")
    dialog = ApplyPenaltiesDialog(service, runner=runner)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(30)
    # 36,500 × 6 % / 365 = 6.00 a day; 01/02..13/02 = 13 days = 78.00
    assert dialog.selected_total() == D("78.00")
    dialog.as_of.setDate(QDate(2026, 1, 31))
    assert runner.wait_idle(30)
    assert dialog.model.rowCount() == 0
    assert dialog.stack.currentWidget() is dialog.empty
    assert not dialog.apply_button.isEnabled()
    dialog.as_of.setDate(QDate(2026, 2, 1))
    assert runner.wait_idle(30)
    assert dialog.selected_total() == D("6.00")
    assert dialog.as_of.maximumDate() == QDate(2026, 2, 13)


def test_customer_panel_shows_terms_accrued_and_waives(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    from cobranza_desktop.ui.pages.customer_penalties import CustomerPenaltiesPanel

    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    ana = _customer_with_invoice(book, clock, "Ana", "36500.00")
    reasons: list[str | None] = ["", "Acuerdo de pago"]
    panel = CustomerPenaltiesPanel(
        service, ana, runner=runner, reason_prompt=lambda _parent, _charge: reasons.pop(0)
    )
    qtbot.addWidget(panel)
    assert runner.wait_idle(30)
    panel.resize(820, 300)
    panel.show()
    assert "6% anual" in panel.terms.text() and "política del negocio" in panel.terms.text()
    # Nothing charged yet: 13 days × 6.00 = 78.00 accrued and pending.
    assert "Penalizaciones a la fecha: $78.00" in panel.figures.text()
    assert panel.empty.isVisible() and not panel.table.isVisible()

    service.apply()
    panel.refresh()
    assert runner.wait_idle(30)
    assert panel.model.rowCount() == 1
    assert not panel.waive_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.waive_button.isEnabled()
    _shot(panel, "customer_penalties.png")

    # An empty reason is refused with a message; nothing changes.
    panel.waive_selected()
    assert runner.wait_idle(30)
    assert "motivo" in panel.message.text()
    assert not service.charges()[0].waived
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.waive_selected()
    assert runner.wait_idle(30)
    assert service.charges()[0].waive_reason == "Acuerdo de pago"
    assert "condonadas $78.00" in panel.figures.text()
    assert "Condonado: Acuerdo de pago" in panel.model.data(panel.model.index(0, 6))


def test_widgets_run_their_calls_on_the_task_runner(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    from cobranza_desktop.ui.pages.customer_penalties import CustomerPenaltiesPanel

    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    ana = _customer_with_invoice(book, clock, "Ana", "36500.00")

    page = PenaltySettingsPage(service, runner=runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    assert page.preset.currentData() == "legal"
    page.preset.setCurrentIndex(page.preset.findData("custom"))
    page.annual_rate.setText("12")
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save()
    assert runner.wait_idle(30)
    assert service.business_policy().annual_rate_percent == D("12")

    dialog = ApplyPenaltiesDialog(service, runner=runner)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(30)
    # 36,500 × 12 % × 13 / 365 = 156.00
    assert dialog.selected_total() == D("156.00")
    assert dialog.as_of.date() == QDate(2026, 2, 13)
    with qtbot.waitSignal(dialog.applied, timeout=30_000):
        dialog.apply()
    assert runner.wait_idle(30)
    assert dialog.model.rowCount() == 0
    assert not dialog.progress.isVisible()

    panel = CustomerPenaltiesPanel(
        service, ana, runner=runner, reason_prompt=lambda _p, _c: "Buen cliente"
    )
    qtbot.addWidget(panel)
    assert runner.wait_idle(30)
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.waive_selected()
    assert runner.wait_idle(30)
    assert service.charges()[0].waive_reason == "Buen cliente"
    assert "condonadas $156.00" in panel.figures.text()


def test_cancelling_an_apply_leaves_the_list_truthful(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    _customer_with_invoice(book, clock, "Ana", "36500.00")
    dialog = ApplyPenaltiesDialog(service, runner=runner)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(30)
    dialog.apply()
    assert dialog.cancel_button.isVisibleTo(dialog)
    dialog.cancel_apply()
    assert runner.wait_idle(30)
    # Whether the worker had finished or not, the list and the book agree.
    assert dialog.model.rowCount() == (0 if service.charges() else 1)
    assert "cancelar" in dialog.message.text()


def test_correcting_a_charge_frees_its_period_for_the_next_apply(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
    from cobranza_desktop.ui.pages.customer_penalties import CustomerPenaltiesPanel

    service = PenaltyService(book, clock)
    service.set_business_policy(PenaltyPolicy.legal())
    ana = _customer_with_invoice(book, clock, "Ana", "36500.00")
    (wrong,) = service.apply().charges  # 13 days on 36,500.00 at 6 % = 78.00
    # Half was paid on 06/02 and is typed only now: the charge was too high.
    PaymentService(book, clock).record(PaymentInput(ana, "18250.00", date(2026, 2, 6)))
    panel = CustomerPenaltiesPanel(
        service, ana, runner=runner, reason_prompt=lambda _p, _c: "Pago registrado tarde"
    )
    qtbot.addWidget(panel)
    assert runner.wait_idle(30)
    panel.table.selectRow(0)
    assert panel.correct_button.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.correct_button.click()
    assert runner.wait_idle(30)
    assert service.charges()[0].waived
    # 6 days on 36,500.00 + 7 days on 18,250.00 at 6 % a year = 36.00 + 21.00 = 57.00
    assert service.apply().total == D("57.00") < wrong.amount
    _shot(panel, "penalties-correct.png")


def test_the_business_chooses_from_which_date_an_extension_charges(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    from cobranza_desktop.domain.extensions import ExtensionCharges

    service = PenaltyService(book, clock)
    page = PenaltySettingsPage(service, runner=runner)
    qtbot.addWidget(page)
    assert runner.wait_idle(30)
    assert page.extension_rule.currentData() == ExtensionCharges.FROM_NEW_DATE.value
    page.preset.setCurrentIndex(page.preset.findData("legal"))
    page.extension_rule.setCurrentIndex(
        page.extension_rule.findData(ExtensionCharges.FROM_ORIGINAL_DATE.value)
    )
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save()
    assert runner.wait_idle(30)
    assert service.extension_rule() is ExtensionCharges.FROM_ORIGINAL_DATE
    _shot(page, "penalty-settings-extension.png")


def test_customers_without_signed_terms_are_listed_and_need_a_reason(
    qtbot: QtBot, book: Book, clock: FixedClock, runner: TaskRunner
) -> None:
    service = PenaltyService(book, clock)
    service.set_business_policy(
        PenaltyPolicy(preset=PenaltyPreset.CUSTOM, annual_rate_percent=D("12"))
    )
    _customer_with_invoice(book, clock, "Ana", "36500.00")
    beto = _customer_with_invoice(book, clock, "Beto", "36500.00", signed=False)
    dialog = ApplyPenaltiesDialog(service, runner=runner)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(30)
    assert dialog.unsigned_box.isVisibleTo(dialog)
    assert "Beto" in dialog.unsigned_label.text() and "Ana" not in dialog.unsigned_label.text()
    # Only Ana's charge is ticked: 36,500 × 12 % × 13 / 365 = 156.00.
    assert dialog.selected_total() == D("156.00")
    dialog.legal_rate.setChecked(True)  # Beto: only the legal 6 % -> 78.00
    assert runner.wait_idle(30)
    assert dialog.model.index(1, 1).data() == "Beto ⚠"
    dialog.model.set_all_checked(True)
    assert dialog.selected_total() == D("234.00")
    dialog.apply()  # no reason yet: refused, nothing written
    assert "motivo" in dialog.message.text()
    assert runner.wait_idle(30)
    assert service.charges() == []
    dialog.unsigned_reason.setText("Contrato firmado en papel")
    with qtbot.waitSignal(dialog.applied, timeout=30_000):
        dialog.apply()
    assert runner.wait_idle(30)
    charged = {c.customer_id: c.amount for c in service.charges()}
    assert charged[beto] == D("78.00") and sum(charged.values()) == D("234.00")
    _shot(dialog, "apply_penalties_unsigned.png")
