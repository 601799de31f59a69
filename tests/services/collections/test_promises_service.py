from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from cobranza_desktop.domain.errors import ConflictError, ValidationError
from cobranza_desktop.domain.plans import PromiseStatus
from cobranza_desktop.services.collections.promises import PromiseService
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def test_promises_kept_broken_refreshed_and_cancelled(env: Env) -> None:
    promises = PromiseService(env.book, env.clock)
    cid = env.customer()
    env.invoice(cid, "900.00", START - timedelta(days=30), START)
    kept = promises.add(cid, "300.00", START + timedelta(days=2), "En mostrador")
    broken = promises.add(cid, "600.00", START + timedelta(days=4))
    with pytest.raises(ValidationError):
        promises.add(cid, "10.00", START - timedelta(days=1))
    env.go(START + timedelta(days=2))
    env.pay(cid, "300.00")
    env.go(START + timedelta(days=5))
    statuses = {p.id: p.status for p in promises.for_customer(cid)}
    # the 300 paid counts for both (made since each was given); 600 was not reached
    assert statuses == {kept.id: PromiseStatus.KEPT, broken.id: PromiseStatus.BROKEN}
    assert promises.for_customer(cid)[0].paid_since == Decimal("300.00")
    assert promises.refresh() == 2
    assert promises.refresh() == 0  # idempotent
    late = promises.add(cid, "100.00", START + timedelta(days=9))
    promises.cancel(late.id, "Se hizo convenio")
    with pytest.raises(ConflictError):
        promises.cancel(late.id, "otra vez")
    env.go(START + timedelta(days=12))
    assert {p.id: p.status for p in promises.for_customer(cid)}[late.id] is PromiseStatus.CANCELLED
