"""The REP radar in the window: the panel on Today, the «Sin REP» filter on Payments,
and the original document number in the invoice list's search."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.receipts import ReceiptService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.messaging.invoice_delivery import InvoiceDeliveryService
from cobranza_desktop.services.messaging.outbox import OutboxService
from cobranza_desktop.services.receivables.listings import ListingService
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.services.receivables.rep_radar import RepRadarService
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from cobranza_desktop.ui.pages.payments_page import PaymentsPage
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from cobranza_desktop.ui.widgets.rep_panel import RepPanel
from tests.imports.cfdi_factory import OURS, invoice, payment, uuid_n


class _NoCommands:
    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


def _settle(qtbot: QtBot, runner: TaskRunner, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(lambda: runner.wait_idle(0.05) and done(), timeout=30_000)


def _book(ws: Workspace, tmp_path: Path) -> int:
    """An imported PPD invoice F-1 with a payment typed by hand (no REP yet), a PUE F-2
    unpaid after its month, and a cash sale paid by hand against nothing PPD."""
    profile = ws.business.profile()
    ws.business.update_profile(replace(profile, rfc=OURS, name=profile.name or "Kemper"))
    (tmp_path / "i.xml").write_bytes(
        invoice(uuid_n(1), total="1000.00", fecha="2026-09-10T00:00:00")
    )
    (tmp_path / "pue.xml").write_bytes(
        invoice(uuid_n(5), total="300.00", fecha="2026-09-12T00:00:00", method="PUE", folio="2")
    )
    report = CfdiImportService(ws.book, ws.clock).commit([tmp_path / "i.xml", tmp_path / "pue.xml"])
    assert report.committed, report.problems
    items = ws.payments.open_items(1)
    ppd = next(i for i in items if i.number == "F-1")
    ws.payments.record(
        PaymentInput(
            1,
            "400.00",
            date(2026, 10, 20),
            allocations=(Allocation(ppd.invoice_id, Decimal("400.00")),),
        )
    )
    pue = next(i for i in items if i.number == "F-2")
    ws.payments.record(
        PaymentInput(
            1,
            "50.00",
            date(2026, 11, 2),
            allocations=(Allocation(pue.invoice_id, Decimal("50.00")),),
        )
    )
    return ppd.invoice_id


def test_today_panel_lists_the_owner_tasks_and_a_p_document_closes_them(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    _book(ws, tmp_path)
    panel = RepPanel(RepRadarService(ws.book, ws.clock), ws.clock, runner)
    qtbot.addWidget(panel)
    _settle(qtbot, runner, lambda: panel.current is not None)
    assert panel.table.rowCount() == 2
    first = [panel.table.item(0, c).text() for c in range(5)]
    assert first[0].startswith("Emitir REP") and first[2] == "F-1"
    assert "5 nov" in first[1].lower() or "05/11" in first[1]  # the 5th of the next month
    assert panel.table.item(0, 0).background().color().name() == "#fbe3e1"  # overdue on 22 Nov
    assert panel.table.item(1, 2).text() == "F-2"
    assert "1 pago sin REP (1 vencido)" in panel.summary.text()
    (tmp_path / "p.xml").write_bytes(
        payment(
            uuid_n(9),
            [("2026-10-20T00:00:00", "400.00", [(uuid_n(1), "1000.00", "400.00", "600.00", 1)])],
        )
    )
    assert CfdiImportService(ws.book, ws.clock).commit([tmp_path / "p.xml"]).committed
    runner.data_changed.emit(OpChanges.of(Kind.PAYMENTS))
    _settle(qtbot, runner, lambda: panel.current is not None and not panel.current.pending)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 2).text() == "F-2"


def test_payments_page_filter_shows_only_payments_without_rep(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    _book(ws, tmp_path)
    page = PaymentsPage(ListingService(ws.book, ws.clock), runner, _NoCommands())  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.activate()
    _settle(qtbot, runner, lambda: page.model.rowCount() == 2)
    page.rep_pending.setChecked(True)
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).amount == Decimal("400.00")
    page.rep_pending.setChecked(False)
    _settle(qtbot, runner, lambda: page.model.rowCount() == 2)


def test_the_invoice_list_shows_and_finds_the_original_number(
    qtbot: QtBot, ws: Workspace, runner: TaskRunner, tmp_path: Path
) -> None:
    _book(ws, tmp_path)
    page = InvoicesPage(
        ListingService(ws.book, ws.clock),
        runner,
        _NoCommands(),  # type: ignore[arg-type]
        InvoiceDeliveryService(ws.book, ws.clock, OutboxService(ws.book, ws.clock), ws.documents),
        ReceiptService(ws.book, ws.clock),
    )
    qtbot.addWidget(page)
    page.activate()
    _settle(qtbot, runner, lambda: page.model.rowCount() == 2)
    assert {page.model.row_at(r).number for r in range(2)} == {"F-1", "F-2"}
    page.customer.setText("f-2")
    page.apply_filters()
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).number == "F-2"
    page.customer.setText(uuid_n(1)[-8:])
    page.apply_filters()
    _settle(qtbot, runner, lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).number == "F-1"
