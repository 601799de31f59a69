"""Page-template pieces of the renderer base: numbered canvas, group markers, logo.

They let several documents share one PDF with their own "página x de y".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
)

from cobranza_desktop.documents.styles import MARGIN_BOTTOM, MARGIN_X, MUTED, PAGE_WIDTH
from cobranza_desktop.domain.i18n import _


class _GroupStart(Flowable):
    """Zero-size marker: a new document (own page numbering and running title) starts here."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas._cobranza_group = getattr(canvas, "_cobranza_group", -1) + 1
        canvas._cobranza_title = self.title


class _NumberedCanvas(Canvas):
    """Defers each page until the end so the footer can say "página x de y"."""

    def __init__(self, *args: Any, page_label: Callable[[int, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._pages: list[dict[str, Any]] = []
        self._cobranza_group = -1
        self._cobranza_title = ""

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        groups = [p["_cobranza_group"] for p in self._pages]
        totals: dict[int, int] = {}
        for g in groups:
            totals[g] = totals.get(g, 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            group = state["_cobranza_group"]
            seen[group] = seen.get(group, 0) + 1
            self._draw_page_number(seen[group], totals[group])
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_page_number(self, page: int, total: int) -> None:
        self.saveState()
        self.setFont("Helvetica", 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(
            PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 12 * mm, self._page_label(page, total)
        )
        self.restoreState()


def _fit_line(value: str, font: str, size: float, width: float) -> str:
    """One line of plain text for the running header/footer, shortened with "…" if needed."""
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


class _LogoFlowable(Flowable):
    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image = image
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height, mask="auto")


def _page_label(page: int, total: int) -> str:
    return _("Página {page} de {total}").format(page=page, total=total)
