"""The office in the window: the Users tab, authors in the timeline, and other people's
changes reaching the open views through the change watch (polled by hand, no sleeping)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.access import Role
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.services.book.customer_file import CustomerFileView
from cobranza_desktop.services.book.workspace import Workspace
from cobranza_desktop.services.collections.contacts import ContactInput
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.settings_page import SettingsPage
from cobranza_desktop.ui.pages.users_settings import UsersSettingsPage
from tests.ui.ui_support import OpenApp

MONDAY = FixedClock.on(date(2026, 11, 23))


def users_tab(app: OpenApp) -> UsersSettingsPage:
    page = app.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    for index in range(page.tabs.count()):
        widget = page.tabs.widget(index)
        if isinstance(widget, UsersSettingsPage):
            page.tabs.setCurrentIndex(index)
            return widget
    raise AssertionError("no Users tab in Configuración")


def test_the_owner_adds_a_collector_from_the_users_tab(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    tab = users_tab(app)
    app.settle()
    assert "no tiene usuarios" in tab.me_label.text()
    tab.new_login.setText("carla")
    tab.new_name.setText("Carla Cobradora")
    tab.new_role.setCurrentIndex(tab.new_role.findData(Role.COLLECTOR.value))
    tab.add_button.click()
    app.settle()
    rows = {(u.login, u.role) for u in tab.user_model.rows()}
    assert ("carla", Role.COLLECTOR) in rows
    assert (app.services.users.me().login, Role.OWNER) in rows
    assert "Dueño" in tab.me_label.text()
    actions = [e.action for e in tab.activity_model.rows()]
    assert "user.added" in actions

    # A bad login is shown on its field, and nothing is added.
    tab.new_login.setText("con espacio")
    tab.add_button.click()
    app.settle()
    assert "sin espacios" in tab.error_label.text()
    assert len(tab.user_model.rows()) == 2


def test_a_collector_sees_the_users_but_cannot_change_them(qtbot: QtBot, open_app: OpenApp) -> None:
    app = open_app
    users = app.services.users
    me = users.me().login
    users.add("carla", Role.COLLECTOR)
    users.add("jefa", Role.OWNER)
    users.set_role(me, Role.COLLECTOR)  # the window's own login is a collector now
    tab = users_tab(app)
    app.settle()
    assert "Solo el dueño puede dar de alta" in tab.me_label.text()
    assert not tab.add_button.isEnabled()
    assert len(tab.user_model.rows()) == 3


def test_another_persons_contact_reaches_the_open_file_with_its_author(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    composition = app.controller.composition
    assert composition is not None
    composition.freshness.stop()  # the test polls by hand
    users = app.services.users
    users.add("carla", Role.COLLECTOR, "Carla Cobradora")
    ana = app.services.customers.create(CustomerData(name="Ana Ávila", phone="5512345678")).id
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(ana)
    app.settle()
    composition.freshness._stopped = False
    composition.freshness.poll_now()  # the baseline
    app.settle()
    shown: list[CustomerFileView] = []
    page.file.file_shown.connect(shown.append)

    other_book = open_book(app.controller.book_path, lock=False)
    other_book.act_as("carla")
    other = Workspace(other_book, MONDAY)
    try:
        other.contacts.log(ContactInput(ana, "phone", "contacted", notes="Pagará el viernes"))
    finally:
        other.close()
    assert shown == []  # nothing moves until the watch looks
    composition.freshness.poll_now()
    app.settle()
    assert len(shown) == 1
    assert [(c.notes, c.author) for c in shown[0].timeline] == [
        ("Pagará el viernes", "Carla Cobradora")
    ]
    author_column = [c.key for c in page.file.contact_model._columns].index("author")
    index = page.file.contact_model.index(0, author_column)
    assert page.file.contact_model.data(index) == "Carla Cobradora"
    composition.freshness.poll_now()  # nothing new: no second reload
    app.settle()
    assert len(shown) == 1


def test_an_edit_made_on_an_old_version_is_refused_in_the_file(
    qtbot: QtBot, open_app: OpenApp
) -> None:
    app = open_app
    ana = app.services.customers.create(CustomerData(name="Ana Ávila", phone="5512345678")).id
    page = app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(ana)
    app.settle()
    page.file.tabs.setCurrentIndex(3)
    page.file.form.name.setText("Ana Ávila (mía)")  # editing; not saved yet
    # Meanwhile, someone else saves the same customer.
    theirs = app.services.customers.get(ana)
    app.services.customers.update(ana, replace(theirs.data(), phone="5587654321"), theirs.version)
    page.file.save()
    app.settle()
    assert "Otra persona cambió este cliente" in page.file.form.error_label.text()
    assert app.services.customers.get(ana).name == "Ana Ávila"
