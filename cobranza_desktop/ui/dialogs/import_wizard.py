""" "Importar…": bring CFDI XML or a spreadsheet into the book, in four steps.

1. *Origen*: the kind (CFDI, or a CSV/XLSX of customers, invoices or payments) and the
   files, folder or zip.
2. *Columnas* (spreadsheets only): the mapping guessed from the headings (or saved last
   time), which the user can correct; it is saved when the import commits.
3. *Vista previa*: counts, new customers, the control total and every problem with its
   file, row and column. Nothing is written: the service rolls the preview back.
4. *Importar*: one write op with progress and Cancel. The import is one transaction, so a
   cancel writes nothing. The result names its batch, which can be undone from here.

Every read and write goes through the runner (``ui/tasks.py``), off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.services.imports.batches import ImportBatchService
from cobranza_desktop.services.imports.cfdi_import import CfdiImportService
from cobranza_desktop.services.imports.common import ImportReport
from cobranza_desktop.services.imports.sheet_import import (
    SheetImportService,
    SheetPreview,
    SheetSource,
)
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.dialogs.import_review import MappingTable, ReportView
from cobranza_desktop.ui.tasks import (
    Kind,
    OpChanges,
    TaskCancelled,
    TaskContext,
    TaskHandle,
    TaskRunner,
)
from cobranza_desktop.ui.text_cache import money

KINDS = ("cfdi", "customers", "invoices", "payments", "subscriptions")
SOURCE, MAPPING, PREVIEW, DONE = range(4)
IMPORTED = OpChanges.of(Kind.CUSTOMERS, Kind.INVOICES, Kind.PAYMENTS, Kind.SUBSCRIPTIONS)


@dataclass(frozen=True)
class ImportServices:
    cfdi: CfdiImportService
    sheets: SheetImportService
    batches: ImportBatchService


def cancellable(ctx: TaskContext) -> Callable[[float], None]:
    """A progress callback that stops the service (inside its transaction) on Cancel."""

    def report(fraction: float) -> None:
        if fraction < 1.0 and ctx.cancelled():
            raise TaskCancelled()
        ctx.progress(fraction)

    return report


class ImportWizard(QDialog):
    def __init__(
        self, services: ImportServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importar"))
        self.setObjectName("importWizard")
        self._services = services
        self._runner = runner
        self._handle: TaskHandle | None = None
        self.paths: list[Path] = []
        self.source: SheetSource | None = None
        self.report: ImportReport | None = None
        self.sheet_preview: SheetPreview | None = None
        self.outcome: ImportReport | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self._source_step())
        self.mapping = MappingTable()
        self.stack.addWidget(
            self._step(
                self.tr(
                    "Indique qué columna tiene cada dato. Lo marcado con * es obligatorio; "
                    "la elección se recuerda para la próxima vez."
                ),
                self.mapping,
            )
        )
        self.review = ReportView()
        self.duplicates = QComboBox()
        self.duplicates.addItem(self.tr("Omitir los duplicados"), "skip")
        self.duplicates.addItem(self.tr("Actualizar los duplicados"), "update")
        self.duplicates.currentIndexChanged.connect(lambda _i: self._preview())
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Vista previa: todavía no se guardó nada.")), 1)
        top.addWidget(self.duplicates)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.review, 1)
        self.stack.addWidget(preview)
        self.result_label = QLabel(" ")
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Deshacer esta importación"))
        self.undo_button.clicked.connect(self.undo)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.result_label)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_button)
        undo_row.addStretch(1)
        done_layout.addLayout(undo_row)
        done_layout.addStretch(1)
        self.stack.addWidget(done)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = QLabel(" ")
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("< Atrás"))
        self.next_button = QPushButton(self.tr("Siguiente >"))
        self.import_button = QPushButton(self.tr("Importar"))
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(980, 620)
        self._go(SOURCE)

    # -- step 1: what and where from ------------------------------------------------------

    def _step(self, text: str, body: QWidget) -> QWidget:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        page_layout.addWidget(label)
        page_layout.addWidget(body, 1)
        return page

    def _source_step(self) -> QWidget:
        self.kind_group = QButtonGroup(self)
        texts = {
            "cfdi": self.tr("Facturas, notas de crédito y pagos CFDI (XML, carpeta o zip del SAT)"),
            "customers": self.tr("Lista de clientes (CSV o XLSX)"),
            "invoices": self.tr("Facturas pendientes con su saldo (CSV o XLSX)"),
            "payments": self.tr("Pagos recibidos (CSV o XLSX)"),
            "subscriptions": self.tr("Suscripciones (CSV o XLSX)"),
        }
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("¿Qué quiere importar?")))
        for number, kind in enumerate(KINDS):
            button = QRadioButton(texts[kind])
            button.setObjectName(f"kind-{kind}")
            self.kind_group.addButton(button, number)
            layout.addWidget(button)
        self.kind_group.button(0).setChecked(True)
        self.kind_group.idToggled.connect(self._kind_toggled)
        pick = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Elegir archivos…"))
        self.folder_button = QPushButton(self.tr("Elegir carpeta…"))
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        pick.addWidget(self.files_button)
        pick.addWidget(self.folder_button)
        pick.addStretch(1)
        layout.addLayout(pick)
        self.path_list = QListWidget()
        self.path_list.setObjectName("importPaths")
        named(self.path_list, self.tr("Archivos elegidos"))
        layout.addWidget(self.path_list, 1)
        rfc_row = QHBoxLayout()
        self.rfc_label = QLabel(self.tr("RFC del negocio (si el perfil no lo tiene):"))
        self.rfc = QLineEdit()
        self.rfc.setMaxLength(13)
        self.rfc.setPlaceholderText(self.tr("se toma el emisor de la mayoría de los archivos"))
        rfc_row.addWidget(self.rfc_label)
        rfc_row.addWidget(self.rfc, 1)
        layout.addLayout(rfc_row)
        return page

    @property
    def kind(self) -> str:
        return KINDS[max(self.kind_group.checkedId(), 0)]

    def set_kind(self, kind: str) -> None:
        self.kind_group.button(KINDS.index(kind)).setChecked(True)

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._kind_changed()

    def _kind_changed(self) -> None:
        cfdi = self.kind == "cfdi"
        self.folder_button.setVisible(cfdi)
        self.rfc.setVisible(cfdi)
        self.rfc_label.setVisible(cfdi)
        if not cfdi and len(self.paths) > 1:
            self.set_paths(self.paths[:1])
        self._buttons()

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.path_list.clear()
        self.path_list.addItems([str(p) for p in self.paths])
        self._buttons()

    def _choose_files(self) -> None:
        if self.kind == "cfdi":
            names, _f = QFileDialog.getOpenFileNames(
                self, self.tr("Archivos CFDI"), "", self.tr("CFDI (*.xml *.zip);;Todos (*)")
            )
        else:
            name, _f = QFileDialog.getOpenFileName(
                self,
                self.tr("Hoja de cálculo"),
                "",
                self.tr("Hojas (*.csv *.xlsx *.txt);;Todos (*)"),
            )
            names = [name] if name else []
        if names:
            self.set_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta con CFDI"))
        if folder:
            self.set_paths([Path(folder)])

    # -- moving between steps --------------------------------------------------------------

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        titles = {
            SOURCE: self.tr("1. Origen"),
            MAPPING: self.tr("2. Columnas"),
            PREVIEW: self.tr("3. Vista previa"),
            DONE: self.tr("4. Resultado"),
        }
        self.title.setText(titles[step])
        self.duplicates.setVisible(self.kind != "cfdi")
        self._buttons()

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _buttons(self) -> None:
        step, busy = self.step, self._handle is not None
        self.back_button.setEnabled(not busy and step in (MAPPING, PREVIEW))
        self.next_button.setEnabled(not busy and step in (SOURCE, MAPPING) and bool(self.paths))
        self.import_button.setEnabled(not busy and step == PREVIEW and self.can_commit)
        self.next_button.setVisible(step in (SOURCE, MAPPING))
        self.import_button.setVisible(step != DONE)
        self.back_button.setVisible(step != DONE)
        self.cancel_button.setText(
            self.tr("Cerrar") if step == DONE and not busy else self.tr("Cancelar")
        )

    @property
    def can_commit(self) -> bool:
        if self.kind == "cfdi":
            return self.report is not None and not self.report.problems
        return self.sheet_preview is not None and self.sheet_preview.can_commit

    def back(self) -> None:
        if self.step == PREVIEW and self.kind != "cfdi":
            self._go(MAPPING)
        else:
            self._go(SOURCE)

    def next(self) -> None:
        if self._handle is not None or not self.paths:
            return
        if self.step == SOURCE and self.kind != "cfdi":
            self._load_sheet()
        else:
            self._preview()

    def _run(
        self,
        work: Callable[[TaskContext], Any],
        done: Callable[[Any], None],
        text: str,
        *,
        write: bool = False,
    ) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.message.setText(text)
        op = self._runner.write(work, IMPORTED) if write else self._runner.query(work)

        def finished(value: Any) -> None:
            self._handle = None
            self.progress.setVisible(False)
            self.message.setText(" ")
            done(value)
            self._buttons()

        self._handle = (
            op.progress(lambda f: self.progress.setValue(round(f * 100)))
            .success(finished)
            .error(self._failed)
            .run()
        )
        self._buttons()

    def _failed(self, message: str) -> None:
        self._handle = None
        self.progress.setVisible(False)
        self.message.setText(message)
        self._buttons()

    def _cancel(self) -> None:
        if self._handle is not None:
            # One transaction: a cancelled preview or import writes nothing.
            self._handle.cancel()
            self._handle = None
            self.progress.setVisible(False)
            self.message.setText(self.tr("Cancelado: no se guardó nada."))
            self._buttons()
            return
        self.reject()

    # -- step 2: the columns --------------------------------------------------------------

    def _load_sheet(self) -> None:
        sheets, path, entity = self._services.sheets, self.paths[0], self.kind

        def loaded(source: SheetSource) -> None:
            self.source = source
            self.mapping.show_source(source)
            self._go(MAPPING)

        self._run(lambda _ctx: sheets.load(path, entity), loaded, self.tr("Leyendo el archivo…"))

    # -- step 3: the preview ----------------------------------------------------------------

    def _preview(self) -> None:
        if self._handle is not None or not self.paths:
            return
        self.report = None
        self.sheet_preview = None
        if self.kind == "cfdi":
            work = self._cfdi_work(self._services.cfdi.preview)
            self._run(work, self._show_report, self.tr("Leyendo los CFDI…"))
            return
        if self.source is None:
            return
        sheet_work = self._sheet_work(self._services.sheets.preview)
        self._run(sheet_work, self._show_sheet, self.tr("Revisando las filas…"))

    def _cfdi_work(self, step: Callable[..., ImportReport]) -> Callable[[TaskContext], Any]:
        """The CFDI service's preview or commit, over the chosen files, as a worker task."""
        paths, rfc = list(self.paths), self.rfc.text().strip() or None

        def work(ctx: TaskContext) -> ImportReport:
            return step(paths, business_rfc=rfc, progress=cancellable(ctx))

        return work

    def _sheet_work(self, step: Callable[..., Any]) -> Callable[[TaskContext], Any]:
        """The sheet service's preview or commit, with the mapping as it stands now."""
        assert self.source is not None
        source = self.source
        mapping, update = self.mapping.mapping(), self.duplicates.currentData() == "update"

        def work(ctx: TaskContext) -> Any:
            return step(
                source.entity,
                source.table,
                mapping,
                source=source.path.name,
                update_duplicates=update,
                progress=cancellable(ctx),
            )

        return work

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.review.show_report(report)
        self._go(PREVIEW)

    def _show_sheet(self, preview: SheetPreview) -> None:
        self.sheet_preview = preview
        self.report = preview.report
        control = None
        if self.kind in ("invoices", "payments"):
            control = (preview.control_file, preview.control_booked)
        self.review.show_report(preview.report, control)
        self._go(PREVIEW)

    # -- step 4: commit, and undo ---------------------------------------------------------

    def commit(self) -> None:
        if self._handle is not None or not self.can_commit:
            return
        if self.kind == "cfdi":
            work = self._cfdi_work(self._services.cfdi.commit)
            self._run(work, self._committed, self.tr("Importando…"), write=True)
            return
        sheet_commit = self._sheet_work(self._services.sheets.commit)

        def sheet_work(ctx: TaskContext) -> ImportReport:
            return sheet_commit(ctx).report

        self._run(sheet_work, self._committed, self.tr("Importando…"), write=True)

    def _committed(self, report: ImportReport) -> None:
        self.outcome = report
        if not report.committed:
            # Something changed since the preview (another import): show it again.
            self.review.show_report(report)
            self.report = report
            self._go(PREVIEW)
            self.message.setText(self.tr("No se guardó nada: revise los problemas."))
            return
        counts = report.counts
        what = ", ".join(
            [
                self.tr("%Ln clientes nuevos", None, counts.get("customers", 0)),
                self.tr("%Ln facturas", None, counts.get("invoices", 0)),
                self.tr("%Ln notas de crédito", None, counts.get("credit_notes", 0)),
                self.tr("%Ln pagos", None, counts.get("payments", 0)),
            ]
        )
        self.result_label.setText(
            self.tr("Importación guardada (lote %1): %2. Por cobrar importado: %3.")
            .replace("%1", str(report.batch_id))
            .replace("%2", what)
            .replace("%3", money(report.total_receivable))
        )
        self.undo_button.setEnabled(report.batch_id is not None)
        self._go(DONE)

    def undo(self) -> None:
        if self.outcome is None or self.outcome.batch_id is None or self._handle is not None:
            return
        batches, batch_id = self._services.batches, self.outcome.batch_id

        def undone(_value: object) -> None:
            self.undo_button.setEnabled(False)
            self.result_label.setText(
                self.tr(
                    "Lote %1 deshecho: sus documentos quedaron anulados («importación deshecha»)."
                ).replace("%1", str(batch_id))
            )

        self._run(lambda _ctx: batches.undo(batch_id), undone, self.tr("Deshaciendo…"), write=True)
