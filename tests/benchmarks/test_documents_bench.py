"""1,000 one-page penalty notices: pages per second, against a minimal ReportLab
canvas baseline that produces the same number of pages in the same run.

Run with: pytest tests/benchmarks/test_documents_bench.py --benchmark-only -s
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from io import BytesIO

from pypdf import PdfReader
from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from cobranza_desktop.documents import render_penalty_notice
from cobranza_desktop.documents.data import PenaltyNoticeData
from cobranza_desktop.documents.samples import sample_customer, sample_notice
from cobranza_desktop.domain.i18n import set_language

COUNT = 1000
TARGET_PAGES_PER_SECOND = 150


def _notices() -> list[PenaltyNoticeData]:
    base = sample_notice()
    return [
        replace(base, customer=sample_customer(f"Cliente Núñez {i:04d}"), reference=f"AP-{i:05d}")
        for i in range(COUNT)
    ]


def _render_all(notices: list[PenaltyNoticeData]) -> int:
    return sum(len(render_penalty_notice(n)) for n in notices)


def _baseline() -> float:
    """Seconds for COUNT one-page PDFs from a bare canvas with a few lines of text."""
    start = time.perf_counter()
    for i in range(COUNT):
        buffer = BytesIO()
        canvas = Canvas(buffer, pagesize=LETTER, invariant=True)
        canvas.setFont("Helvetica", 10)
        for line in range(40):
            canvas.drawString(72, 720 - 15 * line, f"Cliente {i} línea {line} $12,345.67")
        canvas.showPage()
        canvas.save()
    return time.perf_counter() - start


def test_penalty_notices_pages_per_second(benchmark: BenchmarkFixture) -> None:
    set_language("es")
    notices = _notices()
    assert len(PdfReader(BytesIO(render_penalty_notice(notices[0]))).pages) == 1
    baseline = statistics.median(_baseline() for _ in range(3))

    benchmark.pedantic(_render_all, args=(notices,), rounds=3, iterations=1, warmup_rounds=1)

    seconds = benchmark.stats.stats.median
    pages_per_second = COUNT / seconds
    baseline_pages_per_second = COUNT / baseline
    ratio = seconds / baseline
    benchmark.extra_info.update(
        pages_per_second=round(pages_per_second, 1),
        baseline_pages_per_second=round(baseline_pages_per_second, 1),
        slowdown_vs_baseline=round(ratio, 2),
    )
    print(
        f"\n{COUNT} penalty notices: median {seconds:.2f} s = {pages_per_second:.0f} pages/s; "
        f"bare canvas baseline {baseline_pages_per_second:.0f} pages/s; ratio {ratio:.1f}x"
    )
    assert pages_per_second >= TARGET_PAGES_PER_SECOND
