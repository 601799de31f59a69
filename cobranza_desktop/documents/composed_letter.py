"""A letter whose text was composed (and perhaps edited) in the reminder composer.

The business letterhead and footer come from :class:`DocumentRenderer`; the body is
the message text, paragraph by paragraph, exactly as the person left it.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from cobranza_desktop.documents.base import DocumentRenderer, para
from cobranza_desktop.documents.data import BusinessInfo
from cobranza_desktop.documents.markup import esc


class ComposedLetterRenderer(DocumentRenderer):
    def __init__(self, business: BusinessInfo, subject: str, body_text: str) -> None:
        super().__init__(business)
        self.subject = subject
        self.body_text = body_text

    def title(self) -> str:
        return self.subject

    def body(self) -> list[Flowable]:
        story: list[Flowable] = []
        blocks = [b.strip("\n") for b in self.body_text.replace("\r\n", "\n").split("\n\n")]
        for block in blocks:
            if not block.strip():
                continue
            story.append(para(esc(block)))
            story.append(Spacer(1, 3 * mm))
        return story


def render_composed_letter(business: BusinessInfo, subject: str, body_text: str) -> bytes:
    """The PDF of a composed letter."""
    return ComposedLetterRenderer(business, subject, body_text).render()
