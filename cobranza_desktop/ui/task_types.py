"""The pieces a background task is made of: what a write changed, the task's context,
its handle, and how a failure reads. :mod:`cobranza_desktop.ui.tasks` runs them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from cobranza_desktop.domain.errors import CobranzaError, FieldPath

T = TypeVar("T")

# Progress is forwarded at most this often (seconds) unless it reaches the end.
_PROGRESS_INTERVAL = 0.05


class Kind(StrEnum):
    """The kinds of record a write may change (what a view may care about)."""

    CUSTOMERS = "customers"
    INVOICES = "invoices"
    PAYMENTS = "payments"
    CONTACTS = "contacts"
    PENALTIES = "penalties"
    MESSAGES = "messages"
    PLANS = "plans"
    SUBSCRIPTIONS = "subscriptions"
    SETTINGS = "settings"


@dataclass(frozen=True)
class OpChanges:
    """What a write changed: kinds of record and, when known, which customers.

    ``customer_ids`` of ``None`` means "any customer" (a bulk write, a setting).
    """

    kinds: frozenset[Kind]
    customer_ids: frozenset[int] | None = None

    @classmethod
    def of(cls, *kinds: Kind, customers: Iterable[int] | None = None) -> OpChanges:
        ids = None if customers is None else frozenset(customers)
        return cls(frozenset(kinds), ids)

    @classmethod
    def everything(cls) -> OpChanges:
        return cls(frozenset(Kind), None)

    def touches(self, *kinds: Kind) -> bool:
        """True when any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def concerns(self, customer_id: int) -> bool:
        """True when the write may have changed this customer's records."""
        return bool(self.kinds) and (self.customer_ids is None or customer_id in self.customer_ids)


class TaskCancelled(Exception):
    """Raised inside a task (by :meth:`TaskContext.check_cancelled`) to stop early."""


class TaskContext:
    """What a running task may use: report progress and ask whether it was cancelled."""

    def __init__(self, task: _Task[Any], report: Callable[[int, float], None]) -> None:
        self._task = task
        self._report = report
        self._last_sent = 0.0
        self._last_fraction = -1.0

    def progress(self, fraction: float) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        due = fraction >= 1.0 or now - self._last_sent >= _PROGRESS_INTERVAL
        if due and fraction != self._last_fraction:
            self._last_sent = now
            self._last_fraction = fraction
            self._report(self._task.task_id, fraction)

    def cancelled(self) -> bool:
        return self._task.cancel_event.is_set()

    def check_cancelled(self) -> None:
        if self.cancelled():
            raise TaskCancelled()


@dataclass(eq=False)
class _Task(Generic[T]):
    task_id: int
    fn: Callable[[TaskContext], T]
    on_result: Callable[[T], object] | None
    on_error: Callable[[str], None] | None
    on_progress: Callable[[float], None] | None
    on_failure: Callable[[TaskFailure], None] | None
    changes: OpChanges | Callable[[Any], OpChanges] | None  # None: a read
    key: str | None
    description: str
    show_progress: bool
    lane: str | None = None  # a long read: the reader thread it runs on, beside the worker
    cancel_event: threading.Event = field(default_factory=threading.Event)


class TaskHandle:
    """Returned by :meth:`Op.run`: lets the caller cancel the task."""

    def __init__(self, task: _Task[Any], cancel: Callable[[int], None]) -> None:
        self._task = task
        self._cancel = cancel

    @property
    def task_id(self) -> int:
        return self._task.task_id

    def cancel(self) -> None:
        self._cancel(self._task.task_id)

    def is_cancelled(self) -> bool:
        return self._task.cancel_event.is_set()


@dataclass(frozen=True)
class TaskFailure:
    """Why a task failed: the message for the person and, for bad input, the field."""

    message: str
    field: str | None = None

    @property
    def path(self) -> FieldPath | None:
        """The field as a structured path (``lines[3].tax`` -> name, index, sub)."""
        return FieldPath.parse(self.field)


@dataclass(frozen=True)
class _Outcome:
    task_id: int
    ok: bool
    value: Any = None
    message: str = ""
    cancelled: bool = False
    field: str | None = None


def describe_error(exc: BaseException) -> str:
    """The message a person sees for an exception: ours verbatim, others as a calm sentence."""
    if isinstance(exc, CobranzaError):
        return exc.message
    return QCoreApplication.translate(
        "TaskRunner",
        "Ocurrió un error inesperado y la operación no se realizó. "
        "Los detalles quedaron en el registro del programa.",
    )
