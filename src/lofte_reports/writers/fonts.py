"""The one font family of the PDF: DejaVu Sans, shipped with the package and always embedded.

DejaVu Sans draws every Swedish and Sami letter; reportlab's own fonts do not, and its
default Helvetica is never embedded. Everything the PDF writer draws uses these names.
"""

from __future__ import annotations

import functools
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "LofteSans"
FONT_NAME_BOLD = "LofteSans-Bold"
FONT_NAME_ITALIC = "LofteSans-Oblique"
FONT_NAME_BOLD_ITALIC = "LofteSans-BoldOblique"

_FILES = {
    FONT_NAME: "DejaVuSans.ttf",
    FONT_NAME_BOLD: "DejaVuSans-Bold.ttf",
    FONT_NAME_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_NAME_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_IGNORED = frozenset("\n\t")  # the writer turns these into line breaks and spaces


@functools.cache
def register_fonts() -> str:
    """Register the family once per process and return the regular font's name.

    `registerFontFamily` maps `<b>` and `<i>` in paragraphs to the bold and oblique faces.
    """
    folder = resources.files("lofte_reports") / "fonts"
    for name, filename in _FILES.items():
        with resources.as_file(folder / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT_NAME,
        normal=FONT_NAME,
        bold=FONT_NAME_BOLD,
        italic=FONT_NAME_ITALIC,
        boldItalic=FONT_NAME_BOLD_ITALIC,
    )
    return FONT_NAME


@functools.cache
def _drawable() -> frozenset[int]:
    """Return the code points the regular face has glyphs for (read once from its cmap)."""
    register_fonts()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def missing_characters(text: str) -> str:
    """Return the characters of `text` the PDF font cannot draw, in order, each once.

    The model refuses such text (emoji, control characters) rather than let the PDF show
    empty boxes; newlines and tabs are allowed because the writer turns them into layout.
    """
    drawable = _drawable()
    if drawable.issuperset(map(ord, text)):
        return ""
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in drawable and char not in _IGNORED:
            missing[char] = None
    return "".join(missing)
