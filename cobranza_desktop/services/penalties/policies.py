"""Where the penalty policies are kept: the business's in settings, customers' own in a table.

The business policy is a JSON value under :data:`POLICY_KEY` in the settings table; a
customer with their own terms has a ``customer_penalty_policies`` row, which replaces the
business policy whole (``domain.penalty_policy.resolve_policy``).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.penalties import PenaltyPolicy
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.storage.models import Customer
from cobranza_desktop.storage.models.penalties import CustomerPenaltyPolicy

POLICY_KEY = "penalties.policy"


def load_business_policy(session: Session) -> PenaltyPolicy:
    data = read_setting(session, POLICY_KEY)
    return PenaltyPolicy.none() if data is None else PenaltyPolicy.from_dict(data)


def load_customer_policies(
    session: Session, customer_id: int | None = None
) -> dict[int, PenaltyPolicy]:
    query = select(CustomerPenaltyPolicy)
    if customer_id is not None:
        query = query.where(CustomerPenaltyPolicy.customer_id == customer_id)
    return {
        row.customer_id: PenaltyPolicy.from_dict(json.loads(row.policy_json))
        for row in session.scalars(query)
    }


def store_business_policy(session: Session, policy: PenaltyPolicy) -> None:
    write_setting(session, POLICY_KEY, policy.to_dict())


def store_customer_policy(
    session: Session, customer_id: int, policy: PenaltyPolicy | None, now: datetime
) -> None:
    """Give a customer their own terms, or ``None`` to go back to the business policy."""
    row = session.get(CustomerPenaltyPolicy, customer_id)
    if policy is None:
        if row is not None:
            session.delete(row)  # configuration, not a document: nothing is lost
        return
    encoded = json.dumps(policy.to_dict(), sort_keys=True)
    if row is None:
        session.add(
            CustomerPenaltyPolicy(customer_id=customer_id, policy_json=encoded, updated_at=now)
        )
    else:
        row.policy_json = encoded
        row.updated_at = now


def customers_with_own_policy(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(
        select(Customer.id, Customer.name)
        .join(CustomerPenaltyPolicy, CustomerPenaltyPolicy.customer_id == Customer.id)
        .order_by(Customer.name)
    )
    return [(int(i), str(n)) for i, n in rows]
