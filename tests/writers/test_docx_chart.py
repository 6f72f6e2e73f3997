"""Word charts one can trust and edit: read back from every sample DOCX and from hostile data.

Every chart part is checked as Word and LibreOffice read it: the value axis starts at zero,
the chart's numbers are in an embedded workbook (opened with openpyxl) exactly where the
chart's cell references point, the XML's elements come in the schema's order, and the
texts are the document's font and language.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import reportlab
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from lofte_reports.api import write_all
from lofte_reports.doctree.nodes import Chart, Document, DocumentStyle, FontFamily, Series
from lofte_reports.writers.docx import write_docx
from lofte_reports.writers.docx.chart_workbook import SHEET, chart_workbook
from tests.conftest import ROOT
from tests.trees import every_block_document

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"c": C, "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SAMPLES = ["landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019"]
NASTY = '<b>&amp; "citat" =1+1 http://x.se ŋ'
VERA = (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf").read_bytes()

# The children of each element, in the order ECMA-376's chart schema demands.
SCHEMA_ORDER = {
    "chartSpace": "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource "
    "protection chart spPr txPr externalData printSettings userShapes extLst",
    "chart": "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend "
    "plotVisOnly dispBlanksAs showDLblsOverMax extLst",
    "plotArea": "layout barChart catAx valAx dTable spPr extLst",
    "barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst",
    "ser": "idx order tx spPr invertIfNegative pictureOptions dPt dLbls trendline errBars cat "
    "val shape extLst",
    "valAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt "
    "majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween "
    "majorUnit minorUnit dispUnits extLst",
    "catAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt "
    "majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn "
    "lblOffset tickLblSkip tickMarkSkip noMultiLvlLbl extLst",
    "scaling": "logBase orientation max min extLst",
    "dLbls": "dLbl delete numFmt spPr txPr dLblPos showLegendKey showVal showCatName "
    "showSerName showPercent showBubbleSize separator showLeaderLines leaderLines extLst",
    "legend": "legendPos legendEntry layout overlay spPr txPr extLst",
    "title": "tx layout overlay spPr txPr extLst",
    "externalData": "autoUpdate",
}


@dataclasses.dataclass
class ChartRead:
    """One chart part as read back: its XML root, its workbook part and the document."""

    name: str
    root: Any
    workbook: Any
    workbook_rid: str
    word: Any


def charts_of(data: bytes, name: str = "") -> list[ChartRead]:
    """Return every chart part of a DOCX, each with the workbook it relates to."""
    word = docx.Document(io.BytesIO(data))
    found = []
    for rel in word.part.rels.values():
        if rel.reltype != RT.CHART:
            continue
        part = rel.target_part
        (package,) = [r for r in part.rels.values() if r.reltype == RT.PACKAGE]
        root = etree.fromstring(part.blob)
        found.append(
            ChartRead(f"{name} {part.partname}", root, package.target_part, package.rId, word)
        )
    return found


@pytest.fixture(scope="module")
def sample_charts(tmp_path_factory: pytest.TempPathFactory) -> list[ChartRead]:
    """Every chart of every sample DOCX, as `make-report all --format docx` writes them."""
    out = tmp_path_factory.mktemp("charts")
    for sample in SAMPLES:
        write_all(ROOT / "samples" / sample, out, ["docx"])
    charts = [
        c for path in sorted(out.glob("*.docx")) for c in charts_of(path.read_bytes(), path.name)
    ]
    assert len(charts) >= 4  # the tertials and the annual summary draw charts
    return charts


def series_of(chart: ChartRead) -> list[Any]:
    return list(chart.root.iterfind("c:chart/c:plotArea/c:barChart/c:ser", NS))


def cached(element: Any) -> dict[int, str]:
    """Return a string or number cache's points by index."""
    return {
        int(pt.get("idx")): pt.findtext("c:v", namespaces=NS)
        for pt in element.iterfind(".//c:pt", NS)
    }


def cells(sheet: Any, reference: str) -> list[Any]:
    """Return the values of the cells a chart reference such as `Sheet1!$B$2:$B$4` names."""
    sheet_name, _, area = reference.partition("!")
    assert sheet_name == sheet.title == SHEET
    corners = area.replace("$", "").split(":")
    rows = sheet[corners[0] : corners[-1]] if len(corners) == 2 else ((sheet[corners[0]],),)
    return [cell.value for row in rows for cell in row]


def test_every_value_axis_starts_at_zero_and_holds_every_value(
    sample_charts: list[ChartRead],
) -> None:
    for chart in sample_charts:
        axis = chart.root.find("c:chart/c:plotArea/c:valAx", NS)
        low = float(axis.find("c:scaling/c:min", NS).get("val"))
        high = float(axis.find("c:scaling/c:max", NS).get("val"))
        values = [float(v) for s in series_of(chart) for v in cached(s.find("c:val", NS)).values()]
        assert low == 0, chart.name
        assert all(low <= v <= high for v in values), chart.name


def test_every_chart_embeds_a_workbook_with_exactly_its_data(
    sample_charts: list[ChartRead],
) -> None:
    for chart in sample_charts:
        part = chart.workbook
        assert re.fullmatch(r"/word/embeddings/Microsoft_Excel_Sheet\d+\.xlsx", str(part.partname))
        assert (
            part.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        external = chart.root.find("c:externalData", NS)
        assert external.get(R_ID) == chart.workbook_rid
        assert external.find("c:autoUpdate", NS).get("val") == "0"
        sheet = openpyxl.load_workbook(io.BytesIO(part.blob)).active
        series = series_of(chart)
        assert series, chart.name
        for one in series:
            name = one.find("c:tx/c:strRef", NS)
            assert cells(sheet, name.findtext("c:f", namespaces=NS)) == list(cached(name).values())
            category = one.find("c:cat/c:strRef", NS)
            categories = cached(category)
            assert cells(sheet, category.findtext("c:f", namespaces=NS)) == [
                categories[n] for n in range(len(categories))
            ]
            value = one.find("c:val/c:numRef", NS)
            numbers = {n: float(v) for n, v in cached(value).items()}
            count = int(value.find("c:numCache/c:ptCount", NS).get("val"))
            assert cells(sheet, value.findtext("c:f", namespaces=NS)) == [
                numbers.get(n) for n in range(count)
            ]
        # Nothing else in the sheet: the categories' column and one column per series.
        assert (sheet.max_row, sheet.max_column) == (len(categories) + 1, len(series) + 1)


def test_every_chart_part_keeps_the_schema_order(sample_charts: list[ChartRead]) -> None:
    for chart in sample_charts:
        for element in chart.root.iter(*(f"{{{C}}}{name}" for name in SCHEMA_ORDER)):
            order = SCHEMA_ORDER[etree.QName(element).localname].split()
            children = [etree.QName(child).localname for child in element]
            assert all(name in order for name in children), (chart.name, children)
            positions = [order.index(name) for name in children]
            assert positions == sorted(positions), (chart.name, children)
        assert etree.QName(chart.root).localname == "chartSpace"
        area = chart.root.find("c:chart/c:plotArea", NS)
        ids = [int(v) for v in area.xpath("c:barChart/c:axId/@val", namespaces=NS)]
        axes = [int(v) for v in area.xpath("*/c:axId/@val", namespaces=NS)[2:]]
        crossed = [int(v) for v in area.xpath("*/c:crossAx/@val", namespaces=NS)]
        # Unsigned, as the schema says, and below 2**31, which LibreOffice reads as one axis.
        assert all(0 <= n < 2**31 for n in ids) and ids == axes == crossed[::-1], chart.name


def test_chart_texts_are_in_the_document_font_and_language(sample_charts: list[ChartRead]) -> None:
    for chart in sample_charts:
        language = chart.word.core_properties.language
        assert chart.root.find("c:lang", NS).get("val") == language
        runs = chart.root.findall(".//a:rPr", NS) + chart.root.findall(".//a:defRPr", NS)
        assert runs and {r.get("lang") for r in runs} == {language}
        assert chart_font(chart.root) == document_font(chart.word) == "DejaVu Sans"


def test_a_theme_font_is_the_chart_font() -> None:
    style = DocumentStyle(font=FontFamily("Bitstream Vera Sans", VERA))
    data = write_docx(dataclasses.replace(every_block_document(), style=style))
    (chart,) = charts_of(data)
    assert chart_font(chart.root) == document_font(chart.word) == "Bitstream Vera Sans"


def chart_font(root: Any) -> str:
    """Return the typeface of the chart's text properties, which every text inherits."""
    (latin,) = root.findall("c:txPr//a:latin", NS)
    return str(latin.get("typeface"))


def document_font(word: Any) -> str:
    """Return the font the document's style defaults name (the shipped font where a theme
    font of python-docx's template stands: the built-in look's font is DejaVu Sans)."""
    fonts = word.styles.element.find(qn("w:docDefaults")).find(
        f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    return str(fonts.get(qn("w:ascii")) or "DejaVu Sans")


def test_texts_from_data_stay_literal_in_the_chart_and_its_workbook() -> None:
    nasty = Chart(
        NASTY, (NASTY, "B"), (Series(NASTY, (2.5, None)), Series("S", (1, 2))), "alt", NASTY
    )
    base = every_block_document()
    (chart,) = charts_of(write_docx(Document(base.metadata, base.page, (nasty,))))
    series = series_of(chart)
    assert cached(series[0].find("c:tx", NS)) == {0: NASTY}
    assert cached(series[0].find("c:cat", NS)) == {0: NASTY, 1: "B"}
    assert cached(series[0].find("c:val", NS)) == {0: "2.5"}  # the missing value is a gap
    titles = ["".join(t.itertext()) for t in chart.root.iterfind(".//c:title", NS)]
    assert titles == [NASTY, NASTY]
    sheet = openpyxl.load_workbook(io.BytesIO(chart.workbook.blob)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [[None, NASTY, "S"], [NASTY, 2.5, 1], ["B", None, 2]]
    assert all(
        cell.data_type == "s"
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    )
    assert not sheet._hyperlinks


def test_the_workbook_bytes_depend_only_on_the_data_and_the_date_given() -> None:
    series = (Series("Plan", (3, 2)),)
    moment = datetime(2018, 10, 26, 12, 0)
    first = chart_workbook(series, ("T1", "T2"), moment)
    assert first == chart_workbook(series, ("T1", "T2"), moment)
    assert openpyxl.load_workbook(io.BytesIO(first)).properties.created == moment
    assert first != chart_workbook(series, ("T1", "T2"), datetime(2019, 1, 1))


def test_the_workbook_has_the_documents_creation_date() -> None:
    document = every_block_document()
    dated = dataclasses.replace(
        document, metadata=dataclasses.replace(document.metadata, date=date(2018, 10, 26))
    )
    (chart,) = charts_of(write_docx(dated))
    created = openpyxl.load_workbook(io.BytesIO(chart.workbook.blob)).properties.created
    assert created == datetime(2018, 10, 26)
    assert created == chart.word.core_properties.created.replace(tzinfo=None)


def test_python_pptx_and_xlsxwriter_load_only_when_a_chart_is_drawn() -> None:
    code = (
        "import sys; import lofte_reports.writers.docx.writer; "
        "print(sorted(m for m in ('pptx', 'xlsxwriter') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_libreoffice_draws_a_tertials_chart_with_its_labels(tmp_path: Path) -> None:
    write_all(ROOT / "samples" / "landskrona-2018", tmp_path, ["docx"])
    (source,) = tmp_path.glob("uppfoljning-*-T2.docx")
    (chart,) = charts_of(source.read_bytes())[:1]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'home').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        env={**os.environ, "HOME": str(tmp_path)},
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(source.with_suffix(".pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    series = series_of(chart)
    for category in cached(series[0].find("c:cat", NS)).values():
        assert category in text
    # The value axis's title, drawn once: LibreOffice matched both axes by their ids.
    title = "".join(chart.root.find("c:chart/c:plotArea/c:valAx/c:title", NS).itertext())
    assert len(re.findall(rf"\b{re.escape(title)}\b", text)) == 1, title
    # Each label on a bar and each tick of the value axis is a number on a line of numbers
    # only (the table next to the chart says "6 besök"): none is missing.
    axis = chart.root.find("c:chart/c:plotArea/c:valAx", NS)
    low, high, step = (
        float(axis.find(path, NS).get("val"))
        for path in ("c:scaling/c:min", "c:scaling/c:max", "c:majorUnit")
    )
    ticks = [low + n * step for n in range(round((high - low) / step) + 1)]
    labels = [float(v) for one in series for v in cached(one.find("c:val", NS)).values()]
    lone = Counter(
        word
        for line in text.splitlines()
        if re.fullmatch(r"[\d,\s]+", line)
        for word in line.split()
    )
    assert Counter(map(swedish, labels + ticks)) <= lone, lone


def swedish(number: float) -> str:
    """Return `number` as LibreOffice's General format shows it in a Swedish document."""
    return str(int(number)) if number.is_integer() else repr(number).replace(".", ",")


@pytest.mark.parametrize(
    ("chart", "rows"),
    [
        (Chart("Inga kategorier", (), (Series("S", ()),), "alt"), []),
        (
            Chart("Tomt", ("A", "B"), (Series("Ingen", (None, None)),), "alt"),
            [[None, "Ingen"], ["A", None], ["B", None]],
        ),
        (Chart("Utan serier", ("A",), (), "alt"), [[None], ["A"]]),
        (
            Chart("", ("A", "B"), (Series("Skillnad", (-3.5, 2)),), "alt"),
            [[None, "Skillnad"], ["A", -3.5], ["B", 2]],
        ),
    ],
)
def test_charts_with_little_or_negative_data_are_still_whole(
    chart: Chart, rows: list[list[Any]]
) -> None:
    base = every_block_document()
    (read,) = charts_of(write_docx(Document(base.metadata, base.page, (chart,))))
    sheet = openpyxl.load_workbook(io.BytesIO(read.workbook.blob)).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == rows
    scaling = read.root.find("c:chart/c:plotArea/c:valAx/c:scaling", NS)
    low, high = (float(scaling.find(f"c:{end}", NS).get("val")) for end in ("min", "max"))
    assert (
        low <= min([0, *(v for s in chart.series for v in s.values if v is not None)]) <= 0 < high
    )
    assert (read.root.find("c:chart/c:title", NS) is None) == (not chart.title)
