"""The headless verbs, run as a user runs them: in a separate process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop import __version__


def cobranza(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cobranza_desktop", *args],
        capture_output=True,
        text=True,
        env={"COBRANZA_HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    done = cobranza("demo", "--book", str(path), "--customers", "30", "--no-open", home=folder)
    assert done.returncode == 0, done.stderr
    assert "30 clientes" in done.stdout
    return path


def test_version(tmp_path: Path) -> None:
    done = cobranza("--version", home=tmp_path)
    assert done.stdout.strip() == f"cobranza {__version__}"


def test_aging_json_shape_and_sums(demo_book: Path, tmp_path: Path) -> None:
    done = cobranza(
        "aging", "--book", str(demo_book), "--as-of", "2026-06-30", "--json", home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"as_of", "currency", "buckets", "customers", "totals"}
    assert report["as_of"] == "2026-06-30" and report["currency"] == "MXN"
    assert len(report["buckets"]) == 5
    for row in report["customers"]:
        assert set(row) == {"customer_id", "name", "buckets", "total", "credit", "net", "marks"}
        assert sum(Decimal(b) for b in row["buckets"]) == Decimal(row["total"]) > 0
    column_sums = [sum(Decimal(r["buckets"][i]) for r in report["customers"]) for i in range(5)]
    assert column_sums == [Decimal(b) for b in report["totals"]["buckets"]]
    assert sum(column_sums) == Decimal(report["totals"]["total"])


def test_aging_table(demo_book: Path, tmp_path: Path) -> None:
    done = cobranza("aging", "--book", str(demo_book), home=tmp_path)
    assert done.returncode == 0
    assert "Antigüedad de saldos" in done.stdout and "TOTAL" in done.stdout


def test_check_passes_then_fails_on_a_broken_book(demo_book: Path, tmp_path: Path) -> None:
    ok = cobranza("check", "--book", str(demo_book), home=tmp_path)
    assert ok.returncode == 0, ok.stdout
    broken = tmp_path / "roto.sqlite"
    with sqlite3.connect(demo_book) as source, sqlite3.connect(broken) as target:
        source.backup(target)
    with sqlite3.connect(broken) as raw:
        changed = raw.execute(
            "UPDATE payments SET allocated_cents = allocated_cents - 1 WHERE id = "
            "(SELECT MIN(id) FROM payments WHERE allocated_cents > 0)"
        ).rowcount
    assert changed == 1
    failed = cobranza("check", "--book", str(broken), home=tmp_path)
    assert failed.returncode == 1
    assert "FALLA" in failed.stdout


def test_backup_to_a_folder(demo_book: Path, tmp_path: Path) -> None:
    done = cobranza(
        "backup", "--book", str(demo_book), "--to", str(tmp_path / "copias"), home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    (copy,) = (tmp_path / "copias").glob("*.sqlite")
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT COUNT(*) FROM customers").fetchone() == (30,)


def test_demo_never_overwrites_a_book_with_data(demo_book: Path, tmp_path: Path) -> None:
    before = demo_book.stat().st_size
    done = cobranza("demo", "--book", str(demo_book), "--no-open", home=tmp_path)
    assert done.returncode == 0
    assert "ya tiene datos" in done.stdout
    with sqlite3.connect(demo_book) as raw:
        assert raw.execute("SELECT COUNT(*) FROM customers").fetchone() == (30,)
    assert demo_book.stat().st_size >= before


def test_bad_date_is_a_clear_error(demo_book: Path, tmp_path: Path) -> None:
    done = cobranza("aging", "--book", str(demo_book), "--as-of", "22/11/2026", home=tmp_path)
    assert done.returncode == 2
    assert "no es una fecha" in done.stderr


def test_default_book_lives_under_cobranza_home(tmp_path: Path) -> None:
    # A verb never makes a book where there is none: `new` does, then `aging` reads it.
    refused = cobranza("aging", "--json", home=tmp_path)
    assert refused.returncode == 2 and "cobranza new" in refused.stderr
    assert not (tmp_path / "cobranza.sqlite").exists()
    assert cobranza("new", home=tmp_path).returncode == 0
    done = cobranza("aging", "--json", home=tmp_path)
    assert done.returncode == 0
    assert (tmp_path / "cobranza.sqlite").exists()
    assert json.loads(done.stdout)["customers"] == []
