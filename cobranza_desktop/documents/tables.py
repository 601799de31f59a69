"""Long tables that split page by page in linear time.

A single Platypus ``Table`` re-measures all its remaining rows every time it splits,
so a table of n rows over p pages costs O(n·p), i.e. O(n²). :class:`ChunkedTable`
measures each row once, keeps prefix sums of the heights, and on every page builds a
small ``Table`` with the header plus only the rows that fit. The header repeats on
every page and the zebra stripes continue across pages.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from cobranza_desktop.documents.fonts import needs_unicode_font, style_for
from cobranza_desktop.documents.markup import WrapOnceParagraph, clean, esc, text_width

CellValue = Any  # plain text (str, never markup) or a Flowable (usually a Paragraph)

PAD_H = 4.0
PAD_V = 2.5
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_SIZE = 8.5
LEADING = 10.5

HEADER_BG = colors.HexColor("#1F3A5F")
STRIPE_BG = colors.HexColor("#F2F5F9")
GRID = colors.HexColor("#C9D3DF")


_CELL = ParagraphStyle(
    "chunk_cell", fontName=FONT, fontSize=FONT_SIZE, leading=LEADING, splitLongWords=True
)
_CELL_STYLES = {
    (False, False): _CELL,
    (False, True): ParagraphStyle("chunk_cell_r", parent=_CELL, alignment=TA_RIGHT),
    (True, False): ParagraphStyle(
        "chunk_th", parent=_CELL, fontName=FONT_BOLD, textColor=colors.white
    ),
    (True, True): ParagraphStyle(
        "chunk_th_r", parent=_CELL, fontName=FONT_BOLD, textColor=colors.white, alignment=TA_RIGHT
    ),
}


def fit_cell(
    value: CellValue,
    width: float,
    *,
    bold: bool = False,
    right: bool = False,
    style: ParagraphStyle | None = None,
) -> CellValue:
    """Plain user text stays a fast plain string when it fits on one line; otherwise
    it becomes an escaped, wrapping Paragraph. Flowables pass through."""
    if not isinstance(value, str):
        return value
    value = clean(value)
    chosen = style or _CELL_STYLES[(bold, right)]
    if needs_unicode_font(value):
        # The fast path draws in Helvetica; DejaVu Sans draws it as a Paragraph.
        return WrapOnceParagraph(esc(value), style_for(value, chosen))
    if (
        "\n" not in value
        and text_width(value, chosen.fontName, chosen.fontSize) <= width - 2 * PAD_H
    ):
        return value
    return WrapOnceParagraph(esc(value), chosen)


class _Measure:
    """Rows made ready (long text wrapped) and their heights, computed once and
    shared by all the page pieces of a table."""

    def __init__(
        self,
        rows: Sequence[Sequence[CellValue]],
        col_widths: Sequence[float],
        right: Sequence[bool],
        bold_rows: frozenset[int],
    ) -> None:
        self.rows: list[list[CellValue]] = []
        self.prefix = [0.0]
        total = 0.0
        for index, row in enumerate(rows):
            bold = index in bold_rows
            ready = [
                fit_cell(c, w, bold=bold, right=r)
                for c, w, r in zip(row, col_widths, right, strict=True)
            ]
            self.rows.append(ready)
            total += _row_height(ready, col_widths)
            self.prefix.append(total)


def _cell_height(cell: CellValue, width: float) -> float:
    if isinstance(cell, Flowable):
        return float(cell.wrap(width - 2 * PAD_H, 1e9)[1])
    return LEADING * (str(cell).count("\n") + 1)


def _row_height(row: Sequence[CellValue], col_widths: Sequence[float]) -> float:
    return (
        max((_cell_height(c, w) for c, w in zip(row, col_widths, strict=True)), default=LEADING)
        + 2 * PAD_V
    )


class ChunkedTable(Flowable):
    """A table with a repeated header that splits in O(rows on the page).

    ``align`` gives each column's alignment ("LEFT", "RIGHT", "CENTER") for plain
    string cells; Paragraph cells carry their own alignment. ``bold_rows`` are
    absolute row indexes drawn in bold with a rule above (totals, balances).
    """

    def __init__(
        self,
        header: Sequence[CellValue],
        rows: Sequence[Sequence[CellValue]],
        col_widths: Sequence[float],
        align: Sequence[str],
        *,
        bold_rows: frozenset[int] = frozenset(),
        _start: int = 0,
        _measure: _Measure | None = None,
        _header_height: float | None = None,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = rows
        self.col_widths = list(col_widths)
        self.align = list(align)
        self.bold_rows = bold_rows
        self.start = _start
        self._measure = _measure
        self._header_height = _header_height
        self.width = sum(self.col_widths)

    # -- measurement --------------------------------------------------------------
    def _ensure_measured(self) -> tuple[_Measure, float]:
        right = [a == "RIGHT" for a in self.align]
        if self._measure is None:
            self._measure = _Measure(self.rows, self.col_widths, right, self.bold_rows)
        if self._header_height is None:
            self.header = [
                fit_cell(c, w, bold=True, right=r)
                for c, w, r in zip(self.header, self.col_widths, right, strict=True)
            ]
            self._header_height = _row_height(self.header, self.col_widths)
        return self._measure, self._header_height

    def _height_of(self, start: int, end: int) -> float:
        measure, header = self._ensure_measured()
        return header + measure.prefix[end] - measure.prefix[start]

    # -- Flowable protocol ----------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self._height_of(self.start, len(self.rows))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        measure, header = self._ensure_measured()
        limit = availHeight - header + measure.prefix[self.start]
        end = bisect_right(measure.prefix, limit) - 1
        end = min(end, len(self.rows))
        if end <= self.start:
            return []  # not even one row fits: start on the next page
        piece = self._table(self.start, end)
        if end >= len(self.rows):
            return [piece]
        rest = ChunkedTable(
            self.header,
            self.rows,
            self.col_widths,
            self.align,
            bold_rows=self.bold_rows,
            _start=end,
            _measure=measure,
            _header_height=header,
        )
        return [piece, rest]

    def draw(self) -> None:
        piece = self._table(self.start, len(self.rows))
        piece.wrapOn(self.canv, self.width, self.height)
        piece.drawOn(self.canv, 0, 0)

    # -- building -------------------------------------------------------------------
    def _table(self, start: int, end: int) -> _Piece:
        measure, header = self._ensure_measured()
        heights = [header] + [measure.prefix[i + 1] - measure.prefix[i] for i in range(start, end)]
        rows = [self.header, *measure.rows[start:end]]
        bold = frozenset(i - start + 1 for i in self.bold_rows if start <= i < end)
        return _Piece(rows, heights, self.col_widths, self.align, bold, start % 2 == 1)


class _Piece(Flowable):
    """The rows of a table on one page, drawn directly.

    Row heights are already known, so there is nothing to negotiate: backgrounds,
    then every plain-text cell in one text object per font, then the wrapped cells.
    This is several times cheaper than a generic Platypus ``Table``.
    """

    def __init__(
        self,
        rows: list[list[CellValue]],
        heights: list[float],
        col_widths: list[float],
        align: list[str],
        bold: frozenset[int],
        odd_start: bool,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.heights = heights
        self.col_widths = col_widths
        self.align = align
        self.bold = bold
        self.odd_start = odd_start
        self.width = sum(col_widths)
        self.height = sum(heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        lefts = [0.0]
        for w in self.col_widths[:-1]:
            lefts.append(lefts[-1] + w)
        tops = [self.height]
        for h in self.heights:
            tops.append(tops[-1] - h)
        # Backgrounds and rules.
        canvas.saveState()
        canvas.setFillColor(HEADER_BG)
        canvas.rect(0, tops[1], self.width, self.heights[0], stroke=0, fill=1)
        canvas.setFillColor(STRIPE_BG)
        for r in range(1, len(self.rows)):
            if (r % 2 == 0) != self.odd_start:
                canvas.rect(0, tops[r + 1], self.width, self.heights[r], stroke=0, fill=1)
        canvas.setStrokeColor(HEADER_BG)
        canvas.setLineWidth(0.8)
        for r in self.bold:
            canvas.line(0, tops[r], self.width, tops[r])
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(0, tops[-1], self.width, tops[-1])
        canvas.restoreState()
        # Plain-text cells, one text object per colour and font.
        flowables: list[tuple[Flowable, float, float, float]] = []
        for color, rows in ((colors.white, (0,)), (colors.black, range(1, len(self.rows)))):
            text = canvas.beginText()
            text.setFillColor(color)
            for r in rows:
                font = FONT_BOLD if r == 0 or r in self.bold else FONT
                text.setFont(font, FONT_SIZE, LEADING)
                baseline = tops[r] - PAD_V - FONT_SIZE
                for c, cell in enumerate(self.rows[r]):
                    if isinstance(cell, Flowable):
                        flowables.append((cell, lefts[c], tops[r], self.col_widths[c]))
                        continue
                    if not cell:
                        continue
                    value = str(cell)
                    if self.align[c] == "RIGHT":
                        x = (
                            lefts[c]
                            + self.col_widths[c]
                            - PAD_H
                            - text_width(value, font, FONT_SIZE)
                        )
                    else:
                        x = lefts[c] + PAD_H
                    text.setTextOrigin(x, baseline)
                    text.textOut(value)
            canvas.drawText(text)
        for cell, left, top, width in flowables:
            _, h = cell.wrapOn(canvas, width - 2 * PAD_H, top)
            cell.drawOn(canvas, left + PAD_H, top - PAD_V - h)
