"""Draw a `nodes.Document` as an A4 PDF with reportlab: tagged (PDF/UA-1), for the archive (PDF/A-2a).

Every block becomes flowables in `_PdfBuilder._flowables`, which also makes the block's
structure elements (`tagging`), in document order. Page decorations (header, notice,
page label) are drawn by the page callback as artifacts, never as part of the story; the
notice is content once, on the first page. `archive.finish` writes the structure tree and
the archive's metadata after the build. Fonts and styles are built once per process.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph

from lofte_reports.doctree.nodes import (
    Block,
    Chart,
    Document,
    Heading,
    ItemList,
    Logo,
    Paragraph,
    Signatory,
    SignatureBlock,
    Table,
    TitleBlock,
    Tone,
    unknown_block,
)
from lofte_reports.writers._common import document_time
from lofte_reports.writers._look import TEXT
from lofte_reports.writers._page import side_margins_mm
from lofte_reports.writers.pdf.archive import finish
from lofte_reports.writers.pdf.chart import chart_flowable, draw_in_font
from lofte_reports.writers.pdf.flowables import (
    DataTable,
    HeadingParagraph,
    KeepWithNext,
    ListItem,
    Rule,
    SignatureSpace,
    TableArtifacts,
    TaggedParagraph,
    WholeTable,
    data_table,
    plain_cells,
)
from lofte_reports.writers.pdf.fonts import register_family
from lofte_reports.writers.pdf.styles import (
    CONTENT_GAP,
    FOOTER_BASELINE_Y,
    FOOTER_RULE_Y,
    HEADER_FILL,
    HEADER_TOP,
    HEADING_HEX,
    MARGIN_BOTTOM,
    MM,
    MUTED_INK,
    NOTICE_FILL,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    check_drawable,
    list_style,
    markup,
    styles,
)
from lofte_reports.writers.pdf.tagging import Element, Tagger

NOTICE_PADDING = 2.5 * MM
LOGO_GAP = 4 * MM  # between logos, and between the logos and the header text
FOOTER_SIZE = TEXT["page_footer"].size


def write_pdf(document: Document) -> bytes:
    """Return the PDF of `document`; the same document always gives the same bytes."""
    return _PdfBuilder(document).render()


class _FinishingCanvas(Canvas):  # type: ignore[misc]
    """A canvas that calls `finish` just before it saves, to draw what needs the page count."""

    finish: Callable[[Any], None] | None = None

    def save(self) -> None:
        if self.finish is not None:
            self.finish(self)
        super().save()


class _PdfBuilder:
    """Builds one document; holds what the page callback and the outline need."""

    def __init__(self, document: Document) -> None:
        self.document = document
        look = document.style
        self.font = look.font
        self.fonts = register_family(look.font)
        self.heading_colour = look.primary or HEADING_HEX
        self.language = document.metadata.language
        self.styles = styles(self.fonts, self.heading_colour, self.language)
        self.rule = RULE if look.primary is None else colors.HexColor(look.primary)
        self.table_style = data_table(
            self.fonts, HEADER_FILL if look.accent is None else colors.HexColor(look.accent)
        )
        margins = look.margins
        left, right = side_margins_mm(margins)
        self.margin_left, self.margin_right = left * MM, right * MM
        self.margin_bottom = MARGIN_BOTTOM
        if margins.bottom is not None:  # never over the footer
            self.margin_bottom = max(margins.bottom * MM, FOOTER_RULE_Y + 4 * MM)
        self.frame_width = PAGE_WIDTH - self.margin_left - self.margin_right
        page = document.page
        self.logos = _Logos(look.logos, look.logo_height * MM, self.frame_width)
        header_text = "\n".join(text for text in (look.header, page.header) if text)
        header_style = self.styles.page_header_right if self.logos else self.styles.page_header
        self.header = RLParagraph(self._markup(header_text), header_style)
        self.header_width = self.frame_width - (self.logos.width + LOGO_GAP if self.logos else 0)
        self.notice = (
            None
            if page.notice is None
            else RLParagraph(self._markup(page.notice), self.styles.notice)
        )
        self.text_height: float = (
            self.header.wrap(self.header_width, PAGE_HEIGHT)[1] if header_text else 0.0
        )
        self.header_height = max(self.text_height, self.logos.height)
        self.notice_height: float = 0.0
        self.notice_y: float = 0.0  # where the page callback draws the notice
        if self.notice is not None:
            text_height = self.notice.wrap(self.frame_width - 2 * NOTICE_PADDING, PAGE_HEIGHT)[1]
            self.notice_height = text_height + 2 * NOTICE_PADDING
        self.page_label = " ".join(check_drawable(page.page_label, self.font).split())
        self.footer_lines = self._footer_lines(look.footer)
        self.pages_drawn = 0
        self.outline_level = -1  # of the last heading; reportlab refuses jumps
        self.heading_count = 0
        self.tagger = Tagger()
        self.root = self.tagger.root
        # The notice is read first: it says how to take everything after it.
        self.notice_element = None if self.notice is None else self.root.add("P")
        self.title_offset = int(any(isinstance(b, TitleBlock) for b in document.blocks))

    def _markup(
        self, text: str, strong: bool = False, emphasis: bool = False, tone: Tone | None = None
    ) -> str:
        return markup(text, strong, emphasis, tone, self.font)

    def _footer_lines(self, text: str) -> list[str]:
        """Return a theme's footer text broken into lines that leave room for the page label."""
        if not text:
            return []
        widest_label = self.page_label.replace("{page}", "999").replace("{pages}", "999")
        label_width = stringWidth(widest_label, self.fonts.regular, FOOTER_SIZE)
        width = self.frame_width - label_width - 6 * MM
        return [
            line
            for paragraph in check_drawable(text, self.font).split("\n")
            for line in simpleSplit(
                paragraph.replace("\t", " "), self.fonts.regular, FOOTER_SIZE, width
            )
        ]

    @property
    def top_margin(self) -> float:
        """Return the space the header, its rule and the notice take at the top of a page.

        A theme's top margin may ask for more, never for less (the header would cover text).
        """
        top = HEADER_TOP + self.header_height + 3 * MM
        if self.notice is not None:
            top += 3 * MM + self.notice_height
        top += CONTENT_GAP
        wanted = self.document.style.margins.top
        return top if wanted is None else max(top, wanted * MM)

    def render(self) -> bytes:
        """Lay out and draw the document in one pass; page labels are filled in at the end."""
        meta = self.document.metadata
        when = document_time(meta)  # first: reportlab's invariant mode reads the same variable
        out = BytesIO()
        frame = Frame(
            self.margin_left,
            self.margin_bottom,
            self.frame_width,
            PAGE_HEIGHT - self.top_margin - self.margin_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        template = BaseDocTemplate(
            out,
            pagesize=A4,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.top_margin,
            bottomMargin=self.margin_bottom,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=list(meta.keywords),
            creator=meta.creator,
            lang=meta.language,
            invariant=1,
            displayDocTitle=1,
            keepTogetherClass=KeepWithNext,
            initialFontName=self.fonts.regular,
            initialFontSize=10,
            pageTemplates=[PageTemplate("page", [frame], onPage=self._decorate)],
        )
        story = [f for block in self.document.blocks for f in self._flowables(block)]
        story = story or [Spacer(0, 0)]  # an empty document still has its one page
        template.build(story, canvasmaker=self._canvas)
        return finish(out.getvalue(), self.tagger, when)

    def _canvas(self, *args: Any, **kwargs: Any) -> Any:
        canvas = _FinishingCanvas(*args, **kwargs)
        canvas.finish = self._draw_page_labels
        return canvas

    def _decorate(self, canv: Any, _template: Any) -> None:
        """Draw the header, the notice and the page label: page furniture, not content.

        The header holds a theme's logos (left) and header text beside the running header.
        The label is a form drawn only at the end, once the number of pages is known.
        """
        self.pages_drawn = canv.getPageNumber()
        with self.tagger.artifact(canv, "Pagination"):
            self._draw_furniture(canv)
        if self.notice is not None:
            notice = self.notice_element if self.pages_drawn == 1 else None
            with self.tagger.marked(canv, notice) if notice else self.tagger.artifact(canv):
                self.notice.drawOn(canv, self.margin_left + NOTICE_PADDING, self.notice_y)

    def _draw_furniture(self, canv: Any) -> None:
        left, right = self.margin_left, PAGE_WIDTH - self.margin_right
        canv.saveState()
        canv.setStrokeColor(self.rule)
        canv.setLineWidth(0.5)
        y = PAGE_HEIGHT - HEADER_TOP - self.header_height
        if self.logos:
            logos_y = y + (self.header_height - self.logos.height) / 2
            self.logos.draw(canv, left, logos_y, self.fonts.regular)
        if self.text_height:
            x = right - self.header_width if self.logos else left
            self.header.drawOn(canv, x, y + (self.header_height - self.text_height) / 2)
        y -= 2 * MM
        canv.line(left, y, right, y)
        if self.notice is not None:
            y -= 3 * MM + self.notice_height
            canv.setFillColor(NOTICE_FILL)
            canv.setStrokeColor(colors.black)
            canv.setLineWidth(1)
            canv.rect(left, y, self.frame_width, self.notice_height, stroke=1, fill=1)
            self.notice_y = y + NOTICE_PADDING
        canv.setStrokeColor(self.rule)
        canv.setLineWidth(0.5)
        canv.line(left, FOOTER_RULE_Y, right, FOOTER_RULE_Y)
        if self.footer_lines:
            canv.setFont(self.fonts.regular, FOOTER_SIZE)
            canv.setFillColor(MUTED_INK)
            for number, line in enumerate(self.footer_lines):
                canv.drawString(left, FOOTER_BASELINE_Y - number * 1.2 * FOOTER_SIZE, line)
        canv.doForm(f"PageLabel{self.pages_drawn}")
        canv.restoreState()

    def _draw_page_labels(self, canv: Any) -> None:
        """Fill in each page's label form, now that the total is known."""
        for number in range(1, self.pages_drawn + 1):
            label = self.page_label.replace("{page}", str(number))
            canv.beginForm(f"PageLabel{number}")
            canv.setFont(self.fonts.regular, FOOTER_SIZE)
            canv.setFillColor(colors.black)
            canv.drawRightString(
                PAGE_WIDTH - self.margin_right,
                FOOTER_BASELINE_Y,
                label.replace("{pages}", str(self.pages_drawn)),
            )
            canv.endForm()

    def _flowables(self, block: Block) -> list[Any]:
        """Return the flowables of one block, and make its structure elements (in order)."""
        match block:
            case TitleBlock():
                return self._title(block)
            case Heading():
                return self._heading(block)
            case Paragraph():
                style = self.styles.roles[block.role]
                return [self._paragraph(block, style, self.root.add("P"))]
            case ItemList():
                return self._list(block)
            case Table():
                return self._table(block)
            case Chart():
                return self._chart(block)
            case SignatureBlock():
                return self._signatures(block)
            case _:
                return unknown_block(block, "the PDF writer")

    def _paragraph(self, paragraph: Paragraph, style: Any, element: Element | None) -> Any:
        """Return the paragraph, tagged as `element` (None: nothing to read, an artifact)."""
        spans = paragraph.spans
        text = "".join(self._markup(s.text, s.strong, s.emphasis, s.tone) for s in spans)
        return TaggedParagraph(text, style).tag(self.tagger, element if text else None)

    def _text(self, text: str, style: Any, element: Element) -> Any:
        return TaggedParagraph(self._markup(text), style).tag(self.tagger, element)

    def _rule(self, **kw: Any) -> Any:
        return Rule(**kw).tag(self.tagger, None)

    def _title(self, block: TitleBlock) -> list[Any]:
        parts = [self._text(block.title, self.styles.title, self.root.add("H1"))]
        parts += [
            self._text(line, self.styles.title_line, self.root.add("P")) for line in block.lines
        ]
        rule = self._rule(
            width="100%", thickness=1.2, color=self.rule, spaceBefore=8, spaceAfter=12
        )
        return [KeepTogether([*parts, rule])]

    def _heading(self, block: Heading) -> list[Any]:
        style = self.styles.headings[block.level]
        # Levels may rise by one at a time only, in the outline and in the tags alike.
        self.outline_level = min(block.level - 1, self.outline_level + 1)
        element = self.root.add(f"H{self.outline_level + 1 + self.title_offset}")
        flowable = HeadingParagraph(self._markup(block.text), style).tag(self.tagger, element)
        self.heading_count += 1
        title = " ".join(block.text.split())
        flowable.outline = (f"h{self.heading_count}", title, self.outline_level)
        return [flowable]

    def _list(self, block: ItemList) -> list[Any]:
        numbers = range(block.start, block.start + len(block.items))
        marks = [f"{n}." for n in numbers] if block.ordered else ["\u2022"] * len(block.items)
        widest = max((stringWidth(m, self.fonts.regular, 12) for m in marks), default=0.0)
        indent = round(1.5 * MM + widest + 2.5 * MM, 1)
        element = self.root.add("L")
        items = []
        for item, mark in zip(block.items, marks, strict=True):
            entry = element.add("LI")
            label = entry.add("Lbl")
            style = list_style(item.role, indent, self.fonts, self.heading_colour, self.language)
            body = self._paragraph(item, style, entry.add("LBody"))
            items.append(ListItem(mark, body, self.tagger, label))
        return [*items, Spacer(1, 3)]

    def _table(self, block: Table) -> list[Any]:
        """Return the table: header cells TH (scope Column), the rest TD, grid as artifact.

        The header row repeats on every page the table spans; the repeats are artifacts.
        """
        columns = len(block.header)
        if columns == 0:
            raise ValueError("a table needs at least one column")
        relative = block.widths or (1.0,) * columns
        if min(relative) <= 0:
            raise ValueError(f"table widths must be positive, not {relative}")
        widths = [self.frame_width * w / sum(relative) for w in relative]
        cell_styles = {
            "body": self.styles.cell,
            "lead": self.styles.cell,
            "note": self.styles.cell_note,
        }
        element = self.root.add("Table")
        caption = (
            None
            if block.caption is None
            else self._text(block.caption, self.styles.caption, element.add("Caption"))
        )
        head = element.add("THead").add("TR")
        data = [
            [
                self._paragraph(cell, self.styles.cell_header, head.add("TH", scope="Column"))
                for cell in block.header
            ]
        ]
        body = element.add("TBody")
        for row in block.rows:
            tr = body.add("TR")
            data.append([self._paragraph(c, cell_styles[c.role], tr.add("TD")) for c in row])
        table = DataTable(
            data,
            colWidths=widths,
            repeatRows=1,
            splitByRow=1,
            hAlign="LEFT",
            style=self.table_style,
            spaceAfter=4 * MM,
            renderCB=TableArtifacts(self.tagger),
        )
        return [table] if caption is None else [caption, table]

    def _chart(self, block: Chart) -> list[Any]:
        caption = self._text(block.title, self.styles.caption, self.root.add("P"))
        chart = chart_flowable(
            block, self.frame_width, self.fonts.regular, self.font, self.document.metadata.language
        )
        chart.tag(self.tagger, self.root.add("Figure", alt=block.alt_text))
        return [caption, chart, Spacer(1, 4 * MM)]

    def _signatures(self, block: SignatureBlock) -> list[Any]:
        """Place and date, then two signatories per row: room to sign, a line, who signs.

        One table on a 5-column grid (label, value, gap, label, value), kept on one page,
        for the layout only: its structure is a Div of paragraphs in reading order.
        """
        column = (self.frame_width - _GUTTER) / 2
        label_style = self.styles.signature_label
        element = self.root.add("Div")
        first: list[Any] = []
        widths: list[float] = []
        style: list[Any] = [*plain_cells(self.fonts), ("BOTTOMPADDING", (0, 1), (-1, -1), 5 * MM)]
        for label, value in block.place_and_date:
            label_width = min(column / 2, stringWidth(f"{label}:", self.fonts.regular, 10.5) + 6)
            widths += [label_width, column - label_width, _GUTTER]
            if block.dateline is not None:
                continue
            line = element.add("P")
            if value is None:  # a line to write on
                at = len(first) + 1
                style.append(("LINEBELOW", (at, 0), (at, 0), 0.8, colors.black))
            filled = "" if value is None else self._text(value, label_style, line)
            first += [self._text(f"{label}:", label_style, line), filled, ""]
        if block.dateline is not None:  # one line instead of the place and date rows
            dateline = self._text(block.dateline, label_style, element.add("P"))
            first = [dateline, "", "", "", "", ""]
            style.append(("SPAN", (0, 0), (4, 0)))
        rows = [first[:-1]]
        people = [
            self._signatory(person, element, number)
            for number, person in enumerate(block.signatories, 1)
        ]
        for at in range(0, len(people), 2):
            row = len(rows)
            rows.append([people[at], "", "", people[at + 1] if at + 1 < len(people) else "", ""])
            style += [("SPAN", (0, row), (1, row)), ("SPAN", (3, row), (4, row))]
        table = WholeTable(
            rows,
            colWidths=widths[:-1],
            rowHeights=[9 * MM] + [None] * (len(rows) - 1),
            style=style,
            hAlign="LEFT",
            spaceBefore=6 * MM,
            renderCB=TableArtifacts(self.tagger),
        )
        return [table]

    def _signatory(self, person: Signatory, element: Element, number: int) -> list[Any]:
        """Return room to sign (an empty signature field), a line, then who signs."""
        who = ", ".join(text for text in (person.name, person.title, person.organisation) if text)
        field = f"signatory-{number}"
        return [
            SignatureSpace(16 * MM, self.tagger, element.add("Form"), field, who),
            self._rule(width="100%", thickness=0.8, color=colors.black, spaceAfter=4),
            self._text(person.name, self.styles.signature_name, element.add("P")),
            self._text(person.title, self.styles.signature_line, element.add("P")),
            self._text(person.organisation, self.styles.signature_line, element.add("P")),
        ]


_GUTTER = 12 * MM


class _Logos:
    """A theme's logos side by side at one height, shrunk together if they would be too wide.

    PNG and JPEG are embedded once and drawn by reference on each page; an SVG is drawn as
    vector graphics (svglib, imported only when a logo is an SVG).
    """

    def __init__(self, logos: tuple[Logo, ...], height: float, frame_width: float) -> None:
        self.items: list[tuple[Logo, Any, float]] = []
        widths = [height * logo.image.width / logo.image.height for logo in logos]
        room = 0.6 * frame_width - LOGO_GAP * max(0, len(logos) - 1)
        scale = min(1.0, room / sum(widths)) if widths else 1.0
        self.height = height * scale if logos else 0.0
        for logo, width in zip(logos, widths, strict=True):
            self.items.append((logo, _drawable(logo), width * scale))
        self.width = sum(width for _, _, width in self.items)
        self.width += LOGO_GAP * max(0, len(self.items) - 1)

    def __bool__(self) -> bool:
        return bool(self.items)

    def draw(self, canv: Any, x: float, y: float, font_name: str) -> None:
        """Draw the logos from (x, y), their lower left corner, rightwards.

        `font_name` is the (embedded) font an SVG's drawing starts with; it holds no text.
        """
        for logo, drawable, width in self.items:
            if logo.image.format == "svg":
                canv.saveState()
                canv.translate(x, y)
                canv.scale(width / drawable.width, self.height / drawable.height)
                draw_in_font(drawable, canv, 0, 0, font_name)
                canv.restoreState()
            else:
                canv.drawImage(drawable, x, y, width, self.height, mask="auto")
            x += width + LOGO_GAP


def _drawable(logo: Logo) -> Any:
    """Return what reportlab draws a logo from: an image reader, or an SVG's Drawing."""
    if logo.image.format == "svg":
        from svglib.svglib import svg2rlg

        # Bytes, not a path: svglib then follows no reference to another file.
        drawing = svg2rlg(io.BytesIO(logo.image.data), resolve_entities=False)
        if drawing is None:
            raise ValueError(f"the SVG logo of {logo.alt_text!r} cannot be drawn")
        return drawing
    return ImageReader(io.BytesIO(logo.image.data))
