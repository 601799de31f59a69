from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.customer_status import CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.ladder import (
    DEFAULT_LADDER,
    Ladder,
    Stage,
    Track,
    insistent_code,
)

EXPECTED_DEFAULT = [
    (-7, "friendly_reminder"),
    (1, "phone_reminder"),
    (2, "ask_reason_call"),
    (7, "firm_reminder"),
    (15, "penalty_warning"),
    (30, "penalty_notice"),
    (45, "partial_restriction"),
    (60, "suspension"),
    (90, "agency_legal"),
]


def test_default_ladder_follows_the_seeds() -> None:
    assert [(s.offset_days, s.code) for s in DEFAULT_LADDER.stages] == EXPECTED_DEFAULT
    by_code = {s.code: s for s in DEFAULT_LADDER.stages}
    assert by_code["phone_reminder"].channel == Channel.PHONE
    assert by_code["ask_reason_call"].channel == Channel.PHONE
    assert by_code["penalty_warning"].mentions_penalty
    assert by_code["penalty_notice"].applies_penalty
    assert by_code["penalty_notice"].channel == Channel.LETTER
    assert by_code["partial_restriction"].sets_status == CustomerStatus.RESTRICTED
    assert by_code["suspension"].sets_status == CustomerStatus.SUSPENDED
    assert by_code["agency_legal"].sets_status == CustomerStatus.BLOCKED


@pytest.mark.parametrize(
    ("days", "code"),
    [
        (-8, None),
        (-7, "friendly_reminder"),
        (0, "friendly_reminder"),
        (1, "phone_reminder"),
        (2, "ask_reason_call"),
        (6, "ask_reason_call"),
        (7, "firm_reminder"),
        (29, "penalty_warning"),
        (30, "penalty_notice"),
        (44, "penalty_notice"),
        (45, "partial_restriction"),
        (60, "suspension"),
        (89, "suspension"),
        (90, "agency_legal"),
        (400, "agency_legal"),
    ],
)
def test_due_stage_is_the_most_advanced_reached(days: int, code: str | None) -> None:
    stage = DEFAULT_LADDER.due_stage(days)
    assert (stage.code if stage else None) == code


def test_insistent_track_calls_a_week_before_and_every_two_days_mentioning_penalties() -> None:
    stages = DEFAULT_LADDER.track_stages(Track.INSISTENT)
    offsets = [s.offset_days for s in stages]
    assert offsets[0] == -7
    assert stages[0].channel == Channel.PHONE and stages[0].mentions_penalty
    after = [o for o in offsets if 0 < o < 30]
    # every two days at least: no gap longer than two days between calls in the first month
    assert all(b - a <= 2 for a, b in itertools.pairwise(after))
    assert insistent_code(3) in {s.code for s in stages}
    assert all(s.mentions_penalty for s in stages if s.offset_days > 0)
    # the escalation stages are still there
    codes = {s.code for s in stages}
    assert {"penalty_notice", "partial_restriction", "suspension", "agency_legal"} <= codes


def test_ladder_round_trips_through_json_dict() -> None:
    data = DEFAULT_LADDER.to_dict()
    assert Ladder.from_dict(data) == DEFAULT_LADDER


def test_custom_ladder_is_sorted_and_validated() -> None:
    a = Stage("late", 3, Channel.PHONE, "t", "Tarde", "Late")
    b = Stage("early", -2, Channel.EMAIL, "t", "Antes", "Early")
    ladder = Ladder((a, b))
    assert [s.code for s in ladder.stages] == ["early", "late"]
    with pytest.raises(ValidationError):
        Ladder((a, Stage("late", 4, Channel.PHONE, "t", "x", "x")))
    with pytest.raises(ValidationError):
        Ladder((a, Stage("other", 3, Channel.PHONE, "t", "x", "x")))
    with pytest.raises(ValidationError):
        Ladder(())
    with pytest.raises(ValidationError):
        Ladder.from_dict({"stages": [{"code": "x", "offset_days": "no", "channel": "call"}]})
    with pytest.raises(ValidationError):
        Ladder.from_dict({"stages": [{"code": "x", "offset_days": 1, "channel": "fax"}]})


@given(st.integers(min_value=-30, max_value=400), st.sampled_from(list(Track)))
def test_due_stage_is_monotone(days: int, track: Track) -> None:
    now = DEFAULT_LADDER.due_stage(days, track)
    later = DEFAULT_LADDER.due_stage(days + 1, track)
    if now is not None:
        assert later is not None
        assert later.offset_days >= now.offset_days
        assert now.offset_days <= days
