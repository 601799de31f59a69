"""`cobranza demo --customers 2000` under 60 s, and linear (issue 16).

Medians of the whole build (the services writing the story) at 200 and at 2,000
customers, each against the bare generator (``plan_demo``: the same story decided in
memory, nothing written) measured in the same run; CPU time beside wall time, because
the machine may be shared. Linear: ten times the customers costs about ten times the
time (the ratio of the two medians, per customer, stays near 1).

Run with: pytest tests/benchmarks/test_demo_bench.py --benchmark-only -s
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book, plan_demo
from cobranza_desktop.services.book.workspace import open_workspace
from tests.conftest import TODAY

ROUNDS = {200: 3, 2000: 3}
LIMIT_SECONDS = 60.0  # the bound for 2,000 customers


def _build(folder: Path, customers: int, n: int) -> tuple[float, float, int]:
    ws = open_workspace(folder / f"demo-{customers}-{n}.sqlite", FixedClock.on(TODAY))
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        summary = build_demo_book(ws.book, ws.clock, customers=customers, seed=7)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert ws.checks.run().ok
        return wall, cpu, summary.invoices + summary.payments
    finally:
        ws.close()


def _floor(customers: int) -> float:
    """Median CPU seconds of the bare generator for the same story."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        plan_demo(customers, 7, TODAY)
        runs.append(time.process_time() - started)
    return statistics.median(runs)


def test_demo_is_linear_and_under_a_minute_for_two_thousand(
    tmp_path: Path, benchmark: BenchmarkFixture
) -> None:
    results: dict[int, tuple[float, float, int, float]] = {}
    for customers, rounds in ROUNDS.items():
        runs = [_build(tmp_path, customers, n) for n in range(rounds)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        results[customers] = (wall, cpu, runs[0][2], _floor(customers))
    benchmark.pedantic(lambda: plan_demo(200, 7, TODAY), rounds=3, iterations=1)
    load = os.getloadavg()[0]
    for customers, (wall, cpu, rows, floor) in results.items():
        print(
            f"\ndemo {customers:>5} customers: median wall {wall:.2f} s, CPU {cpu:.2f} s "
            f"({rows} invoices+payments, {1000 * cpu / rows:.3f} ms CPU each); bare generator "
            f"{floor:.3f} s CPU; ratio {cpu / floor:.1f}x; load {load:.1f}"
        )
    small, large = results[200], results[2000]
    per_customer = (large[1] / 2000) / (small[1] / 200)
    print(f"CPU per customer, 2000 against 200: {per_customer:.2f} (1.00 = linear)")
    assert large[1] < LIMIT_SECONDS  # CPU: what the program costs on a machine of its own
    assert per_customer < 1.5  # linear, not growing with the book
