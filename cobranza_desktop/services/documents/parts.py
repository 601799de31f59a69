"""The pieces every printed document shares, read from the book: letterhead, customer,
currency, "how to pay" text and overdue invoices (set-based, for many customers at once)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cobranza_desktop.documents.data import BusinessInfo, CustomerInfo, OverdueInvoiceData
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.invoices import invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.base.business import BusinessProfileView, load_profile
from cobranza_desktop.services.base.settings import read_setting
from cobranza_desktop.storage.models import BusinessProfile, Customer, Invoice
from cobranza_desktop.storage.queries.balances import latest_extensions
from cobranza_desktop.storage.queries.predicates import open_invoice

# Settings key: the business's own "how to pay" text (cash desk hours, deposit places...),
# printed on notices, letters and statements above the bank data.
HOW_TO_PAY_KEY = "documents.how_to_pay"


def receipt_number(payment_id: int) -> str:
    return f"R-{payment_id:05d}"


def how_to_pay_text(session: Session) -> str:
    value = read_setting(session, HOW_TO_PAY_KEY, "")
    return value if isinstance(value, str) else ""


def currency_of(session: Session) -> str:
    return load_profile(session).currency


def business_data(session: Session) -> BusinessInfo:
    return business_info(load_profile(session))


def business_info(profile: BusinessProfile | BusinessProfileView) -> BusinessInfo:
    """The business as printed on a document's letterhead and footer."""
    logo: bytes | None = None
    if profile.logo_path:
        try:
            logo = Path(profile.logo_path).read_bytes()
        except OSError:
            logo = None  # a moved logo must not stop the document
    return BusinessInfo(
        name=profile.name,
        rfc=profile.rfc,
        address=profile.address,
        phone=display_phone(profile.phone) if profile.phone else "",
        email=profile.email,
        logo=logo,
        bank_name=profile.bank_name,
        bank_account_holder=profile.name if profile.clabe else "",
        clabe=profile.clabe,
    )


def customer_info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(
        name=customer.name,
        rfc=customer.rfc,
        address=customer.address,
        email=customer.email,
        phone=display_phone(customer.phone) if customer.phone else "",
        code=str(customer.id),
    )


def overdue_by_customer(
    session: Session, customer_ids: Sequence[int], today: date
) -> dict[int, tuple[OverdueInvoiceData, ...]]:
    """Each customer's open invoices due before ``today``, oldest first: one query for all."""
    result: dict[int, list[OverdueInvoiceData]] = defaultdict(list)
    # Overdue from the date in force: an extended invoice is not late before its new date.
    ext = latest_extensions()
    agreed = func.coalesce(ext.c.new_due_date, Invoice.due_date)
    for start in range(0, len(customer_ids), 900):  # SQLite's bound-parameter limit
        rows = session.execute(
            select(
                Invoice.customer_id,
                Invoice.series,
                Invoice.folio,
                Invoice.external_number,
                Invoice.issue_date,
                agreed,
                Invoice.total_cents,
                Invoice.paid_cents,
            )
            .outerjoin(ext, ext.c.invoice_id == Invoice.id)
            .where(
                Invoice.customer_id.in_(list(customer_ids[start : start + 900])),
                open_invoice(),
                agreed < today,
            )
            .order_by(Invoice.customer_id, agreed, Invoice.id)
        )
        for cid, series, folio, external, issued, due, total, paid in rows:
            result[cid].append(
                OverdueInvoiceData(
                    number=invoice_number(series, folio, external),
                    issue_date=issued,
                    due_date=due,
                    days_late=(today - due).days,
                    total=from_cents(total),
                    balance=from_cents(total - paid),
                )
            )
    return {cid: tuple(result.get(cid, ())) for cid in customer_ids}


def overdue_invoices(
    session: Session, customer_id: int, today: date
) -> tuple[OverdueInvoiceData, ...]:
    return overdue_by_customer(session, [customer_id], today)[customer_id]
