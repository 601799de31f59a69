"""Look of every document: page geometry, colours, paragraph styles and formatted values.

Subclasses of the renderer base reuse these; a new document type overrides a style by
copying ``styles()`` and changing one entry, not by editing this module.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
)

from cobranza_desktop.documents.fonts import style_for
from cobranza_desktop.documents.markup import (
    RichText,
    TextLine,
    WrapOnceParagraph,
    is_simple_markup,
)
from cobranza_desktop.domain.formatting import (
    format_date,
    format_long_date,
    format_money,
    format_percent,
)
from cobranza_desktop.domain.i18n import locale_for

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_TOP_LATER = 26 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5B6675")
LIGHT = colors.HexColor("#E8EDF3")
WARN = colors.HexColor("#8A1C1C")

# Babel formatting is pure but not cheap; documents repeat the same amounts and dates.
_money = lru_cache(maxsize=8192)(format_money)
_short_date = lru_cache(maxsize=4096)(format_date)
_long_date = lru_cache(maxsize=1024)(format_long_date)
_percent = lru_cache(maxsize=1024)(format_percent)


def percent(value: Decimal) -> str:
    return _percent(value, locale_for())


def money(amount: Decimal, currency: str = "MXN") -> str:
    return _money(amount, currency, locale_for())


def short_date(value: date) -> str:
    return _short_date(value, locale_for())


def long_date(value: date) -> str:
    return _long_date(value, locale_for())


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The document styles, built once per process."""
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=13)
    made = {
        "body": body,
        "body_r": ParagraphStyle("body_r", parent=body, alignment=TA_RIGHT),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "label": ParagraphStyle(
            "label",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
        ),
        "biz_name": ParagraphStyle(
            "biz_name",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=13,
            leading=16,
            textColor=ACCENT,
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=18,
            textColor=ACCENT,
            alignment=TA_RIGHT,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_r": ParagraphStyle(
            "cell_r", parent=body, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "th": ParagraphStyle(
            "th",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            textColor=colors.white,
        ),
        "th_r": ParagraphStyle(
            "th_r",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold"),
        "kv": ParagraphStyle("kv", parent=body, leading=12),
        "kv_r": ParagraphStyle("kv_r", parent=body, leading=12, alignment=TA_RIGHT),
        "kv_b": ParagraphStyle("kv_b", parent=body, leading=12, fontName="Helvetica-Bold"),
        "kv_rb": ParagraphStyle(
            "kv_rb", parent=body, leading=12, fontName="Helvetica-Bold", alignment=TA_RIGHT
        ),
        "notice": ParagraphStyle(
            "notice",
            parent=body,
            fontName="Helvetica-Bold",
            textColor=WARN,
            fontSize=10,
            leading=13,
        ),
    }
    for style in made.values():
        style.alignment = style.alignment if style.alignment is not None else TA_LEFT
        style.splitLongWords = True
    return made


def para(text: str, style: str = "body") -> Flowable:
    """A paragraph of markup built by the renderer (user parts already escaped).

    The markup the renderers use (bold, line breaks) is drawn by the light RichText;
    anything richer goes through a Platypus Paragraph.
    """
    chosen = style_for(text, styles()[style])  # DejaVu Sans where Helvetica has no glyph
    if is_simple_markup(text):
        return RichText(text, chosen)
    return WrapOnceParagraph(text, chosen)


def text(value: str | None, style: str = "body") -> Flowable:
    """Plain (user) text: drawn as one line when it fits, else an escaped Paragraph."""
    return TextLine(value or "", styles()[style])
