"""Every dialog of the program, opened on the demo book the way the window opens it (or
built with the same collaborators), for the tests that look at all of them: tab order,
names, mnemonics. ``DIALOG_CLASSES`` finds the dialog classes by themselves, so that a
new dialog without an entry here makes those tests fail."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

import cobranza_desktop.ui.dialogs as dialogs_package
from cobranza_desktop.domain.contact_policy import Violation
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.billing.subscriptions import SubscriptionInput
from cobranza_desktop.services.book.backups import list_backups
from cobranza_desktop.ui.dialogs.about_dialog import AboutDialog
from cobranza_desktop.ui.dialogs.announcement_dialog import AnnouncementDialog
from cobranza_desktop.ui.dialogs.apply_penalties import ApplyPenaltiesDialog
from cobranza_desktop.ui.dialogs.billing_run_dialog import BillingRunDialog
from cobranza_desktop.ui.dialogs.collection_tools import (
    BarterDialog,
    DeleteDraftDialog,
    DiscountDialog,
    DossierDialog,
    ExtendDueDateDialog,
)
from cobranza_desktop.ui.dialogs.connect_dialog import ConnectDialog
from cobranza_desktop.ui.dialogs.contact_log_dialog import ContactLogDialog
from cobranza_desktop.ui.dialogs.correction_dialog import CorrectionDialog
from cobranza_desktop.ui.dialogs.dispute_dialog import DisputeDialog
from cobranza_desktop.ui.dialogs.import_batches import ImportBatchesDialog
from cobranza_desktop.ui.dialogs.import_wizard import ImportServices, ImportWizard
from cobranza_desktop.ui.dialogs.invoice_delivery import SendInvoiceDialog
from cobranza_desktop.ui.dialogs.new_book_wizard import NewBookWizard
from cobranza_desktop.ui.dialogs.outdated_terms import OutdatedTermsDialog
from cobranza_desktop.ui.dialogs.plan_dialog import PlanDialog
from cobranza_desktop.ui.dialogs.reallocate_dialog import ReallocateDialog
from cobranza_desktop.ui.dialogs.reasons_report import ReasonsReportDialog
from cobranza_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from cobranza_desktop.ui.dialogs.refund_dialog import RefundDialog
from cobranza_desktop.ui.dialogs.restore_dialog import RestoreDialog
from cobranza_desktop.ui.dialogs.status_dialog import StatusDialog
from cobranza_desktop.ui.dialogs.subscription_actions import (
    CancelSubscriptionDialog,
    ChangePriceDialog,
    PauseDialog,
)
from cobranza_desktop.ui.dialogs.subscription_dialog import SubscriptionDialog
from cobranza_desktop.ui.tasks import Kind, OpChanges
from tests.ui.ui_support import OpenApp

# Bases that are never shown by themselves.
ABSTRACT = {"ToolDialog", "_ActionDialog"}


def _subclasses(kind: type) -> Iterator[type]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def dialog_classes() -> set[str]:
    """The names of every dialog class of ``cobranza_desktop.ui.dialogs``."""
    for module in pkgutil.walk_packages(dialogs_package.__path__, dialogs_package.__name__ + "."):
        importlib.import_module(module.name)
    return {
        kind.__name__
        for kind in _subclasses(QDialog)
        if kind.__module__.startswith(dialogs_package.__name__) and kind.__name__ not in ABSTRACT
    }


@dataclass(frozen=True)
class Book:
    """What the dialogs are opened on: a customer with open invoices and payments."""

    customer_id: int
    name: str


def _pick(app: OpenApp) -> Book:
    s = app.services
    for row in s.customers.list_page(limit=200):
        if row.balance > 0 and s.payments.for_customer(row.id):
            return Book(row.id, row.name)
    raise AssertionError("the demo has no customer who owes and has paid")


def opened_by(app: OpenApp, action: Callable[[], None]) -> QDialog:
    """The dialog (not a message box) that ``action`` opened, its reads done."""
    before = len(app.dialogs.opened)
    action()
    app.settle()
    QApplication.processEvents()
    app.settle()
    found = [d for d in app.dialogs.opened[before:] if type(d).__name__ != "QMessageBox"]
    assert found, "no dialog opened"
    return found[-1]


def factories(app: OpenApp, tmp: Path) -> dict[str, Callable[[], QDialog]]:
    """One way in to each dialog class, by its class name."""
    s, runner, clock, window = app.services, app.runner, app.clock, app.window
    commands = app.commands
    book = _pick(app)
    cid = book.customer_id
    today = clock.today()
    invoices = s.invoices.for_customer(cid)
    open_invoices = s.invoices.for_customer(cid, open_only=True)
    payment = s.payments.for_customer(cid)[0]
    balance = s.customers.list_page(limit=200)
    owed = next(r.balance for r in balance if r.id == cid)

    def subscription() -> object:
        made = s.subscriptions.create(
            SubscriptionInput(cid, "Internet 20 Mb", "350.00", "monthly", 5, today)
        )
        app.runner.data_changed.emit(OpChanges.of(Kind.SUBSCRIPTIONS, customers=[cid]))
        return made

    def draft() -> object:
        line = make_line("Servicio", 1, "100.00", tax_rate_percent="16")
        return s.invoices.save_draft(InvoiceDraft(cid, (line,), today, today + timedelta(30)))

    imports = ImportServices(s.cfdi_import, s.sheet_import, s.import_batches)

    def parent() -> QWidget:
        return window

    return {
        "CustomerDialog": lambda: opened_by(app, lambda: commands.new_customer(window)),
        "InvoiceEditor": lambda: opened_by(app, lambda: commands.new_invoice(window, cid)),
        "PaymentDialog": lambda: opened_by(app, lambda: commands.record_payment(window, cid)),
        "ReminderComposer": lambda: opened_by(app, lambda: commands.compose_reminder(window, cid)),
        "PdfPreviewDialog": lambda: opened_by(app, lambda: commands.view_statement(window, cid)),
        "DisputeDialog": lambda: DisputeDialog(s.disputes, runner, open_invoices[0], parent()),
        "ContactLogDialog": lambda: ContactLogDialog(
            book.name,
            today,
            lambda _values: None,
            runner,
            OpChanges.of(Kind.CONTACTS, customers=[cid]),
            action_label="Llamar y preguntar el motivo",
            violations=(Violation.SUNDAY,),
            parent=parent(),
        ),
        "PlanDialog": lambda: PlanDialog(
            s.plans, s.customer_list, runner, clock, parent(), customer=(cid, book.name)
        ),
        "StatusDialog": lambda: StatusDialog(
            s.restrictions,
            runner,
            cid,
            CustomerStatus.ACTIVE,
            s.restrictions.history(cid),
            parent=parent(),
        ),
        "ExtendDueDateDialog": lambda: ExtendDueDateDialog(
            s.collection_tools, runner, cid, open_invoices, today, parent=parent()
        ),
        "DiscountDialog": lambda: DiscountDialog(s.collection_tools, runner, cid, owed, parent()),
        "BarterDialog": lambda: BarterDialog(
            s.collection_tools, runner, cid, owed, today, parent()
        ),
        "DossierDialog": lambda: DossierDialog(s.dossiers, runner, cid, book.name, tmp, parent()),
        "DeleteDraftDialog": lambda: DeleteDraftDialog(
            s.invoices,
            runner,
            draft(),  # type: ignore[arg-type]
            parent(),
        ),
        "CorrectionDialog": lambda: CorrectionDialog(
            runner,
            cid,
            title="Revertir pago",
            intro="El pago queda registrado como revertido.",
            confirm="Revertir pago",
            preview=lambda: s.corrections.preview_reversal(payment.id),
            apply=lambda reason: s.payments.reverse(payment.id, reason),
            parent=parent(),
        ),
        "ReallocateDialog": lambda: ReallocateDialog(
            s.corrections, runner, cid, payment.id, parent()
        ),
        "RefundDialog": lambda: RefundDialog(s.refunds, runner, cid, parent()),
        "ReceiptDialog": lambda: ReceiptDialog(
            s.receipts, runner, invoices[0].id, invoices[0].number, cid, parent()
        ),
        "SendInvoiceDialog": lambda: SendInvoiceDialog(
            s.delivery, runner, invoices[0].id, open_links=False, parent=parent()
        ),
        "ApplyPenaltiesDialog": lambda: ApplyPenaltiesDialog(
            s.penalties, cid, parent(), runner=runner
        ),
        "SubscriptionDialog": lambda: SubscriptionDialog(
            s.subscriptions, s.customer_list, runner, clock, parent()
        ),
        "ChangePriceDialog": lambda: ChangePriceDialog(
            s.subscriptions,
            runner,
            clock,
            subscription(),  # type: ignore[arg-type]
            parent(),
        ),
        "PauseDialog": lambda: PauseDialog(
            s.subscriptions,
            runner,
            clock,
            subscription(),  # type: ignore[arg-type]
            parent(),
        ),
        "CancelSubscriptionDialog": lambda: CancelSubscriptionDialog(
            s.subscriptions,
            runner,
            clock,
            subscription(),  # type: ignore[arg-type]
            parent(),
        ),
        "BillingRunDialog": lambda: BillingRunDialog(
            s.billing_run, runner, clock, parent(), delivery=s.run_delivery
        ),
        "AnnouncementDialog": lambda: AnnouncementDialog(
            s.announcements, runner, open_links=False, parent=parent()
        ),
        "ReasonsReportDialog": lambda: ReasonsReportDialog(s.contacts, runner, clock, parent()),
        "OutdatedTermsDialog": lambda: OutdatedTermsDialog(s.credit_terms, runner, parent()),
        "ImportBatchesDialog": lambda: ImportBatchesDialog(s.import_batches, runner, parent()),
        "ImportWizard": lambda: ImportWizard(imports, runner, parent()),
        "RestoreDialog": lambda: RestoreDialog(
            runner, app.controller.book_path or tmp / "libro.sqlite", list_backups, parent()
        ),
        "ConnectDialog": lambda: ConnectDialog(runner, lambda _url: None, parent()),
        "AboutDialog": lambda: AboutDialog(tmp / "libro.sqlite", tmp / "cobranza.log", parent()),
        "NewBookWizard": lambda: NewBookWizard(runner, tmp / "nuevo.sqlite", parent()),
    }


def open_each(app: OpenApp, tmp: Path) -> Iterator[tuple[str, QDialog]]:
    """Each dialog, shown and settled (its reads done); rejected when the caller moves on."""
    for name, make in factories(app, tmp).items():
        dialog = make()
        if not dialog.isVisible():
            dialog.open()
        app.settle()
        QApplication.processEvents()
        app.settle()
        assert type(dialog).__name__ == name, (name, type(dialog).__name__)
        yield name, dialog
        dialog.reject()
        app.settle()
