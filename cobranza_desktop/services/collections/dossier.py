"""Agency hand-off: export the customer's dossier and mark the case as with the agency."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from cobranza_desktop.documents.collections_pdf import BusinessHeader
from cobranza_desktop.documents.dossier import (
    Dossier,
    DossierContact,
    DossierInvoice,
    DossierPlan,
    DossierPromise,
    StatementLine,
    invoices_csv,
    render_dossier_pdf,
)
from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.contact_policy import NonPaymentReason, Outcome
from cobranza_desktop.domain.customers import Channel, CustomerStatus
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.formatting import format_money
from cobranza_desktop.domain.i18n import gettext
from cobranza_desktop.domain.invoices import InvoiceKind, Lifecycle, invoice_number, is_open
from cobranza_desktop.domain.money import ZERO, from_cents
from cobranza_desktop.domain.payments import PaymentMethod
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.agenda_data import promise_status
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.corrections_log import CorrectionKind, log_correction
from cobranza_desktop.services.collections.plans import plan_view
from cobranza_desktop.services.customers.records import get_customer
from cobranza_desktop.services.customers.restrictions import change_status
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Invoice, Payment
from cobranza_desktop.storage.models.collections import ContactLog, PaymentPlan, Promise
from cobranza_desktop.storage.output_files import check_output_folder, write_output
from cobranza_desktop.storage.queries.agenda import effective_due_dates


@dataclass(frozen=True)
class DossierExport:
    customer_id: int
    path: Path  # the folder or the zip file
    files: tuple[str, ...]
    balance: Decimal
    marked_agency: bool


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() else "_" for c in name).strip("_")
    return cleaned[:40] or "cliente"


class DossierService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def build(self, customer_id: int) -> Dossier:
        today = self._clock.today()
        with self._book.session() as session:
            customer = get_customer(session, customer_id)
            profile = load_profile(session)
            invoices = list(
                session.scalars(
                    select(Invoice)
                    .where(
                        Invoice.customer_id == customer_id,
                        Invoice.lifecycle == Lifecycle.ISSUED.value,
                    )
                    .order_by(Invoice.issue_date, Invoice.id)
                )
            )
            payments = list(
                session.scalars(
                    select(Payment)
                    .where(Payment.customer_id == customer_id, Payment.reversed_at.is_(None))
                    .order_by(Payment.payment_date, Payment.id)
                )
            )
            events: list[tuple[date, int, str, str, Decimal, Decimal]] = []
            for inv in invoices:
                label = (
                    gettext("Recargo")
                    if inv.kind == InvoiceKind.LATE_CHARGE.value
                    else gettext("Factura")
                )
                events.append(
                    (
                        inv.issue_date,
                        0,
                        invoice_number(inv.series, inv.folio, inv.external_number),
                        label,
                        from_cents(inv.total_cents),
                        ZERO,
                    )
                )
            for pay in payments:
                method = PaymentMethod(pay.method).label()
                text = f"{gettext('Pago')} ({method}) {pay.reference}".strip()
                events.append(
                    (pay.payment_date, 1, f"P-{pay.id}", text, ZERO, from_cents(pay.amount_cents))
                )
            events.sort(key=lambda e: (e[0], e[1], e[2]))
            running = ZERO
            statement = []
            for day, _, doc, text, charge, paid in events:
                running += charge - paid
                statement.append(StatementLine(day, doc, text, charge, paid, running))
            # The date in force: an extension agreed with the customer moved it.
            agreed = effective_due_dates(session, [inv.id for inv in invoices])
            open_invoices = tuple(
                DossierInvoice(
                    folio=invoice_number(inv.series, inv.folio, inv.external_number),
                    issue_date=inv.issue_date,
                    due_date=due,
                    total=from_cents(inv.total_cents),
                    paid=from_cents(inv.paid_cents),
                    balance=from_cents(inv.total_cents - inv.paid_cents),
                    days_past_due=max(0, (today - due).days),
                    status=gettext("Vencida") if due < today else gettext("Por vencer"),
                )
                for inv in invoices
                if is_open(inv.lifecycle, inv.total_cents, inv.paid_cents)
                for due in (agreed.get(inv.id, inv.due_date),)
            )
            contacts = tuple(
                DossierContact(
                    c.contacted_at,
                    Channel(c.channel).label(),
                    Outcome(c.outcome).label(),
                    NonPaymentReason(c.reason).label() if c.reason else "",
                    c.notes,
                    c.next_action_date,
                )
                for c in session.scalars(
                    select(ContactLog)
                    .where(ContactLog.customer_id == customer_id, ContactLog.voided_at.is_(None))
                    .order_by(ContactLog.contacted_at, ContactLog.id)
                )
            )
            promises = tuple(
                DossierPromise(
                    p.given_on,
                    from_cents(p.amount_cents),
                    p.promised_date,
                    promise_status(session, p, today).label(),
                )
                for p in session.scalars(
                    select(Promise).where(Promise.customer_id == customer_id).order_by(Promise.id)
                )
            )
            plans = []
            for plan in session.scalars(
                select(PaymentPlan)
                .where(PaymentPlan.customer_id == customer_id)
                .order_by(PaymentPlan.id)
            ):
                view = plan_view(session, plan, today)
                plans.append(
                    DossierPlan(
                        view.number,
                        view.start_date,
                        view.total,
                        view.paid,
                        view.status_label,
                        len(view.instalments),
                    )
                )
            contact_text = " · ".join(
                p
                for p in (customer.contact_name, customer.phone, customer.email, customer.address)
                if p
            )
            return Dossier(
                business=BusinessHeader(
                    profile.name, profile.rfc, profile.address, profile.phone, profile.email
                ),
                as_of=today,
                customer_name=customer.name,
                customer_tax_id=customer.rfc,
                customer_contact=contact_text,
                customer_status=CustomerStatus(customer.status).label(),
                balance=running,
                statement=tuple(statement),
                invoices=open_invoices,
                contacts=contacts,
                promises=promises,
                plans=tuple(plans),
                currency=profile.currency,
            )

    def export(
        self,
        customer_id: int,
        destination: Path,
        *,
        as_zip: bool = False,
        mark_agency: bool = True,
        reason: str = "",
    ) -> DossierExport:
        """Write ``expediente.pdf`` and ``facturas.csv`` into a folder (or a zip next to it).

        Then, unless told otherwise, mark the customer as with the agency: the ladder
        stops for them. The files are written first; the status changes only if they were.
        """
        if mark_agency and not reason.strip():
            reason = gettext("Expediente entregado a agencia o abogado")
        dossier = self.build(customer_id)
        pdf = render_dossier_pdf(dossier)
        csv_text = invoices_csv(dossier.invoices)
        stem = f"expediente_{customer_id}_{_safe_name(dossier.customer_name)}"
        files = ("expediente.pdf", "facturas.csv")
        book_path = self._book.path
        try:
            if as_zip or destination.suffix.lower() == ".zip":
                # A named FILE.zip, or a zip named after the customer in the folder.
                is_file = destination.suffix.lower() == ".zip"
                target = destination if is_file else destination / f"{stem}.zip"
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    archive.writestr(files[0], pdf)
                    archive.writestr(files[1], csv_text)
                write_output(target, buffer.getvalue(), book_path)
            else:
                target = check_output_folder(destination / stem, "destination")
                write_output(target / files[0], pdf, book_path)
                write_output(target / files[1], csv_text.encode("utf-8"), book_path)
        except OSError as exc:
            raise ValidationError(
                "destination",
                gettext("No se pudo escribir el expediente en {destination}: {exc}").format(
                    destination=destination, exc=exc
                ),
            ) from exc
        marked = False
        if mark_agency:
            with self._book.transaction() as session:
                require(session, Permission.BOOKKEEPING)
                customer = get_customer(session, customer_id)
                if customer.status != CustomerStatus.AGENCY.value:
                    change_status(
                        session,
                        customer,
                        CustomerStatus.AGENCY,
                        reason,
                        self._clock.today(),
                        self._clock.now(),
                    )
                    marked = True
                log_correction(
                    session,
                    customer_id,
                    CorrectionKind.DOSSIER_EXPORTED,
                    subject=target.name,
                    reason=reason,
                    details=format_money(dossier.balance),
                    now=self._clock.now(),
                )
        return DossierExport(customer_id, target, files, dossier.balance, marked)
