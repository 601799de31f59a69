"""The fonts of the documents: Helvetica, and DejaVu Sans for text Helvetica cannot draw.

ReportLab's built-in Helvetica is fast and needs no embedding, but it only has the
Windows-1252 characters: a name in another script, a «≥» or an emoji in a template
printed as empty boxes. Text with any other character is set in DejaVu Sans (shipped in
``resources/fonts``, embedded in the PDF as a subset), and the characters DejaVu lacks
too (colour emoji) are left out rather than printed as boxes. Text Helvetica can draw
stays in Helvetica, at its speed.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

UNICODE_FONT = "DejaVuSans"
UNICODE_FONT_BOLD = "DejaVuSans-Bold"
# Helvetica's faces and the DejaVu face that stands in for each.
_STAND_IN = {
    "Helvetica": UNICODE_FONT,
    "Helvetica-Oblique": UNICODE_FONT,
    "Helvetica-Bold": UNICODE_FONT_BOLD,
    "Helvetica-BoldOblique": UNICODE_FONT_BOLD,
}


def fonts_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def needs_unicode_font(text: str) -> bool:
    """True when Helvetica (Windows-1252) cannot draw every character of ``text``."""
    if text.isascii():
        return False
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


@cache
def _registered() -> frozenset[int]:
    """Register DejaVu Sans (regular and bold) once; the characters it can draw."""
    folder = fonts_dir()
    regular = TTFont(UNICODE_FONT, str(folder / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(UNICODE_FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        UNICODE_FONT,
        normal=UNICODE_FONT,
        bold=UNICODE_FONT_BOLD,
        italic=UNICODE_FONT,
        boldItalic=UNICODE_FONT_BOLD,
    )
    return frozenset(regular.face.charToGlyph)


def drawable(text: str) -> str:
    """``text`` without the characters no shipped font can draw (most emoji)."""
    if not needs_unicode_font(text):
        return text
    covered = _registered()
    return "".join(c for c in text if ord(c) in covered or c in "\n\t")


def unicode_font(font_name: str) -> str:
    """The DejaVu face standing in for a Helvetica face (registered on first use)."""
    _registered()
    return _STAND_IN.get(font_name, font_name)


def style_for(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, or its DejaVu twin when Helvetica cannot draw ``text``."""
    if not needs_unicode_font(text):
        return style
    return _unicode_twin(style)


# By the style's identity; the style is kept too, so that its id is never reused.
_TWINS: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _unicode_twin(style: ParagraphStyle) -> ParagraphStyle:
    if style.fontName in _STAND_IN.values():
        return style
    known = _TWINS.get(id(style))
    if known is not None:
        return known[1]
    twin = ParagraphStyle(f"{style.name}-unicode", parent=style)
    twin.fontName = unicode_font(style.fontName)
    _TWINS[id(style)] = (style, twin)
    return twin
