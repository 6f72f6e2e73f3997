"""The one font family of the PDF: DejaVu Sans, shipped with the package and always embedded.

DejaVu Sans draws every Swedish and Sami letter; reportlab's own fonts do not, and its
default Helvetica is never embedded. Everything the PDF writer draws uses these names.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from lofte_reports.doctree.nodes import FontFamily
from lofte_reports.fonts.coverage import shipped_face

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


@functools.cache
def register_fonts() -> str:
    """Register the family once per process and return the regular font's name.

    `registerFontFamily` maps `<b>` and `<i>` in paragraphs to the bold and oblique faces.
    """
    _fix_to_unicode_cmap()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(shipped_face(filename))))
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


# A theme's own font family, registered once per process for each set of files.


@dataclass(frozen=True, slots=True)
class FontNames:
    """The reportlab names of a family's four faces (a missing face names another one)."""

    regular: str = FONT_NAME
    bold: str = FONT_NAME_BOLD
    italic: str = FONT_NAME_ITALIC
    bold_italic: str = FONT_NAME_BOLD_ITALIC


BUILT_IN = FontNames()


def register_family(family: FontFamily | None) -> FontNames:
    """Register a theme's family (once per process per set of files) and return its names.

    None gives the built-in DejaVu Sans. A missing bold or italic face is drawn with the
    regular one; a missing bold italic with bold, else italic.
    """
    if family is None:
        register_fonts()
        return BUILT_IN
    return _register_faces(family.regular, family.bold, family.italic, family.bold_italic)


@functools.cache
def _register_faces(
    regular: bytes, bold: bytes | None, italic: bytes | None, bold_italic: bytes | None
) -> FontNames:
    register_fonts()  # also fixes the ToUnicode maps for every font
    digest = hashlib.sha256()
    for face in (regular, bold, italic, bold_italic):
        digest.update(b"-" if face is None else hashlib.sha256(face).digest())
    base = f"LofteTheme-{digest.hexdigest()[:16]}"
    names: dict[str, str] = {}
    for suffix, data in (
        ("", regular),
        ("-Bold", bold),
        ("-Italic", italic),
        ("-BoldItalic", bold_italic),
    ):
        if data is not None:
            names[suffix] = base + suffix
            pdfmetrics.registerFont(TTFont(base + suffix, io.BytesIO(data)))
    bold_name = names.get("-Bold", base)
    italic_name = names.get("-Italic", base)
    both = names.get("-BoldItalic") or names.get("-Bold") or names.get("-Italic") or base
    pdfmetrics.registerFontFamily(
        base, normal=base, bold=bold_name, italic=italic_name, boldItalic=both
    )
    return FontNames(base, bold_name, italic_name, both)
