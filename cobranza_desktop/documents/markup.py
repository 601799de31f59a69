"""Escaping of user text for ReportLab's Paragraph markup."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from cobranza_desktop.documents.fonts import (
    UNICODE_FONT,
    UNICODE_FONT_BOLD,
    drawable,
    style_for,
)

_CONTROL = {c: None for c in range(32) if chr(c) not in "\n\t"} | {0x7F: None}


def clean(text: str | None) -> str:
    """Plain user text without control characters, with ``\\n`` line ends."""
    if not text:
        return ""
    if text.isprintable():
        return drawable(text)
    return drawable(
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").translate(_CONTROL)
    )


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
        style = style_for(self.text, style)  # DejaVu Sans where Helvetica has no glyph
        self.style = style
        self._fallback: Paragraph | None = None
        self._text_width = text_width(self.text, style.fontName, style.fontSize)
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


_TOKENS = re.compile(r"<b>|</b>|<br/>|[^<]+")
_SIMPLE_MARKUP = re.compile(r"^(?:[^<]|<b>|</b>|<br/>)*$")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot);")
_WORDS = re.compile(r"[^ ]+| +")
_BOLD = {
    "Helvetica": "Helvetica-Bold",
    "Helvetica-Bold": "Helvetica-Bold",
    UNICODE_FONT: UNICODE_FONT_BOLD,
    UNICODE_FONT_BOLD: UNICODE_FONT_BOLD,
}
_widths: dict[tuple[str, str, float], float] = {}


def text_width(word: str, font: str, size: float) -> float:
    """String widths of words, memoized: documents repeat the same words all the time."""
    key = (word, font, size)
    found = _widths.get(key)
    if found is None:
        if len(_widths) > 50_000:
            _widths.clear()
        found = _widths[key] = stringWidth(word, font, size)
    return found


def is_simple_markup(markup: str) -> bool:
    """Only <b>, </b>, <br/> and entities: what :class:`RichText` draws by itself."""
    return bool(_SIMPLE_MARKUP.match(markup)) and (
        "&" not in markup or not re.search(r"&(?!amp;|lt;|gt;|quot;)", markup)
    )


# A piece of a line: (text, font, space before it).
_Piece = tuple[str, str, bool]


class RichText(Flowable):
    """A paragraph of text with bold parts and line breaks, wrapped and drawn directly.

    It understands exactly the markup the renderers produce around escaped user text
    (``<b>``, ``</b>``, ``<br/>`` and the four entities), at a fraction of the cost of a
    Platypus Paragraph. Words longer than the line are broken so that nothing is cut off.
    """

    def __init__(
        self, markup: str, style: ParagraphStyle, _lines: list[list[_Piece]] | None = None
    ) -> None:
        super().__init__()
        self.style = style
        self._blocks: list[list[_Piece]] = [] if _lines is not None else self._parse(markup)
        self._lines: list[list[_Piece]] = _lines or []
        self._wrapped: float | None = None if _lines is None else -1.0
        self._avail = 0.0

    def _parse(self, markup: str) -> list[list[_Piece]]:
        regular = self.style.fontName
        blocks: list[list[_Piece]] = [[]]
        bold = False
        pending_space = False
        for token in _TOKENS.findall(markup):
            if token == "<b>":
                bold = True
            elif token == "</b>":
                bold = False
            elif token == "<br/>":
                blocks.append([])
                pending_space = False
            else:
                font = _BOLD.get(regular, regular) if bold else regular
                text = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], token)
                for chunk in _WORDS.findall(text):
                    if chunk[0] == " ":
                        pending_space = True
                    else:
                        blocks[-1].append((chunk, font, pending_space and bool(blocks[-1])))
                        pending_space = False
        return blocks

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is None or (self._wrapped >= 0 and self._wrapped != availWidth):
            self._lines = self._break(availWidth)
            self._wrapped = availWidth
        self._avail = availWidth
        self.width = availWidth
        self.height = len(self._lines) * float(self.style.leading)
        return self.width, self.height

    def _break(self, width: float) -> list[list[_Piece]]:
        """Greedy line filling. Pieces glued without a space (a bold amount and the
        comma after it) move together; a word longer than the line is cut."""
        size = self.style.fontSize
        lines: list[list[_Piece]] = []
        for block in self._blocks:
            units: list[list[_Piece]] = []
            for piece in block:
                if piece[2] or not units:
                    units.append([piece])
                else:
                    units[-1].append(piece)
            line: list[_Piece] = []
            x = 0.0
            for unit in units:
                w = sum(text_width(word, font, size) for word, font, _ in unit)
                gap = text_width(" ", unit[0][1], size) if line else 0.0
                if line and x + gap + w > width:
                    lines.append(line)
                    line, x, gap = [], 0.0, 0.0
                if w <= width:
                    line.append((unit[0][0], unit[0][1], bool(line)))
                    line.extend(unit[1:])
                    x += gap + w
                    continue
                for word, font, _ in unit:  # longer than a line: cut it
                    while True:
                        ww = text_width(word, font, size)
                        if x + ww <= width or len(word) <= 1:
                            line.append((word, font, False))
                            x += ww
                            break
                        cut = len(word) - 1
                        while cut > 1 and x + text_width(word[:cut], font, size) > width:
                            cut -= 1
                        if x + text_width(word[:cut], font, size) > width and line:
                            lines.append(line)
                            line, x = [], 0.0
                            continue
                        line.append((word[:cut], font, False))
                        lines.append(line)
                        line, x = [], 0.0
                        word = word[cut:]
            lines.append(line)
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // float(self.style.leading))
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        first = RichText("", self.style, self._lines[:fit])
        rest = RichText("", self.style, self._lines[fit:])
        return [first, rest]

    def draw(self) -> None:
        style = self.style
        canvas: Any = self.canv
        size = style.fontSize
        text = canvas.beginText()
        text.setFillColor(style.textColor)
        current = ""
        right = style.alignment == TA_RIGHT
        for index, line in enumerate(self._lines):
            baseline = self.height - index * float(style.leading) - size
            x = 0.0
            if right:
                width = sum(
                    text_width(w, f, size) + (text_width(" ", f, size) if s else 0.0)
                    for w, f, s in line
                )
                x = self._avail - width
            text.setTextOrigin(x, baseline)
            run: list[str] = []
            for word, font, space in line:
                if font != current:
                    if run:
                        text.textOut("".join(run))
                        run = []
                    text.setFont(font, size)
                    current = font
                run.append(" " + word if space else word)
            if run:
                text.textOut("".join(run))
        canvas.drawText(text)
