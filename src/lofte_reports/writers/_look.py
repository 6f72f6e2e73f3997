"""The built-in look every writer draws: colours, and the size and spacing of each text style.

One home for the look, so the PDF, the DOCX and the web page agree and a change here
changes every format alike. Values are in points and "RRGGBB" hex; a theme's `primary`
replaces `HEADING` (title, headings, rules) and its `accent` replaces `HEADER_FILL`.
Each writer maps these values to its own library's styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lofte_reports.doctree.nodes import Tone

INK = "000000"
HEADING = "1B365D"
"""Dark blue of the title, headings and rules; contrast far above 4.5:1 on white."""
MUTED = "404040"
"""Grey of notes and the page header, still 10:1 on white."""
RULE = "595959"
"""Table rules and the footer rule, where a theme gives no primary colour."""
HEADER_FILL = "E4E4E4"
"""Fill of table header rows, where a theme gives no accent colour."""
NOTICE_FILL = "FFF6D5"
"""Fill of the example-data notice box."""

TONE_RGB: dict[Tone, str] = {
    "positive": "1B6E20",
    "caution": "8A5300",
    "negative": "A50E0E",
    "neutral": "4A4A4A",
}
"""Text colours for tones, each dark enough for 4.5:1 contrast on white."""

Ink = Literal["ink", "heading", "muted"]


@dataclass(frozen=True, slots=True)
class TextLook:
    """One text style: size and line height, space before and after, weight and colour."""

    size: float
    leading: float
    space_before: float = 0.0
    space_after: float = 0.0
    bold: bool = False
    ink: Ink = "ink"


BODY = TextLook(10.5, 14.5, space_after=6)
CELL = TextLook(9.5, 12.5)

TEXT: dict[str, TextLook] = {
    "body": BODY,
    "lead": TextLook(12, 17, space_after=8),
    "note": TextLook(9, 12.5, space_after=6, ink="muted"),
    "title": TextLook(22, 27, space_after=8, bold=True, ink="heading"),
    "title_line": TextLook(12, 16, space_after=1),
    "h1": TextLook(16, 20, space_before=14, space_after=6, bold=True, ink="heading"),
    "h2": TextLook(13, 17, space_before=11, space_after=5, bold=True, ink="heading"),
    "h3": TextLook(11, 15, space_before=9, space_after=4, bold=True, ink="heading"),
    "caption": TextLook(9.5, 12.5, space_before=6, space_after=4, bold=True),
    "cell": CELL,
    "cell_note": TextLook(8.5, 11, ink="muted"),
    "cell_header": TextLook(9.5, 12.5, bold=True),
    "page_header": TextLook(8.5, 11, space_after=6, ink="muted"),
    "page_footer": TextLook(8.5, 11),
    "notice": TextLook(9.5, 12.5, space_after=6, bold=True),
    "signature_label": TextLook(10.5, 14.5),
    "signature_name": TextLook(10.5, 14.5, bold=True),
    "signature_line": TextLook(9.5, 12.5),
}
"""Every text style by name; headings are `h1`–`h3` (deeper levels use `h3`)."""

LIST_ITEM_SPACE_AFTER = 3.0
"""Space after each list item, tighter than between paragraphs."""


def ink_hex(ink: Ink, heading: str = HEADING) -> str:
    """Return the hex colour of an ink; `heading` is a theme's primary colour where it has one."""
    return {"ink": INK, "heading": heading, "muted": MUTED}[ink]
