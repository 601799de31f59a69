"""`cobranza barter`: registered here, run by :mod:`discount` (the same tools service)."""

from __future__ import annotations

from typing import Any

from cobranza_desktop.commands.discount import register_barter, run

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    register_barter(subparsers)
