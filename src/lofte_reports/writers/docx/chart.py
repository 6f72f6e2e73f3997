"""A `Chart` node as a native Word bar chart: a chart part plus an inline drawing.

Word and LibreOffice draw a chart part from its cached values, so no embedded workbook
is needed to show it. The XML is a small template of our own (cheaper than python-pptx)
in the cell-reference-plus-cache form Word writes; every text from data is escaped.
The look is readable in black and white: grey fills or patterns, black outlines, values
printed on the bars.
"""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph

from lofte_reports.doctree.nodes import Chart
from lofte_reports.writers._chart import chart_values, value_scale

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_SHEET = "Data"
_SOLID_FILLS = ("404040", "BFBFBF", "FFFFFF")
_PATTERNS = ("wdUpDiag", "smCheck", "horz", "dkVert", "openDmnd")
# Characters XML 1.0 cannot carry; python-docx refuses them in run text too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def add_chart(paragraph: DocxParagraph, chart: Chart, cx: int, cy: int, language: str) -> None:
    """Add `chart` as a new chart part and draw it inline, `cx` by `cy` EMU, in `paragraph`."""
    story = paragraph.part
    package = story.package
    assert package is not None, "a paragraph of a saved-to-be document has a package"
    partname: PackURI = package.next_partname("/word/charts/chart%d.xml")
    part = Part(partname, CT.DML_CHART, chart_xml(chart, language), package)
    rid = story.relate_to(part, RT.CHART)
    inline = parse_xml(_inline_xml(chart, rid, story.next_id, cx, cy))
    paragraph.add_run()._r.add_drawing(inline)


def chart_xml(chart: Chart, language: str) -> bytes:
    """Return the chart part: a clustered column chart with one series per `Series`."""
    series = "".join(_series_xml(chart, index) for index in range(len(chart.series)))
    axis_title = _title_xml(chart.value_axis_label, 1000, language, rotated=True)
    scale = value_scale(chart_values(chart))  # the PDF's scale: from zero, round steps
    xml = _CHART_TEMPLATE.format(
        ns=nsdecls("c", "a", "r"),
        lang=_attr(language),
        title=_title_xml(chart.title, 1200, language, rotated=False),
        series=series,
        value_axis_title=axis_title,
        axis_max=_number(scale.high),
        axis_min=_number(scale.low),
        major_unit=_number(scale.step),
    )
    return xml.encode("utf-8")


def _series_xml(chart: Chart, index: int) -> str:
    """Return one `c:ser`: name, categories and values, each a reference plus its cache."""
    series = chart.series[index]
    column = _column(index)
    last_row = len(chart.categories) + 1
    name = f'<c:pt idx="0"><c:v>{_text(series.name)}</c:v></c:pt>'
    categories = "".join(
        f'<c:pt idx="{row}"><c:v>{_text(category)}</c:v></c:pt>'
        for row, category in enumerate(chart.categories)
    )
    values = "".join(
        f'<c:pt idx="{row}"><c:v>{_number(value)}</c:v></c:pt>'
        for row, value in enumerate(series.values)
        if value is not None and math.isfinite(value)
    )
    count = len(chart.categories)
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:strRef><c:f>{_SHEET}!${column}$1</c:f>"
        f'<c:strCache><c:ptCount val="1"/>{name}</c:strCache></c:strRef></c:tx>'
        f'{_fill_xml(index)}<c:invertIfNegative val="0"/>{_DATA_LABELS}'
        f"<c:cat><c:strRef><c:f>{_SHEET}!$A$2:$A${last_row}</c:f>"
        f'<c:strCache><c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{_SHEET}!${column}$2:${column}${last_row}</c:f>"
        f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>'
        f"{values}</c:numCache></c:numRef></c:val></c:ser>"
    )


def _fill_xml(index: int) -> str:
    """Return the series' shape properties: greys first, then black-on-white patterns."""
    if index < len(_SOLID_FILLS):
        fill = f'<a:solidFill><a:srgbClr val="{_SOLID_FILLS[index]}"/></a:solidFill>'
    else:
        pattern = _PATTERNS[(index - len(_SOLID_FILLS)) % len(_PATTERNS)]
        fill = (
            f'<a:pattFill prst="{pattern}"><a:fgClr><a:srgbClr val="000000"/></a:fgClr>'
            '<a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>'
        )
    return f"<c:spPr>{fill}{_BLACK_LINE}</c:spPr>"


def _title_xml(text: str, size: int, language: str, *, rotated: bool) -> str:
    """Return a `c:title` with `text` (one paragraph per line), or nothing for no text."""
    if not text:
        return ""
    body = '<a:bodyPr rot="-5400000" vert="horz"/>' if rotated else "<a:bodyPr/>"
    bold = "0" if rotated else "1"
    paragraphs = "".join(
        f'<a:p><a:pPr><a:defRPr sz="{size}" b="{bold}"/></a:pPr>'
        f'<a:r><a:rPr lang={_attr(language)} sz="{size}" b="{bold}"/>'
        f"<a:t>{_text(line)}</a:t></a:r></a:p>"
        for line in text.split("\n")
    )
    return (
        f"<c:title><c:tx><c:rich>{body}<a:lstStyle/>{paragraphs}</c:rich></c:tx>"
        '<c:overlay val="0"/></c:title>'
    )


def _inline_xml(chart: Chart, rid: str, shape_id: int, cx: int, cy: int) -> str:
    """Return the `wp:inline` that shows the chart, with its alternative text in `descr`."""
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" {nsdecls("wp", "a", "c", "r")}>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Diagram {shape_id}" '
        f"descr={_attr(chart.alt_text)} title={_attr(chart.title)}/>"
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{CHART_URI}">'
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
    )


def _column(index: int) -> str:
    """Return the sheet column of series `index`: B for the first (A holds the categories)."""
    letters = ""
    number = index + 2
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _number(value: float) -> str:
    """Return `value` as Word writes it: integers without a decimal point."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _checked(text: str) -> str:
    """Return `text` unchanged, or raise ValueError if XML cannot hold one of its characters."""
    bad = _NOT_XML.search(text)
    if bad:
        raise ValueError(f"chart text holds a character XML cannot carry: {bad.group()!r}")
    return text


def _text(text: str) -> str:
    """Return `text` escaped for element content."""
    return escape(_checked(text))


def _attr(text: str) -> str:
    """Return `text` as a quoted, escaped attribute value (newlines and tabs kept)."""
    return quoteattr(_checked(text), {"\n": "&#10;", "\t": "&#9;", "\r": "&#13;"})


_BLACK_LINE = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'

_DATA_LABELS = (
    "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
    '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
    '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
    '<c:showBubbleSize val="0"/></c:dLbls>'
)

_AXIS_LINE = f"<c:spPr>{_BLACK_LINE}</c:spPr>"

_CHART_TEMPLATE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    "<c:chartSpace {ns}>"
    '<c:date1904 val="0"/><c:lang val={lang}/><c:roundedCorners val="0"/>'
    '<c:chart>{title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
    '{series}<c:gapWidth val="80"/><c:overlap val="0"/>'
    '<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
    '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>'
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + _AXIS_LINE
    + '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/>'
    '<c:max val="{axis_max}"/><c:min val="{axis_min}"/></c:scaling>'
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="3175">'
    '<a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    '{value_axis_title}<c:numFmt formatCode="General" sourceLinked="1"/>'
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + _AXIS_LINE
    + '<c:crossAx val="50010001"/><c:crosses val="autoZero"/>'
    '<c:crossBetween val="between"/><c:majorUnit val="{major_unit}"/></c:valAx>'
    "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln>'
    "</c:spPr>"
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">'
    '<a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:defRPr></a:pPr>'
    "<a:endParaRPr lang={lang}/></a:p></c:txPr>"
    "</c:chartSpace>"
)
