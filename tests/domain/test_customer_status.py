from __future__ import annotations

import pytest

from cobranza_desktop.domain.customer_status import (
    CustomerStatus,
    allows_credit,
    is_restricted,
    on_ladder,
    parse_status,
    validate_transition,
)
from cobranza_desktop.domain.errors import ValidationError

S = CustomerStatus


def test_order_and_properties() -> None:
    assert [s.value for s in S] == [
        "active", "restricted", "suspended", "blocked", "agency", "written_off"
    ]  # fmt: skip
    assert allows_credit(S.SUSPENDED) and not allows_credit(S.BLOCKED)
    assert on_ladder(S.BLOCKED) and not on_ladder(S.AGENCY) and not on_ladder(S.WRITTEN_OFF)
    assert is_restricted(S.RESTRICTED) and is_restricted(S.BLOCKED)
    assert not is_restricted(S.AGENCY) and not is_restricted(S.ACTIVE)
    assert parse_status("blocked") == S.BLOCKED
    with pytest.raises(ValidationError):
        parse_status("gone")


def test_forward_moves_and_lifting() -> None:
    validate_transition(S.ACTIVE, S.RESTRICTED, "45 días", "Sin timbrado de facturas")
    validate_transition(S.ACTIVE, S.AGENCY, "Entregado a despacho")
    validate_transition(S.BLOCKED, S.ACTIVE, "Pagó todo")
    validate_transition(S.WRITTEN_OFF, S.ACTIVE, "Pagó por fin")


@pytest.mark.parametrize(
    ("current", "target", "reason", "services", "field"),
    [
        (S.ACTIVE, S.SUSPENDED, "", "", "reason"),
        (S.ACTIVE, S.ACTIVE, "x", "", "status"),
        (S.SUSPENDED, S.RESTRICTED, "x", "algo", "status"),
        (S.WRITTEN_OFF, S.AGENCY, "x", "", "status"),
        (S.ACTIVE, S.RESTRICTED, "x", "  ", "restricted_services"),
    ],
)
def test_refused_transitions(current: S, target: S, reason: str, services: str, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_transition(current, target, reason, services)
    assert err.value.field == field
