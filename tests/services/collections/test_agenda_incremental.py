"""After a write, the agenda reads again only the customers the write names, and comes out
the same as an agenda computed from scratch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cobranza_desktop.domain.agenda import Agenda
from cobranza_desktop.services import WorkCancelled
from cobranza_desktop.services.base import agenda_data
from cobranza_desktop.services.collections.agenda import AgendaService
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def _from_scratch(env: Env) -> Agenda:
    return AgendaService(env.book, env.clock).agenda()


def _debtors(env: Env, how_many: int) -> list[int]:
    ids = []
    for n in range(how_many):
        cid = env.customer(f"Cliente {n}")
        env.invoice(
            cid, f"{500 + 100 * n}.00", START - timedelta(days=30 + n), START - timedelta(n)
        )
        ids.append(cid)
    return ids


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The customers each open-invoice read was kept to (None: the whole book)."""
    seen: list[Any] = []
    real = agenda_data.facts.open_invoices_on

    def spy(session: Any, day: Any, customer_ids: Any = None) -> Any:
        seen.append(None if customer_ids is None else sorted(customer_ids))
        return real(session, day, customer_ids)

    monkeypatch.setattr(agenda_data.facts, "open_invoices_on", spy)
    return seen


def test_after_an_action_only_its_customer_is_read_again(env: Env, reads: list[Any]) -> None:
    _debtors(env, 4)
    env.go(START + timedelta(days=3))
    first = env.agenda.agenda()
    assert reads == [None] and first.items
    item = first.items[0]
    env.agenda.complete(item, "no_answer", notes="Buzón de voz")
    again = env.agenda.agenda(changed={item.customer_id})
    assert reads[1] == [item.customer_id]
    assert again == _from_scratch(env)
    assert item not in again.items


def test_after_a_payment_only_its_customer_is_read_again(env: Env, reads: list[Any]) -> None:
    ids = _debtors(env, 3)
    env.go(START + timedelta(days=3))
    before = env.agenda.agenda()
    env.pay(ids[1], "5000.00")  # pays everything: nothing left to chase
    after = env.agenda.agenda(changed={ids[1]})
    assert reads[-1] == [ids[1]]
    assert after == _from_scratch(env)
    assert ids[1] in {i.customer_id for i in before.items + before.deferred}
    assert ids[1] not in {i.customer_id for i in after.items + after.deferred}


def test_a_new_day_or_no_change_payload_reads_everything(env: Env, reads: list[Any]) -> None:
    _debtors(env, 2)
    env.go(START + timedelta(days=3))
    env.agenda.agenda()
    env.go(START + timedelta(days=4))
    assert env.agenda.agenda(changed={1}) == _from_scratch(env)
    assert reads[1] is None  # another day: the kept cases are not that day's


def test_a_cancelled_computation_stops_and_keeps_nothing(env: Env) -> None:
    _debtors(env, 2)
    env.go(START + timedelta(days=3))
    with pytest.raises(WorkCancelled):
        env.agenda.agenda(cancelled=lambda: True)
    assert env.agenda.agenda() == _from_scratch(env)
