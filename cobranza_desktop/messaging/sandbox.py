"""Jinja2's sandbox with limits: time, output size, loop steps and call depth.

The sandbox keeps a template away from Python internals, but not from spending
unbounded time or memory: a recursive macro overflows the stack, nested loops run
for hours, ``"x" * 10**9`` fills the memory. :class:`LimitedEnvironment` renders
under a :class:`Budget`:

* every loop iterates through a counter (the template's syntax tree is rewritten so
  that each ``for`` goes through :data:`BUDGET_NAME`): steps and time are checked at
  each item;
* every call (macros, ``loop()``, methods) goes through :meth:`LimitedEnvironment.call`:
  its nesting depth is bounded, and the clock is checked;
* ``*`` and ``**`` refuse results larger than the output limit;
* :func:`render_limited` renders with ``generate()`` and stops once the text
  passes the size limit.

The clock measured here is the computer's monotonic timer: it bounds work, it is not
a business date.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from jinja2 import nodes
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import SandboxedEnvironment

# The global through which every loop of a template iterates.
BUDGET_NAME = "__cobranza_loop_budget__"


class Limit(StrEnum):
    TIME = "time"
    SIZE = "size"
    DEPTH = "depth"
    STEPS = "steps"


@dataclass(frozen=True)
class Limits:
    seconds: float = 2.0
    output_chars: int = 100_000
    call_depth: int = 30
    loop_steps: int = 200_000


DEFAULT_LIMITS = Limits()


class TemplateLimitError(Exception):
    """A render went past one of its :class:`Limits`."""

    def __init__(self, limit: Limit, limits: Limits) -> None:
        super().__init__(limit.value)
        self.limit = limit
        self.limits = limits


@dataclass
class Budget:
    limits: Limits
    deadline: float = 0.0
    steps: int = 0
    depth: int = 0
    chars: int = 0
    _clock_every: int = field(default=64, repr=False)

    def start(self) -> None:
        self.deadline = time.monotonic() + self.limits.seconds

    def fail(self, limit: Limit) -> TemplateLimitError:
        return TemplateLimitError(limit, self.limits)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise self.fail(Limit.TIME)

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.loop_steps:
            raise self.fail(Limit.STEPS)
        if self.steps % self._clock_every == 0:
            self.check_time()

    def output(self, chunk: str) -> None:
        self.chars += len(chunk)
        if self.chars > self.limits.output_chars:
            raise self.fail(Limit.SIZE)

    def size(self, length: int) -> None:
        if length > self.limits.output_chars:
            raise self.fail(Limit.SIZE)


# A power with more bits than this is refused (a 300,000-digit number is no message).
_MAX_POWER_BITS = 1_000_000

_BUDGET: ContextVar[Budget | None] = ContextVar("template_budget", default=None)


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _BUDGET.get()
    for item in iterable:
        if budget is not None:
            budget.step()
        yield item


def _counted_loop(iterable: Any) -> Any:
    """What each ``for`` iterates: the same items, counted. Undefined stays undefined
    (Jinja reports it), and a sized sequence keeps its length for ``loop.length``."""
    if isinstance(iterable, Undefined):
        return iterable
    return _Counted(iterable)


class _Counted:
    def __init__(self, iterable: Any) -> None:
        self._iterable = iterable

    def __iter__(self) -> Iterator[Any]:
        return _counted(self._iterable)

    def __len__(self) -> int:
        return len(self._iterable)


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


class LimitedEnvironment(SandboxedEnvironment):
    """A :class:`SandboxedEnvironment` whose renders obey the current :class:`Budget`."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals[BUDGET_NAME] = _counted_loop

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.Name(BUDGET_NAME, "load", lineno=loop.lineno),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.lineno,
            ).set_environment(self)
        return tree

    def call(
        __self,  # Jinja's own signature: positional-only by name
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        budget = _BUDGET.get()
        if budget is None:
            return super().call(__context, __obj, *args, **kwargs)
        budget.depth += 1
        try:
            if budget.depth > budget.limits.call_depth:
                raise budget.fail(Limit.DEPTH)
            budget.check_time()
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.depth -= 1

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            # 10 ** 10 ** 9 would compute a billion-digit number.
            if (
                operator == "**"
                and isinstance(left, int)
                and isinstance(right, int)
                and right > 0
                and left.bit_length() * right > _MAX_POWER_BITS
            ):
                raise budget.fail(Limit.SIZE)
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    length = _sized(seq)
                    if length is not None and isinstance(times, int):
                        budget.size(length * times)
        return super().call_binop(context, operator, left, right)


def render_limited(
    env: LimitedEnvironment,
    source: str,
    variables: Mapping[str, Any],
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """Render ``source`` within ``limits``; raises :class:`TemplateLimitError`.

    A recursion too deep for Python itself (whatever the depth limit) is reported as
    the depth limit too.
    """
    budget = Budget(limits)
    token = _BUDGET.set(budget)
    try:
        budget.start()
        template = env.from_string(source)
        chunks: list[str] = []
        for chunk in template.generate(dict(variables)):
            budget.output(chunk)
            budget.check_time()
            chunks.append(chunk)
        return "".join(chunks)
    except RecursionError as exc:
        raise budget.fail(Limit.DEPTH) from exc
    finally:
        _BUDGET.reset(token)
