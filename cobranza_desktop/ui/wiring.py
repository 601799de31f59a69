"""The pages of the main window, one line each, and the services each one receives.

To add a page: one ``PageSpec(key, title, icon, factory)`` line below. A factory of
``None`` shows a calm "coming soon" empty state until the feature exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cobranza_desktop.ui.main_window import PageSpec

if TYPE_CHECKING:  # not at start-up: these import the services (and SQLAlchemy)
    from cobranza_desktop.domain.agenda import AgendaItem
    from cobranza_desktop.ui.commands import AppCommands
    from cobranza_desktop.ui.context import UiContext


class PageHost(Protocol):
    """What the page factories read when a page is first shown (the book is open by then)."""

    context: UiContext | None
    commands: AppCommands | None
    language: str
    settings_tabs: list[tuple[str, Callable[[], QWidget]]]

    def change_language(self, language: str) -> None: ...


def build_pages(host: PageHost) -> list[PageSpec]:
    def ready() -> tuple[UiContext, AppCommands]:
        assert host.context is not None and host.commands is not None
        return host.context, host.commands

    def customers() -> QWidget:
        from cobranza_desktop.ui.pages.customers_page import CustomersPage

        ctx, commands = ready()
        s = ctx.services
        return CustomersPage(
            s.customer_list,
            s.customers,
            s.invoices,
            s.payments,
            s.settings,
            ctx.runner,
            commands,
            contacts=s.contacts,
            penalties=s.penalties,
            restrictions=s.restrictions,
            risk=s.risk,
        )

    def invoices() -> QWidget:
        from cobranza_desktop.ui.pages.invoices_page import InvoicesPage

        ctx, commands = ready()
        return InvoicesPage(ctx.services.listings, ctx.runner, commands)

    def payments() -> QWidget:
        from cobranza_desktop.ui.pages.payments_page import PaymentsPage

        ctx, commands = ready()
        return PaymentsPage(ctx.services.listings, ctx.runner, commands)

    def aging() -> QWidget:
        from cobranza_desktop.ui.pages.aging_page import AgingPage

        ctx, _commands = ready()
        messaging = ctx.messaging
        compose = None
        if messaging is not None:

            def compose(parent: QWidget, customer_id: int) -> None:
                messaging.open_composer(parent, customer_id)

        return AgingPage(ctx.services.aging, ctx.runner, ctx.clock, compose=compose)

    def today() -> QWidget:
        from cobranza_desktop.ui.pages.today_page import TodayPage, task_runner_run

        ctx, _commands = ready()
        s = ctx.services
        messaging = ctx.messaging
        compose = None
        if messaging is not None:

            def compose(parent: QWidget, item: AgendaItem) -> None:
                messaging.open_composer(parent, item.customer_id, agenda_item=item)

        page = TodayPage(
            s.agenda, s.contacts, ctx.clock, run=task_runner_run(ctx.runner), compose=compose
        )
        ctx.runner.data_changed.connect(page.refresh)
        return page

    def plans() -> QWidget:
        from cobranza_desktop.ui.pages.plans_page import PlansPage

        ctx, _commands = ready()
        s = ctx.services
        return PlansPage(s.plans, s.promises, s.customers, ctx.runner, ctx.clock, s.customer_list)

    def messages() -> QWidget:
        ctx, _commands = ready()
        assert ctx.messaging is not None
        return ctx.messaging.messages_page()

    def settings() -> QWidget:
        from cobranza_desktop.ui.pages.settings_page import SettingsPage

        ctx, _commands = ready()
        return SettingsPage(
            ctx.services.business,
            ctx.runner,
            host.language,
            host.change_language,
            host.settings_tabs,
        )

    return [
        PageSpec("today", QCoreApplication.translate("Pages", "Hoy"), "today", today),
        PageSpec(
            "customers", QCoreApplication.translate("Pages", "Clientes"), "customers", customers
        ),
        PageSpec("invoices", QCoreApplication.translate("Pages", "Facturas"), "invoices", invoices),
        PageSpec("payments", QCoreApplication.translate("Pages", "Pagos"), "payments", payments),
        PageSpec("aging", QCoreApplication.translate("Pages", "Antigüedad"), "aging", aging),
        PageSpec("plans", QCoreApplication.translate("Pages", "Planes de pago"), "plans", plans),
        PageSpec("messages", QCoreApplication.translate("Pages", "Mensajes"), "messages", messages),
        PageSpec(
            "settings", QCoreApplication.translate("Pages", "Configuración"), "settings", settings
        ),
    ]
