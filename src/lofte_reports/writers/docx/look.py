"""The built-in look in Word's own styles: the PDF's sizes, colours, spacing and rules.

Every value comes from `writers._look`, the one home of the look, so a Word user who opens
the DOCX sees the PDF's typography in the styles they edit (Title, Heading 1, Caption,
Table Grid …), and a theme's colours change both formats alike. Only the built-in base
is restyled; a theme's reference Word file keeps its own styles.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from lofte_reports.writers import _look
from lofte_reports.writers._look import TEXT, TextLook, ink_hex
from lofte_reports.writers.docx import oxml
from lofte_reports.writers.docx.reference import LEAD, NOTE_TEXT, TABLE_TEXT

STYLE_ROLES: dict[str, str] = {
    "Normal": "body",
    LEAD: "lead",
    NOTE_TEXT: "note",
    "Title": "title",
    "Subtitle": "title_line",
    "Heading 1": "h1",
    "Heading 2": "h2",
    "Heading 3": "h3",
    "Caption": "caption",
    TABLE_TEXT: "cell",
    "Header": "page_header",
    "Footer": "page_footer",
}
"""Each Word paragraph style and the text style (`_look.TEXT`) it is made from."""

LIST_STYLES = ("List Bullet", "List Number")
THIN = 0.5
"""Width in points of the page header's and footer's rules and of table rules, as in the PDF."""
TITLE_RULE = 1.2
HEADER_ROW_RULE = 1.2
SIGNATURE_RULE = 0.8
NOTICE_BORDER = 1.0
# The PDF's cell padding (flowables.data_table), in points.
CELL_PADDING = {"top": 3.5, "bottom": 4.5, "left": 5.0, "right": 5.0}
# The PDF's notice padding is 2.5 mm; Word puts a border's distance between it and the text.
NOTICE_SPACE = 6.0
# Character properties of the template's styles that the PDF's look has none of.
_FOREIGN_RUN_PROPERTIES = ("w:i", "w:iCs", "w:spacing", "w:kern", "w:caps", "w:u")


def apply_built_in_look(word: DocxDocument, heading: str, rule: str) -> None:
    """Make python-docx's template styles the PDF's look.

    `heading` is the colour of the title and headings, `rule` of the rules (a theme's
    primary colour, else the built-in ones). The styles named in `STYLE_ROLES` must exist.
    """
    for name, role in STYLE_ROLES.items():
        style: ParagraphStyle = word.styles[name]
        _set_text_look(style, TEXT[role], ink_hex(TEXT[role].ink, heading))
    for name in LIST_STYLES:
        style = word.styles[name]
        style.paragraph_format.space_after = Pt(_look.LIST_ITEM_SPACE_AFTER)
        oxml.remove_children(style.element.get_or_add_pPr(), "w:contextualSpacing")
    oxml.set_paragraph_borders(
        word.styles["Header"].element.get_or_add_pPr(), space=4, bottom=(THIN, rule)
    )
    oxml.set_paragraph_borders(
        word.styles["Footer"].element.get_or_add_pPr(), space=4, top=(THIN, rule)
    )
    table = word.styles["Table Grid"].element.find(qn("w:tblPr"))
    line = (THIN, rule)
    oxml.set_table_borders(
        table, top=line, left=None, bottom=line, right=None, insideH=line, insideV=None
    )
    oxml.set_table_cell_margins(table, **CELL_PADDING)


def _set_text_look(style: ParagraphStyle, text: TextLook, colour: str) -> None:
    """Give one style the size, weight, colour, line height and spacing of `text`."""
    font = style.font
    font.size = Pt(text.size)
    font.bold = True if text.bold else None
    font.color.rgb = RGBColor.from_string(colour)  # drops the template's theme colour
    run_properties = style.element.get_or_add_rPr()
    oxml.remove_children(run_properties, *_FOREIGN_RUN_PROPERTIES)
    paragraph = style.paragraph_format
    paragraph.space_before = Pt(text.space_before)
    paragraph.space_after = Pt(text.space_after)
    # "At least" the PDF's leading: the same line height, yet never clipping a taller glyph.
    paragraph.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    paragraph.line_spacing = Pt(text.leading)
    oxml.remove_children(style.element.get_or_add_pPr(), "w:pBdr", "w:contextualSpacing")


def title_rule(paragraph: DocxParagraph, colour: str) -> None:
    """Draw the PDF's rule under the title block, below its last paragraph."""
    oxml.set_paragraph_borders(paragraph._p.get_or_add_pPr(), space=8, bottom=(TITLE_RULE, colour))
    paragraph.paragraph_format.space_after = Pt(12)


def notice_box(paragraph: DocxParagraph) -> None:
    """Make a paragraph the PDF's example-data notice: a filled box with a black border."""
    properties = paragraph._p.get_or_add_pPr()
    line = (NOTICE_BORDER, _look.INK)
    oxml.set_paragraph_borders(
        properties, space=NOTICE_SPACE, top=line, left=line, bottom=line, right=line
    )
    oxml.set_paragraph_shading(properties, _look.NOTICE_FILL)
    format = paragraph.paragraph_format
    format.space_before = Pt(NOTICE_SPACE + 3)
    format.left_indent = format.right_indent = Pt(NOTICE_SPACE)


def header_cell(cell: _Cell, fill: str) -> None:
    """Fill a table's header cell and draw the PDF's heavier rule under it."""
    oxml.set_cell_shading(cell, fill)
    oxml.set_cell_borders(cell, bottom=(HEADER_ROW_RULE, _look.INK))


def signature_line(paragraph: DocxParagraph) -> None:
    """Draw the line to sign on above a signatory's name, as the PDF does."""
    oxml.set_paragraph_borders(
        paragraph._p.get_or_add_pPr(), space=4, top=(SIGNATURE_RULE, _look.INK)
    )
