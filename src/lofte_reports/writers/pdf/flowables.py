"""Small reportlab flowables the PDF writer needs beyond the stock ones, and table looks."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, HRFlowable, KeepTogether
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import UseUpSpace
from reportlab.platypus.tables import TableRenderCB

from lofte_reports.writers.pdf.fonts import BUILT_IN, FontNames
from lofte_reports.writers.pdf.styles import HEADER_FILL, RULE
from lofte_reports.writers.pdf.tagging import Element, SignatureField, Tagged, Tagger


class TaggedParagraph(Tagged, RLParagraph):  # type: ignore[misc]
    """A paragraph whose text is its structure element's content."""


class Rule(Tagged, HRFlowable):  # type: ignore[misc]
    """A horizontal line: decoration, so an artifact once tagged with no element."""


class ListItem(Flowable):  # type: ignore[misc]
    """A list item drawn as two tagged parts: its marker (Lbl) and its paragraph (LBody).

    reportlab draws a bullet inside its paragraph; a screen reader needs the marker as an
    element of its own, so it is drawn here and the paragraph has none. Split across a
    page, the marker stays with the first part.
    """

    def __init__(
        self, label: str | None, body: TaggedParagraph, tagger: Tagger, label_element: Element
    ) -> None:
        super().__init__()
        self.label, self.body = label, body
        self.tagger, self.label_element = tagger, label_element

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.body.wrap(avail_width, avail_height)[1]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = self.body.split(avail_width, avail_height)
        return [
            ListItem(self.label if at == 0 else None, part, self.tagger, self.label_element)
            for at, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        if self.label is not None:
            style = self.body.style
            lines = getattr(self.body.blPara, "lines", [])
            first = lines[0] if lines and getattr(self.body.blPara, "kind", 0) == 1 else None
            baseline = self.height - getattr(first, "ascent", style.fontSize)
            with self.tagger.marked(self.canv, self.label_element):
                self.canv.setFont(style.bulletFontName, style.bulletFontSize)
                self.canv.setFillColor(getattr(style, "bulletColor", style.textColor))
                offset = getattr(style, "bulletOffsetY", 0)
                self.canv.drawString(style.bulletIndent, baseline + offset, self.label)
        self.body.drawOn(self.canv, 0, 0)


class SignatureSpace(Flowable):  # type: ignore[misc]
    """The room to sign above a signatory's line, and there an empty signature field.

    Nothing is drawn; the place is recorded, and `archive.finish` puts a signature field
    there (described by `description`, the signatory), so each can sign in a PDF reader.
    """

    def __init__(
        self, height: float, tagger: Tagger, element: Element, name: str, description: str
    ) -> None:
        super().__init__()
        self.height, self.tagger, self.element = height, tagger, element
        self.name, self.description = name, description

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        x0, y0 = self.canv.absolutePosition(0, 0)
        x1, y1 = self.canv.absolutePosition(self.width, self.height)
        page = self.canv.getPageNumber()
        field = SignatureField(self.element, self.name, self.description, page, (x0, y0, x1, y1))
        self.tagger.fields.append(field)


class TableArtifacts(TableRenderCB):  # type: ignore[misc]
    """Makes a table's furniture artifacts: backgrounds, grid lines, cells of bare text.

    Cells of paragraphs tag themselves; a bare string cell (the empty cells of a layout
    table) is drawn as an artifact.
    """

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.opened = False

    def _open(self, table: Any) -> None:
        self.opened = self.tagger.open(table.canv)

    def _close(self, table: Any) -> None:
        if self.opened:
            self.tagger.close(table.canv)
        self.opened = False

    startBG = startLines = _open
    endBG = endLines = _close

    def startCell(self, table: Any, row: int, column: int, value: Any, *_: Any) -> None:
        if isinstance(value, str):
            self._open(table)

    def endCell(self, table: Any) -> None:
        self._close(table)

    def startTable(self, table: Any, *_: Any) -> None:
        pass

    endTable = startRow = endRow = startTable


class HeadingParagraph(Tagged, RLParagraph):  # type: ignore[misc]
    """A heading that puts a bookmark and an outline entry where it is drawn."""

    outline: tuple[str, str, int] | None = None  # (key, title, level); only on the first part

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if parts:
            parts[0].outline = self.outline
        return parts

    def draw(self) -> None:
        if self.outline is not None:
            key, title, level = self.outline
            self.canv.bookmarkHorizontal(key, 0, self.height)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
        super().draw()


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """Keeps headings and captions with the start of what follows, not with all of it.

    reportlab's own keep-with-next moves a heading and a whole long table to the next page,
    leaving the rest of the page blank; this splits the follower where it can instead.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        *keepers, follower = self._content
        if keepers and avail_height < self._H:
            needed = follower.getSpaceBefore()
            for flowable in keepers:
                height = flowable.wrapOn(self.canv, avail_width, avail_height)[1]
                needed += flowable.getSpaceBefore() + height + flowable.getSpaceAfter()
            if needed < avail_height:
                follower.wrapOn(self.canv, avail_width, avail_height - needed)
                parts = follower.splitOn(self.canv, avail_width, avail_height - needed)
                if parts:
                    # The first part was cut to fill this page: the rest starts a new one,
                    # or a table would repeat its header row further down the same page.
                    return [*keepers, parts[0], UseUpSpace(), *parts[1:]]
        result: list[Any] = super().split(avail_width, avail_height)
        return result


class DataTable(RLTable):  # type: ignore[misc]
    """A table that splits between rows, and inside a row only when the row alone is too tall.

    reportlab splitting inside rows as a rule ends a page's part early and then places the
    rest, with its repeated header row, further down the same page.
    """

    ROW_SPLIT_MIN = 3 * 12.5  # leave at least three lines of a split row on the page

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self.splitInRow: float = 0
        parts: list[Any] = super().split(avail_width, avail_height)
        frame = getattr(self, "_frame", None)
        if not parts and frame is not None and getattr(frame, "_atTop", False):
            self.splitInRow = self.ROW_SPLIT_MIN
            parts = super().split(avail_width, avail_height)
        return parts


class WholeTable(RLTable):  # type: ignore[misc]
    """A table kept on one page, split only when it starts a page and still does not fit."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            parts: list[Any] = super().split(avail_width, avail_height)
            return parts
        return []


def plain_cells(fonts: FontNames = BUILT_IN) -> list[tuple[Any, ...]]:
    """Return the look of a layout table: no padding or lines, text in the regular face."""
    return [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 10.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]


def data_table(
    fonts: FontNames = BUILT_IN, header_fill: Any = HEADER_FILL
) -> list[tuple[Any, ...]]:
    """Return the look of a data table: rules between rows, a filled header row in bold.

    Rows are ruled, columns are not: the eye follows a row, and a full grid split over
    pages reads to accessibility checkers as a drawn table no /Table element covers.
    """
    return [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 9.5),
        ("FONT", (0, 0), (-1, 0), fonts.bold, 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), header_fill),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]


PLAIN_CELLS = plain_cells()
DATA_TABLE = data_table()
