"""Small reportlab flowables the PDF writer needs beyond the stock ones, and table looks."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import UseUpSpace

from lofte_reports.writers.pdf.fonts import BUILT_IN, FontNames
from lofte_reports.writers.pdf.styles import HEADER_FILL, RULE


class HeadingParagraph(RLParagraph):  # type: ignore[misc]
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
    """Return the look of a data table: a grid, and a filled header row in the bold face."""
    return [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 9.5),
        ("FONT", (0, 0), (-1, 0), fonts.bold, 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), header_fill),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]


PLAIN_CELLS = plain_cells()
DATA_TABLE = data_table()
