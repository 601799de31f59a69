"""Today's agenda: who to contact, how and about what, computed from plain data.

Rules:

- Every action has a natural key ``(customer, stage, subject)`` where the subject is an
  invoice with its (possibly extended) due date, a plan instalment, a promise or a
  status change. A key that is logged (done or skipped) is never proposed again.
- For each invoice only the most advanced stage whose day has come is considered, so
  after days closed the program catches up with one action, not with every one missed.
- One action per customer per day (none more once one was done or skipped), chosen in
  this order: follow up a broken promise,
  the ladder (the most advanced stage among the customer's invoices, covering them
  all), a plan instalment, then proposing to lift a restriction once paid up.
- While a promise is pending the ladder waits; invoices in a current plan are not on it.
- What the customer's status says was done is not proposed again: an invoice whose stage
  moves the customer to a status they already have, or to one before it, waits for its
  next stage (a restricted customer is not proposed restriction again, a suspended one
  not the partial restriction).
- The contact policy defers actions for customers at their cap, and everything on Sundays.
- Priority: broken promises first, then amount × days past due.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date

from cobranza_desktop.domain.agenda_model import (
    _SPECIAL_LABELS,
    BROKEN_PROMISE,
    FOLLOW_UP,
    INSTALMENT_STAGES,
    LIFT_RESTRICTION,
    NO_INVOICE_IDS,
    ActionKey,
    Agenda,
    AgendaItem,
    BrokenPromise,
    CustomerCase,
    DueInstalment,
    FollowUp,
    LadderInvoice,
    ReceiptCheck,
    broken_plan_subject,
    follow_up_subject,
    instalment_subject,
    invoice_subject,
    promise_subject,
    receipt_subject,
    status_subject,
)
from cobranza_desktop.domain.contact_policy import Channel, ContactPolicy, Violation
from cobranza_desktop.domain.customer_status import (
    CustomerStatus,
    is_restricted,
    on_ladder,
    status_rank,
)
from cobranza_desktop.domain.formatting import format_date, format_money
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.ladder import (
    CONFIRM_RECEIPT_STAGE,
    CONFIRM_RECEIPT_WINDOW_DAYS,
    Ladder,
    Stage,
)
from cobranza_desktop.domain.money import ZERO

__all__ = [
    "BROKEN_PROMISE",
    "FOLLOW_UP",
    "INSTALMENT_STAGES",
    "LIFT_RESTRICTION",
    "NO_INVOICE_IDS",
    "ActionKey",
    "Agenda",
    "AgendaItem",
    "BrokenPromise",
    "CustomerCase",
    "DueInstalment",
    "FollowUp",
    "LadderInvoice",
    "ReceiptCheck",
    "broken_plan_subject",
    "compute_agenda",
    "done_by_status",
    "follow_up_subject",
    "instalment_subject",
    "invoice_subject",
    "item_for_case",
    "promise_subject",
    "receipt_subject",
    "status_subject",
]


def _due_stage(stages: Iterable[Stage], days: int) -> Stage | None:
    found: Stage | None = None
    for stage in stages:
        if stage.offset_days <= days:
            found = stage
    return found


def _days_text(days: int) -> str:
    if days < 0:
        return gettext("vence en {days} días").format(days=-days)
    if days == 0:
        return gettext("vence hoy")
    return gettext("vencida hace {days} días").format(days=days)


def _more_text(others: int) -> str:
    if others <= 0:
        return ""
    return gettext(" (y {others} más)").format(others=others)


def done_by_status(stage: Stage, status: CustomerStatus) -> bool:
    """A stage that moves the customer to a status they already have, or to one before
    it, was done (by the agenda or by hand): it is not proposed again."""
    return stage.sets_status is not None and status_rank(status) >= status_rank(stage.sets_status)


def _ladder_item(
    case: CustomerCase,
    day: date,
    ladder: Ladder,
    logged: Collection[ActionKey],
    deferred_by: tuple[Violation, ...] = (),
) -> AgendaItem | None:
    # Run for thousands of cases a day: the lookups are taken once, out of the loop.
    track, status, customer_id = case.track, case.status, case.customer_id
    paused, due_stage = case.paused_invoice_ids, ladder.due_stage
    in_play: list[tuple[LadderInvoice, int, Stage]] = []
    pending: list[tuple[LadderInvoice, int, Stage, ActionKey]] = []
    for inv in case.invoices:
        if inv.outstanding <= 0 or (paused and inv.invoice_id in paused):
            continue
        days = (day - inv.due_date).days
        stage = due_stage(days, track)
        if stage is None:
            continue
        in_play.append((inv, days, stage))
        if stage.sets_status is not None and done_by_status(stage, status):
            continue  # its debt counts, but the step it is at was already taken
        key = ActionKey(customer_id, stage.code, invoice_subject(inv.invoice_id, inv.due_date))
        if key not in logged:
            pending.append((inv, days, stage, key))
    if not pending:
        return None
    # The most advanced pending stage leads; ties go to the oldest invoice.
    lead_inv, lead_days, lead_stage, _ = (
        pending[0]
        if len(pending) == 1
        else max(pending, key=lambda p: (p[2].offset_days, p[1], -p[0].invoice_id))
    )
    amount = sum([inv.outstanding for inv, _, _ in in_play], ZERO)
    max_days = max([days for _, days, _ in in_play])
    more = _more_text(len(in_play) - 1)
    reason = f"{lead_inv.folio} {_days_text(lead_days)}{more}"
    return AgendaItem(
        customer_id=customer_id,
        customer=case.name,
        stage=lead_stage.code,
        stage_label=lead_stage.label(),
        channel=lead_stage.channel,
        template=lead_stage.template,
        amount_due=amount,
        days_past_due=max_days,
        reason=reason,
        keys=(pending[0][3],) if len(pending) == 1 else tuple(sorted([p[3] for p in pending])),
        mentions_penalty=lead_stage.mentions_penalty,
        applies_penalty=lead_stage.applies_penalty,
        sets_status=lead_stage.sets_status,
        invoice_ids=(
            (in_play[0][0].invoice_id,)
            if len(in_play) == 1
            else tuple(sorted([inv.invoice_id for inv, _, _ in in_play]))
        ),
        deferred_by=deferred_by,
    )


def _instalment_item(
    case: CustomerCase, day: date, logged: Collection[ActionKey]
) -> AgendaItem | None:
    pending: list[tuple[DueInstalment, int, Stage, ActionKey]] = []
    for inst in case.instalments:
        if inst.remaining <= 0:
            continue
        days = (day - inst.due_date).days
        stage = _due_stage(INSTALMENT_STAGES, days)
        if stage is None:
            continue
        key = ActionKey(case.customer_id, stage.code, instalment_subject(inst.plan_id, inst.number))
        if key not in logged:
            pending.append((inst, days, stage, key))
    if not pending:
        return None
    inst, days, stage, _ = max(pending, key=lambda p: (p[2].offset_days, p[1]))
    amount = sum((p[0].remaining for p in pending), ZERO)
    reason = gettext("Pago {number} del convenio {days}").format(
        number=inst.number, days=_days_text(days)
    )
    return AgendaItem(
        customer_id=case.customer_id,
        customer=case.name,
        stage=stage.code,
        stage_label=stage.label(),
        channel=stage.channel,
        template=stage.template,
        amount_due=amount,
        days_past_due=days,
        reason=reason,
        keys=tuple(sorted(p[3] for p in pending)),
        mentions_penalty=stage.mentions_penalty,
    )


def _receipt_item(
    case: CustomerCase,
    day: date,
    logged: Collection[ActionKey],
    deferred_by: tuple[Violation, ...] = (),
) -> AgendaItem | None:
    if not case.receipts:
        return None
    stage = CONFIRM_RECEIPT_STAGE
    first, code, customer_id = stage.offset_days, stage.code, case.customer_id
    pending: list[tuple[ReceiptCheck, ActionKey]] = []
    for check in case.receipts:
        age = (day - check.issue_date).days
        if check.outstanding <= 0 or not first <= age <= CONFIRM_RECEIPT_WINDOW_DAYS:
            continue
        key = ActionKey(customer_id, code, receipt_subject(check.invoice_id))
        if key not in logged:
            pending.append((check, key))
    if not pending:
        return None
    if len(pending) == 1:  # most customers have one invoice to confirm
        lead = pending[0][0]
        keys: tuple[ActionKey, ...] = (pending[0][1],)
        invoice_ids: tuple[int, ...] = (lead.invoice_id,)
    else:
        lead = min(pending, key=lambda p: (p[0].issue_date, p[0].invoice_id))[0]
        keys = tuple(sorted([k for _, k in pending]))
        invoice_ids = tuple(sorted([c.invoice_id for c, _ in pending]))
    reason = gettext(
        "¿Recibió la factura {folio} del {issue_date}? ¿Sus datos son correctos?"
    ).format(folio=lead.folio, issue_date=format_date(lead.issue_date)) + _more_text(
        len(pending) - 1
    )
    return AgendaItem(
        customer_id=customer_id,
        customer=case.name,
        stage=code,
        stage_label=stage.label(),
        channel=stage.channel,
        template=stage.template,
        amount_due=sum([c.outstanding for c, _ in pending], ZERO),
        days_past_due=0,
        reason=reason,
        keys=keys,
        invoice_ids=invoice_ids,
        deferred_by=deferred_by,
    )


def _broken_promise_item(
    case: CustomerCase, day: date, logged: Collection[ActionKey]
) -> AgendaItem | None:
    pending = [
        (p, ActionKey(case.customer_id, BROKEN_PROMISE, p.subject)) for p in case.broken_promises
    ]
    pending = [(p, k) for p, k in pending if k not in logged]
    if not pending:
        return None
    latest = max(pending, key=lambda pk: (pk[0].promised_date, pk[0].promise_id))[0]
    days = (day - latest.promised_date).days
    owed = sum((i.outstanding for i in case.invoices if i.due_date <= day), ZERO)
    owed += sum((i.remaining for i in case.instalments if i.due_date <= day), ZERO)
    return AgendaItem(
        customer_id=case.customer_id,
        customer=case.name,
        stage=BROKEN_PROMISE,
        stage_label=gettext(_SPECIAL_LABELS[BROKEN_PROMISE]),
        channel=Channel.PHONE,
        template=BROKEN_PROMISE,
        amount_due=owed if owed > 0 else latest.amount,
        days_past_due=days,
        reason=(
            gettext("Incumplió el convenio (pago del {promised_date})").format(
                promised_date=format_date(latest.promised_date)
            )
            if latest.is_plan
            else gettext("Prometió pagar {amount} el {promised_date} y no pagó").format(
                amount=format_money(latest.amount), promised_date=format_date(latest.promised_date)
            )
        ),
        keys=tuple(sorted(k for _, k in pending)),
        broken_promise=True,
        mentions_penalty=True,
    )


def _lift_item(case: CustomerCase, day: date, logged: Collection[ActionKey]) -> AgendaItem | None:
    if not is_restricted(case.status) or case.status_transition_id is None:
        return None
    if any(i.outstanding > 0 and i.due_date < day for i in case.invoices):
        return None
    if any(i.remaining > 0 and i.due_date < day for i in case.instalments):
        return None
    key = ActionKey(case.customer_id, LIFT_RESTRICTION, status_subject(case.status_transition_id))
    if key in logged:
        return None
    return AgendaItem(
        customer_id=case.customer_id,
        customer=case.name,
        stage=LIFT_RESTRICTION,
        stage_label=gettext(_SPECIAL_LABELS[LIFT_RESTRICTION]),
        channel=Channel.WHATSAPP,
        template="thank_you",
        amount_due=ZERO,
        days_past_due=0,
        reason=gettext("Está al corriente y su estado es «{label}»").format(
            label=case.status.label()
        ),
        keys=(key,),
        sets_status=CustomerStatus.ACTIVE,
    )


def item_for_case(
    case: CustomerCase,
    day: date,
    ladder: Ladder,
    logged: Collection[ActionKey],
    deferred_by: tuple[Violation, ...] = (),
) -> AgendaItem | None:
    """The one action proposed for a customer on ``day``, ignoring the contact cap;
    ``deferred_by``: what the contact policy says of it (made with it, not copied after)."""
    if not on_ladder(case.status) or case.acted_today:
        return None
    item = _broken_promise_item(case, day, logged)
    if item is None:
        item = _receipt_item(case, day, logged, deferred_by)
    if item is None and not (case.pending_promise_date and case.pending_promise_date >= day):
        item = _ladder_item(case, day, ladder, logged, deferred_by)
    if item is None:
        item = _instalment_item(case, day, logged)
    if item is None:
        item = _lift_item(case, day, logged)
    follow = [
        ActionKey(case.customer_id, FOLLOW_UP, follow_up_subject(f.contact_id))
        for f in case.follow_ups
        if f.day <= day
    ]
    follow = [k for k in follow if k not in logged]
    if follow and item is not None:
        # The contact made today also serves the follow-ups that fell due.
        return replace(item, keys=tuple(sorted((*item.keys, *follow))), deferred_by=deferred_by)
    if follow:
        latest = max(f.day for f in case.follow_ups if f.day <= day)
        owed = sum((i.outstanding for i in case.invoices), ZERO)
        return AgendaItem(
            customer_id=case.customer_id,
            customer=case.name,
            stage=FOLLOW_UP,
            stage_label=gettext(_SPECIAL_LABELS[FOLLOW_UP]),
            channel=Channel.PHONE,
            template=FOLLOW_UP,
            amount_due=owed,
            days_past_due=(day - latest).days,
            reason=gettext("Seguimiento acordado para el {latest}").format(
                latest=format_date(latest)
            ),
            keys=tuple(sorted(follow)),
            deferred_by=deferred_by,
        )
    if item is not None and item.deferred_by != deferred_by:  # the rarer kinds of action
        item = replace(item, deferred_by=deferred_by)
    return item


def compute_agenda(
    day: date,
    cases: Iterable[CustomerCase],
    logged: Collection[ActionKey],
    ladder: Ladder,
    policy: ContactPolicy,
) -> Agenda:
    """The actions for ``day`` in priority order, and those the contact policy defers."""
    items: list[AgendaItem] = []
    deferred: list[AgendaItem] = []
    for case in cases:
        violations = tuple(policy.day_violations(day, case.contact_days))
        item = item_for_case(case, day, ladder, logged, violations)
        if item is not None:
            (deferred if violations else items).append(item)
    items.sort(key=lambda i: i.priority)
    deferred.sort(key=lambda i: i.priority)
    return Agenda(day, tuple(items), tuple(deferred))
