"""`cobranza restore`: put a backup back as the book.

cobranza restore --list [--book PATH]
cobranza restore BACKUP [--book PATH]

The book as it was (if there is one) is kept first as a ``before-restore`` backup.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cobranza_desktop.commands._common import (
    EXIT_OK,
    add_verb,
    book_path_of,
    fail,
    run_reporting_errors,
)
from cobranza_desktop.domain.clock import SystemClock
from cobranza_desktop.domain.i18n import _, ngettext
from cobranza_desktop.services.book.backups import BackupInfo, list_backups, restore_backup


def register(subparsers: Any) -> None:
    parser = add_verb(subparsers, "restore", json=True, help="restore a backup as the book")
    parser.add_argument("backup", type=Path, nargs="?", metavar="BACKUP", help="the backup file")
    parser.add_argument("--list", action="store_true", help="list the book's backups")


def info_json(info: BackupInfo) -> dict[str, object]:
    return {
        "path": str(info.path),
        "kind": info.kind,
        "taken_at": info.taken_at.isoformat(timespec="seconds"),
        "size_bytes": info.size_bytes,
        "ok": info.ok,
        "customers": info.customers,
        "invoices": info.invoices,
        "payments": info.payments,
    }


def render_list(infos: list[BackupInfo]) -> str:
    if not infos:
        return _("No hay copias de seguridad de este libro.")
    lines = []
    for i in infos:
        counts = _("ilegible")
        if i.ok:
            customers, invoices, payments = i.customers or 0, i.invoices or 0, i.payments or 0
            counts = ", ".join(
                [
                    ngettext("{customers} cliente", "{customers} clientes", customers).format(
                        customers=customers
                    ),
                    ngettext("{invoices} factura", "{invoices} facturas", invoices).format(
                        invoices=invoices
                    ),
                    ngettext("{payments} pago", "{payments} pagos", payments).format(
                        payments=payments
                    ),
                ]
            )
        size = f"{i.size_bytes / 1024:,.0f} KB"
        lines.append(f"{i.taken_at:%Y-%m-%d %H:%M}  {size:>10}  {counts}  {i.path}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    book = book_path_of(args)

    def action() -> int:
        if args.list:
            infos = list_backups(book)
            if getattr(args, "json", False):
                print(json.dumps([info_json(i) for i in infos], ensure_ascii=False, indent=2))
            else:
                print(render_list(infos))
            return EXIT_OK
        if args.backup is None:
            return fail(_("cobranza restore: falta la copia de seguridad (vea --list)."))
        result = restore_backup(args.backup, book, SystemClock())
        if getattr(args, "json", False):
            print(
                json.dumps(
                    {
                        "book": str(result.book),
                        "restored_from": str(result.restored_from),
                        "kept_as": str(result.kept_as) if result.kept_as else None,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return EXIT_OK
        print(
            _("Libro {book} restaurado desde {restored_from}.").format(
                book=result.book, restored_from=result.restored_from
            )
        )
        if result.kept_as is not None:
            print(_("El libro anterior se guardó en {kept_as}.").format(kept_as=result.kept_as))
        return EXIT_OK

    return run_reporting_errors(action)
