"""The customer list's «Próxima acción» on the 20,000-customer book: the agenda of the rows
on screen costs about what the page itself costs, not what the whole agenda costs.

Medians (wall and CPU) of ``AgendaService.next_actions`` for a page of 200 rows, against
two floors of the same run: the page's own read (``CustomerListService.list_page``) and
the read of the column beside it, the risk rating of the same rows
(``RiskService.profiles``). The whole agenda is measured beside them, to show what is not
recomputed.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from cobranza_desktop.domain.customers import CustomerListFilter
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.customers.listing import CustomerListService
from cobranza_desktop.services.customers.restrictions import RiskService
from cobranza_desktop.storage.database import Book
from tests.benchmarks.book_cache import BENCH_TODAY
from tests.benchmarks.test_day_bench import clock, load

pytestmark = pytest.mark.benchmark_book

PAGE = 200
ROUNDS = 5
RATIO_TO_PAGE_TARGET = 40.0
RATIO_TO_RATING_TARGET = 4.0
SHARE_OF_AGENDA_TARGET = 0.10


def _medians(
    actions: dict[str, Callable[[], object]], rounds: int
) -> dict[str, tuple[float, float]]:
    """Wall and CPU medians of each action, run in turn so that load hits all alike."""
    wall: dict[str, list[float]] = {k: [] for k in actions}
    cpu: dict[str, list[float]] = {k: [] for k in actions}
    for fn in actions.values():
        fn()  # warm the page cache and the statement caches
    for _ in range(rounds):
        for key, fn in actions.items():
            w, c = time.perf_counter(), time.process_time()
            fn()
            wall[key].append(time.perf_counter() - w)
            cpu[key].append(time.process_time() - c)
    return {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in actions}


def test_next_actions_of_a_page_near_the_page_read(
    benchmark: BenchmarkFixture, large_book: Book
) -> None:
    agenda = AgendaService(large_book, clock())
    listing = CustomerListService(large_book, clock())
    risk = RiskService(large_book, clock())
    pages = {
        "by name": CustomerListFilter(),
        "overdue only": CustomerListFilter(overdue_only=True),
    }
    whole = agenda.agenda(BENCH_TODAY)
    assert whole.items or whole.deferred
    results: dict[str, dict[str, tuple[float, float]]] = {}

    def run() -> None:
        for name, filters in pages.items():
            ids = [r.id for r in listing.list_page(filters, limit=PAGE)]
            assert len(ids) == PAGE
            results[name] = _medians(
                {
                    "floor (the page)": lambda f=filters: listing.list_page(f, limit=PAGE),
                    "rating (the next column)": lambda i=ids: risk.profiles(i),
                    "next actions": lambda i=ids: agenda.next_actions(i, BENCH_TODAY),
                },
                ROUNDS,
            )
        results["whole agenda"] = _medians(
            {"agenda": lambda: AgendaService(large_book, clock()).agenda(BENCH_TODAY)}, 3
        )

    benchmark.pedantic(run, rounds=1, iterations=1)
    (full_wall, full_cpu) = results["whole agenda"]["agenda"]
    print(f"\nwhole agenda: median {full_wall:.3f} s wall, {full_cpu:.3f} s CPU ({load()})")
    for name in pages:
        floor_wall, floor_cpu = results[name]["floor (the page)"]
        rating_wall, rating_cpu = results[name]["rating (the next column)"]
        ours_wall, ours_cpu = results[name]["next actions"]
        print(
            f"next actions, {PAGE} rows {name}: median {ours_wall:.3f} s wall "
            f"({ours_cpu:.3f} s CPU); page floor {floor_wall:.4f} s ({floor_cpu:.4f} s CPU), "
            f"ratio {ours_cpu / floor_cpu:.1f}x CPU; rating floor {rating_wall:.3f} s "
            f"({rating_cpu:.3f} s CPU), ratio {ours_wall / rating_wall:.1f}x wall, "
            f"{ours_cpu / rating_cpu:.1f}x CPU; {ours_cpu / full_cpu:.1%} of the whole "
            "agenda's CPU"
        )
        assert ours_cpu / floor_cpu < RATIO_TO_PAGE_TARGET, name
        assert ours_cpu / rating_cpu < RATIO_TO_RATING_TARGET, name
        assert ours_cpu / full_cpu < SHARE_OF_AGENDA_TARGET, name
    # The overdue page has an action on (nearly) every row: the column is not empty.
    ids = [r.id for r in listing.list_page(pages["overdue only"], limit=PAGE)]
    assert len(agenda.next_actions(ids, BENCH_TODAY)) > PAGE // 2
