"""Spreadsheet import (customers, invoices with opening balances, payments): preview,
then commit whole or not at all. Column mappings are guessed and saved for next time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from cobranza_desktop.domain.access import Permission
from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.imports.columns import FIELDS, REQUIRED, guess_mapping
from cobranza_desktop.imports.problems import FileRefused, Problem
from cobranza_desktop.imports.tables import Table, read_table
from cobranza_desktop.services.base.access import require
from cobranza_desktop.services.base.business import load_profile
from cobranza_desktop.services.base.settings import read_setting, write_setting
from cobranza_desktop.services.imports.common import (
    CustomerFinder,
    ImportReport,
    RollBack,
    close_batch,
    empty_counts,
    new_batch,
)
from cobranza_desktop.services.imports.sheet_rows import SheetRun
from cobranza_desktop.services.imports.subscription_rows import subscription_row
from cobranza_desktop.storage.database import Book

Progress = Callable[[float], None]
ENTITIES = ("customers", "invoices", "payments", "subscriptions")


def mapping_key(entity: str) -> str:
    return f"imports.mapping.{entity}"


@dataclass(frozen=True)
class SheetSource:
    """A file read for the wizard: its table, and the mapping to start from."""

    path: Path
    entity: str
    table: Table
    mapping: dict[str, str]  # field -> heading (saved for next time, else guessed)
    fields: tuple[str, ...]  # the fields this kind of import knows, in order
    required: tuple[str, ...]


@dataclass(frozen=True)
class SheetPreview:
    """What the wizard shows before the user confirms: the mapping and the report."""

    headers: tuple[str, ...]
    mapping: dict[str, str]  # field -> heading
    report: ImportReport
    control_file: Decimal
    control_booked: Decimal

    @property
    def can_commit(self) -> bool:
        return not self.report.problems and self.control_file == self.control_booked


def _check_entity(entity: str) -> None:
    if entity not in ENTITIES:
        raise ValidationError("entity", _("Tipo desconocido: {entity}.").format(entity=entity))


def _indexes(table: Table, entity: str, by_heading: dict[str, str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for field, heading in by_heading.items():
        if field not in FIELDS[entity]:
            raise ValidationError("map", _("Campo desconocido: «{field}».").format(field=field))
        if heading not in table.headers:
            raise ValidationError(
                "map",
                _("El archivo no tiene la columna «{heading}».").format(heading=heading),
            )
        mapping[field] = table.headers.index(heading)
    return mapping


class SheetImportService:
    def __init__(self, book: Book, clock: Clock) -> None:
        self._book = book
        self._clock = clock

    def mapping_for(self, table: Table, entity: str) -> dict[str, str]:
        """The saved mapping where its headings are in this file, else the guess."""
        _check_entity(entity)
        guessed = {f: table.headers[i] for f, i in guess_mapping(table.headers, entity).items()}
        with self._book.session() as session:
            saved: dict[str, str] = read_setting(session, mapping_key(entity), {}) or {}
        usable = {f: h for f, h in saved.items() if h in table.headers and f in FIELDS[entity]}
        taken = set(usable.values())
        guessed = {f: h for f, h in guessed.items() if f not in usable and h not in taken}
        return {**guessed, **usable}

    def load(self, path: Path, entity: str) -> SheetSource:
        """Read the file once for the wizard; a file that cannot be read is a clear error."""
        _check_entity(entity)
        try:
            table = read_table(path)
        except FileRefused as exc:
            raise ValidationError("file", f"{path.name}: {exc.message}") from None
        return SheetSource(
            path, entity, table, self.mapping_for(table, entity), FIELDS[entity], REQUIRED[entity]
        )

    def preview(
        self,
        entity: str,
        table: Table,
        mapping: dict[str, str],
        *,
        source: str,
        update_duplicates: bool = False,
        progress: Progress | None = None,
    ) -> SheetPreview:
        return self._run(
            entity, table, mapping, source, update_duplicates, commit=False, progress=progress
        )

    def commit(
        self,
        entity: str,
        table: Table,
        mapping: dict[str, str],
        *,
        source: str,
        update_duplicates: bool = False,
        progress: Progress | None = None,
    ) -> SheetPreview:
        """Commit whole; refused (nothing written) on any problem or a control total that
        does not match to the cent. The mapping is saved for next time."""
        return self._run(
            entity, table, mapping, source, update_duplicates, commit=True, progress=progress
        )

    def run_file(
        self,
        entity: str,
        path: Path,
        *,
        mapping_file: Path | None = None,
        update_duplicates: bool = False,
        commit: bool = True,
    ) -> ImportReport:
        """For the command line: read, map (saved, guessed, or from a JSON file), import."""
        _check_entity(entity)
        try:
            table = read_table(path)
        except FileRefused as exc:
            return ImportReport(False, empty_counts(), (Problem(path.name, exc.message),))
        mapping = self.mapping_for(table, entity)
        if mapping_file is not None:
            try:
                loaded = json.loads(mapping_file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValidationError("map", _("Mapa ilegible: {exc}").format(exc=exc)) from None
            if not isinstance(loaded, dict):
                raise ValidationError("map", _("El mapa debe ser un objeto JSON."))
            mapping = {str(k): str(v) for k, v in loaded.items()}
        preview = self._run(entity, table, mapping, path.name, update_duplicates, commit=commit)
        return preview.report

    def _run(
        self,
        entity: str,
        table: Table,
        by_heading: dict[str, str],
        source: str,
        update_duplicates: bool,
        *,
        commit: bool,
        progress: Progress | None = None,
    ) -> SheetPreview:
        _check_entity(entity)
        mapping = _indexes(table, entity, by_heading)
        missing = [
            f
            for f in REQUIRED[entity]
            if f not in mapping and not (f == "name" and "rfc" in mapping)
        ]
        if missing:
            problem = Problem(
                source,
                _("Falta asignar la columna de: {missing}.").format(missing=", ".join(missing)),
            )
            return SheetPreview(
                table.headers,
                by_heading,
                ImportReport(False, empty_counts(), (problem,)),
                Decimal(0),
                Decimal(0),
            )
        now = self._clock.now()
        result: SheetPreview | None = None
        try:
            with self._book.transaction() as session:
                require(session, Permission.BOOKKEEPING)
                batch = new_batch(session, entity, source, now)
                run = SheetRun(
                    session=session,
                    now=now,
                    today=self._clock.today(),
                    batch=batch,
                    source=source,
                    headers=table.headers,
                    mapping=mapping,
                    terms=load_profile(session).payment_terms_days,
                    update_duplicates=update_duplicates,
                    customers=CustomerFinder(session, now, flush_each=False),
                    counts=empty_counts(),
                )
                book_row = {
                    "customers": run.customer_row,
                    "invoices": run.invoice_row,
                    "payments": run.payment_row,
                    "subscriptions": lambda row, number: subscription_row(run, row, number),
                }[entity]
                for i, row in enumerate(table.rows):
                    book_row(row, i + 2)  # row 1 is the heading
                    if progress is not None and i % 2000 == 0:
                        progress(i / max(len(table.rows), 1))
                if commit:  # one multi-row INSERT per table; a preview needs only the sums
                    run.bulk.write()
                session.flush()
                run.counts["customers"] = len(run.customers.created)
                close_batch(batch, run.counts)
                problems = list(run.problems)
                if entity in ("invoices", "payments") and run.control_file != run.control_booked:
                    problems.append(
                        Problem(
                            source,
                            _(
                                "Total de control: el archivo suma {control_file} y se "
                                "registran {control_booked}."
                            ).format(
                                control_file=run.control_file, control_booked=run.control_booked
                            ),
                        )
                    )
                report = ImportReport(
                    committed=True,
                    counts=run.counts,
                    problems=tuple(problems),
                    new_customers=tuple(run.customers.created),
                    matched_customers=len(run.customers.matched),
                    total_receivable=run.receivable,
                    skipped=tuple(run.skipped),
                    batch_id=batch.id,
                )
                result = SheetPreview(
                    table.headers, by_heading, report, run.control_file, run.control_booked
                )
                if not commit or problems:
                    raise RollBack
                write_setting(session, mapping_key(entity), by_heading)
        except RollBack:
            assert result is not None
            return replace(result, report=replace(result.report, committed=False, batch_id=None))
        assert result is not None
        return result
