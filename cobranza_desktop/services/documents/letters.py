"""The letters of the day: one per letter action on the day's agenda, and printing them
completes those actions.

The agenda (the collections ladder) says who gets a letter that day; deferred actions
count too, since a letter is mailed, not a call in quiet hours. The tone follows the
stage. Printing the letters logs, for each one, the contact it is (a letter) and marks
its agenda action done, with the action's effects (a status change, a penalty applied):
the same as completing it on Today, in one transaction with the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.documents import render_letters
from cobranza_desktop.documents.data import (
    ContactInfo,
    LetterTone,
    ReminderLetterData,
)
from cobranza_desktop.domain.agenda import AgendaItem, compute_agenda
from cobranza_desktop.domain.contact_policy import Channel, Outcome
from cobranza_desktop.domain.customers import CustomerStatus
from cobranza_desktop.domain.errors import NotFoundError
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.money import ZERO
from cobranza_desktop.services.base.agenda_data import load_ladder, load_policy, read_day
from cobranza_desktop.services.collections.agenda import completion_contact, log_action
from cobranza_desktop.services.documents.parts import (
    business_data,
    currency_of,
    customer_info,
    how_to_pay_text,
    overdue_by_customer,
)
from cobranza_desktop.storage.models import Customer

# Days the customer has, from the letter date, to pay.
LETTER_PAY_DAYS = 7


def letter_tone(days_late: int) -> LetterTone:
    """For a letter stage that says nothing of penalties or status: friendly up to 30
    days late, firm to 60, then final."""
    if days_late <= 30:
        return LetterTone.FRIENDLY
    if days_late <= 60:
        return LetterTone.FIRM
    return LetterTone.FINAL


# Statuses whose letter is the last word before the service stops or the case leaves.
_FINAL_STATUSES = frozenset(
    {CustomerStatus.SUSPENDED, CustomerStatus.BLOCKED, CustomerStatus.AGENCY}
)


def stage_tone(item: AgendaItem) -> LetterTone:
    """The tone of an agenda letter: final when it suspends, blocks or hands the case
    over; firm when it speaks of penalties or restricts; otherwise by days late."""
    if item.sets_status in _FINAL_STATUSES:
        return LetterTone.FINAL
    if item.sets_status is not None or item.mentions_penalty or item.applies_penalty:
        return LetterTone.FIRM
    return letter_tone(item.days_past_due)


@dataclass(frozen=True)
class DayLetter:
    item: AgendaItem
    letter: ReminderLetterData


@dataclass(frozen=True)
class PrintedLetters:
    day: date
    pdf: bytes
    customer_ids: tuple[int, ...]  # whose action was completed, in the letters' order


def day_letters(session: Session, today: date) -> list[DayLetter]:
    """The letters of ``today``'s agenda, by customer name, with their actions."""
    ladder = load_ladder(session)
    policy = load_policy(session)
    read = read_day(session, today, ladder, policy, with_receipts=False)  # the ladder alone
    cases, logged = read.cases, read.logged
    agenda = compute_agenda(today, cases, logged, ladder, policy)
    items = {
        item.customer_id: item
        for item in (*agenda.items, *agenda.deferred)
        if item.channel is Channel.LETTER
    }
    if not items:
        return []
    customers = session.scalars(
        select(Customer)
        .where(Customer.id.in_(list(items)))
        .order_by(Customer.name_key, Customer.id)
    ).all()
    overdue = overdue_by_customer(session, [c.id for c in customers], today)
    business = business_data(session)
    currency = currency_of(session)
    how_to_pay = how_to_pay_text(session)
    return [
        DayLetter(
            items[customer.id],
            ReminderLetterData(
                business=business,
                customer=customer_info(customer),
                letter_date=today,
                tone=stage_tone(items[customer.id]),
                overdue=overdue[customer.id],
                total_due=sum((o.balance for o in overdue[customer.id]), ZERO),
                pay_by=today + timedelta(days=LETTER_PAY_DAYS),
                currency=currency,
                how_to_pay=how_to_pay,
                contact=ContactInfo(business.name, business.phone, business.email),
            ),
        )
        for customer in customers
        if overdue[customer.id]  # a letter before the due date has nothing to list
    ]


def no_letters() -> NotFoundError:
    return NotFoundError(
        gettext("No hay cartas para esa fecha: la agenda no tiene cartas que enviar.")
    )


def print_day_letters(session: Session, today: date, now: datetime) -> PrintedLetters:
    """Render the letters of ``today`` and complete their actions, in ``session``."""
    letters = day_letters(session, today)
    if not letters:
        raise no_letters()
    pdf = render_letters([d.letter for d in letters])
    for entry in letters:
        item = entry.item
        note = gettext("Carta impresa: {stage}").format(stage=item.stage_label)
        contact = completion_contact(
            item,
            Outcome.CONTACTED,
            notes=note,
            channel=Channel.LETTER,
            # A letter is mailed: it does not call on the customer in quiet hours or on a
            # Sunday, so the contact policy's hours do not hold it back.
            override_reason=gettext("Carta enviada por correo postal"),
        )
        log_action(session, item, "done", note, contact, today, now)
    return PrintedLetters(today, pdf, tuple(d.item.customer_id for d in letters))
