"""Page geometry, paragraph styles and the one text-to-markup function of the PDF writer.

Kept apart from the drawing code so the look can be tuned in one place. Styles are built
once per process; every style names the embedded font explicitly, because any style left
at reportlab's default would pull in an unembedded Helvetica.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _mm

from lofte_reports.doctree.nodes import FontFamily, ParagraphRole, Tone
from lofte_reports.fonts.coverage import fallback_runs, family_lacks, missing_characters
from lofte_reports.writers import _look as look
from lofte_reports.writers._look import TONE_RGB, TextLook
from lofte_reports.writers._page import BOTTOM_MARGIN_MM, HEADER_DISTANCE_MM, SIDE_MARGIN_MM
from lofte_reports.writers.pdf.fonts import BUILT_IN, FONT_NAME, FontNames, register_fonts

MM: float = _mm
PAGE_WIDTH: float = A4[0]
PAGE_HEIGHT: float = A4[1]
MARGIN_LEFT = MARGIN_RIGHT = SIDE_MARGIN_MM * MM
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HEADER_TOP = HEADER_DISTANCE_MM * MM  # from the top edge to the top of the page header
CONTENT_GAP = 8 * MM  # between the decorations at the top and the content
MARGIN_BOTTOM = BOTTOM_MARGIN_MM * MM
FOOTER_RULE_Y = 16 * MM
FOOTER_BASELINE_Y = 11 * MM

INK = colors.HexColor(f"#{look.INK}")
HEADING_HEX = f"#{look.HEADING}"
HEADING_INK = colors.HexColor(HEADING_HEX)
MUTED_INK = colors.HexColor(f"#{look.MUTED}")
RULE = colors.HexColor(f"#{look.RULE}")
HEADER_FILL = colors.HexColor(f"#{look.HEADER_FILL}")
NOTICE_FILL = colors.HexColor(f"#{look.NOTICE_FILL}")

_TAB = "&nbsp;" * 4
_SPACE_RUN = re.compile(" {2,}")


def check_drawable(text: str, font: FontFamily | None = None) -> str:
    """Return `text` unchanged, or raise ValueError if its font alone cannot draw all of it.

    For text drawn in one font, without a fallback (the page label, the footer, chart
    labels); paragraphs go through `markup`, which draws what a theme's font lacks in the
    shipped one. The builders refuse such text earlier (`fonts.printable.undrawable`), so
    reaching this is a bug upstream. `font` is a theme's family, None the built-in one.
    """
    missing = family_lacks(text, font)
    if missing:
        raise ValueError(f"the PDF font cannot draw {missing!r} in {text!r}")
    return text


def markup(
    text: str,
    strong: bool = False,
    emphasis: bool = False,
    tone: Tone | None = None,
    font: FontFamily | None = None,
) -> str:
    """Return Paragraph markup that prints `text` literally: the only way text enters a Paragraph.

    Paragraph parses XML, so the text is escaped first; only then are line breaks, tabs,
    runs of spaces and the bold/italic tags added. `font` is the family it is drawn in
    (a theme's; None for the built-in one); characters it lacks are drawn in the shipped
    DejaVu Sans (`<font name=…>` around them; `<b>` and `<i>` pick its bold and oblique
    faces). What no font can draw raises ValueError, as the model refuses it earlier.
    """
    missing = missing_characters(text, font)
    if missing:
        raise ValueError(f"no PDF font can draw {missing!r} in {text!r}")
    out = "".join(
        f'<font name="{FONT_NAME}">{_literal(run)}</font>' if fallback else _literal(run)
        for run, fallback in fallback_runs(text, font)
    )
    if emphasis:
        out = f"<i>{out}</i>"
    if strong:
        out = f"<b>{out}</b>"
    if tone is not None:
        out = f'<font color="#{TONE_RGB[tone]}">{out}</font>'
    return out


def _literal(text: str) -> str:
    """Return `text` escaped, its line breaks, tabs and runs of spaces kept."""
    out = escape(text)
    out = _SPACE_RUN.sub(lambda run: " " + "&nbsp;" * (len(run.group()) - 1), out)
    return out.replace("\n", "<br/>").replace("\t", _TAB)


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style the writer uses, built once."""

    roles: dict[ParagraphRole, Any]
    title: Any
    title_line: Any
    headings: dict[int, Any]
    caption: Any
    cell: Any
    cell_note: Any
    cell_header: Any
    page_header: Any
    page_header_right: Any
    notice: Any
    signature_label: Any
    signature_name: Any
    signature_line: Any


def _base_style(name: str, parent: Any = None, fonts: FontNames = BUILT_IN, **kw: Any) -> Any:
    """Return a ParagraphStyle that always names our font, for text and bullets alike."""
    kw.setdefault("fontName", parent.fontName if parent is not None else fonts.regular)
    kw.setdefault("bulletFontName", fonts.regular)
    return ParagraphStyle(name, parent=parent, **kw)


def hyphenation_language(tag: str) -> str:
    """Return the pyphen dictionary for a document's language tag: 'sv-SE' → 'sv'.

    Narrow table columns otherwise break long Swedish compounds mid-word without a hyphen
    ("kontaktp oliser"); with a dictionary reportlab breaks them at syllables, with a hyphen.
    Only table cells hyphenate; running text stays whole for copying and screen readers.
    """
    code = tag.replace("-", "_")
    for candidate in (code, code.split("_")[0]):
        if candidate in pyphen.LANGUAGES:
            return candidate
    return ""


@functools.cache
def styles(
    fonts: FontNames = BUILT_IN, heading_colour: str = HEADING_HEX, language: str = "sv-SE"
) -> Styles:
    """Return the writer's styles, created on first use (after the fonts are registered).

    `fonts` and `heading_colour` (title and headings) come from a theme; `language` (a
    BCP 47 tag) chooses the hyphenation dictionary. One set of styles is kept per look.
    """
    register_fonts()
    heading_ink = HEADING_INK if heading_colour == HEADING_HEX else colors.HexColor(heading_colour)
    inks = {"ink": INK, "heading": heading_ink, "muted": MUTED_INK}

    def _style(name: str, parent: Any = None, text: TextLook | None = None, **kw: Any) -> Any:
        text = text or look.TEXT[name]
        kw = {
            "fontName": fonts.bold if text.bold else fonts.regular,
            "fontSize": text.size,
            "leading": text.leading,
            "spaceBefore": text.space_before,
            "spaceAfter": text.space_after,
            "textColor": inks[text.ink],
            **kw,
        }
        return _base_style(name, parent, fonts, **kw)

    body = _style("body")
    headings = {level: _style(f"h{level}", body, keepWithNext=1) for level in (1, 2, 3)}
    # Only table cells hyphenate: their columns are narrow, and running text stays whole
    # for copying and for screen readers.
    cell = _style("cell", body, hyphenationLang=hyphenation_language(language))
    page_header = _style("page_header", body)
    return Styles(
        roles={"body": body, "lead": _style("lead", body), "note": _style("note", body)},
        title=_style("title", body, keepWithNext=1),
        title_line=_style("title_line", body),
        headings=headings,
        caption=_style("caption", body, keepWithNext=1),
        cell=cell,
        cell_note=_style("cell_note", cell),
        cell_header=_style("cell_header", cell),
        page_header=page_header,
        page_header_right=_style(
            "page_header_right", page_header, look.TEXT["page_header"], alignment=TA_RIGHT
        ),
        notice=_style("notice", body),
        signature_label=_style("signature_label", body),
        signature_name=_style("signature_name", body),
        signature_line=_style("signature_line", body),
    )


@functools.cache
def list_style(
    role: ParagraphRole,
    indent: float,
    fonts: FontNames = BUILT_IN,
    heading_colour: str = HEADING_HEX,
    language: str = "sv-SE",
) -> Any:
    """Return an item style with a hanging indent wide enough for the list's widest marker."""
    return _base_style(
        f"item-{role}-{indent}",
        styles(fonts, heading_colour, language).roles[role],
        fonts,
        leftIndent=indent,
        bulletIndent=1.5 * MM,
        spaceAfter=look.LIST_ITEM_SPACE_AFTER,
    )
