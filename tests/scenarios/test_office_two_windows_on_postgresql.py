"""Done when: two windows, two users, one PostgreSQL book, the same day.

The collector is a real database user of the test server, registered by the owner with
``cobranza users add``. Each person has the program's own window (its worker, its
change watch) on the one server book. Both record a payment on the same customer and
log calls; the collector's attempt to save the business data is refused with the Spanish
message; an edit made on a customer saved meanwhile elsewhere is refused. Each window
learns of the other's work when its change watch polls. At the end ``cobranza check`` is
green and every peso is there once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.book.customer_file import CustomerFileView
from cobranza_desktop.services.book.workspace import open_workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.ui.app import Application, create_application
from cobranza_desktop.ui.composition import open_context
from cobranza_desktop.ui.dialogs.payment_dialog import PaymentDialog
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.settings_page import SettingsPage
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskRunner
from tests.pg_support import PgDatabases, url_text
from tests.ui.ui_support import IDLE_TIMEOUT, OpenApp, OpenedDialogs

pytestmark = pytest.mark.postgresql

DAY = date(2026, 11, 23)  # a Monday


@dataclass
class Office:
    url: URL
    collector_login: str
    owner: OpenApp
    collector: OpenApp


def _window_on(
    qtbot: QtBot, folder: Path, url: URL, clock: FixedClock, dialogs: OpenedDialogs
) -> OpenApp:
    """The program's window on the server book, as one person opens it."""
    folder.mkdir()
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    controller = Application(create_application(), runner, settings, "es")
    opened: list[object] = []
    runner.query(lambda _ctx: open_context(url, clock, runner=runner, create=False)).success(
        opened.append
    ).run()
    assert runner.wait_idle(IDLE_TIMEOUT)
    ((context, close),) = opened  # type: ignore[misc]
    controller.set_context(context, close)
    window = controller.build_window()
    qtbot.addWidget(window)
    window.resize(1200, 780)
    window.show()
    assert controller.composition is not None
    controller.composition.freshness.stop()  # the test polls by hand, never sleeps
    controller.composition.freshness._stopped = False
    app = OpenApp(controller, window, clock, dialogs)
    app.settle()
    return app


@pytest.fixture
def office(
    qtbot: QtBot,
    tmp_path: Path,
    pg_databases: PgDatabases,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Office]:
    url = pg_databases.create()
    login = f"carla_{uuid.uuid4().hex[:6]}"
    admin = create_engine(pg_databases.admin, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:  # the server's administrator makes the login
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    # The owner registers the collector in the book: that also grants the login its rights.
    assert (
        main(
            [
                "users",
                "--book",
                url_text(url),
                "add",
                login,
                "collector",
                "--name",
                "Carla Cobradora",
            ]
        )
        == 0
    )
    clock = FixedClock.on(DAY, hour=9)
    dialogs = OpenedDialogs.record(monkeypatch)
    owner = _window_on(qtbot, tmp_path / "dueno", url, clock, dialogs)
    collector = _window_on(qtbot, tmp_path / "carla", url.set(username=login), clock, dialogs)
    yield Office(url, login, owner, collector)
    for app in (collector, owner):
        app.settle()
        app.window.close()
        app.controller.close()
    pg_databases.drop(url)
    with admin.connect() as connection:
        connection.execute(text(f'DROP ROLE "{login}"'))
    admin.dispose()


def _pay(app: OpenApp, qtbot: QtBot, customer_id: int, amount: str) -> None:
    """A payment through the window's payment dialog, applied oldest first."""
    app.commands.record_payment(app.window, customer_id)
    dialog = app.last_dialog
    assert isinstance(dialog, PaymentDialog)
    app.settle()
    qtbot.keyClicks(dialog.amount, amount)
    dialog.suggest()
    dialog.save()
    app.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()


def _open_file(app: OpenApp, customer_id: int) -> tuple[CustomersPage, list[CustomerFileView]]:
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(customer_id)
    app.settle()
    shown: list[CustomerFileView] = []
    page.file.file_shown.connect(shown.append)
    return page, shown


def _poll(app: OpenApp) -> None:
    assert app.controller.composition is not None
    app.controller.composition.freshness.poll_now()
    app.settle()


def test_two_windows_two_users_one_server_book(qtbot: QtBot, office: Office) -> None:
    owner, collector = office.owner, office.collector
    assert owner.services.users.me().role.value == "owner"
    assert collector.services.users.me().login == office.collector_login
    # The owner's morning: customers and their invoices.
    s = owner.services
    ana = s.customers.create(CustomerData(name="Ana Ávila", phone="5512345678")).id
    beto = s.customers.create(CustomerData(name="Beto Cruz", phone="5587654321")).id
    for customer_id in (ana, beto):
        line = make_line("Servicio", "1", "1000.00", "0", "0")
        s.invoices.issue(InvoiceDraft(customer_id, (line,), date(2026, 10, 1), date(2026, 10, 31)))
    _poll(owner)  # the baselines: each window has seen what is there now
    _poll(collector)

    # Both windows have Ana's file open.
    _owner_page, owner_shown = _open_file(owner, ana)
    _collector_page, collector_shown = _open_file(collector, ana)

    # The collector takes a payment from Ana and logs the call...
    _pay(collector, qtbot, ana, "300")
    contacts = collector.services.contacts
    collector.runner.write(
        lambda _ctx: contacts.log(ContactInput(ana, "phone", "contacted", notes="Pagó 300")),
        OpChanges.of(Kind.CONTACTS, customers=[ana]),
    ).run()
    collector.settle()
    # ...and the owner's window learns of it when its watch polls.
    owner_shown.clear()
    _poll(owner)
    assert owner_shown, "the owner's open file reloads with the collector's work"
    latest = owner_shown[-1]
    assert latest.balance.open_amount == Decimal("700.00")
    assert [(c.notes, c.author) for c in latest.timeline] == [("Pagó 300", "Carla Cobradora")]

    # The owner takes a second payment from Ana in their own window; the collector's sees it.
    _pay(owner, qtbot, ana, "200")
    collector_shown.clear()
    _poll(collector)
    assert collector_shown and collector_shown[-1].balance.open_amount == Decimal("500.00")
    assert len(collector_shown[-1].payments) == 2

    # The collector may not change the business data: refused, in Spanish, nothing saved.
    settings = collector.window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    collector.settle()
    settings.name.setText("Otro Negocio")
    settings.save_profile()
    collector.settle()
    assert "Solo el dueño puede cambiar la configuración" in settings.error_label.text()
    assert owner.services.business.profile().name != "Otro Negocio"

    # An edit made on Beto while the owner's laptop saved him meanwhile is refused.
    page, _shown = _open_file(owner, beto)
    page.file.tabs.setCurrentIndex(3)
    page.file.form.notes.setPlainText("desde el escritorio")
    laptop = open_workspace(office.url, FixedClock.on(DAY, hour=10), create=False)
    try:
        theirs = laptop.customers.get(beto)
        laptop.customers.update(
            beto, replace(theirs.data(), notes="desde la laptop"), theirs.version
        )
    finally:
        laptop.close()
    page.file.save()
    owner.settle()
    assert "Otra persona cambió este cliente" in page.file.form.error_label.text()
    assert owner.services.customers.get(beto).notes == "desde la laptop"

    # Nothing lost, nothing doubled; the book checks green from the command line.
    assert owner.services.customers.balance(ana, DAY).open_amount == Decimal("500.00")
    assert owner.services.customers.balance(beto, DAY).open_amount == Decimal("1000.00")
    assert sorted(p.amount for p in owner.services.payments.for_customer(ana)) == [
        Decimal("200.00"),
        Decimal("300.00"),
    ]
    trail = owner.services.audit.entries(customer_id=ana)
    assert sorted(e.login for e in trail if e.action == "payment.recorded") == sorted(
        [office.collector_login, office.url.username or ""]
    )
    assert main(["check", "--book", url_text(office.url)]) == 0
