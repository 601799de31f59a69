from datetime import date
from pathlib import Path

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.book.demo import build_demo_book
from cobranza_desktop.services.book.workspace import open_workspace


def _fingerprint(path: Path, seed: int) -> tuple[object, ...]:
    ws = open_workspace(path, FixedClock.on(date(2026, 11, 22)))
    try:
        summary = build_demo_book(ws.book, ws.clock, customers=25, seed=seed)
        people = ws.customers.list_page(limit=1000)
        aging = ws.aging.report()
        assert ws.checks.run().ok
        return (summary, tuple((p.name, p.rfc, p.phone, p.balance) for p in people), aging.total)
    finally:
        ws.close()


def test_same_seed_same_book_and_a_realistic_mix(tmp_path: Path) -> None:
    first = _fingerprint(tmp_path / "a.sqlite", seed=3)
    again = _fingerprint(tmp_path / "b.sqlite", seed=3)
    other = _fingerprint(tmp_path / "c.sqlite", seed=4)
    assert first == again
    assert first != other
    summary, people, total = first
    assert summary.invoices > 25 * 8  # about 18 months of history
    assert all(p[2].startswith("+52") for p in people)
    balances = [p[3] for p in people]
    assert any(b == 0 for b in balances) and any(b > 0 for b in balances)
    assert total > 0
