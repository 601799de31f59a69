"""The paged table model: pages on demand, sort and filter handed to the fetcher."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cobranza_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, PageQuery
from cobranza_desktop.ui.tasks import TaskRunner

NAMES = [f"Cliente {i:04d}" for i in range(1050)]


class FakeSource:
    def __init__(self) -> None:
        self.queries: list[PageQuery] = []
        self.names = list(NAMES)

    def fetch(self, query: PageQuery) -> list[tuple[int, str]]:
        self.queries.append(query)
        rows = [(i, n) for i, n in enumerate(self.names) if query.params.get("q", "") in n]
        rows.sort(key=lambda r: r[1], reverse=query.descending)
        return rows[query.offset : query.offset + query.limit]

    def summary(self, params: dict[str, str]) -> int:
        return sum(1 for n in self.names if params.get("q", "") in n)


def make_model(runner: TaskRunner, source: FakeSource) -> PagedTableModel[tuple[int, str]]:
    columns = [
        Column("name", "Nombre", lambda r: r[1]),
        Column("id", "Número", lambda r: str(r[0]), RIGHT),
    ]
    return PagedTableModel(
        columns, source.fetch, runner, fetch_summary=source.summary, page_size=100
    )


def test_pages_arrive_on_demand(qtbot: QtBot, runner: TaskRunner) -> None:
    source = FakeSource()
    model = make_model(runner, source)
    with qtbot.waitSignal(model.summary_ready, timeout=30_000) as summary:
        model.start()
    assert summary.args == [1050]
    assert model.rowCount() == 100
    assert model.canFetchMore()
    model.fetchMore()
    assert runner.wait_idle(30)
    assert model.rowCount() == 200
    assert [q.offset for q in source.queries] == [0, 100]
    assert model.data(model.index(0, 0)) == "Cliente 0000"
    assert model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == (
        "Número"
    )


def test_sort_and_filter_go_to_the_fetcher(qtbot: QtBot, runner: TaskRunner) -> None:
    from PySide6.QtCore import Qt

    source = FakeSource()
    model = make_model(runner, source)
    model.start()
    assert runner.wait_idle(30)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert runner.wait_idle(30)
    assert source.queries[-1].sort_key == "name" and source.queries[-1].descending
    assert model.data(model.index(0, 0)) == "Cliente 1049"
    model.set_params(q="Cliente 100")
    assert runner.wait_idle(30)
    assert model.rowCount() == 10
    assert not model.canFetchMore()  # a short page means the end


def test_refresh_keeps_loaded_rows_and_shows_new_values(qtbot: QtBot, runner: TaskRunner) -> None:
    source = FakeSource()
    model = make_model(runner, source)
    model.start()
    assert runner.wait_idle(30)
    model.fetchMore()
    assert runner.wait_idle(30)
    model.fetchMore()
    assert runner.wait_idle(30)
    assert model.rowCount() == 300
    source.names[0] = "Cliente 0000 (renombrado)"
    model.refresh()
    assert runner.wait_idle(30)
    assert model.rowCount() == 300
    assert model.data(model.index(0, 0)) == "Cliente 0000 (renombrado)"
    assert source.queries[-1].limit == 300


def test_a_stale_page_is_never_shown(qtbot: QtBot, runner: TaskRunner) -> None:
    source = FakeSource()
    model = make_model(runner, source)
    model.start()
    model.set_params(q="Cliente 0")
    model.set_params(q="Cliente 07")
    assert runner.wait_idle(30)
    rows = model.loaded_rows()
    assert rows and all("Cliente 07" in r[1] for r in rows)
