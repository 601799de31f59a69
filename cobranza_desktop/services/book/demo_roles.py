"""The few parts of the demo's story that one customer plays: the agency case, the payment
plan, the suspended customer who paid, the restricted ones; and the story's last steps,
taken by the services themselves once the history is written."""

from __future__ import annotations

from datetime import date, timedelta

from cobranza_desktop.domain.clock import FixedClock
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.domain.plans import Frequency
from cobranza_desktop.services.book.demo_kinds import CustomerPlan, Payer, Role
from cobranza_desktop.services.collections.plans import PlanRequest, PlanService
from cobranza_desktop.services.collections.promises import PromiseService
from cobranza_desktop.services.receivables.payments import PaymentInput, PaymentService
from cobranza_desktop.storage.database import Book

PLAN_DAYS_AGO = 75  # the plan was agreed this long ago: two instalments paid so far
PLAN_INSTALMENTS = 4


def _oldest_unpaid_days(plan: CustomerPlan, today: date) -> int:
    unpaid = [p.due for p in plan.invoices if not p.payments and p.dispute is None]
    return (today - min(unpaid)).days if unpaid else 0


# Days from the oldest unpaid due date to the restriction, and to the agency.
RESTRICT_AFTER = 61
AGENCY_AFTER = 125
# A customer who stopped paying is restricted in the story once this far behind by today.
RESTRICT_DRAWN_AFTER = 150


def _cutoff(plan: CustomerPlan, role: Role | None, plan_day: date) -> date | None:
    unpaid = [p.due for p in plan.invoices if not p.payments and p.dispute is None]
    if role is Role.PLAN:
        return plan_day
    if role is Role.AGENCY and unpaid:
        return min(unpaid) + timedelta(days=AGENCY_AFTER)
    if role is Role.RESTRICTED and unpaid:
        return min(unpaid) + timedelta(days=RESTRICT_AFTER)
    return None


def assign_roles(plans: list[CustomerPlan], cast: dict[int, Role], today: date) -> dict[int, Role]:
    """Who plays which part, by customer index: the cast ones, and every other customer
    who stopped paying five months ago is restricted."""
    roles: dict[int, Role] = {}
    plan_day = today - timedelta(days=PLAN_DAYS_AGO)
    for plan in plans:
        role = cast.get(plan.index)
        if (
            role is None
            and plan.payer is Payer.NEVER
            and _oldest_unpaid_days(plan, today) >= RESTRICT_DRAWN_AFTER
        ):
            role = Role.RESTRICTED
        # Once restricted, at the agency or on a plan, sales to them are cash: no more
        # invoices on credit from that day.
        cutoff = _cutoff(plan, role, plan_day)
        if cutoff is not None:
            plan.invoices = [p for p in plan.invoices if p.issue < cutoff]
        if role is not None:
            roles[plan.index] = role
    return roles


def finish_story(
    book: Book, plans: list[CustomerPlan], roles: dict[int, Role], today: date
) -> None:
    """The plan agreed (and its instalments paid on time), then the promises' outcomes
    stored: each through its service, as of its own day."""
    plan_day = today - timedelta(days=PLAN_DAYS_AGO)
    for plan in plans:
        if roles.get(plan.index) is not Role.PLAN:
            continue
        clock = FixedClock.on(plan_day, hour=11)
        service = PlanService(book, clock)
        owed = [i.invoice_id for i in service.open_invoices(plan.customer_id)]
        if not owed:
            continue
        agreed = service.create(
            PlanRequest(
                plan.customer_id,
                tuple(owed),
                PLAN_INSTALMENTS,
                Frequency.MONTHLY,
                plan_day + timedelta(days=14),
                notes="Convenio: cuatro pagos mensuales; ventas de contado mientras dure.",
            )
        )
        for instalment in agreed.instalments:
            if instalment.due_date < today:
                PaymentService(book, FixedClock.on(instalment.due_date, hour=12)).record(
                    PaymentInput(
                        plan.customer_id,
                        instalment.amount,
                        instalment.due_date,
                        PaymentMethod.TRANSFER,
                        f"CONV-{instalment.number}",
                    )
                )
    PromiseService(book, FixedClock.on(today, hour=8)).refresh()
