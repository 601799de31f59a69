from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from cobranza_desktop.documents.base import para, styles
from cobranza_desktop.documents.markup import RichText, WrapOnceParagraph, esc, is_simple_markup


def _lines(flowable: RichText, width: float) -> list[str]:
    flowable.wrap(width, 10_000)
    return ["".join((" " if s else "") + w for w, _, s in line) for line in flowable._lines]


def test_escape_blocks_markup_and_control_characters() -> None:
    assert esc('<b>x</b> & "y"\n\x07z') == "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;<br/>z"


def test_rich_text_wraps_keeps_punctuation_glued_and_cuts_long_words() -> None:
    markup = "Si paga <b>$12,350.67</b> a más tardar el <b>29 de noviembre</b>, " + esc(
        "<b>x&y " + "X" * 200
    )
    text = RichText(markup, styles()["body"])
    lines = _lines(text, 250)
    assert not any(line.startswith(",") for line in lines)
    assert "".join(lines).replace(" ", "") == (
        "Si paga $12,350.67 a más tardar el 29 de noviembre, <b>x&y " + "X" * 200
    ).replace(" ", "")
    for line in lines:
        assert stringWidth(line, "Helvetica-Bold", 9.5) <= 250 + 0.01


def test_only_simple_markup_takes_the_fast_path() -> None:
    assert is_simple_markup("a <b>b</b><br/>c &amp; d")
    assert not is_simple_markup("<font color='red'>x</font>")
    assert not is_simple_markup("a &nbsp; b")
    assert isinstance(para("<i>x</i>"), WrapOnceParagraph)
    assert isinstance(para("<b>x</b>"), RichText)
