"""The page every format lays out: A4 portrait, the same margins and header distance.

Both writers take their defaults from here, so a document has the same text width in the
PDF and in Word, and a theme's margins (in millimetres) replace the same values in both.
"""

from __future__ import annotations

from lofte_reports.doctree.nodes import Margins

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
SIDE_MARGIN_MM = 25.0
"""Left and right margins."""
TOP_MARGIN_MM = 25.0
"""Word's top margin; the PDF makes room for its drawn header instead, never less."""
BOTTOM_MARGIN_MM = 24.0
HEADER_DISTANCE_MM = 12.0
"""From the top edge to the page header (and from the bottom edge to the footer)."""


def side_margins_mm(margins: Margins) -> tuple[float, float]:
    """Return the left and right margins, a theme's where it gives them."""
    left = SIDE_MARGIN_MM if margins.left is None else margins.left
    right = SIDE_MARGIN_MM if margins.right is None else margins.right
    return left, right


def text_width_mm(margins: Margins) -> float:
    """Return the width between the margins."""
    left, right = side_margins_mm(margins)
    return PAGE_WIDTH_MM - left - right
