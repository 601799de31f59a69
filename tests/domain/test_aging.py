from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.aging import AgingBuckets, parse_edges
from cobranza_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4)],
)
def test_default_buckets(days: int, bucket: int) -> None:
    assert AgingBuckets().index_for(days) == bucket


def test_labels_in_spanish() -> None:
    assert AgingBuckets().labels() == ["Al corriente", "1-30", "31-60", "61-90", "Más de 90"]


@given(st.integers(min_value=-400, max_value=400))
def test_due_date_bounds_agree_with_index_for(days: int) -> None:
    """The SQL bounds put a due date in the same bucket as the Python rule."""
    as_of = date(2026, 11, 22)
    buckets = AgingBuckets((15, 45))
    due = as_of - timedelta(days=days)
    bounds = buckets.due_date_bounds(as_of)
    sql_bucket = next((i for i, b in enumerate(bounds) if due >= b), len(bounds))
    assert sql_bucket == buckets.index_for(days)


@pytest.mark.parametrize("text", ["", "30,20", "0,30", "a,b", "30,30"])
def test_bad_edges_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_edges(text)
