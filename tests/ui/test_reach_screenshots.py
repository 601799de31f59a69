"""Screenshots of the corrections, the collection tools and the settings tabs, es and en.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them. Each image must
draw something, and in English the Spanish titles must not show.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.allocation import Allocation
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.invoices import make_line
from cobranza_desktop.services.billing.invoices import InvoiceDraft
from cobranza_desktop.services.receivables.payments import PaymentInput
from cobranza_desktop.ui.app import create_application, install_translations
from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.conftest import start_app, stop_app
from tests.ui.test_file_menu_screens import grab, save
from tests.ui.ui_support import TODAY, OpenApp, OpenedDialogs

SIZE = (1366, 768)


def aged_invoices(
    app: OpenApp, cid: int, ages: tuple[tuple[int, str], ...], tax: str = "16"
) -> list[int]:
    """Invoices issued ``days`` ago at ``price``, on 30 days' credit; their ids."""
    made = []
    for days, price in ages:
        draft = InvoiceDraft(
            cid,
            (make_line("Servicio de mantenimiento", "1", price, "0", tax),),
            issue_date=TODAY - timedelta(days=days),
            due_date=TODAY - timedelta(days=days - 30),
        )
        made.append(app.services.invoices.issue(draft).id)
    return made


def _book(app: OpenApp) -> int:
    s = app.services
    cid = s.customers.create(
        CustomerData(name="Taller Mecánico Ruiz", phone="55 1234 5678", email="ruiz@example.mx")
    ).id
    ids = aged_invoices(app, cid, ((75, "4500"), (45, "2800"), (20, "1200")))
    s.payments.record(
        PaymentInput(
            cid,
            "6000.00",
            TODAY - timedelta(days=3),
            "transfer",
            "SPEI 4471",
            allocations=(Allocation(ids[0], Decimal("5220.00")),),
        )
    )
    s.payments.record(PaymentInput(cid, "1500.00", TODAY - timedelta(days=1), "cash"))
    return cid


def _shot(app: OpenApp, widget: QWidget, directory: Path, name: str) -> None:
    app.settle()
    if not isinstance(widget, QDialog):
        widget.resize(*SIZE)
    app.settle()
    save(grab(widget), directory, name)


@pytest.mark.parametrize("language", ["es", "en"])
def test_reach_screens(
    qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs, directory: Path, language: str
) -> None:
    app = create_application()
    install_translations(app, language)
    opened = start_app(qtbot, tmp_path, tmp_path / "prueba.sqlite", dialogs)
    try:
        opened.window.resize(*SIZE)
        cid = _book(opened)
        page = opened.window.show_page("customers")
        assert isinstance(page, CustomersPage)
        page.open_customer(cid)
        opened.settle()
        file = page.file
        # The timeline with a correction in it.
        tools = page.tools
        payment = file.payment_model.row_at(0)
        reverse = tools.reverse(payment)
        opened.settle()
        _shot(opened, reverse, directory, f"reverse-payment-{language}")
        if language == "en":
            assert reverse.windowTitle() == "Reverse payment"
        reverse.reject()
        dialogs_to_shoot = [
            ("reallocate-payment", lambda: tools.reallocate(payment)),
            ("apply-credit", tools.apply_credit),
            ("undo-last-allocation", tools.undo_last),
            ("extend-due-date", lambda: tools.extend(None)),
            ("discount-next-payment", tools.discount),
            ("barter", tools.barter),
            ("agency-dossier", tools.dossier),
        ]
        for name, show in dialogs_to_shoot:
            dialog = show()
            assert isinstance(dialog, QDialog)
            opened.settle()
            _shot(opened, dialog, directory, f"{name}-{language}")
            dialog.reject()
        # Do one correction, so the timeline shows it.
        opened.services.corrections.undo_last(cid, "Se aplicó a la factura equivocada")
        file.refresh()
        opened.settle()
        file.tabs.setCurrentIndex(2)
        _shot(opened, opened.window, directory, f"customer-file-timeline-{language}")
        file.tabs.setCurrentIndex(1)
        _shot(opened, opened.window, directory, f"customer-file-payments-{language}")
        menu = tools.more_menu
        menu.adjustSize()
        save(grab(menu), directory, f"more-actions-menu-{language}")
        if language == "en":
            assert tools.more_button.text().replace("&", "") == "More actions"

        settings = opened.window.show_page("settings")
        opened.settle()
        tabs = settings.findChild(QTabWidget)
        assert tabs is not None
        names = {
            "Antigüedad": "aging",
            "Política de contacto": "contact-policy",
            "Escalera de cobranza": "ladder",
            "Incentivos": "incentives",
            "Cómo pagar": "how-to-pay",
            "Aging": "aging",
            "Contact policy": "contact-policy",
            "Escalation ladder": "ladder",
            "Incentives": "incentives",
            "How to pay": "how-to-pay",
        }
        shot = set()
        for index in range(tabs.count()):
            key = names.get(tabs.tabText(index))
            if key is None:
                continue
            tabs.setCurrentIndex(index)
            opened.settle()
            _shot(opened, opened.window, directory, f"settings-{key}-{language}")
            shot.add(key)
        assert shot == {"aging", "contact-policy", "ladder", "incentives", "how-to-pay"}
    finally:
        install_translations(app, "es")
        stop_app(opened)
