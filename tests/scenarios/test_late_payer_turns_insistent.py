"""Payments meet the agenda through the risk tallies: a customer who pays every invoice a
month late becomes a chronic payer, and the agenda (computed in full, or again only for
that customer after the payment) puts them on the insistent track; the file agrees."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cobranza_desktop.services.collections.agenda import AgendaService
from tests.services.collections.collections_helpers import START, Env, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.book.close()


def _stages(env: Env, cid: int, agenda_service: AgendaService, **kw: object) -> list[str]:
    agenda = agenda_service.agenda(**kw)  # type: ignore[arg-type]
    return [i.stage for i in agenda.items + agenda.deferred if i.customer_id == cid]


def test_a_month_late_payer_becomes_insistent_after_the_payments(env: Env) -> None:
    late, punctual = env.customer("Pagos Tardíos"), env.customer("Puntual")
    day = START
    for _ in range(
        4
    ):  # four months: due on the 1st, paid 35 days later by one, on time by the other
        for cid in (late, punctual):
            env.invoice(cid, "1000.00", day - timedelta(days=30), day)
        env.go(day)
        env.pay(punctual, "1000.00", day)
        env.go(day + timedelta(days=35))
        env.pay(late, "1000.00", day + timedelta(days=35))
        day += timedelta(days=30)
    for cid in (late, punctual):  # now each owes one invoice, 5 days past due
        env.invoice(cid, "1000.00", day - timedelta(days=30), day)
    env.go(day + timedelta(days=5))
    env.pay(late, "0.01")  # a write naming the late payer only
    assert env.risk.profile(late).rating.is_chronic
    assert not env.risk.profile(punctual).rating.is_chronic  # its one open invoice: B at most
    fresh = AgendaService(env.book, env.clock)
    assert _stages(env, late, fresh) == ["insistent_call@+5"]
    assert _stages(env, punctual, fresh) == ["ask_reason_call"]
    # The same after a write, when only the late payer is read again.
    env.pay(late, "0.01")
    assert _stages(env, late, fresh, changed={late}) == _stages(
        env, late, AgendaService(env.book, env.clock)
    )
