"""Column widths that fit the window: each column as wide as its title and its widest
text (measured, not guessed), and one column that takes what is left.

Measuring needs only the widest texts, which the caller knows (say, a report's totals):
no pass over the rows, so a table of thousands of lines sizes in no time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 14  # the cell's margins (the caller's tables are not sorted by header)


def fit_columns(
    table: QTableView,
    stretch: int,
    widest: Mapping[int, Sequence[str]],
    cell_font: QFont,
) -> None:
    """Size each column but ``stretch`` to its title and its ``widest`` texts (in
    ``cell_font``, say the bold of a totals row); ``stretch`` takes the rest."""
    model = table.model()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    titles = header.fontMetrics()
    cells = QFontMetrics(cell_font)
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        title = str(model.headerData(column, header.orientation()) or "")
        width = max(
            [
                titles.horizontalAdvance(title),
                *(cells.horizontalAdvance(t) for t in widest.get(column, ())),
            ]
        )
        table.setColumnWidth(column, width + PADDING)
