"""Adding and removing ladder stages, and the rules an edited ladder keeps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.ladder import DEFAULT_LADDER
from cobranza_desktop.domain.ladder_edits import (
    MAX_DAY,
    MIN_DAY,
    add_stage,
    check_stage_rows,
    checked_ladder,
    remove_stage,
)


def test_a_stage_is_added_in_order_of_day_with_a_new_code() -> None:
    ladder = add_stage(DEFAULT_LADDER, 20, Channel.WHATSAPP, "  Visita   al cliente ")
    (added,) = [s for s in ladder.stages if s.code == "custom_1"]
    assert (added.offset_days, added.channel, added.label_es) == (
        20,
        Channel.WHATSAPP,
        "Visita al cliente",
    )
    assert [s.offset_days for s in ladder.stages] == sorted(s.offset_days for s in ladder.stages)
    again = add_stage(ladder, 21, Channel.PHONE, "Otra llamada")
    assert {s.code for s in again.stages} >= {"custom_1", "custom_2"}


def test_bad_additions_are_refused() -> None:
    with pytest.raises(ValidationError, match="día 7"):
        add_stage(DEFAULT_LADDER, 7, Channel.PHONE, "Otra")
    with pytest.raises(ValidationError, match="ya es la de la etapa"):
        add_stage(DEFAULT_LADDER, 20, Channel.PHONE, "RECORDATORIO firme")
    with pytest.raises(ValidationError, match="escriba la acción"):
        add_stage(DEFAULT_LADDER, 20, Channel.PHONE, "   ")
    with pytest.raises(ValidationError, match="entre"):
        add_stage(DEFAULT_LADDER, MAX_DAY + 1, Channel.PHONE, "Tarde")


def test_stages_are_removed_but_never_the_last() -> None:
    ladder = remove_stage(DEFAULT_LADDER, "firm_reminder")
    assert "firm_reminder" not in {s.code for s in ladder.stages}
    assert len(ladder.stages) == len(DEFAULT_LADDER.stages) - 1
    with pytest.raises(ValidationError, match="desconocida"):
        remove_stage(ladder, "firm_reminder")
    while len(ladder.stages) > 1:
        ladder = remove_stage(ladder, ladder.stages[0].code)
    with pytest.raises(ValidationError, match="al menos una etapa"):
        remove_stage(ladder, ladder.stages[0].code)
    assert checked_ladder(ladder) == ladder


@given(st.lists(st.integers(MIN_DAY, MAX_DAY), min_size=1, max_size=12))
def test_days_are_accepted_exactly_when_distinct(days: list[int]) -> None:
    labels = [f"Etapa {i}" for i in range(len(days))]
    if len(set(days)) == len(days):
        check_stage_rows(days, labels)
    else:
        with pytest.raises(ValidationError, match="las dos el día"):
            check_stage_rows(days, labels)


def test_no_stage_at_all_is_refused() -> None:
    with pytest.raises(ValidationError, match="al menos una etapa"):
        check_stage_rows([], [])
