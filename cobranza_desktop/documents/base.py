"""The shared base of every printed document.

A renderer subclasses :class:`DocumentRenderer` and provides the title, the
reference box (number, dates) and the story. The base draws the business header
(logo, name, RFC, address, contact) on the first page, a compact header on the
following pages, a footer with the business data and "Página x de y", and returns
the PDF as bytes. Several documents can share one PDF (:func:`render_many`), each
with its own page numbering, e.g. a day's reminder letters ready to print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any, Generic, Protocol, TypeVar

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from cobranza_desktop.documents.data import BusinessInfo, ContactInfo, CustomerInfo
from cobranza_desktop.documents.layout import Box, Columns, KeyValues
from cobranza_desktop.documents.markup import (
    clean,
    esc,
)
from cobranza_desktop.documents.pages import (
    _fit_line,
    _GroupStart,
    _LogoFlowable,
    _NumberedCanvas,
    _page_label,
)
from cobranza_desktop.documents.styles import (
    ACCENT,
    CONTENT_WIDTH,
    LIGHT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_TOP_LATER,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    WARN,
    long_date,
    money,
    para,
    percent,
    short_date,
    styles,
    text,
)
from cobranza_desktop.documents.tables import ChunkedTable
from cobranza_desktop.domain.contact_data import display_phone
from cobranza_desktop.domain.i18n import _

# Renderers import their building blocks from here; styles and pages live apart.
__all__ = [
    "ACCENT",
    "CONTENT_WIDTH",
    "WARN",
    "DataRenderer",
    "DocumentRenderer",
    "bank_text",
    "boxed",
    "contact_paragraph",
    "data_table",
    "esc",
    "key_values",
    "long_date",
    "money",
    "para",
    "party_block",
    "percent",
    "render_many",
    "right_aligned",
    "short_date",
    "styles",
    "text",
]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths_mm: Sequence[float | None],
    right: Iterable[int] = (),
    *,
    bold_rows: frozenset[int] = frozenset(),
) -> ChunkedTable:
    """A striped table that fills the content width; ``None`` widths share what is left.

    Cells are plain user text (never markup): text that does not fit its column
    wraps, escaped, in a Paragraph.
    """
    right_cols = set(right)
    fixed = sum(w * mm for w in widths_mm if w is not None)
    flexible = [w for w in widths_mm if w is None]
    share = (CONTENT_WIDTH - fixed) / len(flexible) if flexible else 0
    col_widths = [w * mm if w is not None else share for w in widths_mm]
    align = ["RIGHT" if i in right_cols else "LEFT" for i in range(len(widths_mm))]
    return ChunkedTable(list(header), rows, col_widths, align, bold_rows=bold_rows)


def key_values(
    pairs: Sequence[tuple[str, str]],
    widths: tuple[float, float],
    *,
    bold_last: bool = False,
    bold_first: bool = False,
) -> KeyValues:
    """Label/value rows of plain text, values right-aligned (totals, reference boxes)."""
    rows = []
    for index, (key, value) in enumerate(pairs):
        bold = (bold_last and index == len(pairs) - 1) or (bold_first and index == 0)
        rows.append((text(key, "kv_b" if bold else "kv"), text(value, "kv_rb" if bold else "kv_r")))
    return KeyValues(rows, widths, highlight_last=LIGHT if bold_last else None, rule_color=ACCENT)


def right_aligned(flowable: Flowable, width: float) -> Columns:
    """A flowable of ``width`` at the right edge of the content."""
    return Columns([[], [flowable]], [CONTENT_WIDTH - width, width])


def party_block(label: str, customer: CustomerInfo) -> Box:
    """The addressee box: name, RFC, address and contact, all escaped."""
    lines: list[Flowable] = [text(customer.name, "bold")]
    ids = []
    if customer.code:
        ids.append(f"{_('Cliente')} {customer.code}")
    if customer.rfc:
        ids.append(f"RFC: {customer.rfc}")
    if ids:
        lines.append(text(" · ".join(ids)))
    lines += [text(line) for line in clean(customer.address).split("\n") if line.strip()]
    contact = " · ".join(x for x in (display_phone(customer.phone), customer.email) if x)
    if contact:
        lines.append(text(contact))
    return Box(
        lines,
        label=text(label.upper(), "label"),
        label_background=LIGHT,
        border=LIGHT,
        padding=(6, 3, 6, 4),
    )


def boxed(content: Sequence[Flowable], width: float, border: Any, border_width: float = 1) -> Box:
    """Text in a tinted box with a coloured border (warnings, amounts received)."""
    return Box(
        content,
        width=width,
        padding=(8, 6, 8, 6),
        background=LIGHT,
        border=border,
        border_width=border_width,
    )


def contact_text(contact: ContactInfo, business: BusinessInfo) -> str:
    """Whom to contact, as escaped markup; falls back to the business's own data."""
    name = contact.name or business.name
    phone = display_phone(contact.phone or business.phone)
    email = contact.email or business.email
    parts = [f"<b>{esc(name)}</b>"] if name else []
    if phone:
        parts.append(f"{esc(_('Tel.'))} {esc(phone)}")
    if email:
        parts.append(esc(email))
    return " · ".join(parts)


def contact_paragraph(
    prefix: str, contact: ContactInfo, business: BusinessInfo, style: str = "body"
) -> list[Flowable]:
    """ "Whom to contact" as a paragraph, or nothing when there is nobody to name."""
    body = contact_text(contact, business)
    return [para(esc(prefix) + body, style)] if body else []


def bank_text(business: BusinessInfo, *, inline: bool = False) -> str:
    """The bank data for a transfer, as escaped markup ('' when there is none)."""
    parts = []
    if business.bank_name:
        parts.append(f"{esc(_('Banco'))}: {esc(business.bank_name)}")
    if business.bank_account_holder:
        parts.append(f"{esc(_('Titular'))}: {esc(business.bank_account_holder)}")
    if business.bank_account:
        parts.append(f"{esc(_('Cuenta'))}: {esc(business.bank_account)}")
    if business.clabe:
        parts.append(f"CLABE: <b>{esc(business.clabe)}</b>")
    return (" · " if inline else "<br/>").join(parts)


class DocumentRenderer:
    """Base of every document: subclasses provide ``title``, ``reference`` and ``body``."""

    def __init__(self, business: BusinessInfo) -> None:
        self.business = business
        self._logo: ImageReader | None = None
        if business.logo:
            try:
                self._logo = ImageReader(BytesIO(business.logo))
            except Exception:  # a damaged logo must not stop the document
                self._logo = None

    # -- to override ----------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def running_title(self) -> str:
        """The title in the compact header of the following pages."""
        return self.title()

    def reference(self) -> list[tuple[str, str]]:
        """Label/value pairs under the title (number, dates), plain text; the first is bold."""
        return []

    def body(self) -> list[Flowable]:
        raise NotImplementedError

    # -- building -------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        """The whole document: marker, header, then the body."""
        return [_GroupStart(self.running_title()), self._header(), Spacer(1, 4 * mm), *self.body()]

    def _header(self) -> Columns:
        b = self.business
        lines = [text(b.name, "biz_name")]
        if b.rfc:
            lines.append(text(f"RFC: {b.rfc}", "small"))
        lines += [text(line, "small") for line in clean(b.address).split("\n") if line.strip()]
        contact = " · ".join(x for x in (display_phone(b.phone), b.email, b.website) if x)
        if contact:
            lines.append(text(contact, "small"))
        ref_width = 66 * mm
        right: list[Flowable] = [text(self.title(), "title")]
        pairs = self.reference()
        if pairs:
            right.append(Spacer(1, 2))
            right.append(key_values(pairs, (26 * mm, ref_width - 26 * mm), bold_first=True))
        columns: list[list[Flowable]] = []
        widths: list[float] = []
        gaps: list[float] = []
        if self._logo is not None:
            iw, ih = self._logo.getSize()
            scale = min(24 * mm / iw, 20 * mm / ih)
            columns.append([_LogoFlowable(self._logo, iw * scale, ih * scale)])
            widths.append(27 * mm)
            gaps.append(3 * mm)
        columns += [lines, right]
        widths += [CONTENT_WIDTH - sum(widths) - ref_width, ref_width]
        gaps += [4, 0]
        return Columns(columns, widths, gaps, rule_below=(1.2, ACCENT), padding_below=6)

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        b = self.business
        parts = [b.name] + [
            x for x in (f"RFC {b.rfc}" if b.rfc else "", display_phone(b.phone), b.email) if x
        ]
        canvas.saveState()
        canvas.setStrokeColor(LIGHT)
        canvas.setLineWidth(0.6)
        y = MARGIN_BOTTOM - 8 * mm
        canvas.line(MARGIN_X, y, PAGE_WIDTH - MARGIN_X, y)
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(MUTED)
        line = _fit_line(" · ".join(parts), "Helvetica", 7.5, CONTENT_WIDTH - 35 * mm)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 12 * mm, line)
        canvas.restoreState()

    def _later_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._footer(canvas, doc)
        title = getattr(canvas, "_cobranza_title", "")
        canvas.saveState()
        y = PAGE_HEIGHT - 14 * mm
        half = CONTENT_WIDTH / 2 - 3 * mm
        canvas.setFont("Helvetica-Bold", 9)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN_X, y, _fit_line(self.business.name, "Helvetica-Bold", 9, half))
        canvas.setFont("Helvetica", 9)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y, _fit_line(title, "Helvetica", 9, half))
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, y - 3 * mm, PAGE_WIDTH - MARGIN_X, y - 3 * mm)
        canvas.restoreState()

    def render(self) -> bytes:
        return render_many([self])


class HasBusiness(Protocol):
    """The data of a document: it always carries the issuing business."""

    @property
    def business(self) -> BusinessInfo: ...


D = TypeVar("D", bound=HasBusiness)


class DataRenderer(DocumentRenderer, Generic[D]):
    """A document drawn from one data object (``self.data``) that carries the business."""

    def __init__(self, data: D) -> None:
        super().__init__(data.business)
        self.data = data


def render_many(renderers: Sequence[DocumentRenderer], title: str | None = None) -> bytes:
    """Render one or more documents into one PDF, each with its own page numbering."""
    if not renderers:
        raise ValueError("nothing to render")
    first = renderers[0]
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title or first.title(),
        author=first.business.name,
        creator="Cobranza Desktop",
        invariant=True,
    )
    height_first = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    height_later = PAGE_HEIGHT - MARGIN_TOP_LATER - MARGIN_BOTTOM
    story: list[Flowable] = [NextPageTemplate("later")]
    templates = []
    for index, renderer in enumerate(renderers):
        if index:
            story += [
                NextPageTemplate(f"first{index}"),
                PageBreak(),
                NextPageTemplate(f"later{index}"),
            ]
        story += renderer.story()
        suffix = str(index) if index else ""
        templates += [
            PageTemplate(
                f"first{suffix}",
                frames=[Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, height_first, 0, 0, 0, 0)],
                onPage=renderer._footer,
            ),
            PageTemplate(
                f"later{suffix}",
                frames=[Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, height_later, 0, 0, 0, 0)],
                onPage=renderer._later_header,
            ),
        ]
    doc.addPageTemplates(templates)

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, page_label=_page_label, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
