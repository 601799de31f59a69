"""Credit terms: print a customer's «Condiciones de crédito y cobranza», record the signature.

The terms are built from what the book knows (``domain.credit_terms``). Each version's
snapshot is kept in the settings (``credit_terms.snapshots``, version -> clause values),
so that when the terms change the customers on an older version are listed and their
new document says which clauses changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.credit_terms import CreditTermsData, render_credit_terms
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.credit_terms import (
    CLAUSE_TITLES,
    TermsFacts,
    changed_clauses,
    clauses,
    snapshot,
    terms_version,
)
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.domain.penalty_policy import resolve_policy
from cobranza_desktop.domain.validation import check_date
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import load_ladder, load_policy
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.billing.incentives import (
    load_early_payment_terms,
    load_punctuality_rule,
)
from cobranza_desktop.services.billing.prepayments import load_offers
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.documents.parts import business_info, customer_info
from cobranza_desktop.services.penalties.policies import (
    load_business_policy,
    load_customer_policies,
)
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Customer

SNAPSHOTS_KEY = "credit_terms.snapshots"


@dataclass(frozen=True)
class TermsStatus:
    """Where a customer stands with the terms."""

    customer_id: int
    customer_name: str
    current_version: str
    signed_on: date | None
    signed_version: str
    changed: tuple[str, ...]  # titles of the clauses changed since the signed version

    @property
    def signed(self) -> bool:
        return self.signed_on is not None

    @property
    def outdated(self) -> bool:
        return self.signed and self.signed_version != self.current_version


def terms_facts(session: Session, customer: Customer) -> TermsFacts:
    profile = load_profile(session)
    own = load_customer_policies(session, customer.id).get(customer.id)
    return TermsFacts(
        business_name=profile.name,
        customer_name=customer.name,
        payment_terms_days=customer.payment_terms_days or profile.payment_terms_days,
        credit_limit=None
        if customer.credit_limit_cents is None
        else from_cents(customer.credit_limit_cents),
        penalty=resolve_policy(load_business_policy(session), own),
        early_payment=load_early_payment_terms(session),
        punctuality=load_punctuality_rule(session),
        prepayment_offers=load_offers(session),
        ladder=load_ladder(session),
        contact=load_policy(session),
    )


def _snapshots(session: Session) -> dict[str, dict[str, str]]:
    stored = read_setting(session, SNAPSHOTS_KEY, {})
    return stored if isinstance(stored, dict) else {}


def _status(session: Session, customer: Customer) -> TermsStatus:
    values = snapshot(terms_facts(session, customer))
    version = terms_version(values)
    changed: tuple[str, ...] = ()
    if customer.terms_signed_on is not None and customer.terms_version != version:
        old = _snapshots(session).get(customer.terms_version, {})
        changed = tuple(_(CLAUSE_TITLES[key]) for key in changed_clauses(old, values))
    return TermsStatus(
        customer.id,
        customer.name,
        version,
        customer.terms_signed_on,
        customer.terms_version,
        changed,
    )


class CreditTermsService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def status(self, customer_id: int) -> TermsStatus:
        with self._book.session() as session:
            return _status(session, get_customer(session, customer_id))

    def data(self, customer_id: int) -> CreditTermsData:
        with self._book.session() as session:
            customer = get_customer(session, customer_id)
            facts = terms_facts(session, customer)
            status = _status(session, customer)
            return CreditTermsData(
                business=business_info(load_profile(session)),
                customer=customer_info(customer),
                version=status.current_version,
                printed_on=self._clock.today(),
                clauses=tuple(clauses(facts)),
                changed=status.changed,
                signed_version=status.signed_version if status.outdated else "",
            )

    def pdf(self, customer_id: int) -> bytes:
        return render_credit_terms(self.data(customer_id))

    def mark_signed(self, customer_id: int, signed_on: date) -> TermsStatus:
        """Record that the customer signed the current terms on ``signed_on``."""
        check_date(signed_on, "signed_on")
        if signed_on > self._clock.today():
            raise ValidationError("signed_on", _("La fecha de firma no puede ser en el futuro."))
        with self._book.transaction() as session:
            require(session, Permission.BOOKKEEPING)
            customer = get_customer(session, customer_id)
            values = snapshot(terms_facts(session, customer))
            version = terms_version(values)
            stored = _snapshots(session)
            if version not in stored:
                stored[version] = values
                write_setting(session, SNAPSHOTS_KEY, stored)
            customer.terms_signed_on = signed_on
            customer.terms_version = version
            session.flush()
            return _status(session, customer)

    def outdated(self) -> list[TermsStatus]:
        """Customers who signed a version of the terms that is no longer the current one."""
        with self._book.session() as session:
            signed = session.scalars(
                select(Customer)
                .where(Customer.terms_signed_on.is_not(None))
                .order_by(Customer.name_key, Customer.id)
            )
            return [s for s in (_status(session, c) for c in signed) if s.outdated]
