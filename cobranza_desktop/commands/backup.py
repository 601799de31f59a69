"""`cobranza backup`: a consistent copy of the book, now."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import EXIT_OK, add_verb, opened_book, run_reporting_errors
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.i18n import _
from cobranza_desktop.services.book.backups import BackupService
from cobranza_desktop.storage.output_files import check_output_folder
from cobranza_desktop.storage.paths import backup_dir_for


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "backup", help="back up the book")
    parser.add_argument("--to", type=Path, default=None, metavar="DIR", help="target folder")


def run(args: argparse.Namespace) -> int:
    def action() -> int:
        if args.to is not None:
            check_output_folder(args.to)  # before the book is even opened
        with opened_book(args.book) as book:
            folder = args.to or backup_dir_for(book.path)
            target = BackupService(book, SystemClock()).to_folder(folder)
        print(_("Copia de seguridad guardada en {target}").format(target=target))
        return EXIT_OK

    return run_reporting_errors(action)
