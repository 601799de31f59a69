"""The invoice editor's lines: a table of description, quantity, price, discount, tax.

It turns what was typed into validated :class:`LineInput` (the domain's ``make_line``),
shows each line's amount, and marks in red the cell a :class:`FieldPath` points at.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cobranza_desktop.domain.errors import FieldPath, ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import LineInput, line_amounts, make_line
from cobranza_desktop.domain.money import round_money

DESCRIPTION, QUANTITY, PRICE, DISCOUNT, TAX, AMOUNT = range(6)
FIELD_COLUMNS = {
    "description": DESCRIPTION,
    "quantity": QUANTITY,
    "unit_price": PRICE,
    "discount": DISCOUNT,
    "tax": TAX,
}
ERROR_BRUSH = QBrush(QColor("#fbe3e1"))


class InvoiceLinesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.default_tax = Decimal("16")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Descripción"),
                self.tr("Cantidad"),
                self.tr("Precio unitario"),
                self.tr("Descuento %"),
                self.tr("IVA %"),
                self.tr("Importe"),
            ]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (QUANTITY, 80),
            (PRICE, 120),
            (DISCOUNT, 95),
            (TAX, 70),
            (AMOUNT, 120),
        ):
            self.setColumnWidth(column, width)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def set_default_tax(self, rate: Decimal) -> None:
        """The business's tax rate: new lines take it, untouched lines follow it."""
        self.default_tax = rate
        for row in range(self.rowCount()):
            item = self.item(row, TAX)
            if item is not None and item.text() == "16" and rate != Decimal("16"):
                item.setText(plain(rate))

    def add_line(
        self,
        description: str = "",
        quantity: str = "1",
        price: str = "",
        discount: str = "0",
        tax: str | None = None,
    ) -> int:
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        values = [description, quantity, price, discount, tax or plain(self.default_tax), ""]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column != DESCRIPTION:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == AMOUNT:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, column, item)
        self.blockSignals(False)
        return row

    def set_cell(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        assert item is not None
        item.setText(text)

    def remove_current(self) -> bool:
        """Remove the selected line (or the last one); False when there is none."""
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row < 0:
            return False
        self.removeRow(row)
        return True

    def cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def parsed(self) -> list[LineInput]:
        """Every line validated; raises ValidationError naming ``lines[n].field``."""
        result = []
        for row in range(self.rowCount()):
            values = [self.cell(row, c) for c in range(5)]
            if not any(v.strip() for v in (values[0], values[2])):
                continue  # a blank line is ignored
            result.append(
                make_line(
                    values[0],
                    values[1].strip() or "0",
                    values[2].strip().replace("$", "") or "0",
                    values[3].strip() or "0",
                    values[4].strip() or "0",
                    position=row + 1,
                )
            )
        if not result:
            raise ValidationError(
                "lines",
                _("La factura necesita al menos un renglón."),
            )
        return result

    def evaluate(self) -> tuple[list[LineInput], ValidationError | None]:
        """Each line's amount shown, what does not parse marked; the good lines and the
        first problem."""
        self.blockSignals(True)
        try:
            for row in range(self.rowCount()):
                for column in range(5):
                    item = self.item(row, column)
                    if item is not None:
                        item.setBackground(QBrush())
            good: list[LineInput] = []
            problem: ValidationError | None = None
            for row in range(self.rowCount()):
                values = [self.cell(row, c) for c in range(5)]
                amount_item = self.item(row, AMOUNT)
                if not values[0].strip() and not values[2].strip():
                    if amount_item is not None:
                        amount_item.setText("")
                    continue
                try:
                    line = make_line(
                        values[0] or "·",
                        values[1].strip() or "0",
                        values[2].strip().replace("$", "") or "0",
                        values[3].strip() or "0",
                        values[4].strip() or "0",
                        position=row + 1,
                    )
                except ValidationError as exc:
                    problem = problem or exc
                    self.mark(row, exc.path)
                    if amount_item is not None:
                        amount_item.setText("")
                    continue
                good.append(line)
                if amount_item is not None:
                    amount_item.setText(format_money(round_money(line_amounts(line).net)))
        finally:
            self.blockSignals(False)
        return good, problem

    def mark(self, row: int, path: FieldPath) -> None:
        column = FIELD_COLUMNS.get(path.last())
        if column is not None:
            item = self.item(row, column)
            if item is not None:
                item.setBackground(ERROR_BRUSH)

    def set_read_only(self, read_only: bool) -> None:
        if read_only:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def with_line(error: ValidationError) -> str:
    """Say which line is wrong when the domain message does not."""
    path = error.path
    if path.name == "lines" and path.index is not None:
        number = path.index
        prefix = _("Renglón {number}").format(number=number)
        if not error.message.startswith(prefix):
            return f"{prefix}: {error.message}"
    return error.message


def plain(value: Decimal) -> str:
    """``16`` rather than ``16.000000``: what a person would type."""
    text = format(value.normalize(), "f")
    return text
