"""Corrections and collection tools, reached from the customer file of the real window."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.customers import CustomerData, CustomerStatus
from cobranza_desktop.domain.invoices import InvoiceStatus, make_line
from cobranza_desktop.services.base.corrections_log import CorrectionKind
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.dialogs.collection_tools import (
    BarterDialog,
    DeleteDraftDialog,
    DiscountDialog,
    DossierDialog,
    ExtendDueDateDialog,
)
from cobranza_desktop.ui.dialogs.correction_dialog import CorrectionDialog
from cobranza_desktop.ui.dialogs.invoice_editor import InvoiceEditor
from cobranza_desktop.ui.dialogs.reallocate_dialog import ReallocateDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.ui_support import TODAY, OpenApp


def _setup(app: OpenApp) -> tuple[int, int, int]:
    s = app.services
    cid = s.customers.create(CustomerData(name="Taller Ruiz", phone="55 1234 5678")).id
    ids = []
    for days in (60, 40):
        draft = InvoiceDraft(
            cid,
            (make_line("Servicio", "1", "1000", "0", "0"),),
            issue_date=TODAY - timedelta(days=days),
            due_date=TODAY - timedelta(days=days - 30),
        )
        ids.append(s.invoices.issue(draft).id)
    return cid, ids[0], ids[1]


def _open(app: OpenApp, cid: int) -> CustomersPage:
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(cid)
    app.settle()
    return page


def _kinds(page: CustomersPage) -> list[CorrectionKind]:
    return [c.kind for c in page.file.correction_model.rows()]


def test_reverse_a_payment_from_its_context_menu(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, first, second = _setup(open_app)
    open_app.services.payments.record(PaymentInput(cid, "1500.00", TODAY))
    page = _open(open_app, cid)
    payment = page.file.payment_model.row_at(0)
    menu = page.tools.payment_menu(payment)
    reverse = next(a for a in menu.actions() if a.text() == "Revertir pago…")
    reverse.trigger()
    open_app.settle()
    dialog = page.tools.dialog
    assert isinstance(dialog, CorrectionDialog)
    # What will change, before anything is done: both invoices owe again.
    assert [(c.invoice_id, c.before, c.after) for c in dialog.model.rows()] == [
        (first, Decimal("0.00"), Decimal("1000.00")),
        (second, Decimal("500.00"), Decimal("1000.00")),
    ]
    assert "$2,000.00" in dialog.totals.text()
    dialog.confirm()  # no reason: refused in the field, nothing written
    assert dialog.error_label.isVisible() and dialog.reason.property("invalid")
    assert open_app.services.invoices.get(first).balance == 0
    dialog.reason.setText("Cheque sin fondos")
    dialog.confirm()
    open_app.settle()
    assert open_app.services.invoices.get(first).balance == Decimal("1000.00")
    assert page.file.payment_model.row_at(0).reversed_at is not None
    assert _kinds(page) == [CorrectionKind.PAYMENT_REVERSED]
    row = page.file.correction_model.row_at(0)
    assert row.reason == "Cheque sin fondos" and row.author
    assert not page.file.correction_table.isHidden()
    # A reversed payment offers no correction any more.
    assert page.tools.payment_menu(page.file.payment_model.row_at(0)).isEmpty()


def test_apply_credit_and_undo_the_last_allocation(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, first, second = _setup(open_app)
    s = open_app.services
    s.payments.record(
        PaymentInput(cid, "1200.00", TODAY, allocations=(Allocation(first, Decimal("1000")),))
    )
    page = _open(open_app, cid)
    assert page.file.credit_card.value.text() == "$200.00"
    page.tools.actions["apply_credit"].trigger()
    open_app.settle()
    dialog = page.tools.dialog
    assert isinstance(dialog, CorrectionDialog)
    assert [(c.invoice_id, c.after) for c in dialog.model.rows()] == [(second, Decimal("800.00"))]
    dialog.confirm()  # the reason is optional for applying credit
    open_app.settle()
    assert s.invoices.get(second).balance == Decimal("800.00")
    assert page.file.credit_card.value.text() == "$0.00"

    page.tools.actions["undo_last"].trigger()
    open_app.settle()
    undo = page.tools.dialog
    assert isinstance(undo, CorrectionDialog) and undo is not dialog
    assert [(c.invoice_id, c.before, c.after) for c in undo.model.rows()] == [
        (second, Decimal("800.00"), Decimal("1000.00"))
    ]
    undo.reason.setText("Era para otra factura")
    undo.confirm()
    open_app.settle()
    assert s.invoices.get(second).balance == Decimal("1000.00")
    assert _kinds(page) == [CorrectionKind.ALLOCATION_UNDONE, CorrectionKind.CREDIT_APPLIED]


def test_reallocate_a_payment_with_a_live_preview(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, first, second = _setup(open_app)
    s = open_app.services
    s.payments.record(PaymentInput(cid, "1000.00", TODAY))  # all on the oldest
    page = _open(open_app, cid)
    page.tools.reallocate(page.file.payment_model.row_at(0))
    open_app.settle()
    dialog = page.tools.dialog
    assert isinstance(dialog, ReallocateDialog)
    assert dialog.rows.rowCount() == 2
    dialog.set_amount(0, "")
    dialog.set_amount(1, "600")
    open_app.settle()
    assert [(c.invoice_id, c.after) for c in dialog.model.rows()] == [
        (first, Decimal("1000.00")),
        (second, Decimal("400.00")),
    ]
    assert dialog.preview is not None and dialog.preview.credit_after == Decimal("400.00")
    dialog.set_amount(1, "1200")  # more than the invoice owes: refused, nothing to confirm
    open_app.settle()
    assert not dialog.confirm_button.isEnabled() and dialog.error_label.isVisible()
    dialog.set_amount(1, "600")
    open_app.settle()
    dialog.reason.setText("Era para la segunda factura")
    dialog.confirm()
    open_app.settle()
    assert [s.invoices.get(i).balance for i in (first, second)] == [
        Decimal("1000.00"),
        Decimal("400.00"),
    ]
    assert _kinds(page) == [CorrectionKind.PAYMENT_REALLOCATED]


def test_extend_discount_and_barter_from_more_actions(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, first, second = _setup(open_app)
    s = open_app.services
    page = _open(open_app, cid)
    invoice = next(i for i in page.file.invoice_model.rows() if i.id == second)
    menu = page.tools.invoice_menu(invoice)
    next(a for a in menu.actions() if a.text() == "Prorrogar vencimiento…").trigger()
    extend = page.tools.dialog
    assert isinstance(extend, ExtendDueDateDialog)
    assert extend.invoice.currentData() == second
    assert "vencerá el" in extend.preview.text()
    extend.confirm()  # no reason
    assert extend.reason.property("invalid")
    extend.reason.setText("Pagará con la cosecha")
    extend.confirm()
    open_app.settle()
    assert _kinds(page) == [CorrectionKind.DUE_DATE_EXTENDED]

    page.tools.actions["discount"].trigger()
    discount = page.tools.dialog
    assert isinstance(discount, DiscountDialog)
    discount.amount.setText("abc")
    discount.reason.setText("Buen cliente")
    discount.confirm()
    assert discount.amount.property("invalid")
    discount.amount.setText("100")
    assert "$100.00" in discount.preview.text()
    discount.confirm()
    open_app.settle()
    assert [d.amount for d in s.collection_tools.pending_discounts(cid)] == [Decimal("100.00")]

    page.tools.actions["barter"].trigger()
    barter = page.tools.dialog
    assert isinstance(barter, BarterDialog)
    barter.amount.setText("300")
    barter.confirm()  # no description
    assert barter.description.property("invalid")
    barter.description.setText("Reparación de la camioneta")
    barter.confirm()
    open_app.settle()
    assert s.invoices.get(first).balance == Decimal("700.00")
    assert page.file.balance_card.value.text() == "$1,700.00"


def test_export_the_dossier_to_a_zip_marks_the_customer(
    qtbot: QtBot, open_app: OpenApp, tmp_path: Path
) -> None:
    cid, _first, _second = _setup(open_app)
    page = _open(open_app, cid)
    page.tools.actions["dossier"].trigger()
    dialog = page.tools.dialog
    assert isinstance(dialog, DossierDialog)
    dialog.folder.setText(str(tmp_path / "agencia"))
    dialog.as_zip.setChecked(True)
    dialog.reason.setText("Despacho Pérez")
    dialog.confirm()
    open_app.settle()
    (archive,) = (tmp_path / "agencia").glob("*.zip")
    assert sorted(zipfile.ZipFile(archive).namelist()) == ["expediente.pdf", "facturas.csv"]
    assert page.file.data is not None and page.file.data.status is CustomerStatus.AGENCY
    assert _kinds(page) == [CorrectionKind.DOSSIER_EXPORTED]


def test_a_draft_is_saved_edited_issued_or_deleted(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, _first, _second = _setup(open_app)
    s = open_app.services
    open_app.commands.new_invoice(open_app.window, cid)
    open_app.settle()
    editor = open_app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    editor.set_cell(0, 0, "Refacciones")
    editor.set_cell(0, 2, "250")
    editor.save_draft()
    open_app.settle()
    (draft,) = [i for i in s.invoices.for_customer(cid) if i.status is InvoiceStatus.DRAFT]
    assert draft.number == ""
    page = _open(open_app, cid)
    row = next(i for i in page.file.invoice_model.rows() if i.id == draft.id)
    texts = [a.text() for a in page.tools.invoice_menu(row).actions()]
    assert texts == ["Editar borrador…", "Eliminar borrador…"]
    open_app.commands.open_invoice(open_app.window, draft.id)
    open_app.settle()
    again = open_app.last_dialog
    assert isinstance(again, InvoiceEditor) and again is not editor
    assert again.draft_button.isVisible() and again.issue_button.isVisible()
    again.set_cell(0, 2, "300")
    again.issue()
    open_app.settle()
    issued = s.invoices.get(draft.id)
    assert issued.number and issued.total == Decimal("348.00")  # 300 + 16 % IVA

    second = s.invoices.save_draft(
        InvoiceDraft(cid, (make_line("x", "1", "5"),), TODAY - timedelta(days=1))
    )
    open_app.settle()
    page.file.refresh()
    open_app.settle()
    page.tools.delete_draft(next(i for i in page.file.invoice_model.rows() if i.id == second.id))
    dialog = page.tools.dialog
    assert isinstance(dialog, DeleteDraftDialog)
    dialog.confirm()
    open_app.settle()
    assert all(i.id != second.id for i in s.invoices.for_customer(cid))
    assert CorrectionKind.DRAFT_DELETED in _kinds(page)


def test_voiding_says_what_changes_and_is_logged(qtbot: QtBot, open_app: OpenApp) -> None:
    cid, first, _second = _setup(open_app)
    open_app.services.payments.record(PaymentInput(cid, "400.00", TODAY))
    open_app.commands.open_invoice(open_app.window, first)
    open_app.settle()
    editor = open_app.last_dialog
    assert isinstance(editor, InvoiceEditor)
    assert not editor.void_preview.isHidden()
    assert "$600.00" in editor.void_preview.text() and "$400.00" in editor.void_preview.text()
    editor.void_reason.setText("Se facturó dos veces")
    editor.void()
    open_app.settle()
    page = _open(open_app, cid)
    assert _kinds(page) == [CorrectionKind.INVOICE_VOIDED]
    assert page.file.credit_card.value.text() == "$400.00"  # what was paid stays as credit
