"""The customer picker's shared plumbing: a preset customer, and the required choice."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.customer_picker import CustomerPicker


class NoSearch:
    def list_page(self, filters: Any = None, *, limit: int = 100) -> list[Any]:
        return []


class Lookup:
    def __init__(self) -> None:
        self.asked: list[int] = []

    def get(self, customer_id: int) -> Any:
        self.asked.append(customer_id)
        return SimpleNamespace(id=customer_id, name=f"Cliente {customer_id}")


def test_a_preset_with_its_name_needs_no_lookup(qtbot: QtBot, runner: TaskRunner) -> None:
    picker = CustomerPicker(NoSearch(), runner)
    qtbot.addWidget(picker)
    lookup = Lookup()
    picker.preset(7, "Abarrotes Lupita", lookup)
    assert runner.wait_idle(30)
    assert picker.customer_id == 7 and picker.text() == "Abarrotes Lupita"
    assert lookup.asked == []
    assert picker.require_customer() == 7


def test_a_preset_without_its_name_looks_it_up(qtbot: QtBot, runner: TaskRunner) -> None:
    picker = CustomerPicker(NoSearch(), runner)
    qtbot.addWidget(picker)
    lookup = Lookup()
    picker.preset(9, "", lookup)
    assert runner.wait_idle(30)
    assert lookup.asked == [9]
    assert picker.customer_id == 9 and picker.text() == "Cliente 9"


def test_no_chosen_customer_is_a_validation_error_on_the_customer_field(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    picker = CustomerPicker(NoSearch(), runner)
    qtbot.addWidget(picker)
    with pytest.raises(ValidationError) as caught:
        picker.require_customer()
    assert caught.value.field == "customer"
    assert "cliente" in str(caught.value).lower()
