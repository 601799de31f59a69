"""The lists as rows for CSV, XLSX or JSON, and the whole book for the accountant."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.domain.invoices import Lifecycle, derive_status, invoice_number
from cobranza_desktop.domain.money import from_cents
from cobranza_desktop.services.exports.cells import Value, write_csv, write_csv_rows, write_xlsx
from cobranza_desktop.services.exports.filtered import ListFilter, chosen_ids
from cobranza_desktop.storage.database import Book
from cobranza_desktop.storage.models import Base, ContactLog, Customer, Invoice, Payment
from cobranza_desktop.storage.output_files import write_output_with

KINDS = ("customers", "invoices", "payments", "contacts")
_CHUNK = 2000


@dataclass(frozen=True)
class ExportTable:
    headers: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def _number(invoice: Invoice) -> str:
    return invoice_number(invoice.series, invoice.folio, invoice.external_number)


INVOICE_KEYS = (
    "number",
    "customer_id",
    "customer",
    "issue_date",
    "due_date",
    "total",
    "paid",
    "balance",
    "status",
    "uuid",
    "payment_method",
    "disputed",
)


def _invoice_rows(
    session: Session, today: date, only: Collection[int] | None = None
) -> Iterator[tuple[Value, ...]]:
    query = (
        select(Invoice, Customer.name)
        .join(Customer, Customer.id == Invoice.customer_id)
        .where(Invoice.lifecycle != Lifecycle.DRAFT.value)
        .order_by(Invoice.issue_date, Invoice.id)
        .execution_options(yield_per=_CHUNK)
    )
    for invoice, name in session.execute(query):
        if only is not None and invoice.id not in only:
            continue
        total, paid = from_cents(invoice.total_cents), from_cents(invoice.paid_cents)
        lifecycle = Lifecycle(invoice.lifecycle)
        balance = total - paid if lifecycle is Lifecycle.ISSUED else from_cents(0)
        status = derive_status(lifecycle, total, paid, invoice.due_date, today)
        yield (
            _number(invoice),
            invoice.customer_id,
            name,
            invoice.issue_date,
            invoice.due_date,
            total,
            paid,
            balance,
            status.value,
            invoice.cfdi_uuid,
            invoice.sat_payment_method,
            invoice.disputed,
        )


def _customer_rows(
    session: Session, only: Collection[int] | None = None
) -> Iterator[tuple[Value, ...]]:
    query = (
        select(Customer)
        .order_by(Customer.name_key, Customer.id)
        .execution_options(yield_per=_CHUNK)
    )
    for c in session.scalars(query):
        if only is not None and c.id not in only:
            continue
        yield (
            c.id,
            c.name,
            c.rfc,
            c.phone,
            c.whatsapp,
            c.email,
            c.contact_name,
            c.payment_terms_days,
            c.status,
        )


def _payment_rows(
    session: Session, only: Collection[int] | None = None
) -> Iterator[tuple[Value, ...]]:
    query = (
        select(Payment, Customer.name)
        .join(Customer, Customer.id == Payment.customer_id)
        .order_by(Payment.payment_date, Payment.id)
        .execution_options(yield_per=_CHUNK)
    )
    for p, name in session.execute(query):
        if only is not None and p.id not in only:
            continue
        yield (
            p.id,
            p.customer_id,
            name,
            p.payment_date,
            from_cents(p.amount_cents),
            from_cents(p.allocated_cents),
            p.method,
            p.reference,
            p.rep_uuid,
            p.reversed_at is not None,
        )


def _contact_rows(session: Session) -> Iterator[tuple[Value, ...]]:
    query = (
        select(ContactLog, Customer.name)
        .join(Customer, Customer.id == ContactLog.customer_id)
        .order_by(ContactLog.contacted_at, ContactLog.id)
        .execution_options(yield_per=_CHUNK)
    )
    for log, name in session.execute(query):
        yield (
            log.id,
            log.customer_id,
            name,
            log.contacted_at,
            log.channel,
            log.outcome,
            log.reason,
            log.notes,
            log.next_action_date,
            log.voided_at is not None,
        )


HEADERS: dict[str, tuple[str, ...]] = {
    "customers": (
        "id",
        "name",
        "rfc",
        "phone",
        "whatsapp",
        "email",
        "contact",
        "terms_days",
        "status",
    ),
    "invoices": INVOICE_KEYS,
    "payments": (
        "id",
        "customer_id",
        "customer",
        "payment_date",
        "amount",
        "allocated",
        "method",
        "reference",
        "rep_uuid",
        "reversed",
    ),
    "contacts": (
        "id",
        "customer_id",
        "customer",
        "contacted_at",
        "channel",
        "outcome",
        "reason",
        "notes",
        "next_action_date",
        "voided",
    ),
}


class ExportService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def table(self, kind: str, filters: ListFilter | None = None) -> ExportTable:
        """A list's rows; with ``filters``, those its page shows with that search."""
        if kind not in KINDS:
            raise ValidationError("kind", _("Lista desconocida: {kind}.").format(kind=kind))
        today = self._clock.today()
        with self._book.session() as session:
            only = (
                chosen_ids(self._book, session, kind, filters, today)
                if filters is not None and filters.active
                else None
            )
            rows: Iterator[tuple[Value, ...]] = {
                "customers": lambda: _customer_rows(session, only),
                "invoices": lambda: _invoice_rows(session, today, only),
                "payments": lambda: _payment_rows(session, only),
                "contacts": lambda: _contact_rows(session),
            }[kind]()
            return ExportTable(HEADERS[kind], list(rows))

    def invoices_json(self, filters: ListFilter | None = None) -> list[dict[str, object]]:
        """One object per invoice; amounts as decimal strings, dates ISO."""
        out = []
        for row in self.table("invoices", filters).rows:
            item: dict[str, object] = {}
            for key, value in zip(INVOICE_KEYS, row, strict=True):
                item[key] = (
                    value.isoformat()
                    if isinstance(value, date)
                    else (value if isinstance(value, bool | int) or value is None else str(value))
                )
            out.append(item)
        return out

    def rows_json(self, kind: str, filters: ListFilter | None = None) -> list[dict[str, object]]:
        if kind == "invoices":
            return self.invoices_json(filters)
        table = self.table(kind, filters)
        return [
            {
                k: (
                    v.isoformat()
                    if isinstance(v, date)
                    else v
                    if isinstance(v, bool | int) or v is None
                    else str(v)
                )
                for k, v in zip(table.headers, row, strict=True)
            }
            for row in table.rows
        ]

    def write(self, kind: str, path: Path, filters: ListFilter | None = None) -> int:
        """Write a list to CSV or XLSX (by the extension); returns the number of rows."""
        table = self.table(kind, filters)
        write_rows(path, kind, table.headers, table.rows)
        return len(table.rows)

    def write_book(self, path: Path) -> list[str]:
        """Every table as CSV in one zip, plus a README of the columns. Never written over
        an open book or into its backups, and replaced atomically (``output_files``)."""
        names: list[str] = []
        write_output_with(path, lambda temporary: self._write_book(temporary, names))
        return names

    def _write_book(self, path: Path, names: list[str]) -> None:
        readme = [
            _("Libro de Cobranza: una tabla por archivo CSV (UTF-8)."),
            "",
        ]
        with (
            self._book.session() as session,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for table in Base.metadata.sorted_tables:
                columns = [c.name for c in table.columns]
                buffer = io.StringIO()
                rows = session.execute(select(table).order_by(*table.primary_key.columns))
                write_csv_rows(buffer, columns, (tuple(r) for r in rows))
                archive.writestr(f"{table.name}.csv", buffer.getvalue().encode("utf-8-sig"))
                names.append(table.name)
                readme.append(f"{table.name}.csv")
                readme.extend(
                    f"  - {c.name}: {c.type}" + (" (centavos)" if c.name.endswith("_cents") else "")
                    for c in table.columns
                )
                readme.append("")
            archive.writestr("README.txt", "\n".join(readme).encode("utf-8"))


def write_rows(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Value]]
) -> None:
    """CSV or XLSX by the extension, never over an open book, one of its files or its
    backups, and replaced atomically: ``--out libro.sqlite`` once wrote a CSV over the book."""
    xlsx = path.suffix.lower() == ".xlsx"

    def write(temporary: Path) -> None:
        if xlsx:
            write_xlsx(temporary, title, headers, rows)
        else:
            write_csv(temporary, headers, rows)

    write_output_with(path, write)
