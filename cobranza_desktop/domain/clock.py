"""The clock is injected so that rules and tests never depend on the real date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, in local time."""

    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


@dataclass
class FixedClock:
    """A clock for tests and simulations; ``advance`` moves it forward."""

    current: datetime = field(default_factory=lambda: datetime(2026, 1, 15, 10, 0))

    def today(self) -> date:
        return self.current.date()

    def now(self) -> datetime:
        return self.current

    def advance(self, days: int = 0, hours: int = 0, minutes: int = 0) -> None:
        self.current += timedelta(days=days, hours=hours, minutes=minutes)

    @classmethod
    def on(cls, day: date, hour: int = 10) -> FixedClock:
        return cls(datetime(day.year, day.month, day.day, hour, 0))
