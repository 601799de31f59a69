"""Light layout flowables: boxes, columns and label/value lists.

Platypus ``Table`` is general and costs accordingly; the documents only need a few
fixed arrangements, which these draw directly. None of them splits across pages:
they hold a few lines each (addresses, totals, reference data).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

Color = Any


def _stack_height(items: Sequence[Flowable], width: float, canvas: Any) -> list[float]:
    """Each item's height plus the space around it inside the stack."""
    heights = []
    for index, item in enumerate(items):
        _, h = item.wrapOn(canvas, width, 1e6)
        if index:
            h += item.getSpaceBefore()
        if index < len(items) - 1:
            h += item.getSpaceAfter()
        heights.append(h)
    return heights


def _draw_stack(
    items: Sequence[Flowable], heights: Sequence[float], canvas: Any, x: float, top: float
) -> None:
    y = top
    for index, (item, h) in enumerate(zip(items, heights, strict=True)):
        after = item.getSpaceAfter() if index < len(items) - 1 else 0.0
        y -= h
        item.drawOn(canvas, x, y + after)


class Box(Flowable):
    """Flowables stacked in a box with padding, an optional background, border and label band."""

    def __init__(
        self,
        content: Sequence[Flowable],
        *,
        width: float | None = None,
        padding: tuple[float, float, float, float] = (6, 4, 6, 5),
        background: Color | None = None,
        border: Color | None = None,
        border_width: float = 0.5,
        label: Flowable | None = None,
        label_background: Color | None = None,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.fixed_width = width
        self.padding = padding
        self.background = background
        self.border = border
        self.border_width = border_width
        self.label = label
        self.label_background = label_background
        self._heights: list[float] = []
        self._label_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        left, top, right, bottom = self.padding
        self.width = self.fixed_width or availWidth
        inner = self.width - left - right
        canvas = getattr(self, "canv", None)
        self._label_height = 0.0
        if self.label is not None:
            self._label_height = self.label.wrapOn(canvas, inner, 1e6)[1] + top + 2
        self._heights = _stack_height(self.content, inner, canvas)
        self.height = self._label_height + top + sum(self._heights) + bottom
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left, top, _, _ = self.padding
        if self.background is not None:
            canvas.setFillColor(self.background)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.label is not None:
            if self.label_background is not None:
                canvas.setFillColor(self.label_background)
                canvas.rect(
                    0,
                    self.height - self._label_height,
                    self.width,
                    self._label_height,
                    stroke=0,
                    fill=1,
                )
            label_h = self._label_height - top - 2
            self.label.drawOn(canvas, left, self.height - top - label_h)
        if self.border is not None:
            canvas.setStrokeColor(self.border)
            canvas.setLineWidth(self.border_width)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        _draw_stack(
            self.content, self._heights, canvas, left, self.height - self._label_height - top
        )


class Columns(Flowable):
    """Side-by-side stacks of flowables, top-aligned, with fixed widths.

    ``gaps`` is the space kept empty at the right of each column.
    """

    def __init__(
        self,
        columns: Sequence[Sequence[Flowable]],
        widths: Sequence[float],
        gaps: Sequence[float] | None = None,
        *,
        rule_below: tuple[float, Color] | None = None,
        padding_below: float = 0.0,
    ) -> None:
        super().__init__()
        self.columns = [list(c) for c in columns]
        self.widths = list(widths)
        self.gaps = list(gaps or [0.0] * len(widths))
        self.rule_below = rule_below
        self.padding_below = padding_below
        self._heights: list[list[float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None)
        self._heights = [
            _stack_height(col, w - g, canvas)
            for col, w, g in zip(self.columns, self.widths, self.gaps, strict=True)
        ]
        self.width = sum(self.widths)
        self.height = max((sum(h) for h in self._heights), default=0.0) + self.padding_below
        return self.width, self.height

    def draw(self) -> None:
        x = 0.0
        for col, heights, w in zip(self.columns, self._heights, self.widths, strict=True):
            _draw_stack(col, heights, self.canv, x, self.height)
            x += w
        if self.rule_below is not None:
            width, color = self.rule_below
            self.canv.setStrokeColor(color)
            self.canv.setLineWidth(width)
            self.canv.line(0, 0, self.width, 0)


class KeyValues(Flowable):
    """Label/value rows, values right-aligned; the first or last row may stand out."""

    def __init__(
        self,
        rows: Sequence[tuple[Flowable, Flowable]],
        widths: tuple[float, float],
        *,
        highlight_last: Color | None = None,
        rule_color: Color = colors.black,
        pad_h: float = 4.0,
        pad_v: tuple[float, float] = (1.5, 2.0),
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.widths = widths
        self.highlight_last = highlight_last
        self.rule_color = rule_color
        self.pad_h = pad_h
        self.pad_v = pad_v
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None)
        self._heights = []
        for key, value in self.rows:
            hk = key.wrapOn(canvas, self.widths[0] - 2 * self.pad_h, 1e6)[1]
            hv = value.wrapOn(canvas, self.widths[1] - 2 * self.pad_h, 1e6)[1]
            self._heights.append(max(hk, hv) + sum(self.pad_v))
        self.width = sum(self.widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        last = len(self.rows) - 1
        for index, ((key, value), h) in enumerate(zip(self.rows, self._heights, strict=True)):
            if index == last and self.highlight_last is not None:
                canvas.setFillColor(self.highlight_last)
                canvas.rect(0, top - h, self.width, h, stroke=0, fill=1)
                canvas.setStrokeColor(self.rule_color)
                canvas.setLineWidth(0.8)
                canvas.line(0, top, self.width, top)
            _, hk = key.wrapOn(canvas, self.widths[0] - 2 * self.pad_h, 1e6)
            _, hv = value.wrapOn(canvas, self.widths[1] - 2 * self.pad_h, 1e6)
            key.drawOn(canvas, self.pad_h, top - self.pad_v[0] - hk)
            value.drawOn(canvas, self.widths[0] + self.pad_h, top - self.pad_v[0] - hv)
            top -= h
