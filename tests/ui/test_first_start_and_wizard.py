"""The first start's three doors, and the business profile wizard's checks."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.penalties import PenaltyPreset
from cobranza_desktop.services.base.business import BusinessService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.storage.database import open_book
from cobranza_desktop.storage.paths import data_home, default_book_path
from cobranza_desktop.ui.app import Application, create_application
from cobranza_desktop.ui.dialogs.new_book_wizard import NewBookWizard
from cobranza_desktop.ui.first_start import FirstStart
from cobranza_desktop.ui.tasks import TaskRunner
from tests.ui.ui_support import IDLE_TIMEOUT, TODAY, OpenedDialogs


@pytest.fixture
def fresh(qtbot: QtBot, tmp_path: Path, dialogs: OpenedDialogs) -> Iterator[Application]:
    """The program started without a book: the three doors."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    controller = Application(
        create_application(), runner, settings, "es", clock=FixedClock.on(TODAY)
    )
    assert not default_book_path().exists()
    controller.show_first_start()
    assert controller.window is not None
    controller.window.show()
    yield controller
    runner.wait_idle(IDLE_TIMEOUT)
    if controller.window is not None:
        controller.window.close()
    controller.close()


def doors(controller: Application) -> FirstStart:
    assert isinstance(controller.first_start, FirstStart)
    return controller.first_start


def error_text(page: QWidget, key: str) -> str:
    label = page.errors[key]  # type: ignore[attr-defined]
    assert isinstance(label, QLabel)
    return label.text() if not label.isHidden() else ""


def check(qtbot: QtBot, wizard: NewBookWizard) -> None:
    with qtbot.waitSignal(wizard.checked, timeout=int(IDLE_TIMEOUT * 1000)):
        wizard.next()


def test_the_window_without_a_book_offers_three_doors(fresh: Application) -> None:
    window = fresh.window
    assert window is not None and not window.is_ready()
    assert window.stack.currentWidget() is doors(fresh)
    assert not window.navigation.isVisible()
    texts = [b.text() for b in (doors(fresh).new_button, doors(fresh).open_button)]
    assert all("&" in t for t in texts)


def test_the_open_door_asks_for_a_file_and_opens_it(
    qtbot: QtBot, fresh: Application, tmp_path: Path, dialogs: OpenedDialogs
) -> None:
    existing = tmp_path / "mi-libro.sqlite"
    with open_book(existing, create=True):
        pass
    doors(fresh).open_button.click()
    chooser = fresh.dialog
    assert isinstance(chooser, QFileDialog)
    chooser.fileSelected.emit(str(existing))
    assert fresh.runner.wait_idle(IDLE_TIMEOUT)
    assert fresh.window is not None and fresh.window.is_ready()
    assert fresh.book_path is not None and fresh.book_path.name == "mi-libro.sqlite"
    chooser.close()


def test_the_demo_door_builds_the_demo_off_the_gui_thread_with_progress(
    qtbot: QtBot, fresh: Application
) -> None:
    seen: list[float] = []
    doors(fresh).progress.valueChanged.connect(seen.append)
    doors(fresh).demo_button.click()
    assert not doors(fresh).demo_button.isEnabled()  # no second demo while one is built
    assert fresh.runner.wait_idle(120)
    assert fresh.runner.wait_idle(IDLE_TIMEOUT)
    assert fresh.window is not None and fresh.window.is_ready()
    assert fresh.book_path is not None and fresh.book_path.parent == data_home()
    assert fresh.book_path.name == "demo.sqlite"
    assert len(seen) > 2 and max(seen) > 500
    fresh.close_book()  # the book is locked while open
    with open_book(data_home() / "demo.sqlite") as book:
        assert BusinessService(book).profile().name != ""


def test_the_new_door_opens_the_wizard_which_refuses_a_bad_rfc_beside_its_field(
    qtbot: QtBot, fresh: Application, dialogs: OpenedDialogs
) -> None:
    doors(fresh).new_button.click()
    wizard = dialogs.last
    assert isinstance(wizard, NewBookWizard)
    assert wizard.currentPage() is wizard.business_page
    wizard.name.setText("Taller Ruiz")
    wizard.rfc.setText("NO-ES-UN-RFC")
    check(qtbot, wizard)
    assert wizard.currentPage() is wizard.business_page  # refused, stays
    assert error_text(wizard.business_page, "rfc") != ""
    assert error_text(wizard.business_page, "name") == ""

    wizard.rfc.setText("RUTA800101AB1")
    wizard.email.setText("no es correo")
    check(qtbot, wizard)
    assert error_text(wizard.business_page, "rfc") == ""
    assert error_text(wizard.business_page, "email") != ""
    wizard.email.setText("taller@ejemplo.mx")
    check(qtbot, wizard)
    assert wizard.currentPage() is wizard.payment_page

    wizard.clabe.setText("123")
    check(qtbot, wizard)
    assert wizard.currentPage() is wizard.payment_page
    assert error_text(wizard.payment_page, "clabe") != ""
    wizard.clabe.setText("")
    check(qtbot, wizard)
    assert wizard.currentPage() is wizard.penalty_page

    wizard.preset.setCurrentIndex(wizard.preset.findData(PenaltyPreset.CUSTOM.value))
    wizard.annual_rate.setText("abc")
    wizard.next()
    assert wizard.currentPage() is wizard.penalty_page
    assert error_text(wizard.penalty_page, "annual_rate_percent") != ""
    wizard.annual_rate.setText("24")
    wizard.late_fee.setText("150.00")
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    wizard.reject()


def test_finishing_the_wizard_creates_the_book_with_the_whole_profile(
    qtbot: QtBot, fresh: Application, dialogs: OpenedDialogs, tmp_path: Path
) -> None:
    fresh.new_book()
    wizard = dialogs.last
    assert isinstance(wizard, NewBookWizard)
    wizard.name.setText("Taller Ruiz")
    wizard.rfc.setText("ruta800101ab1")
    wizard.phone.setText("55 1234 5678")
    wizard.address.setPlainText("Calle 5 #12, Puebla")
    check(qtbot, wizard)
    wizard.bank.setText("Banco del Ejemplo")
    wizard.terms.setValue(15)
    check(qtbot, wizard)
    wizard.preset.setCurrentIndex(wizard.preset.findData(PenaltyPreset.LEGAL.value))
    wizard.next()
    target = tmp_path / "taller.sqlite"
    wizard.path_edit.setText(str(target))
    wizard.accept()
    assert fresh.runner.wait_idle(IDLE_TIMEOUT)
    assert fresh.window is not None and fresh.window.is_ready()
    assert fresh.book_path is not None and fresh.book_path.name == "taller.sqlite"
    fresh.close_book()  # the book is locked while open
    with open_book(target) as book:
        profile = BusinessService(book).profile()
        policy = PenaltyService(book, FixedClock.on(TODAY)).business_policy()
    assert profile.name == "Taller Ruiz" and profile.rfc == "RUTA800101AB1"
    assert profile.payment_terms_days == 15 and profile.bank_name == "Banco del Ejemplo"
    assert profile.address == "Calle 5 #12, Puebla"
    assert policy.preset is PenaltyPreset.LEGAL and policy.annual_rate_percent == Decimal(6)


def test_every_wizard_field_has_an_accessible_name(
    qtbot: QtBot, fresh: Application, dialogs: OpenedDialogs
) -> None:
    fresh.new_book()
    wizard = dialogs.last
    assert isinstance(wizard, NewBookWizard)
    fields = [
        wizard.name, wizard.rfc, wizard.address, wizard.phone, wizard.email,
        wizard.logo, wizard.logo_button, wizard.logo_preview, wizard.bank, wizard.clabe,
        wizard.terms, wizard.preset, wizard.annual_rate, wizard.late_fee,
        wizard.path_edit, wizard.path_button,
    ]  # fmt: skip
    names = [field.accessibleName() for field in fields]
    assert all(names) and len(set(names)) == len(names), names
    # Each caption's mnemonic leads to its field.
    caption = wizard.business_page.form.labelForField(wizard.rfc.parentWidget())
    assert isinstance(caption, QLabel) and caption.buddy() is wizard.rfc
    # Escape closes the wizard without making anything.
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert not default_book_path().exists()
