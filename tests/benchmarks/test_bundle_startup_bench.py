"""Start-up of the Linux bundle beside the source, on the demo book.

Run with: pytest tests/benchmarks/test_bundle_startup_bench.py --benchmark-only -s
(builds the bundle first, as the smoke test does: a few minutes).

From process start until the main window is shown (and the book is ready behind it), a
subprocess per run, median of 7 after one warm-up run (the disk cache is warm, as on a
second launch; a truly cold cache needs root to drop). Target: bundle < 1.5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from tests.packaging.bundle import ROOT, Bundle, bundle, clean_env  # noqa: F401 - fixture

STARTUP_TARGET = 1.5
ROUNDS = 7


def _startup(command: list[str], home: Path) -> tuple[float, float]:
    """(window shown, book ready) in seconds from process start."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=clean_env(home, COBRANZA_STARTUP_PROBE="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    shown = ready = 0.0
    for line in process.stdout:
        if line.startswith("window shown"):
            shown = time.perf_counter() - start
        elif line.startswith("book ready"):
            ready = time.perf_counter() - start
    assert process.wait(60) == 0
    assert shown and ready, "the window did not report start-up"
    return shown, ready


def _medians(command: list[str], home: Path) -> tuple[float, float]:
    _startup(command, home)  # warm-up
    runs = [_startup(command, home) for _ in range(ROUNDS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def test_bundle_startup_beside_the_source(
    benchmark: BenchmarkFixture,
    bundle: Bundle,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    book = tmp_path / "demo.sqlite"
    subprocess.run(
        [str(bundle.executable), "demo", "--book", str(book), "--no-open"],
        check=True,
        capture_output=True,
        env=clean_env(tmp_path),
    )
    source = [sys.executable, "-m", "cobranza_desktop", "--book", str(book)]
    bundled = [str(bundle.executable), "--book", str(book)]
    figures: dict[str, tuple[float, float]] = {}

    def measure() -> None:
        figures["source"] = _medians(source, tmp_path)
        figures["bundle"] = _medians(bundled, tmp_path)

    benchmark.pedantic(measure, rounds=1, iterations=1)
    (src_shown, src_ready), (b_shown, b_ready) = figures["source"], figures["bundle"]
    print(
        f"\nstart-up, demo book (median of {ROUNDS}): "
        f"source shown {src_shown:.3f} s / ready {src_ready:.3f} s; "
        f"bundle shown {b_shown:.3f} s / ready {b_ready:.3f} s; "
        f"bundle/source {b_shown / src_shown:.2f}x shown, {b_ready / src_ready:.2f}x ready"
    )
    assert b_shown < STARTUP_TARGET
