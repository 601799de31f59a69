"""The Customers page: the list, and a customer's file in its place when one is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from cobranza_desktop.services.base.settings import SettingsService
from cobranza_desktop.services.billing.invoices import InvoiceService
from cobranza_desktop.services.billing.refunds import RefundService
from cobranza_desktop.services.billing.subscriptions import SubscriptionService
from cobranza_desktop.services.book.customer_file import CustomerFileService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.collections.contacts import ContactService
from cobranza_desktop.services.collections.dossier import DossierService
from cobranza_desktop.services.collections.tools import CollectionToolsService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.customers.restrictions import RestrictionService, RiskService
from cobranza_desktop.services.documents.credit_terms import CreditTermsService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.services.receivables.corrections import CorrectionService
from cobranza_desktop.services.receivables.payments import PaymentService
from cobranza_desktop.ui.actions import Actions
from cobranza_desktop.ui.pages.customer_file import CustomerFile
from cobranza_desktop.ui.pages.customer_file_tools import CustomerFileTools
from cobranza_desktop.ui.pages.customer_list import CustomerList
from cobranza_desktop.ui.pages.customer_terms import CustomerTermsPanel
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner

# What the list shows: names and contact data, balances, risk, next follow-up.
LIST_KINDS = (
    Kind.CUSTOMERS,
    Kind.INVOICES,
    Kind.PAYMENTS,
    Kind.CONTACTS,
    Kind.PENALTIES,
    Kind.SETTINGS,
)


class CustomersPageServices(Protocol):
    """The services the page uses (the composition root's ``Services`` has them all)."""

    @property
    def customer_list(self) -> CustomerListService: ...
    @property
    def customer_file(self) -> CustomerFileService: ...
    @property
    def customers(self) -> CustomerService: ...
    @property
    def settings(self) -> SettingsService: ...
    @property
    def contacts(self) -> ContactService: ...
    @property
    def penalties(self) -> PenaltyService: ...
    @property
    def credit_terms(self) -> CreditTermsService: ...
    @property
    def restrictions(self) -> RestrictionService: ...
    @property
    def risk(self) -> RiskService: ...
    @property
    def agenda(self) -> AgendaService: ...
    @property
    def subscriptions(self) -> SubscriptionService: ...
    @property
    def refunds(self) -> RefundService: ...
    @property
    def corrections(self) -> CorrectionService: ...
    @property
    def collection_tools(self) -> CollectionToolsService: ...
    @property
    def dossiers(self) -> DossierService: ...
    @property
    def invoices(self) -> InvoiceService: ...
    @property
    def payments(self) -> PaymentService: ...


class CustomersPage(QWidget):
    def __init__(
        self,
        services: CustomersPageServices,
        runner: TaskRunner,
        commands: Actions,
        parent: QWidget | None = None,
        *,
        export_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._commands = commands
        s = services
        self.list = CustomerList(
            s.customer_list, runner, risk=s.risk, contacts=s.contacts, agenda=s.agenda
        )
        terms = CustomerTermsPanel(s.credit_terms, runner, commands.clock, commands.view_terms)
        self.file = CustomerFile(
            s.customer_file,
            s.customers,
            s.penalties,
            s.restrictions,
            runner,
            s.subscriptions,
            s.refunds,
            terms,
        )
        self.tools = CustomerFileTools(
            self.file,
            s,
            runner,
            open_invoice=lambda iid: commands.open_invoice(self, iid),
            export_folder=export_folder or Path.home(),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list.customer_activated.connect(self.open_customer)
        self.list.new_customer_requested.connect(lambda: commands.new_customer(self))
        self.file.back_requested.connect(self.show_list)
        self.file.new_invoice_requested.connect(lambda cid: commands.new_invoice(self, cid))
        self.file.record_payment_requested.connect(lambda cid: commands.record_payment(self, cid))
        self.file.reminder_requested.connect(lambda cid: commands.compose_reminder(self, cid))
        self.file.statement_requested.connect(lambda cid: commands.view_statement(self, cid))
        self.file.notice_requested.connect(lambda cid: commands.view_notice(self, cid))
        self.file.dispute_requested.connect(lambda iid: commands.dispute_invoice(self, iid))
        self.file.invoice_activated.connect(lambda iid: commands.open_invoice(self, iid))
        runner.data_changed.connect(self._data_changed)
        settings = s.settings
        runner.query(lambda ctx: settings.aging_buckets().edges).success(
            lambda edges: self.list.set_aging_edges(tuple(edges))
        ).run()

    def activate(self) -> None:
        self.list.start()

    def refresh(self) -> None:
        self.list.refresh()
        if self.stack.currentWidget() is self.file:
            self.file.refresh()

    def _data_changed(self, changes: OpChanges) -> None:
        # Messages and plans are not on the list or in the file: nothing to reload.
        if changes.touches(*LIST_KINDS):
            self.list.refresh()
        if self.stack.currentWidget() is self.file and self.file.concerned_by(changes):
            self.file.refresh()

    def open_customer(self, customer_id: int) -> None:
        self.list.start()
        self.file.load(customer_id)
        self.stack.setCurrentWidget(self.file)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)

    def show_home(self) -> None:
        """The sidebar's Clientes item: the list, whatever file was open."""
        self.show_list()

    def focus_search(self) -> None:
        self.show_list()
        self.list.focus_search()

    def current_customer_id(self) -> int | None:
        if self.stack.currentWidget() is self.file:
            return self.file.customer_id
        return self.list.selected_customer_id()
