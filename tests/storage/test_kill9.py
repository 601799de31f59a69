"""Kill -9 trials: a worker writing through the services is killed at random points;
after every kill the book is sound, `cobranza check` passes, and every operation the
worker logged as committed is in the book."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.cli import main as cobranza
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.customers import CustomerData
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset
from cobranza_desktop.services.book.new_book import create_book
from cobranza_desktop.services.customers.records import CustomerService
from cobranza_desktop.services.penalties.engine import PenaltyService
from cobranza_desktop.storage.database import open_book

KILLS = 30
ROOT = Path(__file__).resolve().parents[2]


def _logged(log: Path) -> list[str]:
    if not log.exists():
        return []
    return [line for line in log.read_text().splitlines() if line]


def _wait_for_lines(log: Path, count: int, worker: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while len(_logged(log)) < count:
        assert worker.poll() is None, worker.stderr.read() if worker.stderr else ""
        assert time.monotonic() < deadline, "the worker wrote nothing"
        time.sleep(0.005)


def test_the_book_survives_kill_9_at_random_points(tmp_path: Path) -> None:
    book = tmp_path / "libro.sqlite"
    clock = FixedClock.on(date(2026, 1, 1))
    create_book(book, clock, name="Taller")
    with open_book(book) as opened:
        ana = CustomerService(opened, clock).create(
            CustomerData(name="Ana", email="ana@example.com", phone="55 1234 5678")
        )
        PenaltyService(opened, clock).set_business_policy(
            PenaltyPolicy(preset=PenaltyPreset.CUSTOM, annual_rate_percent=Decimal("36"))
        )
    log = tmp_path / "committed.log"
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run in range(KILLS):
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.storage.kill9_worker",
                str(book),
                str(log),
                str(run),
                str(ana.id),
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
        )
        # Let it commit at least one operation this run, then kill it at a random point.
        _wait_for_lines(log, len(_logged(log)) + 1, worker)
        time.sleep(rng.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        if worker.stderr:
            worker.stderr.close()
        assert worker.returncode == -signal.SIGKILL, f"run {run}: the worker ended by itself"

        with sqlite3.connect(book) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], run
            for entry in _logged(log):
                table, row_id = entry.split(":")
                found = raw.execute(
                    f"SELECT 1 FROM {table} WHERE id = ?", (int(row_id),)
                ).fetchone()
                assert found is not None, f"run {run}: {entry} was committed but is not in the book"
        assert cobranza(["check", "--book", str(book)]) == 0, run
    kinds = {entry.split(":")[0] for entry in _logged(log)}
    assert kinds == {"invoices", "payments", "penalty_charges", "outbox_messages"}
