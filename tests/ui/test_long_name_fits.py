"""A customer with a long name does not widen the window: the file's header cuts the name
with "…" and shows it whole in its tooltip (issue 15: the window once grew to 1442 px)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.ui_support import OpenApp

LONG_NAME = "Distribuidora de Materiales para Construcción y Acabados del Bajío S.A. de C.V."


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_long_name_does_not_widen_the_window(
    qtbot: QtBot, demo_app: OpenApp, language: str
) -> None:
    install_translations(create_application(), language)
    window = demo_app.window
    window.resize(1366, 768)
    cid = demo_app.services.customers.create(CustomerData(name=LONG_NAME, phone="55 1234 5678")).id
    page = window.show_page("customers")
    assert isinstance(page, CustomersPage)
    demo_app.settle()
    page.open_customer(cid)
    demo_app.settle()
    title = page.file.title
    assert title.text() == LONG_NAME
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366
    assert title.is_elided() and title.full_tooltip() == LONG_NAME  # cut, whole on hover
    if shots := os.environ.get("COBRANZA_SCREENSHOTS"):
        save(grab(window), Path(shots), f"long-name-file-{language}")
