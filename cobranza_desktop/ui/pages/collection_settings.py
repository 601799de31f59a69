"""Settings tabs: the aging bucket edges, the contact policy (caps, quiet hours, days
without contact), and the "how to pay" text of the documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit

from cobranza_desktop.domain.aging import DEFAULT_EDGES, AgingBuckets
from cobranza_desktop.domain.contact_policy import ContactPolicy
from cobranza_desktop.domain.errors import ValidationError
from cobranza_desktop.services.base.settings import SettingsService
from cobranza_desktop.services.collections.agenda import AgendaService
from cobranza_desktop.services.documents.printing import DocumentService
from cobranza_desktop.ui.tasks import TaskRunner
from cobranza_desktop.ui.widgets.settings_form import SettingsForm

MAX_HOW_TO_PAY = 600  # it must fit under a statement's table


class AgingSettingsTab(SettingsForm):
    """The days that separate the aging buckets: 30, 60, 90 by default."""

    def __init__(self, settings: SettingsService, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Antigüedad de saldos"),
            self.tr(
                "Los cortes, en días de atraso, que separan las columnas del reporte de "
                "antigüedad, la lista de clientes y las exportaciones."
            ),
        )
        self._settings = settings
        self.edges = QLineEdit()
        self.edges.setPlaceholderText("30, 60, 90")
        self.add_field("aging_edges", self.tr("Cortes (días):"), self.edges)
        self.buckets = QLabel()
        self.buckets.setObjectName("example")
        self.buckets.setWordWrap(True)
        self.body.addWidget(self.buckets)
        self.body.addStretch(1)
        self.edges.textChanged.connect(lambda _t: self.changed())
        self.start()

    def load_work(self) -> tuple[int, ...]:
        return tuple(self._settings.aging_buckets().edges)

    def show_value(self, value: tuple[int, ...]) -> None:
        self.edges.setText(", ".join(str(e) for e in value))

    def read(self) -> tuple[int, ...]:
        parts = [p.strip() for p in self.edges.text().replace(";", ",").split(",") if p.strip()]
        if not parts or not all(p.isdigit() for p in parts):
            raise ValidationError(
                "aging_edges", self.tr("Escriba los días separados por comas, así: 30, 60, 90")
            )
        edges = tuple(int(p) for p in parts)
        AgingBuckets(edges)  # the domain's rule: positive and increasing
        return edges

    def default_value(self) -> tuple[int, ...]:
        return DEFAULT_EDGES

    def preview(self, value: tuple[int, ...] | None) -> None:
        self.buckets.setText(
            self.tr("Columnas: %1").replace("%1", " · ".join(AgingBuckets(value).labels()))
            if value
            else ""
        )

    def save_work(self, value: tuple[int, ...]) -> Callable[[], object]:
        settings = self._settings
        return lambda: settings.set_aging_edges(value)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class ContactPolicySettingsTab(SettingsForm):
    """How often and when a customer may be contacted (the seeds: respect, no harassment)."""

    def __init__(self, agenda: AgendaService, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Política de contacto"),
            self.tr(
                "Cuántas veces y a qué horas se puede contactar a un cliente. Las acciones "
                "que pasen del límite esperan; registrar un contacto fuera de la política "
                "pide un motivo."
            ),
        )
        self._agenda = agenda
        self.per_day = QSpinBox()
        self.per_day.setRange(0, 10)
        self.per_week = QSpinBox()
        self.per_week.setRange(0, 50)
        self.quiet_start = QTimeEdit()
        self.quiet_start.setDisplayFormat("HH:mm")
        self.quiet_end = QTimeEdit()
        self.quiet_end.setDisplayFormat("HH:mm")
        self.no_sundays = QCheckBox(self.tr("No contactar en domingo"))
        self.add_field("max_per_day", self.tr("Máximo de contactos al día:"), self.per_day)
        self.add_field("max_per_week", self.tr("Máximo en 7 días seguidos:"), self.per_week)
        self.add_field("quiet_start", self.tr("Sin contactos desde las:"), self.quiet_start)
        self.add_field("quiet_end", self.tr("Hasta las:"), self.quiet_end)
        self.add_field("no_sundays", self.tr("Días sin contacto:"), self.no_sundays)
        self.summary = QLabel()
        self.summary.setObjectName("example")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        for spin in (self.per_day, self.per_week):
            spin.valueChanged.connect(lambda _v: self.changed())
        for edit in (self.quiet_start, self.quiet_end):
            edit.timeChanged.connect(lambda _t: self.changed())
        self.no_sundays.toggled.connect(lambda _on: self.changed())
        self.start()

    def load_work(self) -> ContactPolicy:
        return self._agenda.policy()

    def show_value(self, value: ContactPolicy) -> None:
        self.per_day.setValue(value.max_per_day)
        self.per_week.setValue(value.max_per_week)
        self.quiet_start.setTime(_qtime(value.quiet_start))
        self.quiet_end.setTime(_qtime(value.quiet_end))
        self.no_sundays.setChecked(value.no_sundays)

    def read(self) -> ContactPolicy:
        return ContactPolicy(
            max_per_day=self.per_day.value(),
            max_per_week=self.per_week.value(),
            quiet_start=_time(self.quiet_start.time()),
            quiet_end=_time(self.quiet_end.time()),
            no_sundays=self.no_sundays.isChecked(),
        )

    def default_value(self) -> ContactPolicy:
        return ContactPolicy()

    def preview(self, value: ContactPolicy | None) -> None:
        if value is None:
            self.summary.clear()
            return
        quiet = (
            self.tr("sin horario de descanso")
            if value.quiet_start == value.quiet_end
            else self.tr("nada de %1 a %2")
            .replace("%1", value.quiet_start.strftime("%H:%M"))
            .replace("%2", value.quiet_end.strftime("%H:%M"))
        )
        self.summary.setText(
            self.tr("Cada cliente: a lo más %1 al día y %2 en 7 días; %3%4.")
            .replace("%1", str(value.max_per_day))
            .replace("%2", str(value.max_per_week))
            .replace("%3", quiet)
            .replace("%4", self.tr(", ni en domingo") if value.no_sundays else "")
        )

    def save_work(self, value: ContactPolicy) -> Callable[[], object]:
        agenda = self._agenda
        return lambda: agenda.set_policy(value)


class HowToPaySettingsTab(SettingsForm):
    """The "how to pay" text printed on statements, notices and letters."""

    def __init__(self, documents: DocumentService, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Cómo pagar"),
            self.tr(
                "El texto que se imprime en los estados de cuenta, avisos y cartas: cuenta "
                "CLABE, dónde pagar, a quién enviar el comprobante."
            ),
        )
        self._documents = documents
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("Transferencia a la CLABE 012 180 00000000000 0, a nombre de …")
        )
        self.add_field("how_to_pay", self.tr("Texto:"), self.text)
        self.body.addStretch(1)
        self.text.textChanged.connect(self.changed)
        self.start()

    def load_work(self) -> str:
        return self._documents.how_to_pay()

    def show_value(self, value: str) -> None:
        self.text.setPlainText(value)

    def read(self) -> str:
        text = self.text.toPlainText()
        if len(text) > MAX_HOW_TO_PAY:
            raise ValidationError(
                "how_to_pay",
                self.tr("El texto es demasiado largo (máximo %1 caracteres).").replace(
                    "%1", str(MAX_HOW_TO_PAY)
                ),
            )
        return text

    def default_value(self) -> str:
        return ""

    def save_work(self, value: str) -> Callable[[], object]:
        documents = self._documents
        return lambda: documents.set_how_to_pay(value)
