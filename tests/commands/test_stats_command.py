"""`cobranza stats`: the documented JSON keys, agreement with aging, and bad input."""

from __future__ import annotations

import json
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
    path = tmp_path_factory.mktemp("stats") / "demo.sqlite"
    clock = FixedClock.on(DAY)
    book = open_book(path, create=True, now=clock.now())
    try:
        build_demo_book(book, clock, customers=25, seed=5)
    finally:
        book.close()
    return path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(list(args)) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_json_keys_and_agreement_with_aging(
    demo_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "stats", "--book", str(demo_book), "--as-of", DAY.isoformat(), "--json")
    for key in (
        "as_of",
        "receivables",
        "dso",
        "overdue_share",
        "at_risk_share",
        "avg_days_late",
        "avg_days_to_pay",
        "cei",
        "collected_by_month",
        "forecast",
    ):
        assert key in data
    assert data["as_of"] == DAY.isoformat()
    dso = data["dso"]
    assert isinstance(dso, dict) and set(dso) >= {"standard", "countback", "window_days"}
    assert dso["window_days"] == 90
    aging = _json(capsys, "aging", "--book", str(demo_book), "--as-of", DAY.isoformat(), "--json")
    totals = aging["totals"]
    assert isinstance(totals, dict)
    # One source of truth: the receivables are the aging total, to the cent.
    assert data["receivables"] == totals["total"]
    assert Decimal(str(data["receivables"])) > 0
    cei = data["cei"]
    assert isinstance(cei, list) and len(cei) == 12 and cei[-1]["month"] == "2026-11"
    collected = data["collected_by_month"]
    assert isinstance(collected, list) and len(collected) == 24
    assert all(Decimal(c["amount"]) >= 0 for c in collected)
    forecast = data["forecast"]
    assert isinstance(forecast, list) and len(forecast) == 8
    assert forecast[0]["week_start"] == "2026-11-21"
    for week in forecast:
        assert Decimal(week["low"]) <= Decimal(week["expected"]) <= Decimal(week["high"])


def test_window_days_and_text_output(demo_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = _json(
        capsys,
        "stats",
        "--book",
        str(demo_book),
        "--as-of",
        "2026-11-20",
        "--window-days",
        "30",
        "--json",
    )
    assert wide["dso"]["window_days"] == 30  # type: ignore[index]
    assert main(["stats", "--book", str(demo_book), "--as-of", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "Indicadores de cobranza al 20/11/2026" in out
    assert "DSO" in out and "CEI" in out and "Pronóstico" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2026-02-30"],
        ["--as-of", "ayer"],
        ["--window-days", "0"],
        ["--window-days", "mucho"],
        ["--as-of", "2999-01-01"],
    ],
)
def test_bad_input_is_refused_with_exit_2(
    demo_book: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    before = demo_book.read_bytes()
    with pytest.raises(SystemExit) as exited:
        code = main(["stats", "--book", str(demo_book), *args])
        raise SystemExit(code)
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and err[-1]
    assert demo_book.read_bytes() == before


def test_reminder_lines_name_channels_and_stages_in_words(
    demo_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The owner reads «Llamada» and the ladder's own stage names, never the codes."""
    data = _json(capsys, "stats", "--book", str(demo_book), "--as-of", "2026-11-20", "--json")
    reminders = data["reminders"]
    assert isinstance(reminders, list) and reminders
    codes = {r["channel"] for r in reminders} | {r["stage"] for r in reminders if r["stage"]}
    assert main(["stats", "--book", str(demo_book), "--as-of", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    section = out.split("Recordatorios (pago en 7 días)")[1].split("Pronóstico")[0]
    assert len(section.strip().splitlines()) == len(reminders)
    for code in codes - {"whatsapp"}:  # WhatsApp is its own name in both languages
        assert code not in section, code
