"""A DOCX started from a theme's reference Word file, as pandoc's reference document works.

The reference gives styles, numbering, page setup, headers and footers; its body is
removed. Styles the writer needs but the reference lacks (a list style, a caption, the
table grid) are copied from python-docx's default template, with their numbering, so a
small reference works. The reference was checked when the theme was read (`assets`).
"""

from __future__ import annotations

import copy
import functools
import io
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from docx.shared import RGBColor
from lxml import etree

NEEDED_STYLES = (
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Number",
    "Caption",
    "Table Grid",
    "Header",
    "Footer",
)
LIST_STYLES = ("List Bullet", "List Number")
LEAD = "Lead"
# Not "Note": a word processor's tagged PDF export turns a paragraph style named like a PDF
# structure type into that type, and a /Note is a footnote that readers look for a label of.
NOTE_TEXT = "Note Text"
TABLE_TEXT = "Table Text"  # data tables' cells: smaller, as in the PDF
OWN_STYLES = (LEAD, NOTE_TEXT, TABLE_TEXT)
"""Paragraph styles of our own, added based on Normal where a template lacks them."""
TEXT_STYLES = ("Normal", *(n for n in NEEDED_STYLES if n != "Table Grid"), *OWN_STYLES)
"""Every paragraph style the writer puts text in."""
DARKENED_STYLES = ("Heading 2", "Heading 3", "Subtitle", "Caption")
"""Styles whose colour in python-docx's default template (4F81BD) is below 4.5:1 on white."""
DARK_ACCENT = RGBColor(0x36, 0x5F, 0x91)  # the template's darker shade of its accent blue
_WHITE = "#FFFFFF"
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT = ("w:t", "w:drawing", "w:pict", "w:object", "w:fldSimple", "w:instrText")


def open_reference(data: bytes, template: bytes) -> DocxDocument:
    """Return the reference document emptied of content, with every style the writer uses.

    `template` is python-docx's default template, where missing styles are copied from.
    """
    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    default = _default_document(template)
    for name in NEEDED_STYLES:
        if _has_style(word, name):
            continue
        _copy_style(word, default, name)
        if name in DARKENED_STYLES:  # the template's own colour is too light to read
            word.styles[name].font.color.rgb = DARK_ACCENT
    for name in LIST_STYLES:
        _ensure_numbering(word, default, name)
    return word


def text_colours(word: DocxDocument) -> list[tuple[str, str, str]]:
    """Return (style, text colour, background) for each style of `word` the writer writes in.

    Colours are "#RRGGBB" as the style or the styles it is based on give them, then the
    document defaults; the background is the style's shading, else white (the page).
    Styles the reference lacks are left out (the writer adds readable ones), and so is a
    style without a colour or with "auto" (black or white, whichever the background needs).
    Word stores a theme colour (w:themeColor) with its value in w:val, which is read.
    """
    defaults = word.styles.element.find(qn("w:docDefaults"))
    found: list[tuple[str, str, str]] = []
    for name in TEXT_STYLES:
        try:
            style = word.styles[name]
        except KeyError:
            continue
        chain: list[Any] = []
        while style is not None and len(chain) < 20:  # a loop of basedOn ends too
            chain.append(style.element)
            style = style.base_style
        if defaults is not None:
            chain.append(defaults)
        colour = _first(chain, ("w:rPr/w:color/@w:val", "w:rPrDefault/w:rPr/w:color/@w:val"))
        fill = _first(chain, ("w:pPr/w:shd/@w:fill", "w:rPr/w:shd/@w:fill"))
        if colour is None or colour.lower() == "auto" or len(colour) != 6:
            continue
        background = _WHITE if fill is None or len(fill) != 6 else f"#{fill.upper()}"
        found.append((name, f"#{colour.upper()}", background))
    return found


def _first(elements: list[Any], paths: tuple[str, ...]) -> str | None:
    """Return the first value any of `paths` finds, element by element (a style, then its bases)."""
    for element in elements:
        for path in paths:
            values = etree.XPath(path, namespaces={"w": W_NAMESPACE})(element)
            if values:
                return str(values[0])
    return None


def has_own_content(story: Any) -> bool:
    """Return whether a header or footer of the reference shows anything (text, picture, field)."""
    if story.is_linked_to_previous:
        return False
    element = story._element
    for tag in _CONTENT:
        for found in element.iter(qn(tag)):
            if tag != "w:t" or (found.text or "").strip():
                return True
    return False


@functools.cache
def _default_document(template: bytes) -> DocxDocument:
    """Return python-docx's default template, parsed once; it is only read from."""
    return docx.Document(io.BytesIO(template))


def _has_style(word: DocxDocument, name: str) -> bool:
    try:
        word.styles[name]
    except KeyError:
        return False
    return True


def _copy_style(word: DocxDocument, default: DocxDocument, name: str) -> None:
    """Copy the style `name` from the default template; drop links to styles the reference lacks."""
    styles = word.styles.element
    ids = set(styles.xpath("./w:style/@w:styleId"))
    element = copy.deepcopy(default.styles[name].element)
    style_id = element.get(qn("w:styleId"))
    if style_id in ids:
        element.set(qn("w:styleId"), f"Lofte{style_id}")
    for tag in ("w:basedOn", "w:next", "w:link"):
        link = element.find(qn(tag))
        if link is not None and link.get(qn("w:val")) not in ids:
            element.remove(link)
    styles.append(element)


def _ensure_numbering(word: DocxDocument, default: DocxDocument, name: str) -> None:
    """Give the list style `name` a numbering definition if it has none that exists."""
    style = word.styles[name].element
    numbering = _numbering(word)
    num_ids = style.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if num_ids and numbering.xpath(f'./w:num[@w:numId="{num_ids[0]}"]'):
        return
    source = default.part.numbering_part.element
    default_num = default.styles[name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    abstract_id = source.xpath(f'./w:num[@w:numId="{default_num}"]/w:abstractNumId/@w:val')[0]
    abstract = copy.deepcopy(source.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]')[0])
    new_abstract = _next(numbering.xpath("./w:abstractNum/@w:abstractNumId"))
    new_num = _next(numbering.xpath("./w:num/@w:numId"))
    abstract.set(qn("w:abstractNumId"), str(new_abstract))
    links = "./w:numStyleLink | ./w:styleLink | ./w:lvl/w:pStyle"
    for link in abstract.xpath(links, namespaces={"w": W_NAMESPACE}):
        link.getparent().remove(link)
    existing = numbering.xpath("./w:abstractNum")
    if existing:
        existing[-1].addnext(abstract)
    else:
        first_num = numbering.find(qn("w:num"))
        if first_num is None:
            numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{new_num}"><w:abstractNumId w:val="{new_abstract}"/>'
        "</w:num>"
    )
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is None:
        numbering.append(num)
    else:
        cleanup.addprevious(num)
    num_pr = style.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = new_num


def _numbering(word: DocxDocument) -> Any:
    """Return the numbering definitions of `word`, adding an empty part if it has none."""
    document_part = word.part
    try:
        existing: Any = document_part.part_related_by(RT.NUMBERING)
        return existing.element
    except KeyError:
        package = document_part.package
        assert package is not None
        part = NumberingPart(
            package.next_partname("/word/numbering%d.xml"),
            CT.WML_NUMBERING,
            parse_xml(f"<w:numbering {nsdecls('w')}/>"),
            package,
        )
        document_part.relate_to(part, RT.NUMBERING)
        return part.element


def _next(ids: list[str]) -> int:
    return max((int(value) for value in ids if value.isdigit()), default=0) + 1
