"""`cobranza check`: exits 0 only when the file and every bookkeeping invariant are sound."""

from __future__ import annotations

import argparse
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_FAILED,
    EXIT_OK,
    add_verb,
    opened_book,
    run_reporting_errors,
)
from cobranza_desktop.services.book.check import BookCheckService


def register(subparsers: Any) -> None:
    add_verb(subparsers, "check", help="check the book's integrity and invariants")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        with opened_book(args.book) as book:
            report = BookCheckService(book).run()
        for result in report.results:
            mark = "OK   " if result.ok else "FALLA"
            print(f"{mark} {result.label}")
            for row in result.offending[:10]:
                print(f"      {row}")
        return EXIT_OK if report.ok else EXIT_FAILED

    return run_reporting_errors(action)
