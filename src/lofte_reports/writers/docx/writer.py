"""The DOCX writer: a `nodes.Document` drawn with python-docx onto its default template.

Text goes into Word's built-in styles (Title, Heading N, List Bullet, Caption, Table Grid),
which screen readers, Word's navigation pane and reference templates all understand; the
built-in base restyles them to the PDF's look (`look.py`). Every block passes through `_BlockWriter.add`, the one place that
dispatches on node type; page decorations are drawn apart from content.
"""

from __future__ import annotations

import functools
import io
from importlib.resources import files
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.section import Section
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from lofte_reports.doctree.nodes import (
    DOCX_REFERENCE,
    Block,
    Chart,
    Document,
    DocumentStyle,
    FontFamily,
    Heading,
    ItemList,
    Margins,
    Metadata,
    PageSetup,
    Paragraph,
    SignatureBlock,
    Span,
    Table,
    TitleBlock,
    split_page_label,
    unknown_block,
)
from lofte_reports.fonts.coverage import SHIPPED_FAMILY, fallback_runs
from lofte_reports.writers import _look
from lofte_reports.writers._common import document_time
from lofte_reports.writers._look import TONE_RGB
from lofte_reports.writers._page import (
    BOTTOM_MARGIN_MM,
    HEADER_DISTANCE_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    TOP_MARGIN_MM,
    side_margins_mm,
    text_width_mm,
)
from lofte_reports.writers.docx import fonts as docx_fonts
from lofte_reports.writers.docx import look as docx_look
from lofte_reports.writers.docx import oxml, package
from lofte_reports.writers.docx import theme as docx_theme
from lofte_reports.writers.docx.chart import add_chart
from lofte_reports.writers.docx.reference import (
    LEAD,
    NOTE_TEXT,
    TABLE_TEXT,
    has_own_content,
    open_reference,
)

_TEXT_WIDTH = Mm(text_width_mm(Margins()))
_CHART_SIZE = (Mm(150), Mm(85))
_ROLE_STYLES = {"body": "Normal", "lead": LEAD, "note": NOTE_TEXT}
_AFTER_TABLE = Pt(10)  # at least this much space between a table and the paragraph after it
_SIGN_SPACE = Pt(36)  # room for a signature above its line
_SIGN_LINE = Mm(80)  # the length of a line to sign on
_WRITE_ON = Mm(50)  # the length of a line to write a place or date on
_MUTED = RGBColor.from_string(_look.MUTED)


def write_docx(document: Document) -> bytes:
    """Return the bytes of a DOCX file showing `document`.

    With a theme's reference Word file, the DOCX is made from it: its styles, page setup,
    header and footer are kept, and the theme's colours, font and margins are not applied
    (the reference decides those for Word). Otherwise the theme's look is applied to
    python-docx's default template.
    """
    look = document.style
    reference = look.extra(*DOCX_REFERENCE)
    if reference is None:
        word = docx.Document(io.BytesIO(_template()))
    else:
        word = open_reference(reference, _template())
    _set_properties(word, document.metadata)
    _prepare_styles(word, document.metadata.language, restyle=reference is None)
    section = word.sections[-1]
    rule = look.primary.removeprefix("#") if look.primary else _look.RULE
    if reference is None:
        heading = look.primary.removeprefix("#") if look.primary else _look.HEADING
        docx_look.apply_built_in_look(word, heading, rule)
        docx_theme.set_font(word, SHIPPED_FAMILY if look.font is None else look.font.name)
        _set_page(section, look.margins)
    # With a reference file its styles name the fonts, whose coverage is unknown: no split.
    font = look.font if reference is None else None
    _decorate_pages(section, document.page, look, keep_own=reference is not None, font=font)
    writer = _BlockWriter(
        word,
        document.metadata.language,
        _text_width(section),
        font,
        rule=None if reference is not None else rule,
        header_fill=None if reference is not None else (look.accent or _look.HEADER_FILL),
    )
    for block in document.blocks:
        writer.add(block)
    if reference is None:
        _embed_fonts(word, look.font)
    out = io.BytesIO()
    word.save(out)
    return package.reproducible(out.getvalue(), document_time(document.metadata))


def _embed_fonts(word: DocxDocument, font: FontFamily | None) -> None:
    """Carry the document's font in the file: the theme's, or the shipped one.

    The shipped font also goes along where runs name it for what a theme font lacks. Italic
    faces go only into documents with italic text: a face is several hundred kilobytes.
    """
    parts = [word.element, *(part.element for part in _header_footer_parts(word))]
    italic = any(element.xpath(".//w:i") for element in parts)
    wanted = docx_fonts.FACES if italic else docx_fonts.FACES[:2]  # regular and bold
    fallback = f'.//w:rFonts[@w:ascii="{SHIPPED_FAMILY}"]'
    families = []
    if font is None or any(element.xpath(fallback) for element in parts):
        families.append((SHIPPED_FAMILY, docx_fonts.shipped_faces()))
    if font is not None:
        families.append((font.name, docx_fonts.family_faces(font)))
    for name, faces in families:
        docx_fonts.embed_family(word, name, {k: v for k, v in faces.items() if k in wanted})


def _header_footer_parts(word: DocxDocument) -> list[Any]:
    """Return the header and footer parts the document's sections use."""
    parts = []
    for section in word.sections:
        for story in (section.header, section.footer):
            if not story.is_linked_to_previous:
                parts.append(story.part)
    return parts


@functools.cache
def _template() -> bytes:
    """Return python-docx's default template; reading it once per process saves time."""
    return (files("docx") / "templates" / "default.docx").read_bytes()


def _set_properties(word: DocxDocument, metadata: Metadata) -> None:
    """Write the document properties; replace the template's claims about who made it."""
    props = word.core_properties
    props.title = metadata.title
    props.author = metadata.author
    props.last_modified_by = metadata.author
    props.subject = metadata.subject
    props.keywords = ", ".join(metadata.keywords)
    props.language = metadata.language
    props.comments = metadata.subject or metadata.title
    package.set_dates(word, document_time(metadata))
    oxml.replace_app_properties(word, metadata.creator)


def _prepare_styles(word: DocxDocument, language: str, restyle: bool = True) -> None:
    """Set the language and add the lead, note and table text styles.

    Without `restyle` (a reference Word file's styles) they are added only where the
    reference lacks them, with a size of their own; with it, `look.apply_built_in_look`
    gives them the PDF's look.
    """
    oxml.set_language(word, language)
    oxml.set_auto_hyphenation(word)
    oxml.plain_bullets(word)
    if not restyle:
        for name, size in ((LEAD, 13), (NOTE_TEXT, 9), (TABLE_TEXT, 9)):
            if _find_style(word, name) is None:
                _paragraph_style(word, name).font.size = Pt(size)
        return
    for name in (LEAD, NOTE_TEXT, TABLE_TEXT):
        _paragraph_style(word, name)


def _find_style(word: DocxDocument, name: str) -> ParagraphStyle | None:
    """Return the paragraph style called `name`, or None if the template has none."""
    try:
        style: ParagraphStyle = word.styles[name]
    except KeyError:
        return None
    return style


def _paragraph_style(word: DocxDocument, name: str) -> ParagraphStyle:
    """Return the paragraph style `name`, added (based on Normal) if the template lacks it."""
    style = _find_style(word, name)
    if style is None:
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        style.quick_style = True
    return style


def _set_page(section: Section, margins: Margins) -> None:
    """Make the page the PDF's page (`writers._page`), with a theme's margins where given."""
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    left, right = side_margins_mm(margins)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin = Mm(TOP_MARGIN_MM if margins.top is None else margins.top)
    section.bottom_margin = Mm(BOTTOM_MARGIN_MM if margins.bottom is None else margins.bottom)
    section.header_distance = section.footer_distance = Mm(HEADER_DISTANCE_MM)


def _text_width(section: Section) -> Length:
    """Return the width between the section's margins (A4 with 25 mm margins if unknown)."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return _TEXT_WIDTH
    return Length(width - left - right)


def _decorate_pages(
    section: Section,
    page: PageSetup,
    look: DocumentStyle,
    keep_own: bool = False,
    font: FontFamily | None = None,
) -> None:
    """Draw what every page shows: logos, header texts, the notice, and the page label.

    With `keep_own` (a reference Word file), a header or footer the reference fills itself
    is kept as it is; only the notice, which every page must show, is added to its header.
    """
    texts = "\n".join(text for text in (look.header, page.header) if text)
    if keep_own and has_own_content(section.header):
        if page.notice:
            _add_notice(section.header.add_paragraph(style="Header"), page.notice, font, keep_own)
    elif texts or page.notice or look.logos:
        paragraph = section.header.paragraphs[0]
        if look.logos:
            docx_theme.add_logos(paragraph, look.logos, Mm(look.logo_height))
        if texts:
            if look.logos:
                paragraph = section.header.add_paragraph(style="Header")
            add_text(paragraph, texts, font)
        if page.notice:
            if texts or look.logos:
                paragraph = section.header.add_paragraph(style="Header")
            _add_notice(paragraph, page.notice, font, keep_own)
    if keep_own and has_own_content(section.footer):
        return
    footer = section.footer.paragraphs[0]
    if look.footer:
        # The theme's footer text at the left, the page label at the right margin.
        for stop in footer.style.paragraph_format.tab_stops if footer.style else ():
            footer.paragraph_format.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        footer.paragraph_format.tab_stops.add_tab_stop(_text_width(section), WD_TAB_ALIGNMENT.RIGHT)
        for run in add_text(footer, look.footer, font):
            run.font.color.rgb = _MUTED
        footer.add_run("\t")
    else:  # the PDF's place: at the right margin
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for piece in split_page_label(page.page_label):
        if isinstance(piece, str):
            add_text(footer, piece, font)
        else:
            oxml.add_field(footer, "PAGE" if piece == 0 else "NUMPAGES", "1")


def _add_notice(
    paragraph: DocxParagraph, notice: str, font: FontFamily | None, keep_own: bool
) -> None:
    """Add the example-data notice: bold, and boxed as in the PDF unless a reference decides."""
    size = Pt(_look.TEXT["notice"].size)
    for run in add_text(paragraph, notice, font):
        run.bold = True
        run.font.size = size
        if not keep_own:
            run.font.color.rgb = RGBColor.from_string(_look.INK)
    if not keep_own:
        docx_look.notice_box(paragraph)


def add_text(paragraph: DocxParagraph, text: str, font: FontFamily | None = None) -> list[Run]:
    """Append `text` as runs and return them: one, or more where a theme's `font` lacks
    characters, each such stretch in a run naming the shipped font, as the PDF draws it.
    """
    runs = []
    for piece, fallback in fallback_runs(text, font):
        run = paragraph.add_run(piece)
        if fallback:
            docx_theme.name_run_font(run, SHIPPED_FAMILY)
        runs.append(run)
    return runs


class _BlockWriter:
    """Draw blocks at the end of one python-docx document: one short method per node type."""

    def __init__(
        self,
        word: DocxDocument,
        language: str,
        text_width: Length = _TEXT_WIDTH,
        font: FontFamily | None = None,
        *,
        rule: str | None = None,
        header_fill: str | None = None,
    ) -> None:
        """`rule` and `header_fill` ("RRGGBB") draw the built-in look; None leaves a
        reference Word file's table style and title to decide."""
        self._word = word
        self._font = font
        self._rule = rule
        self._language = language
        self._text_width = text_width
        self._header_fill = header_fill
        self._style_ids: dict[str, str | None] = {}
        self._spaces_before: dict[str, int] = {}
        self._after_table = False  # the last block was a table: keep the next one apart

    def add(self, block: Block) -> None:
        """Draw `block`; the single place every block passes through."""
        match block:
            case TitleBlock():
                self._title(block)
            case Heading():
                self._heading(block)
            case Paragraph():
                self._paragraph(block)
            case ItemList():
                self._list(block)
            case Table():
                self._table(block)
            case Chart():
                self._chart(block)
            case SignatureBlock():
                self._signatures(block)
            case _:
                unknown_block(block, "the DOCX writer")

    def _title(self, block: TitleBlock) -> None:
        """Draw the title in "Title" and its lines in "Subtitle", Word's own title styles."""
        last = self._new_paragraph("Title", block.title)
        for line in block.lines:
            last = self._new_paragraph("Subtitle", line)
        if self._rule is not None:
            docx_look.title_rule(last, self._rule)

    def _heading(self, block: Heading) -> None:
        self._new_paragraph(f"Heading {block.level}", block.text)

    def _paragraph(self, block: Paragraph) -> None:
        paragraph = self._new_paragraph(_ROLE_STYLES[block.role])
        _add_spans(paragraph, block.spans, font=self._font)

    def _list(self, block: ItemList) -> None:
        """Draw a list in Word's list styles; a numbered list gets its own numbering."""
        style = "List Number" if block.ordered else "List Bullet"
        num_id = oxml.restarted_num_id(self._word, style, block.start) if block.ordered else 0
        for item in block.items:
            paragraph = self._new_paragraph(style)
            _add_spans(paragraph, item.spans, font=self._font)
            if num_id:
                oxml.set_numbering(paragraph, num_id)

    def _table(self, block: Table) -> None:
        """Draw caption and grid; the header row repeats on each page, rows never split.

        A table without columns has nothing to draw but its caption.
        """
        if block.caption:
            self._caption(block.caption)
        if not block.header:
            return
        if self._after_table:
            self._separate_tables()
        widths = _column_widths(block.widths, len(block.header), self._text_width)
        table = self._word.add_table(1 + len(block.rows), len(block.header), style="Table Grid")
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for number, (row, cells) in enumerate(
            zip(table.rows, (block.header, *block.rows), strict=True)
        ):
            for cell, node, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                cell.paragraphs[0]._p.style = self._style_id(TABLE_TEXT)
                _add_spans(cell.paragraphs[0], node.spans, bold=number == 0, font=self._font)
                if number == 0 and self._header_fill is not None:
                    docx_look.header_cell(cell, self._header_fill.removeprefix("#"))
            oxml.keep_row_together(row)
        oxml.mark_header_row(table.rows[0])
        if block.caption:
            oxml.set_table_caption(table, block.caption)
        self._after_table = True

    def _chart(self, block: Chart) -> None:
        """Draw a native chart under a caption (LibreOffice drops a chart's own alt text)."""
        self._caption(block.title)
        paragraph = self._new_paragraph("Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        width, height = _CHART_SIZE
        if width > self._text_width:  # narrow pages (wide margins): keep the proportions
            width, height = Mm(self._text_width.mm), Mm(height.mm * self._text_width / width)
        add_chart(
            paragraph,
            block,
            int(width),
            int(height),
            self._language,
            self._font.name if self._font else SHIPPED_FAMILY,
        )

    def _signatures(self, block: SignatureBlock) -> None:
        """Draw place and date (or the dateline), then each signatory below the one before.

        Each signatory is a line to sign on (the top border of the name's paragraph, after
        room to sign), the name in bold, title and organisation: paragraphs, not a table,
        and one signatory under the other. A word processor's tagged PDF reads any table as
        data (a one-row table without a header is a fault), and side by side with tab stops
        would read "name, name, title, title"; reading order matters more than half a page.
        Every paragraph keeps with the next, so nobody signs alone on a page.
        """
        if block.dateline is not None:
            paragraphs = [self._new_paragraph("Normal", block.dateline)]
        else:
            paragraphs = [self._dated(label, value) for label, value in block.place_and_date]
        line_indent = Length(max(0, self._text_width - _SIGN_LINE))
        for signatory in block.signatories:
            name = self._new_paragraph("Normal")
            for run in add_text(name, signatory.name, self._font):
                run.bold = True
            name.paragraph_format.space_before = _SIGN_SPACE
            name.paragraph_format.right_indent = line_indent
            docx_look.signature_line(name)
            lines = [name]
            lines += [
                self._new_paragraph("Normal", t)
                for t in (signatory.title, signatory.organisation)
                if t
            ]
            for line in lines[:-1]:
                line.paragraph_format.space_after = Pt(0)
            paragraphs += lines
        for paragraph in paragraphs:
            paragraph.paragraph_format.keep_together = True
            paragraph.paragraph_format.keep_with_next = paragraph is not paragraphs[-1]

    def _dated(self, label: str, value: str | None) -> DocxParagraph:
        """Return "Ort: Landskrona", or "Ort:" and a line to write on: an underlined tab.

        Not a tab leader: a word processor's tagged PDF puts a leader's underscores into
        the text, which a screen reader then reads out one by one.
        """
        paragraph = self._new_paragraph("Normal", f"{label}:")
        if value is None:
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Length(min(self._text_width, Mm(20) + _WRITE_ON))
            )
            paragraph.add_run(" ")
            paragraph.add_run("\t").underline = True
        else:
            add_text(paragraph, f" {value}", self._font)
        return paragraph

    def _caption(self, text: str) -> None:
        caption = self._new_paragraph("Caption", text)
        caption.paragraph_format.keep_with_next = True

    def _new_paragraph(self, style: str, text: str = "") -> DocxParagraph:
        """Return a new paragraph in `style`, as `add_paragraph(text, style)` would.

        Each style name is resolved once per document: python-docx's own lookup scans
        every style of the template each time, which cost half of the writing time.
        """
        paragraph = self._word.add_paragraph()
        add_text(paragraph, text, self._font)
        paragraph._p.style = self._style_id(style)
        if self._after_table:
            self._after_table = False
            if self._space_before(style) < _AFTER_TABLE:
                paragraph.paragraph_format.space_before = _AFTER_TABLE
        return paragraph

    def _space_before(self, style: str) -> int:
        """Return the space before paragraphs of `style`, as its style or the ones it is based on say."""
        if style not in self._spaces_before:
            found: ParagraphStyle | None = self._word.styles[style]
            space = None
            while found is not None and space is None:
                space = found.paragraph_format.space_before
                found = found.base_style
            self._spaces_before[style] = space or 0
        return self._spaces_before[style]

    def _style_id(self, style: str) -> str | None:
        """Return the id of the paragraph style called `style` (None for Normal), cached."""
        if style not in self._style_ids:
            found = None if style == "Normal" else self._word.styles[style].style_id
            self._style_ids[style] = found
        return self._style_ids[style]

    def _separate_tables(self) -> None:
        """Put a small empty paragraph between two tables, which Word would otherwise join.

        The one empty paragraph the writer makes, and only for two tables without a caption
        between them (the templates give every table a caption, so it does not happen there).
        """
        gap = self._word.add_paragraph().paragraph_format
        gap.space_after = Pt(0)
        gap.line_spacing = Pt(8)


def _add_spans(
    paragraph: DocxParagraph,
    spans: tuple[Span, ...],
    *,
    bold: bool = False,
    font: FontFamily | None = None,
) -> None:
    """Append the runs of each span, text literal (tabs and newlines become tabs and breaks).

    One run per span, or more where a theme's `font` lacks characters (`add_text`).
    """
    for span in spans:
        for run in add_text(paragraph, span.text, font):
            if span.strong or bold:
                run.bold = True
            if span.emphasis:
                run.italic = True
            if span.tone is not None:
                run.font.color.rgb = RGBColor.from_string(TONE_RGB[span.tone])


def _column_widths(
    relative: tuple[float, ...] | None, count: int, text_width: Length = _TEXT_WIDTH
) -> list[Length]:
    """Return column widths sharing the text width in the `relative` proportions."""
    weights = list(relative) if relative and all(w > 0 for w in relative) else [1.0] * count
    total = sum(weights)
    return [Length(int(text_width * weight / total)) for weight in weights]
