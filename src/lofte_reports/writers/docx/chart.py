"""A `Chart` node as a native Word bar chart: a chart part, its workbook, an inline drawing.

python-pptx's chart XML writer makes the chart part (a clustered column chart with the
values cached and referring to cells), and its chart objects set the look; lxml adds only
what python-pptx has no API for (language, square corners, the background). The values
also go into an embedded workbook (`chart_workbook`), so Word's "Edit data" opens them.
The value axis is the PDF's (`value_scale`): from zero, in round steps, so 61 never looks
like a third of 63. The look is readable in black and white: grey fills or patterns, black
outlines, values printed on the bars, in the document's font and ink. python-pptx is
imported only when a chart is drawn: it costs about 0.1 s.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph

from lofte_reports.doctree.nodes import Chart
from lofte_reports.writers import _look
from lofte_reports.writers._chart import chart_values, value_scale
from lofte_reports.writers.docx.chart_workbook import chart_workbook, drawn

if TYPE_CHECKING:
    from lxml.etree import _Element

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
BUILTIN_FONT = "DejaVu Sans"
"""The chart font of the built-in look: the PDF's."""
_FIRST_AXIS_ID = 50010001
_WORKBOOK_RID = "rId1"  # the first relationship of a new chart part
_SOLID_FILLS = ("404040", "BFBFBF", "FFFFFF")
_PATTERNS = ("wdUpDiag", "smCheck", "horz", "dkVert", "openDmnd")
_BLACK = "000000"
_WHITE = "FFFFFF"
_GRID = "BFBFBF"
_HAIRLINE = 9525  # EMU: 0.75 pt
_GRID_LINE = 3175  # EMU: 0.25 pt
_NO_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # for a package without a creation date
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Characters XML 1.0 cannot carry; python-docx refuses them in run text too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def add_chart(
    paragraph: DocxParagraph,
    chart: Chart,
    cx: int,
    cy: int,
    language: str,
    font: str = BUILTIN_FONT,
) -> None:
    """Add `chart` as a chart part with its workbook, and draw it inline, `cx` by `cy` EMU.

    The workbook's dates are the document's creation date: the same document, the same bytes.
    """
    story = paragraph.part
    package = story.package
    assert package is not None, "a paragraph of a saved-to-be document has a package"
    created = package.core_properties.created or _NO_DATE
    sheet_name: PackURI = package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")
    workbook = Part(
        sheet_name, CT.SML_SHEET, chart_workbook(drawn(chart), chart.categories, created), package
    )
    partname: PackURI = package.next_partname("/word/charts/chart%d.xml")
    part = Part(partname, CT.DML_CHART, chart_xml(chart, language, font, _WORKBOOK_RID), package)
    assert part.relate_to(workbook, RT.PACKAGE) == _WORKBOOK_RID
    rid = story.relate_to(part, RT.CHART)
    inline = parse_xml(_inline_xml(chart, rid, story.next_id, cx, cy))
    paragraph.add_run()._r.add_drawing(inline)


def chart_xml(chart: Chart, language: str, font: str, workbook_rid: str) -> bytes:
    """Return the chart part: a clustered column chart with one series per `Series`.

    `workbook_rid` is the chart part's relationship to its embedded workbook.
    """
    from lxml import etree
    from pptx.chart.chart import Chart as PptxChart
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.oxml import parse_xml as parse_pptx
    from pptx.util import Pt

    data = CategoryChartData(number_format="General")
    data.categories = [_checked(category) for category in chart.categories]
    for series in drawn(chart):
        data.add_series(_checked(series.name), series.values)
    xml = ChartXmlWriter(XL_CHART_TYPE.COLUMN_CLUSTERED, data).xml
    space: Any = parse_pptx(xml.encode("utf-8"))
    view = PptxChart(space, None)

    view.font.name = _checked(font)
    view.font.size = Pt(10)
    view.font.color.rgb = _rgb(_look.INK)
    if chart.title:
        view.chart_title.text_frame.text = _checked(chart.title)
        _size_texts(view.chart_title.text_frame, 12, bold=True)
    else:
        view.has_title = False

    plot = view.plots[0]
    plot.gap_width = 80
    plot.overlap = 0
    plot.vary_by_categories = False
    plot.has_data_labels = True
    plot.data_labels.show_value = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for index, series in enumerate(plot.series):
        _fill(series.format, index)
        series.invert_if_negative = False

    scale = value_scale(chart_values(chart))  # the PDF's scale: from zero, round steps
    axis = view.value_axis
    axis.minimum_scale = scale.low
    axis.maximum_scale = scale.high
    axis.major_unit = scale.step
    axis.has_major_gridlines = True
    _line(axis.major_gridlines.format.line, _GRID, _GRID_LINE)
    _line(axis.format.line, _BLACK, _HAIRLINE)
    _line(view.category_axis.format.line, _BLACK, _HAIRLINE)
    if chart.value_axis_label:
        frame = axis.axis_title.text_frame
        frame.text = _checked(chart.value_axis_label)
        _size_texts(frame, 10, bold=False)
        frame._bodyPr.set("rot", "-5400000")  # read upwards, beside the axis

    view.has_legend = True
    view.legend.position = XL_LEGEND_POSITION.BOTTOM
    view.legend.include_in_layout = False

    # What python-pptx has no API for, in the schema's order of c:chartSpace's children.
    lang = etree.Element(f"{{{_C}}}lang", val=language)
    space.date1904.addnext(lang)
    lang.addnext(etree.Element(f"{{{_C}}}roundedCorners", val="0"))
    space.txPr.addprevious(_shape(_WHITE))
    space.plotArea.append(_shape(None))
    for element in space.iter(f"{{{_A}}}rPr", f"{{{_A}}}endParaRPr", f"{{{_A}}}defRPr"):
        element.set("lang", language)
    # python-pptx's axis ids are negative, the schema's are unsigned; LibreOffice reads ids
    # above 2**31 as other axes and draws the value axis title twice: small ones, as Word's.
    ids: dict[str, str] = {}
    for element in space.iter(f"{{{_C}}}axId", f"{{{_C}}}crossAx"):
        element.set("val", ids.setdefault(element.get("val"), str(_FIRST_AXIS_ID + len(ids))))
    external = space.get_or_add_externalData()
    external.rId = workbook_rid
    external.get_or_add_autoUpdate().set("val", "0")
    return bytes(etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True))


def _fill(shape_format: Any, index: int) -> None:
    """Fill series `index`: greys first, then black-on-white patterns; a black outline."""
    from pptx.enum.dml import MSO_PATTERN

    fill = shape_format.fill
    if index < len(_SOLID_FILLS):
        fill.solid()
        fill.fore_color.rgb = _rgb(_SOLID_FILLS[index])
    else:
        fill.patterned()
        pattern = _PATTERNS[(index - len(_SOLID_FILLS)) % len(_PATTERNS)]
        fill.pattern = MSO_PATTERN.from_xml(pattern)
        fill.fore_color.rgb = _rgb(_BLACK)
        fill.back_color.rgb = _rgb(_WHITE)
    _line(shape_format.line, _BLACK, _HAIRLINE)


def _line(line: Any, colour: str, width: int) -> None:
    """Draw a line (an outline, axis or grid line) in `colour`, `width` EMU wide."""
    from pptx.util import Emu

    line.color.rgb = _rgb(colour)
    line.width = Emu(width)


def _size_texts(frame: Any, size: int, *, bold: bool) -> None:
    """Give every paragraph and run of a title `size` points and the weight `bold`."""
    from pptx.util import Pt

    for paragraph in frame.paragraphs:
        for font in (paragraph.font, *(run.font for run in paragraph.runs)):
            font.size = Pt(size)
            font.bold = bold


def _shape(fill: str | None) -> _Element:
    """Return a `c:spPr` without an outline, filled with `fill` or with nothing."""
    from lxml import etree

    inner = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    return etree.fromstring(
        f'<c:spPr xmlns:c="{_C}" xmlns:a="{_A}">{inner}<a:ln><a:noFill/></a:ln></c:spPr>'
    )


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)


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


def _checked(text: str) -> str:
    """Return `text` unchanged, or raise ValueError if XML cannot hold one of its characters."""
    bad = _NOT_XML.search(text)
    if bad:
        raise ValueError(f"chart text holds a character XML cannot carry: {bad.group()!r}")
    return text


def _attr(text: str) -> str:
    """Return `text` as a quoted, escaped attribute value (newlines and tabs kept)."""
    return quoteattr(_checked(text), {"\n": "&#10;", "\t": "&#9;", "\r": "&#13;"})
