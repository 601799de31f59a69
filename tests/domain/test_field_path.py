"""Field paths: the structured form of "where" in an error, and its one parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.errors import FieldPath, ValidationError

names = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True)


@given(
    name=names, index=st.none() | st.integers(min_value=0, max_value=10**6), sub=st.none() | names
)
def test_the_text_form_reads_back_to_the_same_path(
    name: str, index: int | None, sub: str | None
) -> None:
    path = FieldPath(name, index, sub)
    assert FieldPath.parse(str(path)) == path


def test_the_text_forms_the_services_raise_today() -> None:
    assert FieldPath.parse("lines[3].unit_price") == FieldPath("lines", 3, "unit_price")
    assert str(FieldPath("lines", 3, "unit_price")) == "lines[3].unit_price"
    assert FieldPath.parse("allocations[2]") == FieldPath("allocations", 2)
    assert FieldPath.parse("amount") == FieldPath("amount")
    assert FieldPath.parse("lines[3].tax").last() == "tax"
    assert FieldPath.parse("amount").last() == "amount"  # type: ignore[union-attr]
    assert FieldPath.parse("") is None and FieldPath.parse(None) is None
    # Another shape is kept whole as a name, never half-parsed.
    assert FieldPath.parse("lines[x]") == FieldPath("lines[x]")


def test_a_validation_error_takes_a_path_or_its_text() -> None:
    by_path = ValidationError(FieldPath("allocations", 1), "no")
    by_text = ValidationError("allocations[1]", "no")
    assert by_path.field == by_text.field == "allocations[1]"
    assert by_path.path == by_text.path == FieldPath("allocations", 1)
