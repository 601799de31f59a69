"""Long tables are built in chunks: a 5,000-line statement costs five times a 1,000-line
one, not twenty-five times. The work is counted here (deterministic); the wall-clock
comparison is in tests/benchmarks/test_documents_bench.py."""

from __future__ import annotations

from typing import Any

import pytest

from cobranza_desktop.documents import render_statement
from cobranza_desktop.documents.samples import sample_statement
from cobranza_desktop.documents.tables import ChunkedTable, _Measure


def _work(entries: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(rows measured, rows handed to page pieces, pages) for a statement."""
    measured = laid_out = pieces = 0
    original_table = ChunkedTable._table
    original_measure = _Measure.__init__

    def counting_table(self: ChunkedTable, start: int, end: int) -> Any:
        nonlocal laid_out, pieces
        laid_out += end - start
        pieces += 1
        return original_table(self, start, end)

    def counting_measure(self: _Measure, rows: Any, *args: Any) -> None:
        nonlocal measured
        measured += len(rows)
        original_measure(self, rows, *args)

    monkeypatch.setattr(ChunkedTable, "_table", counting_table)
    monkeypatch.setattr(_Measure, "__init__", counting_measure)
    render_statement(sample_statement(entries=entries))
    return measured, laid_out, pieces


def test_every_row_is_measured_and_laid_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    measured, laid_out, _ = _work(1000, monkeypatch)
    rows = 1000 + 2 + 1  # movements, opening and closing rows, the one-row aging table
    assert measured == laid_out == rows


def test_5000_lines_cost_five_times_1000_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _work(1000, monkeypatch)
    big = _work(5000, monkeypatch)
    for a, b in zip(small, big, strict=True):
        assert 4.5 <= b / a <= 5.5, (small, big)
