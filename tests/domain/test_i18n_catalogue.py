"""The gettext catalogue: every msgid in the code is translated, with the same fields."""

from __future__ import annotations

import ast
import io
import string
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from cobranza_desktop.domain import i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "cobranza_desktop"
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "cobranza.po"
GETTEXT_CALLS = {"_", "gettext", "ngettext", "pgettext", "N_"}


def catalogue() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="en", domain=i18n.DOMAIN)


def extracted() -> list[tuple[str, int, str | tuple[str, ...], str | None]]:
    """(file, line, msgid or (singular, plural), context), by Babel and babel.cfg."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = []
    for filename, line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        found.append((filename, line, message, context))
    return found


def fields(text: str) -> list[str]:
    """The named fields of a str.format template (raises on a malformed one)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def gettext_calls() -> Iterator[tuple[Path, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "cobranza_desktop.domain.i18n"
            for alias in node.names
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_CALLS & imported
            ):
                yield path, node


def scanned_msgids() -> set[tuple[str, int, str | None, str]]:
    """(file, line, context, msgid) of every gettext call with literal text, by AST.

    The AST sees calls inside f-strings, which pybabel on Python 3.11 does not.
    """
    found = set()
    for path, call in gettext_calls():
        texts = [a.value for a in call.args if isinstance(a, ast.Constant)]
        if not texts:
            continue  # _(TABLE[key]): the table's N_() marks are scanned instead
        name = call.func.id  # type: ignore[attr-defined]
        context, msgid = (texts[0], texts[1]) if name == "pgettext" else (None, texts[0])
        found.add((str(path.relative_to(ROOT)), call.lineno, context, msgid))
    return found


def test_every_msgid_in_the_code_has_an_english_translation() -> None:
    messages = catalogue()
    used = {(f, line, ctx, m) for f, line, ctx, m in scanned_msgids()}
    for filename, line, message, context in extracted():
        used.add((filename, line, context, message[0] if isinstance(message, tuple) else message))
    assert len(used) > 400, "the scan found (almost) no gettext call"
    missing = []
    for filename, line, context, msgid in sorted(used, key=str):
        entry = messages.get(msgid, context=context)
        strings = entry.string if entry is not None else None
        texts = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or not all(texts):
            missing.append(f"{filename}:{line}: {msgid!r}")
    assert missing == []


def test_the_scan_sees_everything_babel_extracts() -> None:
    """The AST scan misses no form of call that Babel's extractor knows."""
    scanned = {(f, ctx, m) for f, _line, ctx, m in scanned_msgids()}
    by_babel = set()
    for filename, _line, message, context in extracted():
        by_babel.add((filename, context, message[0] if isinstance(message, tuple) else message))
    assert by_babel - scanned == set()


def test_msgids_are_literals_never_built_at_run_time() -> None:
    """An f-string or a concatenation inside _() would never match a catalogue entry."""
    built = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path, call in gettext_calls()
        for arg in call.args
        if isinstance(arg, ast.JoinedStr | ast.BinOp)
        or (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Attribute)
            and arg.func.attr in {"format", "join", "replace", "capitalize", "upper"}
        )
    ]
    assert built == []


def test_placeholders_of_msgid_and_translation_match() -> None:
    wrong = []
    for message in catalogue():
        if not message.id:
            continue  # the header
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = fields(ids[0])
        for text in strings:
            try:
                got = fields(text)
            except ValueError as exc:
                wrong.append(f"{ids[0]!r}: {exc}")
                continue
            if got != expected:
                wrong.append(f"{ids[0]!r}: {expected} vs {text!r}: {got}")
    assert wrong == []


def test_the_po_file_is_in_its_canonical_sorted_form() -> None:
    """Regenerating the catalogue (the codemod) gives the same bytes: no diff churn."""
    buffer = io.BytesIO()
    write_po(buffer, catalogue(), width=80, no_location=True, sort_output=True)

    def canonical(text: str) -> list[str]:
        # The Babel version in the header is the only line that may differ.
        return [line for line in text.splitlines() if not line.startswith('"Generated-By:')]

    assert canonical(buffer.getvalue().decode()) == canonical(PO.read_text(encoding="utf-8"))


def test_a_wheel_installs_every_catalogue_as_data_files() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    installed = {Path(source) for destination, sources in data_files.items() for source in sources}
    shipped = {path.relative_to(ROOT) for path in (ROOT / "resources" / "locale").rglob("*.po")}
    assert shipped and shipped <= installed
    for destination, sources in data_files.items():
        for source in sources:
            assert destination.endswith(str(Path(source).parent).removeprefix("resources"))


# --- Switching languages ---------------------------------------------------------------------


Entry = tuple[str | None, str | tuple[str, str], str | tuple[str, str]]


def write_catalogue(base: Path, entries: list[Entry]) -> None:
    """A catalogue of (context, msgid, msgstr); a tuple msgid is (singular, plural)."""
    messages = Catalog(locale="en", domain=i18n.DOMAIN)
    for context, msgid, msgstr in entries:
        messages.add(msgid, msgstr, context=context)
    folder = base / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "cobranza.po").open("wb") as handle:
        write_po(handle, messages)


@pytest.fixture
def own_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("COBRANZA_LOCALE_DIR", str(tmp_path / "locale"))
    i18n.translations.cache_clear()
    yield tmp_path / "locale"
    i18n.translations.cache_clear()
    i18n.set_language("es")


def test_switching_language_switches_messages(own_catalogue: Path) -> None:
    write_catalogue(
        own_catalogue,
        [
            (None, "Factura {number} vencida", "Invoice {number} overdue"),
            ("documents.invoice", "Saldo", "Balance due"),
            (None, "Saldo", "Balance"),
            (None, ("{n} factura", "{n} facturas"), ("{n} invoice", "{n} invoices")),
        ],
    )
    i18n.set_language("en_US")
    assert i18n.current_language() == "en"
    assert i18n._("Factura {number} vencida").format(number="A-1") == "Invoice A-1 overdue"
    assert i18n.gettext("Saldo") == "Balance"
    assert i18n.pgettext("documents.invoice", "Saldo") == "Balance due"
    assert i18n.ngettext("{n} factura", "{n} facturas", 1) == "{n} invoice"
    assert i18n.ngettext("{n} factura", "{n} facturas", 3) == "{n} invoices"
    assert i18n.gettext("Sin traducción") == "Sin traducción"
    i18n.set_language("es")
    assert i18n._("Factura {number} vencida") == "Factura {number} vencida"
    assert i18n.pgettext("documents.invoice", "Saldo") == "Saldo"
    assert i18n.ngettext("{n} factura", "{n} facturas", 3) == "{n} facturas"
    assert i18n.N_("Saldo") == "Saldo"


def test_an_unknown_language_falls_back_to_spanish(own_catalogue: Path) -> None:
    write_catalogue(own_catalogue, [(None, "Saldo", "Balance")])
    i18n.set_language("fr")
    assert i18n.current_language() == "es"
    assert i18n.gettext("Saldo") == "Saldo"


def test_a_missing_catalogue_shows_the_spanish_source(own_catalogue: Path) -> None:
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert i18n.gettext("Saldo") == "Saldo"


def test_the_catalogue_is_found_in_a_bundle_and_in_a_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COBRANZA_LOCALE_DIR", raising=False)
    bundle = tmp_path / "bundle"
    write_catalogue(bundle / "resources" / "locale", [(None, "Saldo", "Balance")])
    monkeypatch.setattr("sys._MEIPASS", str(bundle), raising=False)
    assert i18n.catalogue_path("en") == bundle / "resources/locale/en/LC_MESSAGES/cobranza.po"
    monkeypatch.delattr("sys._MEIPASS")
    # A wheel: not next to the package (pretend the checkout has no resources/).
    prefix = tmp_path / "venv"
    write_catalogue(
        prefix / "share/cobranza-desktop/resources/locale", [(None, "Saldo", "Balance")]
    )
    monkeypatch.setattr("sys.prefix", str(prefix))
    real_is_file = Path.is_file
    monkeypatch.setattr(
        Path, "is_file", lambda self: real_is_file(self) and str(self).startswith(str(tmp_path))
    )
    expected = prefix / "share/cobranza-desktop/resources/locale/en/LC_MESSAGES/cobranza.po"
    assert i18n.catalogue_path("en") == expected
    assert i18n.catalogue_path("de") is None


def test_no_inline_pairs_are_left_below_the_ui() -> None:
    """One catalogue: nothing imports the old tr(es, en), and i18n no longer has it."""
    assert not hasattr(i18n, "tr")
    importing = [
        str(path.relative_to(ROOT))
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").endswith("i18n")
        and any(alias.name == "tr" for alias in node.names)
    ]
    assert importing == []


def test_the_real_catalogue_speaks_english_for_labels_errors_and_contexts() -> None:
    from cobranza_desktop.domain.contact_data import require_text
    from cobranza_desktop.domain.contact_policy import Outcome
    from cobranza_desktop.domain.errors import ValidationError
    from cobranza_desktop.domain.invoices import InvoiceStatus
    from cobranza_desktop.domain.plans import PromiseStatus

    i18n.set_language("en")
    try:
        assert Outcome.CONTACTED.label() == "Contacted"
        assert PromiseStatus.CANCELLED.label() == "Cancelled"
        assert InvoiceStatus.VOIDED.label() == "Voided"
        with pytest.raises(ValidationError) as raised:
            require_text("  ", "name", i18n._("el nombre del negocio"))
        assert raised.value.message == "The business name is missing."
    finally:
        i18n.set_language("es")
    assert Outcome.CONTACTED.label() == "Contactado"
    assert PromiseStatus.CANCELLED.label() == "Cancelada"
    with pytest.raises(ValidationError) as raised:
        require_text("x" * 5, "name", i18n._("el nombre del negocio"), max_length=3)
    assert raised.value.message == "El nombre del negocio: máximo 3 caracteres."
