"""Escaping of user text for ReportLab's Paragraph markup."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

_CONTROL = {c: None for c in range(32) if chr(c) not in "\n\t"} | {0x7F: None}


def clean(text: str | None) -> str:
    """Plain user text without control characters, with ``\\n`` line ends."""
    if not text:
        return ""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").translate(_CONTROL)


def esc(text: str | None) -> str:
    """User text made safe for a Paragraph: no markup gets through, newlines break lines."""
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "<br/>")
    )


class WrapOnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    Tables wrap their cells to measure them and again to draw them, and nested tables
    multiply that; breaking lines is the most expensive step of a simple page.
    The height of a paragraph depends only on the width, so it is safe to reuse.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_width == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return width, height


class TextLine(Flowable):
    """One line of plain user text, drawn directly: much cheaper than a Paragraph.

    If the text does not fit the width it is given (or has line breaks), it falls
    back to an escaped, wrapping Paragraph of the same style, so nothing is cut off.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = clean(text)
        self.style = style
        self._fallback: Paragraph | None = None
        self._text_width = stringWidth(self.text, style.fontName, style.fontSize)
        self._avail = 0.0

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if "\n" in self.text or self._text_width > availWidth:
            if self._fallback is None:
                self._fallback = WrapOnceParagraph(esc(self.text), self.style)
            return self._fallback.wrap(availWidth, availHeight)
        self._fallback = None
        self._avail = availWidth
        self.width, self.height = availWidth, float(self.style.leading)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._fallback is not None:
            return list(self._fallback.split(availWidth, availHeight))
        return []

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        if self._fallback is not None:
            self._fallback.drawOn(canvas, x, y, _sW)
            return
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        baseline = self.height - style.fontSize
        if style.alignment == TA_RIGHT:
            canvas.drawRightString(self._avail, baseline, self.text)
        elif style.alignment == TA_CENTER:
            canvas.drawCentredString(self._avail / 2, baseline, self.text)
        else:
            canvas.drawString(0, baseline, self.text)
