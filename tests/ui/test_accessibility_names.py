"""Every widget that Tab reaches, in each page and in every dialog, has a name a screen
reader can say (its text, its label's buddy, or an accessible name); in every dialog Tab
follows reading order and the Alt letters do not clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.accessibility import plain
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from cobranza_desktop.ui.pages.today_page import TodayPage
from tests.ui.accessibility_support import (
    backwards_steps,
    captions,
    mnemonic,
    mnemonic_clashes,
    unnamed,
    without_mnemonic,
)
from tests.ui.dialog_catalogue import dialog_classes, factories, open_each
from tests.ui.test_ui_screenshots import PAGES
from tests.ui.ui_support import OpenApp


def test_every_page_names_what_tab_reaches(qtbot: QtBot, demo_app: OpenApp) -> None:
    window = demo_app.window
    missing: dict[str, list[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        demo_app.settle()
        tabs = page.findChildren(QTabWidget)
        screens = [(key, None)]
        for tab_widget in tabs:
            for index in range(tab_widget.count()):
                screens.append((f"{key}/{tab_widget.tabText(index)}", (tab_widget, index)))
        for name, where in screens:
            if where is not None:
                where[0].setCurrentIndex(where[1])
                demo_app.settle()
            found = unnamed(window)
            if found:
                missing[name] = found
    page = window.show_page("customers")
    assert isinstance(page, CustomersPage)
    page.open_customer(demo_app.services.customers.list_page(limit=1)[0].id)
    demo_app.settle()
    for index in range(page.file.tabs.count()):
        page.file.tabs.setCurrentIndex(index)
        demo_app.settle()
        found = unnamed(window)
        if found:
            missing[f"file/{page.file.tabs.tabText(index)}"] = found
    assert missing == {}


def test_every_dialog_class_is_in_the_catalogue(demo_app: OpenApp, tmp_path: Path) -> None:
    """A new dialog is looked at by the tests below as soon as it exists: give it a way in
    in tests/ui/dialog_catalogue.py."""
    assert dialog_classes() - set(factories(demo_app, tmp_path)) == set()


# The dialogs whose every caption and button has its Alt letter (issue 15: the contact
# log, the payment plan, the customer's status and the customer file's tools).
REVIEWED = {
    "ContactLogDialog",
    "PlanDialog",
    "StatusDialog",
    "ExtendDueDateDialog",
    "DiscountDialog",
    "BarterDialog",
    "DossierDialog",
    "DeleteDraftDialog",
    "CorrectionDialog",
    "ReallocateDialog",
    "RefundDialog",
}


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_dialog_names_what_tab_reaches_in_reading_order(
    qtbot: QtBot, demo_app_in: OpenApp, tmp_path: Path, language: str
) -> None:
    """In each dialog: what Tab reaches has a spoken name; Tab, from where the cursor
    starts, never goes back up or left; no two captions claim the same Alt letter."""
    problems: dict[str, dict[str, object]] = {}
    seen = set()
    for name, dialog in open_each(demo_app_in, tmp_path):
        seen.add(name)
        found = {
            "unnamed": unnamed(dialog),
            "backwards": backwards_steps(dialog),
            "clashes": mnemonic_clashes(dialog),
            "no Alt letter": without_mnemonic(dialog) if name in REVIEWED else [],
        }
        if any(found.values()):
            problems[name] = {k: v for k, v in found.items() if v}
    assert seen >= REVIEWED and len(seen) >= 30
    assert problems == {}


@pytest.mark.parametrize("language", ["es", "en"])
def test_todays_buttons_have_their_own_alt_letters(
    qtbot: QtBot, demo_app_in: OpenApp, language: str
) -> None:
    window = demo_app_in.window
    window.resize(1366, 768)
    window.show_page("today")
    demo_app_in.settle()
    today = window.current_page()
    assert isinstance(today, TodayPage)
    assert (today.done_button.text() == "&Done…") is (language == "en")  # built in it
    missing = [
        plain(b.text())
        for b in (
            today.done_button,
            today.skip_button,
            today.compose_button,
            today.contact_button,
            today.received_button,
            today.wrong_button,
            today.refresh_button,
            today.show_waiting,
        )
        if mnemonic(b.text()) is None
    ]
    assert missing == []
    # Nor do they take a letter of the menu bar, shown beside them.
    menus = [a.text() for a in window.menuBar().actions()]
    letters = [mnemonic(t) for t in menus] + [mnemonic(t) for t, _w in captions(today)]
    taken = [x for x in letters if x is not None]
    assert len(taken) == len(set(taken)), (menus, mnemonic_clashes(today))
