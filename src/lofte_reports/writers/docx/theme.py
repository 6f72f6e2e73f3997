"""A theme's font and logos in a DOCX: the font named in every style, logos in the header.

Word refers to fonts by name, so the font is named in the styles by its family name. An SVG logo is stored
as Word 2016's `asvg:svgBlip` beside its PNG or JPEG fallback, which older readers show.
"""

from __future__ import annotations

import io
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.shared import Length
from docx.text.paragraph import Paragraph as DocxParagraph

from lofte_reports.doctree.nodes import Logo

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
LOGO_IDS = 90_000  # drawing ids of header logos: apart from those in the body
_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")
_BEFORE_RFONTS = ("w:rStyle",)


def set_font(word: DocxDocument, name: str) -> None:
    """Make `name` the font of the style defaults and of every style that names a font."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _name_font(rpr, name)
    for fonts in styles.xpath("./w:style/w:rPr/w:rFonts"):
        _name_font(fonts.getparent(), name)


def name_run_font(run: Any, name: str) -> None:
    """Name `name` as the font of one run, for every script (over its style's font)."""
    _name_font(run._r.get_or_add_rPr(), name)


def _name_font(rpr: Any, name: str) -> None:
    """Set every script's font in the run properties `rpr` to `name`, dropping theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))
        if style is None:
            rpr.insert(0, fonts)
        else:
            style.addnext(fonts)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(qn(attribute), name)


def add_logos(paragraph: DocxParagraph, logos: tuple[Logo, ...], height: Length) -> None:
    """Put the logos side by side in `paragraph`, each with its alternative text."""
    for number, logo in enumerate(logos):
        if number:
            paragraph.add_run("   ")
        raster = logo.image if logo.image.format != "svg" else logo.fallback
        if raster is None:  # the theme reader demands a fallback for an SVG
            raise ValueError(f"the SVG logo of {logo.alt_text!r} has no PNG or JPEG fallback")
        width = Length(int(height * logo.image.width / logo.image.height))
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(raster.data), width=width, height=height)
        inline = run._r.xpath(".//wp:inline")[-1]
        doc_pr = inline.find(qn("wp:docPr"))
        doc_pr.set("id", str(LOGO_IDS + number))
        doc_pr.set("descr", logo.alt_text)
        doc_pr.set("title", logo.alt_text)
        if logo.image.format == "svg":
            _add_svg(paragraph, inline, logo.image.data)


def _add_svg(paragraph: DocxParagraph, inline: Any, data: bytes) -> None:
    """Store the SVG itself next to the picture's fallback, as Word 2016 and later read it."""
    part = paragraph.part
    package = part.package
    assert package is not None
    svg = Part(package.next_partname("/word/media/logo%d.svg"), "image/svg+xml", data, package)
    rid = part.relate_to(svg, RT.IMAGE)
    blip = inline.xpath(".//a:blip")[0]
    extensions = parse_xml(
        f'<a:extLst {nsdecls("a", "r")}><a:ext uri="{SVG_EXTENSION}">'
        f'<asvg:svgBlip xmlns:asvg="{SVG_NAMESPACE}" r:embed="{rid}"/></a:ext></a:extLst>'
    )
    blip.append(extensions)
