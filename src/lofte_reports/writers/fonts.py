"""The one font family of the PDF: DejaVu Sans, shipped with the package and always embedded.

DejaVu Sans draws every Swedish and Sami letter; reportlab's own fonts do not, and its
default Helvetica is never embedded. Everything the PDF writer draws uses these names.
"""

from __future__ import annotations

import functools
from importlib import resources

from reportlab.pdfbase import pdfmetrics, ttfonts
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
    _fix_to_unicode_cmap()
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
def _fix_to_unicode_cmap() -> None:
    """Make reportlab write characters beyond U+FFFF (e.g. U+1F600) as UTF-16 in ToUnicode maps.

    reportlab 5.1 writes them as five hex digits, which is invalid: readers, search and copy
    then lose the character although the glyph is drawn. BMP entries stay byte-identical.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "lofte_fixed", False):
        return

    def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap: str = original(fontname, subset)
        for code, char in enumerate(subset):
            if char > 0xFFFF:
                utf16 = chr(char).encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"<{code:02X}> <{char:04X}>", f"<{code:02X}> <{utf16}>")
        return cmap

    to_unicode_cmap.lofte_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


@functools.cache
def _drawable() -> frozenset[int]:
    """Return the code points all four faces have glyphs for, read once from their cmaps.

    All four, because any text may end up bold or italic (headings, names, `<b>` spans).
    """
    register_fonts()
    faces = [frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name in _FILES]
    return frozenset.intersection(*faces)


def missing_characters(text: str) -> str:
    """Return the characters of `text` the PDF fonts cannot draw, in order, each once.

    The model refuses such text (most emoji, CJK, control characters) rather than let the
    PDF show empty boxes; newlines and tabs are allowed because the writer lays them out.
    DejaVu Sans does draw a few emoji in black and white (e.g. U+1F600), so those pass.
    """
    drawable = _drawable()
    if drawable.issuperset(map(ord, text)):
        return ""
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in drawable and char not in _IGNORED:
            missing[char] = None
    return "".join(missing)
