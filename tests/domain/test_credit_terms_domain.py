"""The terms' worked example, version and changed clauses, as pure rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.credit_terms import (
    EXAMPLE_AMOUNT,
    EXAMPLE_DAYS,
    TermsFacts,
    changed_clauses,
    clauses,
    example_interest,
    snapshot,
    terms_version,
)
from cobranza_desktop.domain.ladder import DEFAULT_LADDER
from cobranza_desktop.domain.money import round_money
from cobranza_desktop.domain.penalty_policy import PenaltyPolicy, PenaltyPreset

FACTS = TermsFacts(
    business_name="El Sol",
    customer_name="Lupe",
    payment_terms_days=30,
    credit_limit=None,
    penalty=PenaltyPolicy.none(),
    early_payment=None,
    punctuality=None,
    prepayment_offers=(),
    ladder=DEFAULT_LADDER,
    contact=ContactPolicy(),
)

rates = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("200"), places=2)


@given(rate=rates, basis=st.sampled_from([360, 365]))
def test_example_interest_is_simple_interest_rounded_once(rate: Decimal, basis: int) -> None:
    policy = PenaltyPolicy(preset=PenaltyPreset.CUSTOM, annual_rate_percent=rate, day_basis=basis)
    shown_rate, interest, shown_basis = example_interest(policy)
    assert (shown_rate, shown_basis) == (rate, basis)
    exact = EXAMPLE_AMOUNT * rate * EXAMPLE_DAYS / (Decimal(100) * basis)
    assert interest == round_money(exact)
    assert abs(interest - exact) <= Decimal("0.005")


def test_without_an_agreed_rate_the_example_uses_the_legal_six_percent() -> None:
    assert example_interest(PenaltyPolicy.none()) == (Decimal("6"), Decimal("49.32"), 365)


@given(days=st.integers(min_value=1, max_value=365), other=st.integers(min_value=1, max_value=365))
def test_the_version_changes_exactly_when_a_clause_does(days: int, other: int) -> None:
    a = snapshot(replace(FACTS, payment_terms_days=days))
    b = snapshot(replace(FACTS, payment_terms_days=other))
    assert (terms_version(a) == terms_version(b)) == (days == other)
    assert changed_clauses(a, b) == ([] if days == other else ["payment"])


def test_names_do_not_change_the_version_and_every_clause_has_text() -> None:
    renamed = replace(FACTS, customer_name="Otra", business_name="Otro")
    assert terms_version(snapshot(renamed)) == terms_version(snapshot(FACTS))
    assert all(c.paragraphs and all(p.strip() for p in c.paragraphs) for c in clauses(FACTS))
    assert [c.key for c in clauses(FACTS)] == list(snapshot(FACTS))
