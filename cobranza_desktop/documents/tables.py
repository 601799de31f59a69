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
from reportlab.platypus import Flowable, Table, TableStyle

CellValue = Any  # str or Flowable (usually a Paragraph)

PAD_H = 4.0
PAD_V = 2.5
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_SIZE = 8.5
LEADING = 10.5

HEADER_BG = colors.HexColor("#1F3A5F")
STRIPE_BG = colors.HexColor("#F2F5F9")
GRID = colors.HexColor("#C9D3DF")


class _Measure:
    """Row heights of a table, measured once, shared by all its page pieces."""

    def __init__(self, rows: Sequence[Sequence[CellValue]], col_widths: Sequence[float]) -> None:
        self.prefix = [0.0]
        total = 0.0
        for row in rows:
            total += _row_height(row, col_widths)
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
        if self._measure is None:
            self._measure = _Measure(self.rows, self.col_widths)
        if self._header_height is None:
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
        table = self._table(self.start, len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    # -- building -------------------------------------------------------------------
    def _table(self, start: int, end: int) -> Table:
        measure, header = self._ensure_measured()
        heights = [header] + [measure.prefix[i + 1] - measure.prefix[i] for i in range(start, end)]
        data = [self.header, *self.rows[start:end]]
        table = Table(data, colWidths=self.col_widths, rowHeights=heights)
        table.setStyle(self._style(start, end))
        return table

    def _style(self, start: int, end: int) -> TableStyle:
        stripes = [colors.white, STRIPE_BG] if start % 2 == 0 else [STRIPE_BG, colors.white]
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, FONT_SIZE, LEADING),
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, FONT_SIZE, LEADING),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_H),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_H),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_V),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
        ]
        for col, how in enumerate(self.align):
            commands.append(("ALIGN", (col, 0), (col, -1), how))
        for index in self.bold_rows:
            if start <= index < end:
                row = index - start + 1
                commands.append(("FONT", (0, row), (-1, row), FONT_BOLD, FONT_SIZE, LEADING))
                commands.append(("LINEABOVE", (0, row), (-1, row), 0.8, HEADER_BG))
        return TableStyle(commands)
