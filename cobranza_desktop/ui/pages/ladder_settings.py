"""Settings tab: the escalation ladder (each stage's day, channel and action), with a
preview of what a sample customer would get over the next 60 days."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
)

from cobranza_desktop.domain.contact_policy import Channel
from cobranza_desktop.domain.formatting import format_date
from cobranza_desktop.domain.i18n import current_language
from cobranza_desktop.domain.ladder import DEFAULT_LADDER, Ladder, Track
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
        self.table = QTableWidget(0, 3)
        named(self.table, self.tr("Escalera de cobranza"))
        self.table.setObjectName("ladderTable")
        self.table.setHorizontalHeaderLabels([self.tr("Día"), self.tr("Canal"), self.tr("Acción")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(1, 130)
        self.fields["ladder"] = self.table
        self.body.addWidget(self.table, 3)
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
        self.table.setRowCount(len(value.stages))
        for row, stage in enumerate(value.stages):
            day = QSpinBox()
            named(day, self.tr("Día de la etapa %1").replace("%1", str(row + 1)))
            day.setRange(-60, 365)
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

    def cell(self, row: int, column: int) -> object:
        return self.table.cellWidget(row, column)

    def read(self) -> Ladder:
        english = current_language() == "en"
        stages = []
        for row, stage in enumerate(self._ladder.stages):
            day, channel, action = (self.cell(row, c) for c in range(3))
            assert isinstance(day, QSpinBox) and isinstance(channel, QComboBox)
            assert isinstance(action, QLineEdit)
            label = action.text().strip() or stage.label()
            stages.append(
                replace(
                    stage,
                    offset_days=day.value(),
                    channel=Channel(channel.currentData()),
                    label_en=label if english else stage.label_en,
                    label_es=stage.label_es if english else label,
                )
            )
        return Ladder(tuple(stages), self._ladder.insistent)  # refuses two stages on one day

    def default_value(self) -> Ladder:
        return DEFAULT_LADDER

    def preview(self, value: Ladder | None) -> None:
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
