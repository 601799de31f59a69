"""Issue 20 through the real window: credit terms in the customer file and the new-customer
flow, invoices that arrive (send, receipt, correction) in the invoice list, the unsigned
warning, and announcements from the Cobranza menu.

Set COBRANZA_SEEDS_SHOTS=/some/dir to keep the screenshots (1366×768, es and en).
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.i18n import set_language
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.domain.penalties import PenaltyPolicy
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.ui.dialogs.announcement_dialog import AnnouncementDialog
from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog
from cobranza_desktop.ui.dialogs.customer_dialog import CustomerDialog
from cobranza_desktop.ui.dialogs.invoice_delivery import SendInvoiceDialog
from cobranza_desktop.ui.dialogs.outdated_terms import OutdatedTermsDialog
from cobranza_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.invoices_page import InvoicesPage
from cobranza_desktop.ui.tasks import OpChanges
from tests.ui.ui_support import TODAY, OpenApp

SHOTS = os.environ.get("COBRANZA_SEEDS_SHOTS", "")


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen.append(QUrl(url).toString()))
    return seen


def shot(widget: QWidget, name: str, language: str) -> None:
    if not SHOTS:
        return
    directory = Path(SHOTS)
    directory.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(directory / f"{name}-{language}.png"))


def _seed(app: OpenApp) -> tuple[int, int]:
    s = app.services
    s.business.update_profile(
        replace(s.business.profile(), name="Distribuidora El Sol", phone="55 5000 1000")
    )
    cid = s.customers.create(
        CustomerData(name="Abarrotes Doña Lupe", phone="55 1234 5678", email="lupe@example.com")
    ).id
    sol = s.customers.create(CustomerData(name="Papelería Sol", phone="55 8765 4321")).id
    s.invoices.issue(
        InvoiceDraft(
            sol,
            (make_line("Papel bond", "1", "2500", "0", "0"),),
            issue_date=TODAY - timedelta(days=60),
            due_date=TODAY - timedelta(days=30),
        )
    )
    draft = InvoiceDraft(
        cid,
        (make_line("Abarrotes surtidos", "1", "1160", "0", "16"),),
        issue_date=TODAY - timedelta(days=3),
        due_date=TODAY + timedelta(days=27),
    )
    invoice_id = s.invoices.issue(draft).id
    app.runner.data_changed.emit(OpChanges.everything())
    app.settle()
    return cid, invoice_id


def _run(qtbot: QtBot, app: OpenApp, language: str, opened_urls: list[str]) -> None:
    app.window.resize(1366, 768)
    app.clock.advance(days=1)  # Monday: nobody is contacted on Sundays
    cid, invoice_id = _seed(app)

    # -- the invoice list: send by WhatsApp, record "details wrong", correct ------------
    page = app.window.show_page("invoices")
    assert isinstance(page, InvoicesPage)
    app.settle()
    page.table.selectRow(0)
    row = page.model.row_at(0)
    assert row.id == invoice_id and not row.delivered
    assert page.send_button.isEnabled() and page.receipt_button.isEnabled()
    assert not page.corrected_button.isEnabled()
    page.send_invoice()
    dialog = app.last_dialog
    assert isinstance(dialog, SendInvoiceDialog)
    app.settle()
    assert dialog.to_email.text() == "lupe@example.com"
    assert dialog.attachments.text().endswith(".pdf")
    shot(dialog, "send-invoice", language)
    dialog.send_whatsapp()
    app.settle()
    assert opened_urls and opened_urls[-1].startswith("https://wa.me/52")
    assert page.model.row_at(0).delivered
    page.table.selectRow(0)
    page.record_receipt()
    receipt = app.last_dialog
    assert isinstance(receipt, ReceiptDialog)
    receipt.wrong.setChecked(True)
    receipt.save()  # no note: refused inline
    assert receipt.error_label.text()
    receipt.note.setText("El RFC está mal")
    shot(receipt, "receipt-dialog", language)
    receipt.save()
    app.settle()
    page.delivery.setCurrentIndex(page.delivery.findData("to_correct"))
    app.settle()
    assert page.model.rowCount() == 1 and page.model.row_at(0).needs_correction
    page.table.selectRow(0)
    assert page.corrected_button.isEnabled()
    shot(app.window, "invoice-list", language)
    page.mark_corrected()
    app.settle()
    assert page.model.rowCount() == 0
    page.delivery.setCurrentIndex(0)
    app.settle()

    # -- the customer file: terms tab, print and mark as signed -------------------------
    customers = app.window.show_page("customers")
    assert isinstance(customers, CustomersPage)
    customers.open_customer(cid)
    app.settle()
    terms = customers.file.terms_panel
    customers.file.tabs.setCurrentWidget(terms)
    app.settle()
    assert terms.status_view is not None and not terms.status_view.signed
    shot(app.window, "customer-terms-unsigned", language)
    terms.mark_signed()
    app.settle()
    assert terms.status_view is not None and terms.status_view.signed
    shot(app.window, "customer-terms-signed", language)

    # -- the terms change: the customer is listed under «Condiciones por actualizar» ----
    app.services.penalties.set_business_policy(PenaltyPolicy.legal())
    outdated = app.window.findChild(QAction, "outdatedTerms")
    assert outdated is not None
    outdated.trigger()
    app.settle()
    listing = app.last_dialog
    assert isinstance(listing, OutdatedTermsDialog)
    assert listing.rows is not None and [r.customer_id for r in listing.rows] == [cid]
    assert "Abarrotes Doña Lupe" in listing.text.toPlainText()
    shot(listing, "outdated-terms", language)
    listing.accept()
    penalties = app.window.findChild(QAction, "applyPenalties")
    assert penalties is not None
    penalties.trigger()
    app.settle()
    preview = app.last_dialog
    assert isinstance(preview, ApplyPenaltiesDialog)
    assert "Papelería Sol" in preview.unsigned_label.text()
    assert preview.selected_total() == 0  # Sol never signed: unticked
    shot(preview, "apply-penalties-unsigned", language)
    preview.reject()

    # -- a new customer: the program offers to print the terms --------------------------
    app.commands.new_customer(app.window)
    new = app.last_dialog
    assert isinstance(new, CustomerDialog)
    new.form.name.setText("Ferretería Nueva")
    new.form.phone.setText("55 2222 3333")
    new.save()
    app.settle()
    question = app.dialogs.last_question
    assert isinstance(question, QMessageBox) and question.objectName() == "termsQuestion"
    question.done(int(QMessageBox.StandardButton.No))
    app.dialogs.forget_questions()

    # -- an announcement from the Cobranza menu -----------------------------------------
    action = app.window.findChild(QAction, "sendAnnouncement")
    assert action is not None
    action.trigger()
    announce = app.last_dialog
    assert isinstance(announce, AnnouncementDialog)
    app.settle()
    announce.title.setText("Cierre navideño")
    announce.channel.setCurrentIndex(announce.channel.findData("whatsapp"))
    app.settle()
    assert "{{ contact_name }}" in announce.body.toPlainText()
    announce.preview()
    app.settle()
    preview = announce.preview_view
    assert preview is not None
    # Doña Lupe was contacted today (the receipt answer): the daily cap leaves her out.
    assert {r.customer_name for r in preview.recipients} == {"Papelería Sol", "Ferretería Nueva"}
    assert [lo.customer_name for lo in preview.left_out] == ["Abarrotes Doña Lupe"]
    assert announce.samples.count() == 3  # two samples and the left-out list
    shot(announce, "announcement", language)
    announce.send()
    app.settle()
    assert announce.result_view is not None and len(announce.result_view.links) == 2
    announce.open_next_link()
    assert "wa.me" in opened_urls[-1]


def test_seeds_features_in_spanish(qtbot: QtBot, open_app: OpenApp, opened_urls: list[str]) -> None:
    _run(qtbot, open_app, "es", opened_urls)


def test_seeds_features_in_english(qtbot: QtBot, open_app: OpenApp, opened_urls: list[str]) -> None:
    controller = open_app.controller
    controller.change_language("en")
    try:
        assert controller.window is not None
        app = OpenApp(controller, controller.window, open_app.clock, open_app.dialogs)
        _run(qtbot, app, "en", opened_urls)
    finally:
        controller.change_language("es")
        set_language("es")
