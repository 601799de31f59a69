"""The facts of a message and their merge-field values, formatted for a language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from cobranza_desktop.domain.formatting import format_date, format_long_date, format_money
from cobranza_desktop.domain.i18n import current_language, locale_for
from cobranza_desktop.domain.money import DEFAULT_CURRENCY


@dataclass(frozen=True)
class InvoiceLine:
    """An invoice as a message mentions it. Amounts are exact Decimals."""

    folio: str
    issue_date: date
    due_date: date
    total: Decimal
    balance: Decimal


@dataclass(frozen=True)
class PaymentData:
    bank_name: str = ""
    clabe: str = ""
    account_holder: str = ""


@dataclass(frozen=True)
class MessageData:
    """Everything a message can say, unformatted. Optional facts are ``None``."""

    business_name: str
    customer_name: str
    today: date
    invoices: Sequence[InvoiceLine] = ()
    contact_name: str = ""
    business_phone: str = ""
    business_email: str = ""
    currency: str = DEFAULT_CURRENCY
    penalty_amount: Decimal | None = None
    new_instalment_amount: Decimal | None = None
    amount_paid: Decimal | None = None
    remaining_balance: Decimal | None = None
    restricted_services: str | None = None
    deadline: date | None = None
    instalment_number: int | None = None
    instalment_amount: Decimal | None = None
    instalment_due_date: date | None = None
    promised_amount: Decimal | None = None
    promised_date: date | None = None
    payment: PaymentData = field(default_factory=PaymentData)
    payment_reference: str | None = None


def build_variables(data: MessageData, language: str | None = None) -> dict[str, Any]:
    """The merge fields of a message, formatted for ``language`` ("es" or "en").

    Optional fields without a value are left out: a template may test them with
    ``{% if penalty_amount %}`` but printing one is refused.
    """
    lang = language or current_language()
    loc = locale_for(lang)

    def money(value: Decimal) -> str:
        return format_money(value, data.currency, locale=loc)

    def short(d: date) -> str:
        return format_date(d, locale=loc)

    def t(es: str, en: str) -> str:
        return en if lang == "en" else es

    invoices = sorted(data.invoices, key=lambda inv: (inv.due_date, inv.folio))
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for inv in invoices:
        late = max(0, (data.today - inv.due_date).days)
        rows.append(
            {
                "folio": inv.folio,
                "issue_date": short(inv.issue_date),
                "due_date": short(inv.due_date),
                "total": money(inv.total),
                "balance": money(inv.balance),
                "days_late": late,
            }
        )
        if late > 0:
            when = t(
                f"venció el {short(inv.due_date)} ({late} días)",
                f"due {short(inv.due_date)} ({late} days late)",
            )
        else:
            when = t(f"vence el {short(inv.due_date)}", f"due {short(inv.due_date)}")
        lines.append(
            t(
                f"• Factura {inv.folio}: saldo {money(inv.balance)}, {when}",
                f"• Invoice {inv.folio}: balance {money(inv.balance)}, {when}",
            )
        )
    total = sum((inv.balance for inv in invoices), Decimal("0.00"))
    days_late = max((r["days_late"] for r in rows), default=0)
    due_dates: list[str] = []
    for inv in invoices:
        if short(inv.due_date) not in due_dates:
            due_dates.append(short(inv.due_date))

    pay = data.payment
    detail_lines = []
    if pay.bank_name:
        detail_lines.append(t(f"Banco: {pay.bank_name}", f"Bank: {pay.bank_name}"))
    if pay.clabe:
        detail_lines.append(f"CLABE: {pay.clabe}")
    if pay.account_holder:
        detail_lines.append(
            t(f"Titular: {pay.account_holder}", f"Account holder: {pay.account_holder}")
        )
    if data.payment_reference:
        detail_lines.append(
            t(f"Referencia: {data.payment_reference}", f"Reference: {data.payment_reference}")
        )

    values: dict[str, Any] = {
        "business_name": data.business_name,
        "business_phone": data.business_phone,
        "business_email": data.business_email,
        "customer_name": data.customer_name,
        "contact_name": data.contact_name or data.customer_name,
        "invoices": rows,
        "invoice_list": "\n".join(lines),
        "invoice_count": len(rows),
        "folios": ", ".join(inv.folio for inv in invoices),
        "total_due": money(total),
        "days_late": days_late,
        "due_date": short(invoices[0].due_date) if invoices else "",
        "due_dates": ", ".join(due_dates),
        "today": short(data.today),
        "today_long": format_long_date(data.today, locale=loc),
        "bank_name": pay.bank_name,
        "clabe": pay.clabe,
        "account_holder": pay.account_holder,
        "payment_details": "\n".join(detail_lines),
    }
    if data.penalty_amount is not None:
        values["penalty_amount"] = money(data.penalty_amount)
        values["total_with_penalty"] = money(total + data.penalty_amount)
    if data.new_instalment_amount is not None:
        values["new_instalment_amount"] = money(data.new_instalment_amount)
    if data.amount_paid is not None:
        values["amount_paid"] = money(data.amount_paid)
    if data.remaining_balance is not None:
        values["remaining_balance"] = money(data.remaining_balance)
    if data.restricted_services:
        values["restricted_services"] = data.restricted_services
    if data.deadline is not None:
        values["deadline"] = short(data.deadline)
    if data.payment_reference:
        values["payment_reference"] = data.payment_reference
    if data.instalment_number is not None:
        values["instalment_number"] = data.instalment_number
    if data.instalment_amount is not None:
        values["instalment_amount"] = money(data.instalment_amount)
    if data.instalment_due_date is not None:
        values["instalment_due_date"] = short(data.instalment_due_date)
    if data.promised_amount is not None:
        values["promised_amount"] = money(data.promised_amount)
    if data.promised_date is not None:
        values["promised_date"] = short(data.promised_date)
    return values


# A fixed day for the sample: it only shapes the formatted dates.
SAMPLE_DAY = date(2000, 3, 15)


def sample_message_data(today: date = SAMPLE_DAY) -> MessageData:
    """A message with every optional fact filled in: what a template is tried on
    before it is saved. Kept small and realistic (two invoices)."""
    return MessageData(
        business_name="Taller Ejemplo",
        customer_name="Cliente de Ejemplo",
        today=today,
        invoices=(
            InvoiceLine(
                "A-101", date(2000, 1, 1), date(2000, 1, 31), Decimal("1160.00"), Decimal("1160.00")
            ),
            InvoiceLine(
                "A-102", date(2000, 2, 1), date(2000, 2, 29), Decimal("580.00"), Decimal("290.00")
            ),
        ),
        contact_name="Contacto de Ejemplo",
        business_phone="55 1234 5678",
        business_email="cobranza@example.com",
        penalty_amount=Decimal("50.00"),
        new_instalment_amount=Decimal("300.00"),
        amount_paid=Decimal("500.00"),
        remaining_balance=Decimal("950.00"),
        restricted_services="Servicio de ejemplo",
        deadline=today,
        instalment_number=1,
        instalment_amount=Decimal("300.00"),
        instalment_due_date=today,
        promised_amount=Decimal("500.00"),
        promised_date=today,
        payment=PaymentData("Banco Ejemplo", "002180000000000000", "Taller Ejemplo"),
        payment_reference="REF-123",
    )
