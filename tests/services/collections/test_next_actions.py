"""The customer list's «Próxima acción»: the agenda for the customers on screen alone,
the same actions the whole agenda gives them, read with queries kept to those customers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import URL

from cobranza_desktop.domain.agenda import AgendaItem
from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.services.base import agenda_data
from cobranza_desktop.storage.database import open_book
from tests.services.collections.collections_helpers import START, Env


@pytest.fixture
def env(book_location: Path | URL) -> Iterator[Env]:
    """The collections helpers' book on this run's engine (``--db``)."""
    clock = FixedClock.on(START)
    e = Env(open_book(book_location, create=True, now=clock.now()), clock)
    yield e
    e.book.close()


def _book(env: Env) -> list[int]:
    """Debtors at several stages, a customer who only has an invoice to confirm, a paid one."""
    ids = []
    for n in range(6):
        cid = env.customer(f"Cliente {n}")
        issue = START - timedelta(days=10 + 17 * n)
        env.invoice(cid, f"{700 + 130 * n}.00", issue, issue + timedelta(days=15))
        ids.append(cid)
    fresh = env.customer("Recién facturado")
    env.invoice(fresh, "950.00", START - timedelta(days=3), START + timedelta(days=27))
    paid = env.customer("Al corriente")
    env.invoice(paid, "300.00", START - timedelta(days=40), START - timedelta(days=10))
    env.pay(paid, "300.00", START - timedelta(days=12))
    return [*ids, fresh, paid]


@pytest.fixture
def booked(env: Env) -> tuple[Env, list[int]]:
    return env, _book(env)


def _whole(env: Env) -> dict[int, AgendaItem]:
    agenda = env.agenda.agenda()
    return {i.customer_id: i for i in (*agenda.items, *agenda.deferred)}


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_actions_of_some_customers_are_theirs_in_the_whole_agenda(
    booked: tuple[Env, list[int]], data: st.DataObject
) -> None:
    env, ids = booked
    env.go(START + timedelta(days=data.draw(st.integers(0, 60), label="days later")))
    chosen = data.draw(st.sets(st.sampled_from(ids)), label="customers on screen")
    whole = _whole(env)
    assert env.agenda.next_actions(chosen) == {c: whole[c] for c in chosen if c in whole}


def test_the_list_reads_only_its_customers(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _book(env)
    env.go(START + timedelta(days=20))
    seen: list[Any] = []
    real = agenda_data.facts.open_invoices_on

    def spy(session: Any, day: Any, customer_ids: Any = None) -> Any:
        seen.append(None if customer_ids is None else sorted(customer_ids))
        return real(session, day, customer_ids)

    monkeypatch.setattr(agenda_data.facts, "open_invoices_on", spy)
    found = env.agenda.next_actions(ids[:2])
    assert seen == [sorted(ids[:2])]
    assert set(found) <= set(ids[:2]) and found  # overdue debtors have an action
    # The customer with only an invoice to confirm has that action; the paid one none.
    fresh, paid = ids[-2], ids[-1]
    env.go(START + timedelta(days=1))
    both = env.agenda.next_actions([fresh, paid])
    assert paid not in both
    assert fresh in both and both[fresh].stage == "confirm_receipt"
    assert env.agenda.next_actions([]) == {}
