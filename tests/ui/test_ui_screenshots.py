"""Screenshots of the main pages under the offscreen platform: none may be blank.

Set COBRANZA_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.pages.customers_page import CustomersPage
from tests.ui.ui_support import OpenApp

PAGES = [
    "today",
    "customers",
    "invoices",
    "payments",
    "aging",
    "indicators",
    "plans",
    "messages",
    "settings",
]


def distinct_colours(image: QImage, step: int = 7) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def shoot(app: OpenApp, name: str, directory: Path) -> QImage:
    app.settle()
    image = app.window.grab().toImage()
    path = directory / f"{name}.png"
    assert image.save(str(path))
    return image


def test_main_pages_are_not_blank(qtbot: QtBot, demo_app: OpenApp, tmp_path: Path) -> None:
    directory = Path(os.environ.get("COBRANZA_SCREENSHOTS", tmp_path / "shots"))
    directory.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for key in PAGES:
        demo_app.window.show_page(key)
        image = shoot(demo_app, key, directory)
        assert image.width() >= 1000 and image.height() >= 700
        # A blank or single-colour window has a handful of colours; a page with
        # text, icons and tables has many.
        assert distinct_colours(image) > 12, key
        sizes[key] = (directory / f"{key}.png").stat().st_size
    # Pages with data draw much more than the empty states.
    assert sizes["customers"] > sizes["today"]
    assert sizes["aging"] > sizes["today"]

    page = demo_app.window.show_page("customers")
    assert isinstance(page, CustomersPage)
    demo_app.settle()
    assert page.list.model.rowCount() == 15
    page.open_customer(page.list.model.row_at(0).id)
    image = shoot(demo_app, "customer-file", directory)
    assert distinct_colours(image) > 12
