"""Draw a `nodes.Document` as an A4 PDF with reportlab.

Every block's drawing goes through `_PdfBuilder._flowables`, one dispatch point that a
later tagged-PDF step can wrap. Page decorations (header, notice, page label) are drawn by
the page callback, never as part of the story. Fonts and styles are built once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from lofte_reports.nodes import (
    Block,
    Chart,
    Document,
    Heading,
    ItemList,
    Paragraph,
    Signatory,
    SignatureBlock,
    Table,
    TitleBlock,
)
from lofte_reports.writers.fonts import FONT_NAME
from lofte_reports.writers.pdf_chart import chart_flowable
from lofte_reports.writers.pdf_flowables import (
    DATA_TABLE,
    PLAIN_CELLS,
    HeadingParagraph,
    KeepWithNext,
    WholeTable,
)
from lofte_reports.writers.pdf_styles import (
    CONTENT_GAP,
    FOOTER_BASELINE_Y,
    FOOTER_RULE_Y,
    FRAME_WIDTH,
    HEADER_TOP,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MM,
    NOTICE_FILL,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    check_drawable,
    list_style,
    markup,
    styles,
)

NOTICE_PADDING = 2.5 * MM


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
        self.styles = styles()
        page = document.page
        self.header = RLParagraph(markup(page.header), self.styles.page_header)
        self.notice = (
            None if page.notice is None else RLParagraph(markup(page.notice), self.styles.notice)
        )
        self.header_height: float = (
            self.header.wrap(FRAME_WIDTH, PAGE_HEIGHT)[1] if page.header else 0.0
        )
        self.notice_height: float = 0.0
        if self.notice is not None:
            text_height = self.notice.wrap(FRAME_WIDTH - 2 * NOTICE_PADDING, PAGE_HEIGHT)[1]
            self.notice_height = text_height + 2 * NOTICE_PADDING
        self.page_label = " ".join(check_drawable(page.page_label).split())
        self.pages_drawn = 0
        self.outline_level = -1  # of the last heading; reportlab refuses jumps
        self.heading_count = 0

    @property
    def top_margin(self) -> float:
        """Return the space the header, its rule and the notice take at the top of a page."""
        top = HEADER_TOP + self.header_height + 3 * MM
        if self.notice is not None:
            top += 3 * MM + self.notice_height
        return top + CONTENT_GAP

    def render(self) -> bytes:
        """Lay out and draw the document in one pass; page labels are filled in at the end."""
        meta = self.document.metadata
        out = BytesIO()
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            PAGE_HEIGHT - self.top_margin - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        template = BaseDocTemplate(
            out,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=self.top_margin,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=list(meta.keywords),
            creator=meta.creator,
            lang=meta.language,
            invariant=1,
            displayDocTitle=1,
            keepTogetherClass=KeepWithNext,
            initialFontName=FONT_NAME,
            initialFontSize=10,
            pageTemplates=[PageTemplate("page", [frame], onPage=self._decorate)],
        )
        story = [f for block in self.document.blocks for f in self._flowables(block)]
        story = story or [Spacer(0, 0)]  # an empty document still has its one page
        template.build(story, canvasmaker=self._canvas)
        return out.getvalue()

    def _canvas(self, *args: Any, **kwargs: Any) -> Any:
        canvas = _FinishingCanvas(*args, **kwargs)
        canvas.finish = self._draw_page_labels
        return canvas

    def _decorate(self, canv: Any, _template: Any) -> None:
        """Draw the header, the notice and the page label: page furniture, not content.

        The label is a form drawn only at the end, once the number of pages is known.
        """
        self.pages_drawn = canv.getPageNumber()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = PAGE_HEIGHT - HEADER_TOP - self.header_height
        if self.header_height:
            self.header.drawOn(canv, MARGIN_LEFT, y)
        y -= 2 * MM
        canv.line(MARGIN_LEFT, y, PAGE_WIDTH - MARGIN_RIGHT, y)
        if self.notice is not None:
            y -= 3 * MM + self.notice_height
            canv.setFillColor(NOTICE_FILL)
            canv.setStrokeColor(colors.black)
            canv.setLineWidth(1)
            canv.rect(MARGIN_LEFT, y, FRAME_WIDTH, self.notice_height, stroke=1, fill=1)
            self.notice.drawOn(canv, MARGIN_LEFT + NOTICE_PADDING, y + NOTICE_PADDING)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_RULE_Y)
        canv.doForm(f"PageLabel{self.pages_drawn}")
        canv.restoreState()

    def _draw_page_labels(self, canv: Any) -> None:
        """Fill in each page's label form, now that the total is known."""
        for number in range(1, self.pages_drawn + 1):
            label = self.page_label.replace("{page}", str(number))
            canv.beginForm(f"PageLabel{number}")
            canv.setFont(FONT_NAME, 8.5)
            canv.setFillColor(colors.black)
            canv.drawRightString(
                PAGE_WIDTH - MARGIN_RIGHT,
                FOOTER_BASELINE_Y,
                label.replace("{pages}", str(self.pages_drawn)),
            )
            canv.endForm()

    def _flowables(self, block: Block) -> list[Any]:
        """Return the flowables of one block: the single place where blocks become drawing."""
        match block:
            case TitleBlock():
                return self._title(block)
            case Heading():
                return self._heading(block)
            case Paragraph():
                return [self._paragraph(block, self.styles.roles[block.role])]
            case ItemList():
                return self._list(block)
            case Table():
                return self._table(block)
            case Chart():
                return self._chart(block)
            case SignatureBlock():
                return self._signatures(block)
        raise TypeError(f"the PDF writer cannot draw {type(block).__name__}")

    @staticmethod
    def _paragraph(paragraph: Paragraph, style: Any, bullet: str | None = None) -> Any:
        text = "".join(markup(s.text, s.strong, s.emphasis, s.tone) for s in paragraph.spans)
        return RLParagraph(text, style, bulletText=bullet)

    def _title(self, block: TitleBlock) -> list[Any]:
        parts = [RLParagraph(markup(block.title), self.styles.title)]
        parts += [RLParagraph(markup(line), self.styles.title_line) for line in block.lines]
        rule = HRFlowable(width="100%", thickness=1.2, color=RULE, spaceBefore=8, spaceAfter=12)
        return [KeepTogether([*parts, rule])]

    def _heading(self, block: Heading) -> list[Any]:
        flowable = HeadingParagraph(markup(block.text), self.styles.headings[block.level])
        # Outline levels may rise by one at a time only; reportlab refuses a jump.
        self.outline_level = min(block.level - 1, self.outline_level + 1)
        self.heading_count += 1
        title = " ".join(block.text.split())
        flowable.outline = (f"h{self.heading_count}", title, self.outline_level)
        return [flowable]

    def _list(self, block: ItemList) -> list[Any]:
        numbers = range(block.start, block.start + len(block.items))
        marks = [f"{n}." for n in numbers] if block.ordered else ["\u2022"] * len(block.items)
        widest = max((stringWidth(m, FONT_NAME, 12) for m in marks), default=0.0)
        indent = round(1.5 * MM + widest + 2.5 * MM, 1)
        items = [
            self._paragraph(item, list_style(item.role, indent), mark)
            for item, mark in zip(block.items, marks, strict=True)
        ]
        return [*items, Spacer(1, 3)]

    def _table(self, block: Table) -> list[Any]:
        columns = len(block.header)
        if columns == 0:
            raise ValueError("a table needs at least one column")
        relative = block.widths or (1.0,) * columns
        if min(relative) <= 0:
            raise ValueError(f"table widths must be positive, not {relative}")
        widths = [FRAME_WIDTH * w / sum(relative) for w in relative]
        cell_styles = {
            "body": self.styles.cell,
            "lead": self.styles.cell,
            "note": self.styles.cell_note,
        }
        data = [[self._paragraph(cell, self.styles.cell_header) for cell in block.header]]
        data += [[self._paragraph(c, cell_styles[c.role]) for c in row] for row in block.rows]
        table = RLTable(
            data,
            colWidths=widths,
            repeatRows=1,
            splitByRow=1,
            splitInRow=3 * 12.5,  # a row taller than a page splits, leaving at least 3 lines
            hAlign="LEFT",
            style=DATA_TABLE,
            spaceAfter=4 * MM,
        )
        if block.caption is None:
            return [table]
        return [RLParagraph(markup(block.caption), self.styles.caption), table]

    def _chart(self, block: Chart) -> list[Any]:
        caption = RLParagraph(markup(block.title), self.styles.caption)
        return [caption, chart_flowable(block, FRAME_WIDTH), Spacer(1, 4 * MM)]

    def _signatures(self, block: SignatureBlock) -> list[Any]:
        """Place and date, then two signatories per row: room to sign, a line, who signs.

        One table on a 5-column grid (label, value, gap, label, value), kept on one page.
        """
        column = (FRAME_WIDTH - _GUTTER) / 2
        label_style = self.styles.signature_label
        first: list[Any] = []
        widths: list[float] = []
        style: list[Any] = [*PLAIN_CELLS, ("BOTTOMPADDING", (0, 1), (-1, -1), 5 * MM)]
        for label, value in ((block.place_label, block.place), (block.date_label, block.date)):
            label_width = min(column / 2, stringWidth(f"{label}:", FONT_NAME, 10.5) + 6)
            if value is None:  # a line to write on
                at = len(first) + 1
                style.append(("LINEBELOW", (at, 0), (at, 0), 0.8, colors.black))
            filled = "" if value is None else RLParagraph(markup(value), label_style)
            first += [RLParagraph(markup(f"{label}:"), label_style), filled, ""]
            widths += [label_width, column - label_width, _GUTTER]
        rows = [first[:-1]]
        people = [self._signatory(person) for person in block.signatories]
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
        )
        return [table]

    def _signatory(self, person: Signatory) -> list[Any]:
        return [
            Spacer(1, 16 * MM),
            HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceAfter=4),
            RLParagraph(markup(person.name), self.styles.signature_name),
            RLParagraph(markup(person.title), self.styles.signature_line),
            RLParagraph(markup(person.organisation), self.styles.signature_line),
        ]


_GUTTER = 12 * MM
