"""Settings tab: the escalation ladder (each stage's day, channel and action), with a
preview of what a sample customer would get over the next 60 days."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Ladder, Stage, Track
from cobranza_desktop.domain.ladder_edits import (
    MAX_DAY,
    MIN_DAY,
    check_stage_rows,
    checked_ladder,
    new_stage,
)
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.ui.accessibility import named
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.settings_form import SettingsForm

PREVIEW_DAYS = 60
SAMPLE_DUE_IN = 7  # the sample invoice falls due a week from today


def preview_lines(ladder: Ladder, today: date, *, insistent: bool) -> list[tuple[date, str]]:
    """(day, stage) of a sample invoice due in a week, over the next 60 days."""
    due = today + timedelta(days=SAMPLE_DUE_IN)
    track = Track.INSISTENT if insistent else Track.STANDARD
    found = []
    for stage in ladder.track_stages(track):
        day = due + timedelta(days=stage.offset_days)
        if today <= day <= today + timedelta(days=PREVIEW_DAYS):
            found.append((day, f"{stage.channel.label()} · {stage.label()}"))
    return found


class LadderSettingsTab(SettingsForm):
    def __init__(self, agenda: AgendaService, runner: TaskRunner, today: date) -> None:
        super().__init__(
            runner,
            self.tr("Escalera de cobranza"),
            self.tr(
                "Qué hacer, por qué medio y cuántos días antes (−) o después del vencimiento. "
                "Cada etapa se propone una sola vez por factura."
            ),
        )
        self._agenda = agenda
        self._today = today
        self._ladder: Ladder = DEFAULT_LADDER
        self._rows: list[Stage] = []  # the stage each row edits (its code, template, flags)
        self.table = QTableWidget(0, 3)
        named(self.table, self.tr("Escalera de cobranza"))
        self.table.setObjectName("ladderTable")
        self.table.setHorizontalHeaderLabels([self.tr("Día"), self.tr("Canal"), self.tr("Acción")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(1, 130)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields["ladder"] = self.table
        self.body.addWidget(self.table, 3)
        self.add_button = QPushButton(self.tr("Añadir etapa"))
        self.add_button.setObjectName("addStage")
        self.remove_button = QPushButton(self.tr("Quitar etapa"))
        self.remove_button.setObjectName("removeStage")
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_stage)
        edits = QHBoxLayout()
        edits.addWidget(self.add_button)
        edits.addWidget(self.remove_button)
        edits.addStretch(1)
        self.body.addLayout(edits)
        self.errors["ladder"] = self.general_error
        self.insistent = QCheckBox(self.tr("Ver el ritmo insistente (clientes impuntuales)"))
        self.insistent.toggled.connect(lambda _on: self.preview(self.value))
        self.sample = QLabel()
        self.sample.setObjectName("example")
        self.sample.setWordWrap(True)
        self.body.addWidget(self.insistent)
        self.body.addWidget(self.sample, 2)
        self.start()

    def load_work(self) -> Ladder:
        return self._agenda.ladder()

    def show_value(self, value: Ladder) -> None:
        self._ladder = value
        self._rows = []
        self.table.setRowCount(0)
        for stage in value.stages:
            self._append_row(stage)

    def _append_row(self, stage: Stage) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._rows.append(stage)
        day = QSpinBox()
        named(day, self.tr("Día de la etapa %1").replace("%1", str(row + 1)))
        day.setRange(MIN_DAY, MAX_DAY)
        day.setValue(stage.offset_days)
        day.valueChanged.connect(lambda _v: self.changed())
        channel = QComboBox()
        for option in Channel:
            channel.addItem(option.label(), option.value)
        channel.setCurrentIndex(channel.findData(stage.channel.value))
        channel.currentIndexChanged.connect(lambda _i: self.changed())
        action = QLineEdit(stage.label())
        named(action, self.tr("Acción de la etapa %1").replace("%1", str(row + 1)))
        action.textChanged.connect(lambda _t: self.changed())
        self.table.setCellWidget(row, 0, day)
        self.table.setCellWidget(row, 1, channel)
        self.table.setCellWidget(row, 2, action)

    def add_stage(self) -> None:
        """A new row a week after the last stage, selected, its action ready to type."""
        number = 1
        labels = {_fold(self._row_label(r)) for r in range(len(self._rows))}
        while _fold(self.tr("Etapa nueva %1").replace("%1", str(number))) in labels:
            number += 1
        label = self.tr("Etapa nueva %1").replace("%1", str(number))
        days = [self._row_day(r) for r in range(len(self._rows))]
        stage = new_stage(self._rows, min(max(days, default=0) + 7, MAX_DAY), Channel.PHONE, label)
        self._append_row(stage)
        self.table.selectRow(len(self._rows) - 1)
        self.table.scrollToBottom()
        self.changed()
        action = self.cell(len(self._rows) - 1, 2)
        if isinstance(action, QLineEdit):
            action.setFocus()
            action.selectAll()

    def remove_stage(self) -> None:
        """Remove the selected row (the last one if none is); the last stage stays."""
        if len(self._rows) <= 1:
            self.show_error("ladder", self.tr("La escalera necesita al menos una etapa."))
            return
        selected = self.table.currentRow()
        row = selected if 0 <= selected < len(self._rows) else len(self._rows) - 1
        self.table.removeRow(row)
        del self._rows[row]
        self.changed()

    def cell(self, row: int, column: int) -> object:
        return self.table.cellWidget(row, column)

    def _row_day(self, row: int) -> int:
        day = self.cell(row, 0)
        assert isinstance(day, QSpinBox)
        return day.value()

    def _row_label(self, row: int) -> str:
        action = self.cell(row, 2)
        assert isinstance(action, QLineEdit)
        return action.text().strip()

    def read(self) -> Ladder:
        english = current_language() == "en"
        rows = range(len(self._rows))
        check_stage_rows([self._row_day(r) for r in rows], [self._row_label(r) for r in rows])
        stages = []
        for row, stage in enumerate(self._rows):
            channel = self.cell(row, 1)
            assert isinstance(channel, QComboBox)
            label = self._row_label(row)
            stages.append(
                replace(
                    stage,
                    offset_days=self._row_day(row),
                    channel=Channel(channel.currentData()),
                    label_en=label if english else stage.label_en,
                    label_es=stage.label_es if english else label,
                )
            )
        return checked_ladder(Ladder(tuple(stages), self._ladder.insistent))

    def default_value(self) -> Ladder:
        return DEFAULT_LADDER

    def preview(self, value: Ladder | None) -> None:
        self.remove_button.setEnabled(len(self._rows) > 1)
        if value is None:
            self.sample.clear()
            return
        due = self._today + timedelta(days=SAMPLE_DUE_IN)
        lines = preview_lines(value, self._today, insistent=self.insistent.isChecked())
        self.sample.setText(
            self.tr(
                "Ejemplo: un cliente con una factura que vence el %1, los próximos 60 días:"
            ).replace("%1", format_date(due))
            + "\n"
            + "\n".join(f"  {format_date(day)}  {text}" for day, text in lines)
        )

    def save_work(self, value: Ladder) -> Callable[[], object]:
        agenda = self._agenda
        return lambda: agenda.set_ladder(value)

    def _saved(self, result: object) -> None:
        # Saved, the rows are shown as the ladder keeps them: in order of day.
        if self.value is not None:
            self._show(self.value)
        super()._saved(result)


def _fold(label: str) -> str:
    return " ".join(label.split()).casefold()
