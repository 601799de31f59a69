"""Long tables are built in chunks: a 5,000-line statement costs about five times a
1,000-line one, not twenty-five times."""

from __future__ import annotations

import time
from typing import Any

import pytest

from cobranza_desktop.documents import render_statement
from cobranza_desktop.documents.samples import sample_statement
from cobranza_desktop.documents.tables import ChunkedTable


def _rows_laid_out(entries: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(rows handed to Platypus tables, rows in the statement)."""
    laid_out = 0
    original = ChunkedTable._table

    def counting(self: ChunkedTable, start: int, end: int) -> Any:
        nonlocal laid_out
        laid_out += end - start
        return original(self, start, end)

    monkeypatch.setattr(ChunkedTable, "_table", counting)
    render_statement(sample_statement(entries=entries))
    return laid_out, entries + 2  # plus the opening and closing balance rows


def test_every_row_is_laid_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    laid_out, rows = _rows_laid_out(1000, monkeypatch)
    # The movements once each, plus the one-row aging table.
    assert laid_out == rows + 1


def test_5000_lines_take_about_five_times_1000_lines() -> None:
    def seconds(entries: int) -> float:
        data = sample_statement(entries=entries)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            render_statement(data)
            best = min(best, time.perf_counter() - start)
        return best

    small, big = seconds(1000), seconds(5000)
    ratio = big / small
    print(f"1,000 lines: {small:.2f} s; 5,000 lines: {big:.2f} s; ratio {ratio:.1f}")
    assert ratio < 10, ratio  # linear is ~5; quadratic would be ~25 (noise-tolerant bound)
