"""The aging report's lines: made lazily from the query's records, read like a tuple."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cobranza_desktop.services.receivables.aging import AgingLine, AgingLines

RECORDS = [(7, "Ana", 11600, 0, 250, 11850), (3, "Beto", 0, 1, 0, 1)]


def test_lines_read_like_a_tuple_of_decimal_lines() -> None:
    lines = AgingLines(RECORDS)
    ana = AgingLine(
        7, "Ana", (Decimal("116.00"), Decimal("0.00"), Decimal("2.50")), Decimal("118.50")
    )
    beto = AgingLine(
        3, "Beto", (Decimal("0.00"), Decimal("0.01"), Decimal("0.00")), Decimal("0.01")
    )
    assert len(lines) == 2
    assert lines[0] == ana and lines[-1] == beto
    assert lines[0:1] == (ana,) and lines[::-1] == (beto, ana)
    assert list(lines) == [ana, beto]
    assert lines == (ana, beto) and lines == AgingLines(list(RECORDS))
    assert lines != AgingLines(RECORDS[:1])
    assert lines[0] is lines[0]  # made once
    with pytest.raises(IndexError):
        lines[2]
    with pytest.raises(IndexError):
        lines[-3]


def test_column_totals_and_materialize() -> None:
    lines = AgingLines(RECORDS)
    assert lines.column_totals(3) == [11600, 1, 250]
    assert AgingLines([]).column_totals(5) == [0, 0, 0, 0, 0]
    lines.materialize()
    assert [line.total for line in lines] == [Decimal("118.50"), Decimal("0.01")]
