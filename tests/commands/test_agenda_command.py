from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.cli import main
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.storage.database import open_book

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agenda") / "demo.sqlite"
    clock = FixedClock.on(DAY)
    book = open_book(path, create=True, now=clock.now())
    try:
        build_demo_book(book, clock, customers=30, seed=3)
    finally:
        book.close()
    return path


def test_json_shape_priority_and_determinism(
    demo_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["agenda", "--book", str(demo_book), "--date", DAY.isoformat(), "--json"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["date"] == DAY.isoformat()
    assert data["actions"], "the demo book has overdue customers"
    keys = {"customer_id", "customer", "stage", "channel", "amount_due", "days_past_due", "reason"}
    weights = []
    for action in data["actions"]:
        assert set(action) == keys
        assert re.fullmatch(r"\d+\.\d{2}", action["amount_due"])
        weights.append(Decimal(action["amount_due"]) * max(action["days_past_due"], 0))
    assert len({a["customer_id"] for a in data["actions"]}) == len(data["actions"])
    non_broken = [
        w for a, w in zip(data["actions"], weights, strict=True) if a["stage"] != "broken_promise"
    ]
    assert non_broken == sorted(non_broken, reverse=True)


def test_table_output_and_bad_date(demo_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agenda", "--book", str(demo_book), "--date", DAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Agenda de cobranza del 20/11/2026" in out
    with pytest.raises(SystemExit):
        main(["agenda", "--book", str(demo_book), "--date", "20/11/2026"])
