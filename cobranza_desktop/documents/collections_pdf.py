"""A small ReportLab base shared by the collections documents (plan, agency dossier).

Plain data in, PDF bytes out. Header with the business data, footer with
"page x of y", user text escaped, long tables built in chunks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, TableStyle

from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.i18n import _

CHUNK_ROWS = 250


@dataclass(frozen=True)
class BusinessHeader:
    name: str
    tax_id: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


def text(value: object) -> str:
    """User text made safe for a Paragraph: markup characters are escaped."""
    return escape(str(value)).replace("\n", "<br/>")


class Styles:
    def __init__(self) -> None:
        base = getSampleStyleSheet()
        self.body = ParagraphStyle("cbody", parent=base["BodyText"], fontSize=9, leading=11.5)
        self.small = ParagraphStyle("csmall", parent=self.body, fontSize=7.5, leading=9.5)
        self.title = ParagraphStyle("ctitle", parent=base["Title"], fontSize=15, spaceAfter=6)
        self.h2 = ParagraphStyle(
            "ch2", parent=base["Heading2"], fontSize=11.5, spaceBefore=8, spaceAfter=4
        )
        self.cell = ParagraphStyle("ccell", parent=self.body, fontSize=8, leading=10)
        self.cell_right = ParagraphStyle("ccellr", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle(
            "chead", parent=self.cell, fontName="Helvetica-Bold", textColor=colors.white
        )
        self.head_right = ParagraphStyle("cheadr", parent=self.head, alignment=TA_RIGHT)


def _numbered_canvas(header: BusinessHeader) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = LETTER
            self.saveState()
            self.setFont("Helvetica-Bold", 10)
            self.drawString(18 * mm, height - 14 * mm, header.name[:90])
            self.setFont("Helvetica", 7.5)
            details = "  ·  ".join(
                p
                for p in (header.tax_id, header.address, display_phone(header.phone), header.email)
                if p
            )
            self.drawString(18 * mm, height - 18.5 * mm, details[:150])
            self.setStrokeColor(colors.HexColor("#1f4e79"))
            self.line(18 * mm, height - 20.5 * mm, width - 18 * mm, height - 20.5 * mm)
            self.setFont("Helvetica", 7.5)
            page = _("Página {pagenumber} de {total}").format(
                pagenumber=self._pageNumber, total=total
            )
            self.drawRightString(width - 18 * mm, 10 * mm, page)
            self.restoreState()

    return NumberedCanvas


def build_pdf(header: BusinessHeader, title: str, story: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=26 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=header.name,
    )
    doc.build(story, canvasmaker=_numbered_canvas(header))
    return buffer.getvalue()


def table(
    styles: Styles,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    right: Sequence[int] = (),
    empty: str = "",
) -> list[Flowable]:
    """A table split in chunks of :data:`CHUNK_ROWS` rows (one huge table costs O(n²))."""
    if not rows:
        return [Paragraph(text(empty or _("Sin registros.")), styles.body)]
    head = [
        Paragraph(text(h), styles.head_right if i in right else styles.head)
        for i, h in enumerate(headers)
    ]
    out: list[Flowable] = []
    for start in range(0, len(rows), CHUNK_ROWS):
        body = [
            [
                Paragraph(text(v), styles.cell_right if i in right else styles.cell)
                for i, v in enumerate(row)
            ]
            for row in rows[start : start + CHUNK_ROWS]
        ]
        t = LongTable([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor("#eef3f8")],
                    ),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor("#1f4e79")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        out.append(t)
    return out
