"""The ``cobranza`` command: opens the window, plus headless verbs for scripting and support.

Each verb lives in its own module under ``cobranza_desktop.commands`` and exposes
``register(subparsers)`` and ``run(args) -> int``. Adding a verb is one line in
:data:`VERBS`. Global options (``--book``, ``--lang``, ``--json`` where a verb reports)
are read before or after the verb name.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from cobranza_desktop import __version__
from cobranza_desktop.commands._common import BOOK_HELP, EXIT_ERROR, Parser, book_arg

# Verb name -> module under cobranza_desktop.commands (imported lazily: start-up is a feature).
VERBS: dict[str, str] = {
    "new": "new",
    "demo": "demo",
    "aging": "aging",
    "check": "check",
    "backup": "backup",
    "restore": "restore",
    "penalties": "penalties",
    "pdf": "pdf",
    "send": "send",
    "agenda": "agenda",
    "import": "imports",
    "rep": "rep",
    "export": "export",
    "stats": "stats",
    "bill": "bill",
    "users": "users",
    "audit": "audit",
    "refund": "refund",
    "book": "book",
    "payment": "payment",
    "credit": "credit",
    "invoice": "invoice",
    "dossier": "dossier",
    "discount": "discount",
    "barter": "barter",
    "customer": "customer",
    "void": "void",
    "promise": "promise",
    "prepay": "prepay",
    "service-cuts": "service_cuts",
    "batches": "batches",
    "announce": "announce",
    "terms": "terms",
    "ladder": "ladder",
}


def _verb_module(name: str) -> ModuleType:
    return importlib.import_module(f"cobranza_desktop.commands.{VERBS[name]}")


def build_parser(verbs: Sequence[str] | None = None) -> Parser:
    parser = Parser(
        prog="cobranza",
        description="Cobranza Desktop: cuentas por cobrar y cobranza amable y constante.",
    )
    parser.add_argument("--version", action="version", version=f"cobranza {__version__}")
    parser.add_argument("--lang", choices=["es", "en"], default=None, help="interface language")
    parser.add_argument("--book", type=book_arg, default=None, metavar="PATH|URL", help=BOOK_HELP)
    parser.add_argument(
        "--json", action="store_true", default=False, help="print JSON (verbs that report)"
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    for name in verbs if verbs is not None else VERBS:
        _verb_module(name).register(subparsers)
    return parser


def _requested_verb(args: Sequence[str]) -> str | None:
    """The verb named on the line, skipping the value of an option that takes one."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--book", "--lang"):
            skip = True
        elif arg in VERBS:
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Only import the verb that is asked for, so that opening the window stays fast.
    requested = _requested_verb(args_list)
    parser = build_parser([requested] if requested else [])
    if any(a in ("-h", "--help") for a in args_list) and requested is None:
        parser = build_parser()
    args = parser.parse_args(args_list)
    if args.lang:
        from cobranza_desktop.domain.i18n import set_language

        set_language(args.lang)
    if args.verb is None:
        if args.json:
            parser.error("--json: " + _no_json("cobranza"))
        window = importlib.import_module("cobranza_desktop.commands.window")
        opened: int = window.open_window(args.book, language=args.lang)
        return opened
    if args.json and not getattr(args, "json_supported", False):
        print(f"cobranza {args.verb}: --json: {_no_json(args.verb)}", file=sys.stderr)
        return EXIT_ERROR
    verb = _verb_module(args.verb)
    # What is imported lives until the process ends: frozen, the collector neither walks it
    # while the verb works nor again at exit (0.2 s of a `cobranza stats` on a big book).
    gc.freeze()
    result: int = verb.run(args)
    return result


def _no_json(verb: str) -> str:
    from cobranza_desktop.domain.i18n import _

    return _("«{verb}» no tiene salida JSON.").format(verb=verb)


def main_gui(argv: Sequence[str] | None = None) -> int:
    """``cobranza-desktop [BOOK]``: what the desktop entry runs (``Exec=cobranza-desktop %f``).

    The file manager passes the book as a bare path (or a ``file://`` URI); it becomes
    ``--book PATH``. A verb or options work as with ``cobranza``.
    """
    from urllib.parse import unquote, urlsplit

    args = list(sys.argv[1:] if argv is None else argv)
    takes_value = {"--book", "--lang"}
    for index, arg in enumerate(args):
        if arg.startswith("-") or (index and args[index - 1] in takes_value):
            continue
        if arg not in VERBS:
            uri = urlsplit(arg)
            path = unquote(uri.path) if uri.scheme == "file" else arg
            args[index : index + 1] = ["--book", path]
        break  # only the first positional argument can be the book
    return main(args)
