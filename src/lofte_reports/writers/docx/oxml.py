"""WordprocessingML that python-docx has no public API for, each a few lines of oxml.

Kept apart from `writer.py` so that the writer reads as "one node, one method" and the
XML details (element order, attribute names) live in one place.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

# Children of w:rPr that must follow w:lang, and of w:trPr that follow each flag.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
# Children of w:settings that follow w:autoHyphenation (ECMA-376 Part 1, 17.15.1.78).
_AFTER_AUTO_HYPHENATION = (
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
# Word's bullet: a private-use character drawn in the Symbol font (any element class: XPath
# objects, as a numbering part may be parsed by python-docx or be a plain XML part).
_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_SYMBOL_BULLETS = etree.XPath('./w:abstractNum/w:lvl/w:lvlText[@w:val="\uf0b7"]', namespaces=_W)
_SYMBOL_FONTS = etree.XPath('./w:rPr/w:rFonts[@w:ascii="Symbol"]', namespaces=_W)
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>{}</Application></Properties>'
)


def set_language(word: DocxDocument, language: str) -> None:
    """Make `language` the language of all text: style defaults, Normal style and settings.

    The default template says en-US, which makes spell-checkers and LibreOffice's PDF
    export treat Swedish text as English. Its `stylesWithEffects` part, a stale copy of
    the styles for Word 2010 that still says en-US (and knows none of our styles), is
    dropped: Word reads `styles.xml`.
    """
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            del word.part.rels[rid]
    styles = word.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    _set_lang(_child(rpr_default, "w:rPr"), language)
    normal = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    if normal is not None:
        _set_lang(normal.get_or_add_rPr(), language)
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)


def plain_bullets(word: DocxDocument) -> None:
    """Make Word's Symbol-font bullets (U+F0B7, a private-use character) a real "•".

    The bullet looks the same, but LibreOffice's tagged PDF puts the bullet into the list
    item's text, where U+F0B7 means nothing to a screen reader or to copy and paste.
    """
    try:
        numbering = word.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:  # no lists defined at all
        return
    for text in _SYMBOL_BULLETS(numbering):
        text.set(qn("w:val"), "\N{BULLET}")
        for fonts in _SYMBOL_FONTS(text.getparent()):
            fonts.getparent().remove(fonts)


def set_auto_hyphenation(word: DocxDocument) -> None:
    """Let Word and LibreOffice hyphenate, so narrow table columns break words at syllables.

    Without `w:autoHyphenation` Word never hyphenates and a long Swedish compound in a
    narrow column is broken mid-word without a hyphen.
    """
    settings = word.settings.element
    flag = settings.find(qn("w:autoHyphenation"))
    if flag is None:
        flag = settings.insert_element_before(
            OxmlElement("w:autoHyphenation"), *_AFTER_AUTO_HYPHENATION
        )
    flag.set(qn("w:val"), "true")


def _set_lang(rpr: Any, language: str) -> None:
    """Set `w:lang/@w:val` in the run properties `rpr`, adding `w:lang` where it belongs."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(OxmlElement("w:lang"), *_AFTER_LANG)
    lang.set(qn("w:val"), language)
    if lang.get(qn("w:eastAsia")) == "en-US":  # the template's; text in CJK scripts is not ours
        lang.set(qn("w:eastAsia"), language)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    """Return `parent`'s child `tag`, adding it (first or last) when missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


def add_field(paragraph: DocxParagraph, instruction: str, cached: str) -> None:
    """Append a field (e.g. PAGE) as field characters: begin, instruction, result, end."""
    paragraph.add_run()._r.append(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_fld_char("separate"))
    paragraph.add_run(cached)
    paragraph.add_run()._r.append(_fld_char("end"))


def _fld_char(kind: str) -> Any:
    """Return a `w:fldChar` of `kind` (begin, separate or end)."""
    return parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>')


def mark_header_row(row: _Row) -> None:
    """Mark `row` as a header row that Word and LibreOffice repeat on every page."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:tblHeader")) is None:
        trpr.insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TBL_HEADER)


def keep_row_together(row: _Row) -> None:
    """Forbid a page break inside `row`."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANT_SPLIT)


def set_table_caption(table: DocxTable, caption: str) -> None:
    """Set the table's own title (`w:tblCaption`), which screen readers announce."""
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    description = tbl_pr.find(qn("w:tblDescription"))
    if description is None:
        tbl_pr.append(element)
    else:
        description.addprevious(element)


def restarted_num_id(word: DocxDocument, style_name: str, start: int) -> int:
    """Return the id of a new `w:num` that numbers like `style_name` but starts at `start`.

    The "List Number" style refers to one `w:num`, so its lists would number on from
    each other; a `w:num` per list with a start override restarts each one.
    """
    style_num = word.styles[style_name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    numbering = word.part.numbering_part.element
    abstract = numbering.xpath(f'./w:num[@w:numId="{style_num[0]}"]/w:abstractNumId/@w:val')
    num_id = max((int(n) for n in numbering.xpath("./w:num/@w:numId")), default=0) + 1
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract[0]}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
    )
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is None:
        numbering.append(num)
    else:
        cleanup.addprevious(num)
    return num_id


def set_numbering(paragraph: DocxParagraph, num_id: int) -> None:
    """Number `paragraph` with the `w:num` `num_id`, at the top list level."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


Line = tuple[float, str]
"""A border line: its width in points and its "RRGGBB" colour."""

# Schema orders (ECMA-376 Part 1): children of w:pPr, w:tcPr and w:tblPr, and the sides of
# each kind of border element. A child in the wrong place makes Word call the file damaged.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
    "w:tblDescription", "w:tblPrChange",
)  # fmt: skip
_SIDES = {
    "w:pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "w:tcBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "w:tblBorders": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "w:tblCellMar": ("top", "left", "bottom", "right"),
}


def set_child(parent: Any, child: Any, order: tuple[str, ...]) -> Any:
    """Put `child` into `parent` where the schema `order` wants it, replacing one of its kind."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = order[order.index(_prefixed(child.tag)) + 1 :]
    parent.insert_element_before(child, *later)
    return child


def _prefixed(tag: str) -> str:
    """Return "w:name" for "{namespace}name" (the form the order tuples use)."""
    return "w:" + tag.rsplit("}", 1)[-1]


def eighths(points: float) -> str:
    """Return a border width in eighths of a point, within Word's range (2 to 96)."""
    return str(min(96, max(2, round(points * 8))))


def borders(tag: str, sides: dict[str, Line | None], space: float = 0) -> Any:
    """Return a border element `tag` with a line on each side given; None draws none there."""
    element = OxmlElement(tag)
    for side in _SIDES[tag]:
        if side not in sides:
            continue
        edge = OxmlElement(f"w:{side}")
        line = sides[side]
        if line is None:
            edge.set(qn("w:val"), "nil")
        else:
            width, colour = line
            for name, value in (
                ("w:val", "single"),
                ("w:sz", eighths(width)),
                ("w:space", str(round(space))),
                ("w:color", colour),
            ):
                edge.set(qn(name), value)
        element.append(edge)
    return element


def shading(fill: str) -> Any:
    """Return a `w:shd` that fills with the colour `fill` ("RRGGBB")."""
    element = OxmlElement("w:shd")
    for name, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        element.set(qn(name), value)
    return element


def set_paragraph_borders(ppr: Any, space: float = 1, **sides: Line | None) -> None:
    """Draw lines at the given sides of a paragraph (or paragraph style) properties `ppr`."""
    set_child(ppr, borders("w:pBdr", sides, space), _PPR_ORDER)


def set_paragraph_shading(ppr: Any, fill: str) -> None:
    """Fill a paragraph's (or paragraph style's) background with `fill`."""
    set_child(ppr, shading(fill), _PPR_ORDER)


def remove_children(parent: Any, *tags: str) -> None:
    """Remove every child of `parent` named in `tags` (e.g. "w:pBdr")."""
    for tag in tags:
        for old in parent.findall(qn(tag)):
            parent.remove(old)


def set_cell_borders(cell: _Cell, **sides: Line | None) -> None:
    """Draw lines at the given sides of one table cell, over the table's own borders."""
    set_child(cell._tc.get_or_add_tcPr(), borders("w:tcBorders", sides), _TCPR_ORDER)


def set_cell_shading(cell: _Cell, fill: str) -> None:
    """Fill one table cell with `fill` ("RRGGBB")."""
    set_child(cell._tc.get_or_add_tcPr(), shading(fill), _TCPR_ORDER)


def set_table_borders(tbl_pr: Any, **sides: Line | None) -> None:
    """Set the borders of a table (or table style) properties `tbl_pr`."""
    set_child(tbl_pr, borders("w:tblBorders", sides), _TBLPR_ORDER)


def set_table_cell_margins(tbl_pr: Any, **sides: float) -> None:
    """Set the default cell margins (in points) of a table (or table style)."""
    margins = OxmlElement("w:tblCellMar")
    for side in _SIDES["w:tblCellMar"]:
        if side in sides:
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), str(round(sides[side] * 20)))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)
    set_child(tbl_pr, margins, _TBLPR_ORDER)


def replace_app_properties(word: DocxDocument, application: str) -> None:
    """Replace the template's app.xml and thumbnail, which describe a Mac Word file."""
    package = word.part.package
    assert package is not None
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.THUMBNAIL):
            del package.rels[rid]
    blob = _APP_XML.format(escape(application)).encode("utf-8")
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
