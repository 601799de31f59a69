"""Change a subscription's price, pause it or cancel it: one small form each.

Each form writes through the runner and stays open on a refusal, with the service's
message on the field it names (a cancel without a reason, a price not a price).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cobranza_desktop.domain.clock import Clock
from cobranza_desktop.services.billing.subscriptions import SubscriptionService, SubscriptionView
from cobranza_desktop.ui.tasks import Kind, OpChanges, TaskFailure, TaskRunner
from cobranza_desktop.ui.widgets.forms import FieldErrors, date_edit, from_qdate, grid_row


class _ActionDialog(QDialog):
    """A title, a few fields, an error line and OK/Cancel; ``work`` runs on OK."""

    def __init__(self, runner: TaskRunner, sub: SubscriptionView, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._sub = sub
        self.grid = QGridLayout()
        self.error = QLabel()
        self.fields: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Aceptar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def set_texts(self, title: str, intro: str) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)

    def finish_fields(self) -> None:
        self.errors = FieldErrors(self.error, self.fields)

    def work(self) -> Callable[[Any], SubscriptionView]:
        raise NotImplementedError

    def save(self) -> None:
        self.errors.clear()
        work = self.work()
        self.ok_button.setEnabled(False)

        def failed(failure: TaskFailure) -> None:
            self.ok_button.setEnabled(True)
            self.errors.show(failure.message, failure.field)

        self._runner.write(
            work, OpChanges.of(Kind.SUBSCRIPTIONS, customers=[self._sub.customer_id])
        ).success(lambda _v: self.accept()).failure(failed).run()


class ChangePriceDialog(_ActionDialog):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        runner: TaskRunner,
        clock: Clock,
        sub: SubscriptionView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, sub, parent)
        self.set_texts(
            self.tr("Cambiar precio"),
            self.tr(
                "Los periodos que empiecen desde esa fecha llevan el precio nuevo; "
                "las facturas emitidas conservan el suyo."
            ),
        )
        self._subscriptions = subscriptions
        self.price = QLineEdit(str(sub.price))
        self.effective = date_edit(clock.today() + timedelta(days=1))
        grid_row(self.grid, 0, self.tr("Precio nuevo (sin IVA)"), self.price)
        grid_row(self.grid, 1, self.tr("A partir del"), self.effective)
        self.fields = {"price": self.price, "effective_from": self.effective}
        self.finish_fields()

    def work(self) -> Callable[[Any], SubscriptionView]:
        subs, sid = self._subscriptions, self._sub.id
        price, day = self.price.text().strip(), from_qdate(self.effective.date())
        return lambda _ctx: subs.change_price(sid, day, price)


class PauseDialog(_ActionDialog):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        runner: TaskRunner,
        clock: Clock,
        sub: SubscriptionView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, sub, parent)
        self.set_texts(
            self.tr("Pausar suscripción"),
            self.tr("Los periodos que empiecen entre estas fechas no se facturan."),
        )
        self._subscriptions = subscriptions
        today: date = clock.today()
        self.start = date_edit(today)
        self.end = date_edit(today + timedelta(days=30))
        self.reason = QLineEdit()
        grid_row(self.grid, 0, self.tr("Desde"), self.start)
        grid_row(self.grid, 1, self.tr("Hasta"), self.end)
        grid_row(self.grid, 2, self.tr("Motivo"), self.reason)
        self.fields = {"start": self.start, "end": self.end}
        self.finish_fields()

    def work(self) -> Callable[[Any], SubscriptionView]:
        subs, sid = self._subscriptions, self._sub.id
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        reason = self.reason.text()
        return lambda _ctx: subs.pause(sid, start, end, reason)


class CancelSubscriptionDialog(_ActionDialog):
    def __init__(
        self,
        subscriptions: SubscriptionService,
        runner: TaskRunner,
        clock: Clock,
        sub: SubscriptionView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, sub, parent)
        self.set_texts(
            self.tr("Cancelar suscripción"),
            self.tr(
                "Se deja de facturar después del último día de servicio. "
                "Las facturas emitidas se conservan."
            ),
        )
        self._subscriptions = subscriptions
        self.on = date_edit(clock.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Obligatorio"))
        grid_row(self.grid, 0, self.tr("Último día de servicio"), self.on)
        grid_row(self.grid, 1, self.tr("Motivo"), self.reason)
        self.fields = {"on": self.on, "reason": self.reason}
        self.finish_fields()

    def work(self) -> Callable[[Any], SubscriptionView]:
        subs, sid = self._subscriptions, self._sub.id
        on, reason = from_qdate(self.on.date()), self.reason.text()
        return lambda _ctx: subs.cancel(sid, on, reason)
