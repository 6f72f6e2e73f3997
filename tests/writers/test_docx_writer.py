"""The DOCX writer, proved by reading its files back with python-docx (and LibreOffice)."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    Heading,
    ItemList,
    Paragraph,
    Series,
    Signatory,
    SignatureBlock,
    Table,
)
from lofte_reports.writers.docx import write_docx
from tests.office import convert_to_pdf
from tests.trees import HOSTILE, every_block_document

NOTICE = "Exempeldata \N{EN DASH} inte verkliga uppgifter"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


def read(document: Document) -> DocxDocument:
    """Return `document` written as DOCX and opened again by python-docx."""
    return docx.Document(io.BytesIO(write_docx(document)))


@pytest.fixture(scope="module")
def word() -> DocxDocument:
    return read(every_block_document(notice=NOTICE))


def body_paragraphs(word: DocxDocument) -> list[tuple[str, str]]:
    """Return (style name, text) of each top-level paragraph."""
    return [(p.style.name if p.style else "", p.text) for p in word.paragraphs]


def table_texts(word: DocxDocument) -> list[list[list[str]]]:
    """Return the text of every cell of every table, table by table."""
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]


def chart_parts(word: DocxDocument) -> list[Any]:
    """Return the chart parts related from the document part."""
    return [rel.target_part for rel in word.part.rels.values() if rel.reltype == RT.CHART]


def val(element: ET.Element, path: str) -> str | None:
    """Return the `val` attribute of the element at `path` under `element`, which must exist."""
    found = element.find(path, NS)
    assert found is not None, path
    return found.get("val")


def test_every_text_of_every_block_is_present(word: DocxDocument) -> None:
    texts = [text for _, text in body_paragraphs(word)]
    cells = [text for table in table_texts(word) for row in table for text in row]
    everything = "\n".join(texts + cells)
    expected = [
        "Medborgarlöfte i Testkommun 2018",
        "Polisen och Test stad",
        "Testområdet",
        "Inledande stycke om samverkan mellan polis och kommun.",
        "Fet början. Kursiv fortsättning.",
        HOSTILE,
        "Rad ett\nRad två\tmed tabb",
        "Första löftet.",
        "Andra löftet.",
        "Numrerat ett.",
        "Numrerat två.",
        "Plan mot utfört",
        "Plan mot utfört per tertial",
        "Ort: Teststad",
        "Datum: \t",
    ]
    for text in expected:
        assert text in texts, text
    for text in ("Löfte", "Besök förskolor", "Besök ungdomshus", "Utfört"):
        assert text in cells, text
    for text in ("Anneli Manelli", "Lokalpolisområdeschef", "Lokalpolisområde Test"):
        assert text in everything
    for text in ("Torkild Strandberg", "Kommunstyrelsens ordförande", "Test stad"):
        assert text in everything


def test_title_and_headings_use_built_in_styles_in_order(word: DocxDocument) -> None:
    paragraphs = body_paragraphs(word)
    assert paragraphs[0] == ("Title", "Medborgarlöfte i Testkommun 2018")
    assert paragraphs[1:3] == [("Subtitle", "Polisen och Test stad"), ("Subtitle", "Testområdet")]
    headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
    assert headings == [("Heading 1", "Situationen idag"), ("Heading 2", "Polisen lovar")]


def test_spans_become_bold_and_italic_runs(word: DocxDocument) -> None:
    paragraph = next(p for p in word.paragraphs if p.text.startswith("Fet början"))
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("Fet början. ", True, None),
        ("Kursiv fortsättning.", None, True),
    ]


def test_paragraph_roles_have_their_own_styles() -> None:
    base = every_block_document()
    roles = (Paragraph.of("ingress", "lead"), Paragraph.of("not", "note"), Paragraph.of("bröd"))
    styles = {text: style for style, text in body_paragraphs(read(_with(base, *roles)))}
    assert (styles["ingress"], styles["not"], styles["bröd"]) == ("Lead", "Note Text", "Normal")


def test_no_style_is_named_like_a_pdf_structure_type(word: DocxDocument) -> None:
    """A word processor's tagged PDF makes a used style that type: "Note" became a /Note."""
    standard = {"Note", "Reference", "Quote", "Code", "Formula", "Form", "Figure", "Span"}
    standard |= {"Part", "Art", "Sect", "Div", "Index", "TOC", "TOCI", "Aside", "Annot"}
    base = every_block_document()
    roles = (Paragraph.of("ingress", "lead"), Paragraph.of("not", "note"))
    names = {style for style, _ in body_paragraphs(read(_with(base, *roles)))}
    assert names and not names & standard
    assert word.styles["Note Text"].style_id == "NoteText"


def test_no_paragraph_is_empty(word: DocxDocument) -> None:
    """Space comes from paragraph spacing: an empty paragraph is an empty P in a tagged PDF."""
    empty = [p for p in word.element.body.iter(qn("w:p")) if not p.xpath(".//w:t | .//w:drawing")]
    assert empty == []


def test_the_paragraph_after_a_table_keeps_its_distance(word: DocxDocument) -> None:
    table = word.tables[0]._tbl
    after = table.getnext()
    assert after.tag == qn("w:p")
    (space,) = after.xpath("./w:pPr/w:spacing/@w:before")
    assert int(space) >= 200  # twentieths of a point: 10 pt


def test_hostile_text_is_literal(word: DocxDocument) -> None:
    paragraph = next(p for p in word.paragraphs if p.text == HOSTILE)
    assert [r.bold for r in paragraph.runs] == [None]


def test_newline_and_tab_become_break_and_tab(word: DocxDocument) -> None:
    paragraph = next(p for p in word.paragraphs if p.text.startswith("Rad ett"))
    assert paragraph._p.xpath(".//w:r/w:br")
    assert paragraph._p.xpath(".//w:r/w:tab")


def test_lists_use_list_styles(word: DocxDocument) -> None:
    styles = {text: style for style, text in body_paragraphs(word)}
    assert styles["Första löftet."] == styles["Andra löftet."] == "List Bullet"
    assert styles["Numrerat ett."] == styles["Numrerat två."] == "List Number"


def test_bullets_are_real_bullet_characters(word: DocxDocument) -> None:
    """Word's Symbol bullet U+F0B7 became private-use text in LibreOffice's tagged PDF."""
    from lxml import etree

    numbering = etree.tostring(word.part.numbering_part.element, encoding="unicode")
    assert "\uf0b7" not in numbering and 'w:lvlText w:val="\N{BULLET}"' in numbering


def test_each_numbered_list_restarts_at_its_start() -> None:
    lists = (
        ItemList((Paragraph.of("a1"), Paragraph.of("a2")), ordered=True),
        ItemList((Paragraph.of("b1"), Paragraph.of("b2")), ordered=True),
        ItemList((Paragraph.of("c3"),), ordered=True, start=3),
    )
    word = read(_with(every_block_document(), *lists))
    num_ids = {
        p.text: p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        for p in word.paragraphs
        if p.text in ("a1", "a2", "b1", "b2", "c3")
    }
    assert num_ids["a1"] == num_ids["a2"] != num_ids["b1"] == num_ids["b2"] != num_ids["c3"]
    numbering = word.part.numbering_part.element

    def start(text: str) -> list[str]:
        query = f'./w:num[@w:numId="{num_ids[text][0]}"]/w:lvlOverride/w:startOverride/@w:val'
        return cast(list[str], numbering.xpath(query))

    assert (start("a1"), start("b1"), start("c3")) == (["1"], ["1"], ["3"])


def test_table_has_repeating_bold_header_and_rows_kept_whole(word: DocxDocument) -> None:
    table = word.tables[0]
    assert table.style is not None
    assert table.style.name == "Table Grid"
    assert table_texts(word)[0][0] == ["Löfte", "Plan", "Utfört"]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert not table.rows[1]._tr.xpath("./w:trPr/w:tblHeader")
    assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table._tbl.xpath("./w:tblPr/w:tblCaption/@w:val") == ["Plan mot utfört"]


def test_table_widths_follow_the_relative_widths(word: DocxDocument) -> None:
    widths = [column.width for column in word.tables[0].columns]
    assert widths[0] == pytest.approx(3 * widths[1], rel=0.01)
    assert widths[1] == widths[2]
    assert sum(widths) == pytest.approx(Mm(160), rel=0.01)


def test_caption_stands_above_the_table(word: DocxDocument) -> None:
    body = word.element.body
    table = word.tables[0]._tbl
    caption = table.getprevious()
    assert caption.tag == qn("w:p")
    assert "".join(caption.xpath(".//w:t/text()")) == "Plan mot utfört"
    assert caption.xpath("./w:pPr/w:pStyle/@w:val") == ["Caption"]
    assert body.index(caption) + 1 == body.index(table)


def test_core_properties(word: DocxDocument) -> None:
    props = word.core_properties
    assert props.title == "Medborgarlöfte i Testkommun 2018"
    assert props.author == props.last_modified_by == "Lokalpolisområde Test och Test stad"
    assert props.subject == "Medborgarlöfte för Testområdet 2018"
    assert props.keywords == "medborgarlöfte, Testkommun"
    assert props.language == "sv-SE"
    assert "python-docx" not in props.comments


def test_language_is_swedish_in_style_defaults_and_normal(word: DocxDocument) -> None:
    styles = word.styles.element
    assert styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["sv-SE"]
    assert word.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val") == ["sv-SE"]


def test_page_is_a4_with_margins(word: DocxDocument) -> None:
    section = word.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.right_margin, section.top_margin)
    assert [round(margin.mm) for margin in margins if margin is not None] == [25, 25, 25]


def test_footer_has_page_number_fields(word: DocxDocument) -> None:
    footer = word.sections[0].footer
    element = footer._element
    instructions = [text.strip() for text in element.xpath(".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert len(element.xpath(".//w:fldChar")) == 6
    text = "".join(element.xpath(".//w:t/text()"))
    assert text == "Sida 1 av 1"
    assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # as in the PDF


def test_header_shows_running_title_and_bold_notice(word: DocxDocument) -> None:
    header = word.sections[0].header
    assert [p.text for p in header.paragraphs] == ["Medborgarlöfte", NOTICE]
    assert header.paragraphs[1].runs[0].bold


def test_header_has_no_notice_when_none() -> None:
    header = read(every_block_document()).sections[0].header
    assert [p.text for p in header.paragraphs] == ["Medborgarlöfte"]


def test_chart_is_a_native_bar_chart_with_the_data(word: DocxDocument) -> None:
    (part,) = chart_parts(word)
    assert part.content_type == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    assert str(part.partname).startswith("/word/charts/chart")
    root = ET.fromstring(part.blob)
    bar = root.find("c:chart/c:plotArea/c:barChart", NS)
    assert bar is not None
    assert (val(bar, "c:barDir"), val(bar, "c:grouping")) == ("col", "clustered")
    series = bar.findall("c:ser", NS)
    names = [s.findtext("c:tx/c:strRef/c:strCache/c:pt/c:v", namespaces=NS) for s in series]
    assert names == ["Plan", "Utfört"]
    categories = [v.text for v in series[0].iterfind("c:cat/c:strRef/c:strCache/c:pt/c:v", NS)]
    assert categories == ["T1", "T2", "T3"]
    cache = "c:val/c:numRef/c:numCache"
    points = [
        [(p.get("idx"), p.findtext("c:v", namespaces=NS)) for p in pts]
        for pts in (s.findall(f"{cache}/c:pt", NS) for s in series)
    ]
    assert points == [[("0", "3"), ("1", "2"), ("2", "3")], [("0", "2"), ("1", "2")]]
    assert val(series[1], f"{cache}/c:ptCount") == "3"
    assert "Plan mot utfört per tertial" in "".join(root.itertext())
    assert "Antal" in "".join(root.itertext())


def test_chart_is_drawn_inline_with_alternative_text(word: DocxDocument) -> None:
    (doc_pr,) = word.element.body.xpath(".//wp:inline/wp:docPr")
    assert doc_pr.get("descr") == "Stapeldiagram: plan 3, 2, 3 och utfört 2, 2, saknas."
    assert doc_pr.get("title") == "Plan mot utfört per tertial"
    (rid,) = word.element.body.xpath(".//wp:inline/a:graphic/a:graphicData/c:chart/@r:id")
    assert word.part.rels[rid].reltype == RT.CHART


def test_charts_get_unique_parts_and_ids_and_hostile_text_stays_literal() -> None:
    hostile = Chart(HOSTILE, (HOSTILE, "B"), (Series(HOSTILE, (1.5, None)),), HOSTILE + "\nrad 2")
    word = read(_with(every_block_document(), hostile, hostile))
    parts = chart_parts(word)
    assert len({str(part.partname) for part in parts}) == 3
    ids = word.element.body.xpath(".//wp:inline/wp:docPr/@id")
    assert len(set(ids)) == 3
    root = ET.fromstring(parts[-1].blob)
    values = [v.text for v in root.iterfind(".//c:v", NS)]
    assert values == [HOSTILE, HOSTILE, "B", "1.5"]
    descriptions = word.element.body.xpath(".//wp:inline/wp:docPr/@descr")
    assert descriptions[-1] == HOSTILE + "\nrad 2"


def _signature_paragraphs(word: DocxDocument, first: str) -> list[Any]:
    """Return the body paragraphs from the one whose text is `first` to the end."""
    paragraphs = list(word.paragraphs)
    start = next(n for n, p in enumerate(paragraphs) if p.text == first)
    return paragraphs[start:]


def test_signature_block_reads_in_order_as_paragraphs_kept_together(word: DocxDocument) -> None:
    assert len(word.tables) == 1  # the data table; signatures are no layout table
    paragraphs = _signature_paragraphs(word, "Ort: Teststad")
    assert [p.text for p in paragraphs] == [
        "Ort: Teststad",
        "Datum: \t",
        "Anneli Manelli",
        "Lokalpolisområdeschef",
        "Lokalpolisområde Test",
        "Torkild Strandberg",
        "Kommunstyrelsens ordförande",
        "Test stad",
    ]
    (stop,) = paragraphs[1].paragraph_format.tab_stops  # the line to write the date on …
    assert round(stop.position.mm) == 70
    assert [run.underline for run in paragraphs[1].runs if run.text == "\t"] == [True]  # … drawn
    names = [p for p in paragraphs if p.text in ("Anneli Manelli", "Torkild Strandberg")]
    for name in names:
        assert name.runs[0].bold
        assert name._p.xpath("./w:pPr/w:pBdr/w:top[@w:val='single']")  # the line to sign on
        assert name.paragraph_format.space_before == Pt(36)  # room to sign above it
        indent = name.paragraph_format.right_indent
        assert indent is not None and round(indent.mm) == 80  # an 80 mm line on a 160 mm page
    assert all(p.paragraph_format.keep_together for p in paragraphs)
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[:-1])
    assert not paragraphs[-1].paragraph_format.keep_with_next


def test_a_dateline_stands_instead_of_place_and_date_and_every_signatory_follows() -> None:
    people = tuple(Signatory(f"Namn {n}", f"Titel {n}", f"Org {n}") for n in range(3))
    block = SignatureBlock(people, "Ort", "Datum", dateline="Laxå den 26 oktober 2018")
    word = read(_with(every_block_document(), block))
    texts = [p.text for p in _signature_paragraphs(word, "Laxå den 26 oktober 2018")]
    assert texts == ["Laxå den 26 oktober 2018"] + [
        f"{what} {n}" for n in range(3) for what in ("Namn", "Titel", "Org")
    ]


def test_consecutive_tables_stay_apart() -> None:
    table = Table((Paragraph.of("a"),), ((Paragraph.of("b"),),))
    word = read(_with(every_block_document(), table, table))
    assert len(word.tables) == 1 + 2
    between = word.tables[-1]._tbl.getprevious()
    assert between.tag == qn("w:p") and between is not word.tables[-2]._tbl


@pytest.mark.parametrize(
    "block",
    [
        Paragraph.of("noll\x00tecken"),
        Heading(1, "sidbrytning\x0c"),
        Table((Paragraph.of("x\x1f"),), ()),
        Chart("titel", ("kategori\x0b",), (Series("s", (1,)),), "alt"),
        Chart("titel", ("a",), (Series("s", (1,)),), "alt\ufffe"),
    ],
)
def test_text_xml_cannot_hold_is_refused_with_value_error(block: Any) -> None:
    with pytest.raises(ValueError, match="XML"):
        write_docx(_with(every_block_document(), block))


def test_a_document_without_blocks_is_still_a_document() -> None:
    base = every_block_document()
    word = read(Document(base.metadata, base.page))
    assert word.core_properties.title == base.metadata.title


def test_unknown_block_is_refused() -> None:
    document = _with(every_block_document(), cast(Any, object()))
    with pytest.raises(TypeError, match="object"):
        write_docx(document)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_it_and_shows_the_text(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    source = tmp_path / "lofte.docx"
    source.write_bytes(write_docx(every_block_document(notice=NOTICE)))
    convert_to_pdf(source)
    reader = pypdf.PdfReader(tmp_path / "lofte.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("Medborgarlöfte i Testkommun", "Situationen idag", "Torkild Strandberg"):
        assert expected in text.replace("\n", " ")
    for expected in ("ŋ đ ŧ", "Sida 1 av", NOTICE, "Besök förskolor", "Numrerat två."):
        assert expected in text
    # The category and axis labels exist only inside the chart: LibreOffice drew it.
    for expected in ("T1", "T3", "Antal"):
        assert expected in text


def _with(document: Document, *blocks: Any) -> Document:
    """Return `document` with `blocks` added at the end."""
    return Document(document.metadata, document.page, (*document.blocks, *blocks))


def test_word_is_told_to_hyphenate() -> None:
    settings = read(every_block_document()).settings.element
    flag = settings.find(qn("w:autoHyphenation"))
    assert flag is not None and flag.get(qn("w:val")) == "true"
    names = [child.tag.split("}")[1] for child in settings]
    assert names.index("autoHyphenation") > names.index("defaultTabStop")  # schema order


def test_word_gets_the_pdfs_page_and_a_themes_margins() -> None:
    from dataclasses import replace

    from lofte_reports.doctree.nodes import DocumentStyle, Margins
    from lofte_reports.writers import _page

    def mm(length: object) -> float:
        return round(float(cast(Any, length).mm), 1)  # Word stores twentieths of a point

    plain = read(every_block_document()).sections[0]
    assert (mm(plain.page_width), mm(plain.page_height)) == (
        _page.PAGE_WIDTH_MM,
        _page.PAGE_HEIGHT_MM,
    )
    assert mm(plain.left_margin) == mm(plain.right_margin) == _page.SIDE_MARGIN_MM
    assert mm(plain.bottom_margin) == _page.BOTTOM_MARGIN_MM
    themed = replace(
        every_block_document(), style=DocumentStyle(margins=Margins(left=30, right=20))
    )
    section = read(themed).sections[0]
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 20)
